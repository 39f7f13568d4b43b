import { execFileSync } from 'node:child_process'
import { gzipSync, zstdCompressSync } from 'node:zlib'

/**
 * Decompression bombs that are small on disk and expand to gigabytes, built fast: one small
 * compressed unit of zeros repeated. gzip and zstd decoders take concatenated members/frames;
 * for xz the blocks are repeated inside one stream with a matching index, so the file is a
 * single valid .xz stream (xz file format 1.2.0, sections 2 and 4).
 */
const UNIT = 8 << 20

function repeat(unit: Uint8Array, times: number): Uint8Array {
  const out = new Uint8Array(unit.length * times)
  for (let i = 0; i < times; i++) out.set(unit, i * unit.length)
  return out
}

export function gzipBomb(bytes: number): Uint8Array {
  return repeat(gzipSync(Buffer.alloc(UNIT), { level: 9 }), Math.ceil(bytes / UNIT))
}

export function zstdBomb(bytes: number): Uint8Array {
  return repeat(zstdCompressSync(Buffer.alloc(UNIT)), Math.ceil(bytes / UNIT))
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(b: Uint8Array): number {
  let c = 0xffffffff
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function varint(n: number): number[] {
  const out: number[] = []
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80)
    n = Math.floor(n / 0x80)
  }
  out.push(n)
  return out
}

function le32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24]
}

/**
 * One .xz stream of `blocks` copies of an 8 MiB block of zeros (the block taken from what the
 * xz tool writes). `claim` sets the uncompressed size the index records per block: a lying
 * index (claim < 8 MiB) is what a hostile file would carry to get past a size check.
 */
export function xzBomb(bytes: number, claim = UNIT): Uint8Array {
  const one = new Uint8Array(
    execFileSync('xz', ['-c', '-0', '--check=crc32', '-T1'], { input: Buffer.alloc(UNIT) })
  )
  const dv = new DataView(one.buffer, one.byteOffset, one.byteLength)
  const footer = one.length - 12
  const indexSize = (dv.getUint32(footer + 4, true) + 1) * 4
  const indexStart = footer - indexSize
  const header = one.subarray(0, 12)
  const block = one.subarray(12, indexStart)
  // The one record: unpadded size (block without its padding to 4) and uncompressed size.
  let o = indexStart + 2
  let unpadded = 0
  for (let shift = 0; ; shift += 7) {
    const b = one[o++]!
    unpadded += (b & 0x7f) * 2 ** shift
    if (!(b & 0x80)) break
  }
  const times = Math.ceil(bytes / UNIT)
  const index = [0, ...varint(times)]
  for (let i = 0; i < times; i++) index.push(...varint(unpadded), ...varint(claim))
  while (index.length % 4) index.push(0)
  const indexBytes = new Uint8Array([...index, ...le32(crc32(new Uint8Array(index)))])
  const flags = header.subarray(6, 8)
  const tail = new Uint8Array([...le32(indexBytes.length / 4 - 1), ...flags])
  const foot = new Uint8Array([...le32(crc32(tail)), ...tail, 0x59, 0x5a])
  const out = new Uint8Array(12 + block.length * times + indexBytes.length + 12)
  out.set(header, 0)
  for (let i = 0; i < times; i++) out.set(block, 12 + i * block.length)
  out.set(indexBytes, 12 + block.length * times)
  out.set(foot, out.length - 12)
  return out
}
