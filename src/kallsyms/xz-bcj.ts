import { crc32 } from 'node:zlib'
import { InputError } from '../model/errors.ts'

/**
 * Kernel .xz payloads (scripts/xz_wrap.sh) put the x86 BCJ filter before LZMA2 and ask for
 * dictionaries of up to 128 MiB. The bundled xz decoder handles LZMA2 only, with a smaller
 * dictionary limit, so the stream is rewritten without the BCJ filter (and without the
 * integrity check, which covers the filtered data), with the dictionary cut to the block's
 * size, decoded, and the BCJ step is undone here. File format: the .xz specification 1.2.1 (tukaani.org/xz/xz-file-format.txt).
 */

const HEADER_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]
const FILTER_X86 = 0x04
const FILTER_LZMA2 = 0x21
const CHECK_SIZES = [0, 4, 4, 4, 8, 8, 8, 16, 16, 16, 32, 32, 32, 64, 64, 64]

export interface XzRewrite {
  /** An equivalent stream the LZMA2-only decoder accepts. */
  stream: Uint8Array
  /** Undo the x86 BCJ filter on the decoded data (in place) after decoding `stream`. */
  x86: boolean
  /** Uncompressed size of each block: every block starts its filters afresh at position 0. */
  blockSizes: number[]
}

interface Vli {
  value: number
  next: number
}

function vli(b: Uint8Array, at: number, end: number, file: string): Vli {
  let value = 0
  for (let i = 0; i < 9; i++) {
    if (at + i >= end) throw new InputError('truncated', file, 'xz: integer runs past its field', at)
    const c = b[at + i]!
    value += (c & 0x7f) * 2 ** (7 * i)
    if (!(c & 0x80)) {
      if (!Number.isSafeInteger(value)) throw new InputError('bad-value', file, 'xz: integer too large', at)
      return { value, next: at + i + 1 }
    }
  }
  throw new InputError('bad-value', file, 'xz: integer longer than 9 bytes', at)
}

function putVli(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80)
    v = Math.floor(v / 0x80)
  }
  out.push(v)
}

function le32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]
}

function u32At(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0
}

interface BlockInfo {
  headerStart: number
  headerSize: number
  unpaddedSize: number
  uncompressedSize: number
  filters: Array<{ id: number; props: Uint8Array }>
}

/** Parses a single-stream .xz and rewrites it for the LZMA2-only decoder. */
export function rewriteXzForLzma2(input: Uint8Array, file: string): XzRewrite {
  let b = input
  if (b.length < 24 || HEADER_MAGIC.some((m, i) => b[i] !== m)) throw new InputError('bad-magic', file, 'not xz data (bad magic)', 0)
  // The kernel appends the uncompressed size (4 bytes); xz stream padding would be zeros.
  if (!(b[b.length - 2] === 0x59 && b[b.length - 1] === 0x5a) && b[b.length - 6] === 0x59 && b[b.length - 5] === 0x5a) b = b.subarray(0, b.length - 4)
  while (b.length >= 4 && u32At(b, b.length - 4) === 0 && !(b[b.length - 2] === 0x59 && b[b.length - 1] === 0x5a)) b = b.subarray(0, b.length - 4)
  const checkId = b[7]! & 0x0f
  const checkSize = CHECK_SIZES[checkId]!
  const footer = b.length - 12
  if (footer < 12 || b[footer + 10] !== 0x59 || b[footer + 11] !== 0x5a) throw new InputError('bad-value', file, 'xz: no stream footer at the end', footer)
  const indexSize = (u32At(b, footer + 4) + 1) * 4
  const indexStart = footer - indexSize
  if (indexStart < 12 || b[indexStart] !== 0) throw new InputError('bad-value', file, 'xz: index not where the footer says', indexStart)
  let at = indexStart + 1
  const count = vli(b, at, footer, file)
  at = count.next
  const records: Array<{ unpadded: number; uncompressed: number }> = []
  for (let i = 0; i < count.value; i++) {
    const u = vli(b, at, footer, file)
    const c = vli(b, u.next, footer, file)
    records.push({ unpadded: u.value, uncompressed: c.value })
    at = c.next
  }
  const blocks: BlockInfo[] = []
  let pos = 12
  for (const rec of records) {
    if (pos >= indexStart) throw new InputError('bad-value', file, 'xz: blocks run into the index', pos)
    const headerSize = (b[pos]! + 1) * 4
    const flags = b[pos + 1]!
    let p = pos + 2
    if (flags & 0x40) p = vli(b, p, pos + headerSize, file).next
    if (flags & 0x80) p = vli(b, p, pos + headerSize, file).next
    const filters: BlockInfo['filters'] = []
    for (let f = 0; f <= (flags & 3); f++) {
      const id = vli(b, p, pos + headerSize, file)
      const size = vli(b, id.next, pos + headerSize, file)
      filters.push({ id: id.value, props: b.subarray(size.next, size.next + size.value) })
      p = size.next + size.value
    }
    blocks.push({ headerStart: pos, headerSize, unpaddedSize: rec.unpadded, uncompressedSize: rec.uncompressed, filters })
    pos += Math.ceil(rec.unpadded / 4) * 4
  }
  const usesX86 = blocks.some(bl => bl.filters.some(f => f.id === FILTER_X86))
  const unsupported = blocks.flatMap(bl => bl.filters).find(f => f.id !== FILTER_X86 && f.id !== FILTER_LZMA2)
  if (unsupported) throw new InputError('unsupported', file, `xz filter 0x${unsupported.id.toString(16)} is not supported (only x86 BCJ and LZMA2)`)
  const blockSizes = blocks.map(bl => bl.uncompressedSize)
  if (blocks.some(bl => bl.filters.some(f => f.id === FILTER_X86 && f.props.length > 0 && u32At(f.props, 0) !== 0))) {
    throw new InputError('unsupported', file, 'xz x86 BCJ filter with a start offset')
  }

  const out: number[] = []
  const chunks: Uint8Array[] = []
  const flush = () => {
    chunks.push(Uint8Array.from(out))
    out.length = 0
  }
  // Stream header with check type None.
  out.push(...HEADER_MAGIC, 0x00, 0x00, ...le32(crc32(Uint8Array.of(0, 0))))
  const newRecords: Array<{ unpadded: number; uncompressed: number }> = []
  for (const bl of blocks) {
    const compressedSize = bl.unpaddedSize - bl.headerSize - checkSize
    const lzma = bl.filters.filter(f => f.id !== FILTER_X86).map(f => (f.id === FILTER_LZMA2 ? { id: f.id, props: clampDictionary(f.props, bl.uncompressedSize) } : f))
    const h: number[] = [0, lzma.length - 1]
    for (const f of lzma) {
      putVli(h, f.id)
      putVli(h, f.props.length)
      h.push(...f.props)
    }
    while ((h.length + 4) % 4 !== 0) h.push(0)
    h[0] = (h.length + 4) / 4 - 1
    const header = [...h, ...le32(crc32(Uint8Array.from(h)))]
    out.push(...header)
    flush()
    const dataStart = bl.headerStart + bl.headerSize
    chunks.push(b.subarray(dataStart, dataStart + compressedSize))
    for (let i = 0; i < (4 - (compressedSize % 4)) % 4; i++) out.push(0)
    newRecords.push({ unpadded: header.length + compressedSize, uncompressed: bl.uncompressedSize })
  }
  const index: number[] = [0]
  putVli(index, newRecords.length)
  for (const r of newRecords) {
    putVli(index, r.unpadded)
    putVli(index, r.uncompressed)
  }
  while (index.length % 4 !== 0) index.push(0)
  index.push(...le32(crc32(Uint8Array.from(index))))
  out.push(...index)
  const footerBody = [...le32(index.length / 4 - 1), 0x00, 0x00]
  out.push(...le32(crc32(Uint8Array.from(footerBody))), ...footerBody, 0x59, 0x5a)
  flush()
  return { stream: Buffer.concat(chunks), x86: usesX86, blockSizes }
}

/**
 * LZMA2's property byte sizes the dictionary: (2 | (p & 1)) << (p / 2 + 11). Kernels ask for up
 * to 128 MiB, more than the bundled decoder allocates, but no match reaches further back than
 * the block's own length, so the smallest size covering the block decodes the same data.
 */
function clampDictionary(props: Uint8Array, blockSize: number): Uint8Array {
  if (props.length !== 1 || props[0]! > 40) return props
  const sizeOf = (p: number) => (2 | (p & 1)) * 2 ** (Math.floor(p / 2) + 11)
  let p = 0
  while (p < props[0]! && sizeOf(p) < blockSize) p++
  return Uint8Array.of(p)
}

/** Undoes x86 BCJ block by block over the decoded stream. */
export function undoX86BcjBlocks(buf: Uint8Array, blockSizes: readonly number[]): void {
  let at = 0
  for (const size of blockSizes) {
    if (at + size > buf.length) break
    undoX86Bcj(buf.subarray(at, at + size))
    at += size
  }
}

/**
 * Undoes the x86 BCJ filter over a whole buffer decoded from position 0: the filter turned the
 * rel32 of E8 (call) and E9 (jmp) into absolute targets where the operand's top byte was 00 or
 * FF; decoding subtracts the position back. The state tracks recent E8/E9 bytes, because the
 * encoder skipped candidates overlapping an earlier one.
 */
export function undoX86Bcj(buf: Uint8Array): void {
  const limit = buf.length - 4
  if (limit <= 0) return
  const isMs = (c: number) => c === 0x00 || c === 0xff
  const allowed = [true, true, true, false, true, false, false, false]
  const bitNum = [0, 1, 2, 2, 3, 3, 3, 3]
  let prevPos = -1
  let prevMask = 0
  let i = 0
  for (; i < limit; i++) {
    if ((buf[i]! & 0xfe) !== 0xe8) continue
    const dist = i - prevPos
    if (dist > 3) prevMask = 0
    else {
      prevMask = (prevMask << (dist - 1)) & 7
      if (prevMask !== 0) {
        const c = buf[i + 4 - bitNum[prevMask]!]!
        if (!allowed[prevMask] || isMs(c)) {
          prevPos = i
          prevMask = (prevMask << 1) | 1
          continue
        }
      }
    }
    prevPos = i
    if (!isMs(buf[i + 4]!)) {
      prevMask = (prevMask << 1) | 1
      continue
    }
    let src = u32At(buf, i + 1)
    let dest: number
    for (;;) {
      dest = (src - (i + 5)) >>> 0
      if (prevMask === 0) break
      const shift = bitNum[prevMask]! * 8
      if (!isMs((dest >>> (24 - shift)) & 0xff)) break
      src = (dest ^ ((2 ** (32 - shift)) - 1)) >>> 0
    }
    dest &= 0x01ffffff
    if (dest & 0x01000000) dest |= 0xfe000000
    buf[i + 1] = dest & 0xff
    buf[i + 2] = (dest >>> 8) & 0xff
    buf[i + 3] = (dest >>> 16) & 0xff
    buf[i + 4] = (dest >>> 24) & 0xff
    i += 4
  }
}
