// Every payload compression a bzImage and an arm64 boot image can carry, from real kernels:
// Debian 6.12's zstd vmlinuz repacked with gzip, xz (x86 BCJ, as scripts/xz_wrap.sh) and lz4
// (legacy frames, as `lz4 -l`), each followed by the kernel's 4-byte size; Debian 6.1's raw
// arm64 Image gzipped as Image.gz. Each must decode to the very table of the original.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync, zstdCompressSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { unpackKernel } from '../../src/kallsyms/boot-image.ts'
import { readEmbeddedTable } from '../../src/kallsyms/embedded.ts'
import { formatTable } from '../../src/kallsyms/format-table.ts'
import { debianRelease, fixtureMissing } from '../support/kernels.ts'
import { debianKernel } from './debian-support.ts'

const dir = mkdtempSync(join(tmpdir(), 'kbr-kallsyms-payloads-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function sizeAppended(data: Uint8Array, size: number): Buffer {
  const tail = Buffer.alloc(4)
  tail.writeUInt32LE(size >>> 0)
  return Buffer.concat([data, tail])
}

/** A copy of a bzImage with another payload: the setup and the payload fields patched. */
function repack(bzImage: Buffer, payload: Buffer): Buffer {
  const setupSects = bzImage[0x1f1]! || 4
  const start = (setupSects + 1) * 512 + bzImage.readUInt32LE(0x248)
  const out = Buffer.concat([bzImage.subarray(0, start), payload])
  out.writeUInt32LE(payload.length, 0x24c)
  return out
}

function tool(cmd: string, args: string[], input: Uint8Array): Buffer | null {
  const r = spawnSync(cmd, args, { input, maxBuffer: 1 << 28 })
  return r.status === 0 ? r.stdout : null
}

describe('bzImage payloads', async () => {
  const rel = debianRelease('new')
  const original = rel?.vmlinuz ? readFileSync(rel.vmlinuz) : null
  const inner = original ? (await unpackKernel(original, 'vmlinuz')).bytes : null
  const reference = rel?.vmlinuz ? formatTable((await readEmbeddedTable(rel.vmlinuz, 'vmlinuz')).table, 16) : null
  const payloads: Array<[string, () => Buffer | null]> = [
    ['gzip', () => gzipSync(inner!, { level: 1 })],
    ['zstd', () => sizeAppended(zstdCompressSync(inner!), inner!.length)],
    ['xz', () => {
      const xz = tool('xz', ['--check=crc32', '--x86', '--lzma2=preset=1,dict=32MiB', '-c'], inner!)
      return xz && sizeAppended(xz, inner!.length)
    }],
    ['lz4', () => {
      const lz4 = tool('lz4', ['-l', '-1', '-c'], inner!)
      return lz4 && sizeAppended(lz4, inner!.length)
    }]
  ]
  it.for(payloads)('%s', async ([kind, make], ctx) => {
    if (!original || !inner || !reference) return fixtureMissing('Debian 6.12 new vmlinuz', ctx.skip)
    const payload = make()
    if (!payload) return ctx.skip(`no ${kind} tool`)
    const path = join(dir, `bzImage.${kind}`)
    writeFileSync(path, repack(original, payload))
    const e = await readEmbeddedTable(path, 'bzImage')
    expect(e.source).toMatch(new RegExp(`^bzImage ${kind} payload, ELF`))
    expect(Buffer.compare(formatTable(e.table, 16), reference)).toBe(0)
  })
})

describe('arm64 Image.gz', () => {
  it('decodes to the table of the raw Image', async ctx => {
    const k = debianKernel('6.1-arm64')
    if ('missing' in k) return fixtureMissing(`Debian 6.1 arm64: ${k.missing}`, ctx.skip)
    const path = join(dir, 'Image.gz')
    writeFileSync(path, gzipSync(readFileSync(k.image), { level: 1 }))
    const gz = await readEmbeddedTable(path, 'Image.gz')
    const raw = await readEmbeddedTable(k.image, 'Image')
    expect(gz.source).toBe('compressed gzip payload, arm64 Image, by scan')
    expect(Buffer.compare(formatTable(gz.table, 16), formatTable(raw.table, 16))).toBe(0)
  })
})

describe('what is not a kernel', () => {
  it('says what it expected', async () => {
    const path = join(dir, 'junk')
    writeFileSync(path, Buffer.alloc(4096, 7))
    await expect(readEmbeddedTable(path, 'junk')).rejects.toThrow(/junk: not a vmlinux ELF, x86 bzImage, arm64 Image, EFI zboot image or compressed kernel/)
    const bz = Buffer.alloc(0x600)
    bz.write('HdrS', 0x202, 'latin1')
    bz.writeUInt16LE(0x20f, 0x206)
    bz[0x1f1] = 1
    bz.writeUInt32LE(0, 0x248)
    bz.writeUInt32LE(0x200, 0x24c)
    Buffer.from('5d000080', 'hex').copy(bz, 0x400)
    writeFileSync(path, bz)
    await expect(readEmbeddedTable(path, 'bzImage')).rejects.toThrow(/bzImage payload is lzma-compressed; gzip, xz, zstd and lz4 are supported/)
  })
})

describe('inflating a payload only as far as needed', () => {
  // 24 MiB that do not repeat much (a hash of the offset), starting as an ELF would.
  const data = Buffer.alloc(24 << 20)
  for (let i = 0; i < data.length; i += 4) data.writeUInt32LE(Math.imul(i, 2654435761) >>> 0, i)
  data.set([0x7f, 0x45, 0x4c, 0x46, 2, 1], 0)
  const streams: Array<[string, Buffer]> = [
    ['gzip (its ISIZE is the size)', gzipSync(data, { level: 1 })],
    // No size field: its last four bytes are read as one, whatever they say.
    ['zstd (no size)', zstdCompressSync(data)],
    // A size that is too small: the output outgrows the stream's first buffer.
    ['zstd (size too small)', sizeAppended(zstdCompressSync(data), 3 << 20)]
  ]
  it.for(streams)('%s: the prefix it stops at is the data, and so is the whole stream', async ([, stream]) => {
    let calls = 0
    let last = 0
    const prefix = await unpackKernel(stream, 'kernel.z', 64 << 20, p => {
      calls++
      expect(p.length).toBeGreaterThan(last)
      last = p.length
      return p.length >= 9 << 20
    })
    expect(prefix.partial).toBe(true)
    expect(calls).toBeGreaterThan(2)
    expect(prefix.bytes.length).toBe(last)
    expect(last).toBeGreaterThanOrEqual(9 << 20)
    expect(last).toBeLessThan(data.length)
    expect(Buffer.compare(prefix.bytes, data.subarray(0, last))).toBe(0)
    // Never enough: the whole stream, through the same path.
    const whole = await unpackKernel(stream, 'kernel.z', 64 << 20, () => false)
    expect(whole.partial).toBe(false)
    expect(Buffer.compare(whole.bytes, data)).toBe(0)
  })
})
