import { InputError } from '../model/errors.ts'

/** `lz4 -l` (legacy frame) magic, little-endian, as the kernel's lz4 payloads start. */
export const LZ4_LEGACY_MAGIC = 0x184c2102
/** Legacy frames cut the input into 8 MiB blocks. */
const BLOCK_MAX = 8 << 20

function u32At(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0
}

/**
 * Decodes an LZ4 legacy frame: the magic, then blocks of (u32 compressed size, LZ4 block).
 * A size that is the magic again starts another frame; a size that cannot be a block (the
 * kernel's appended uncompressed size, or the end) ends the stream (as lib/decompress_unlz4.c
 * stops). Every copy is bounds-checked; output beyond `maxBytes` is refused.
 */
export function decodeLz4Legacy(input: Uint8Array, file: string, maxBytes: number): Uint8Array {
  if (input.length < 4 || u32At(input, 0) !== LZ4_LEGACY_MAGIC) throw new InputError('bad-magic', file, 'not an lz4 legacy stream', 0)
  let out = new Uint8Array(Math.min(maxBytes, Math.max(BLOCK_MAX, input.length * 3)))
  let op = 0
  let ip = 4
  while (ip + 4 <= input.length) {
    const size = u32At(input, ip)
    if (size === LZ4_LEGACY_MAGIC) {
      ip += 4
      continue
    }
    if (size === 0 || size > input.length - ip - 4 || size > BLOCK_MAX + (BLOCK_MAX >>> 8) + 16) break
    ip += 4
    if (op + BLOCK_MAX > out.length && out.length < maxBytes) {
      const bigger = new Uint8Array(Math.min(maxBytes, Math.max(out.length * 2, op + BLOCK_MAX)))
      bigger.set(out.subarray(0, op))
      out = bigger
    }
    op = decodeBlock(input, ip, ip + size, out, op, Math.min(out.length, op + BLOCK_MAX), file)
    ip += size
  }
  return out.subarray(0, op)
}

/** One LZ4 block: sequences of (token, literals, 16-bit offset, match); returns the new output end. */
function decodeBlock(src: Uint8Array, ip: number, end: number, out: Uint8Array, op: number, outEnd: number, file: string): number {
  const blockStart = op
  // Output ends at the block's 8 MiB or, before that, at the caller's limit.
  const overflow = (at: number) =>
    outEnd - blockStart < BLOCK_MAX
      ? new InputError('too-large', file, `lz4 data expands beyond the ${outEnd}-byte limit`, at)
      : new InputError('bad-value', file, 'lz4: block expands beyond 8 MiB', at)
  while (ip < end) {
    const token = src[ip++]!
    let lit = token >>> 4
    if (lit === 15) {
      for (;;) {
        if (ip >= end) throw new InputError('truncated', file, 'lz4: literal length runs past the block', ip)
        const c = src[ip++]!
        lit += c
        if (c !== 255) break
      }
    }
    if (ip + lit > end) throw new InputError('truncated', file, 'lz4: literals run past the block', ip)
    if (op + lit > outEnd) throw overflow(ip)
    out.set(src.subarray(ip, ip + lit), op)
    ip += lit
    op += lit
    if (ip >= end) break // the last sequence has literals only
    if (ip + 2 > end) throw new InputError('truncated', file, 'lz4: match offset runs past the block', ip)
    const offset = src[ip]! | (src[ip + 1]! << 8)
    ip += 2
    if (offset === 0 || offset > op - blockStart) throw new InputError('bad-value', file, `lz4: match offset ${offset} points before the block`, ip - 2)
    let len = (token & 15) + 4
    if ((token & 15) === 15) {
      for (;;) {
        if (ip >= end) throw new InputError('truncated', file, 'lz4: match length runs past the block', ip)
        const c = src[ip++]!
        len += c
        if (c !== 255) break
      }
    }
    if (op + len > outEnd) throw overflow(ip)
    let from = op - offset
    if (offset >= len) {
      out.copyWithin(op, from, from + len)
      op += len
    } else {
      // Overlapping match: repeats the last `offset` bytes.
      for (let i = 0; i < len; i++) out[op++] = out[from++]!
    }
  }
  return op
}
