import { execFileSync } from 'node:child_process'
import { gzipSync, zstdCompressSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decompress } from '../../src/load/decompress.ts'
import { splitSignature } from '../../src/load/signature.ts'
import { InputError } from '../../src/model/errors.ts'

const payload = Buffer.from('\x7fELF' + 'kernel module bytes '.repeat(5000))
const xz = (b: Buffer) => execFileSync('xz', ['-c', '--check=crc32'], { input: b })

describe('module decompression', () => {
  it('round-trips gzip, zstd and xz', async () => {
    expect(Buffer.from(await decompress(gzipSync(payload), 'gzip', 'm.ko.gz'))).toEqual(payload)
    expect(Buffer.from(await decompress(zstdCompressSync(payload), 'zstd', 'm.ko.zst'))).toEqual(payload)
    expect(Buffer.from(await decompress(xz(payload), 'xz', 'm.ko.xz'))).toEqual(payload)
  })

  it('reads every gzip member and every whole-piece zstd frame, whatever size the trailer claims', async () => {
    const a = Buffer.alloc(100_000, 1)
    const b = Buffer.alloc(70_000, 2)
    const both = Buffer.concat([a, b])
    expect(Buffer.from(await decompress(Buffer.concat([gzipSync(a), gzipSync(b)]), 'gzip', 'm.ko.gz'))).toEqual(both)
    for (const isize of [0, 5, 1 << 30, 0xffffffff]) {
      const lying = gzipSync(both)
      lying.writeUInt32LE(isize >>> 0, lying.length - 4)
      // gunzip checks ISIZE only as a trailer of the member: a lie is corrupt data, never a short read.
      await expect(decompress(lying, 'gzip', 'lie.ko.gz')).rejects.toThrow(/^lie\.ko\.gz: corrupt gzip data/)
    }
    const frames = Buffer.concat([zstdCompressSync(Buffer.alloc(1 << 20, 3)), zstdCompressSync(Buffer.alloc(1 << 20, 4))])
    expect((await decompress(frames, 'zstd', 'm.ko.zst')).length).toBe(2 << 20)
  })

  it('refuses output beyond the limit (a decompression bomb)', async () => {
    const zeros = Buffer.alloc(8 << 20)
    for (const [kind, data] of [
      ['xz', xz(zeros)],
      ['gzip', gzipSync(zeros)],
      ['zstd', zstdCompressSync(zeros)]
    ] as const) {
      expect(data.length).toBeLessThan(20_000)
      await expect(decompress(data, kind, `bomb.ko.${kind}`, 1 << 20)).rejects.toThrow(/expands beyond the 1048576-byte limit/)
    }
  })

  it('names the file when the stream is corrupt', async () => {
    const bad = xz(payload)
    bad.writeUInt8(bad.readUInt8(bad.length >> 1) ^ 0xff, bad.length >> 1)
    await expect(decompress(bad, 'xz', 'broken.ko.xz')).rejects.toThrow(InputError)
    await expect(decompress(Buffer.from('nope'), 'xz', 'broken.ko.xz')).rejects.toThrow(/^broken\.ko\.xz: not xz data/)
    await expect(decompress(Buffer.from('nope'), 'gzip', 'b.ko.gz')).rejects.toThrow(/^b\.ko\.gz: corrupt gzip data/)
  })
})

describe('module signature trailer', () => {
  it('splits a signed module at the ELF end', () => {
    const signer = Buffer.from('signer')
    const keyId = Buffer.from('keyid123')
    const sig = Buffer.alloc(300, 7)
    const info = Buffer.alloc(12)
    info[3] = signer.length
    info[4] = keyId.length
    info.writeUInt32BE(sig.length, 8)
    const magic = Buffer.from('~Module signature appended~\n')
    const signed = Buffer.concat([payload, signer, keyId, sig, info, magic])
    const { elf, signatureBytes } = splitSignature(signed)
    expect(Buffer.from(elf)).toEqual(payload)
    expect(signatureBytes).toBe(signer.length + keyId.length + sig.length + 12 + magic.length)
  })

  it('leaves unsigned data and bogus trailers alone', () => {
    expect(splitSignature(payload).signatureBytes).toBe(0)
    const info = Buffer.alloc(12)
    info.writeUInt32BE(0x7fffffff, 8)
    const bogus = Buffer.concat([payload, info, Buffer.from('~Module signature appended~\n')])
    expect(splitSignature(bogus).signatureBytes).toBe(0)
  })
})
