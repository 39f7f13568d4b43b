import { InputError } from '../model/errors.ts'

/**
 * The uncompressed size of an .xz file, read from its index (xz file format 1.2, sections
 * 2.1.2 and 4): the stream footer gives the index size, the index lists each block's
 * uncompressed size. Concatenated streams (and stream padding) are walked back to front.
 * Lets a batch of `xz -dc` output be split exactly at file boundaries.
 */
export function xzUncompressedSize(bytes: Uint8Array, file: string): number {
  let end = bytes.length
  let total = 0
  let streams = 0
  while (end > 0) {
    // Stream padding: NUL bytes in multiples of four between streams.
    while (end >= 4 && bytes[end - 1] === 0 && bytes[end - 2] === 0 && bytes[end - 3] === 0 && bytes[end - 4] === 0) end -= 4
    if (end === 0) break
    if (end < 24) throw new InputError('truncated', file, 'xz stream too short for header and footer')
    const footer = end - 12
    if (bytes[footer + 10] !== 0x59 || bytes[footer + 11] !== 0x5a) throw new InputError('bad-magic', file, 'no xz stream footer magic', footer + 10)
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const indexSize = (dv.getUint32(footer + 4, true) + 1) * 4
    const indexStart = footer - indexSize
    if (indexStart < 12) throw new InputError('bad-value', file, `xz index size ${indexSize} does not fit the stream`, footer + 4)
    let o = indexStart
    if (bytes[o++] !== 0) throw new InputError('bad-value', file, 'xz index indicator is not 0', indexStart)
    const varint = (): number => {
      let v = 0
      for (let shift = 0; shift < 63; shift += 7) {
        if (o >= footer) throw new InputError('truncated', file, 'xz index ends inside a number', o)
        const b = bytes[o++]!
        v += (b & 0x7f) * 2 ** shift
        if ((b & 0x80) === 0) return v
      }
      throw new InputError('bad-value', file, 'xz index number too long', o)
    }
    const records = varint()
    let streamBytes = 0
    let unpaddedTotal = 0
    for (let i = 0; i < records; i++) {
      unpaddedTotal += Math.ceil(varint() / 4) * 4
      streamBytes += varint()
    }
    total += streamBytes
    if (!Number.isSafeInteger(total)) throw new InputError('bad-value', file, 'xz uncompressed size overflows')
    streams++
    // Previous stream ends before this stream's header (12) + blocks.
    end = indexStart - unpaddedTotal - 12
    if (end < 0) throw new InputError('bad-value', file, 'xz blocks do not fit the stream')
  }
  if (streams === 0) throw new InputError('truncated', file, 'no xz stream')
  return total
}
