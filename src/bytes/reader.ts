import { InputError } from '../model/errors.ts'

/**
 * Bounds-checked little/big-endian reads over one Uint8Array. Every read that would leave
 * the buffer throws an InputError naming the file and offset; nothing reads past the end
 * and silently yields 0.
 */
export class ByteReader {
  readonly bytes: Uint8Array
  readonly view: DataView
  readonly le: boolean
  readonly file: string

  constructor(bytes: Uint8Array, littleEndian: boolean, file: string) {
    this.bytes = bytes
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    this.le = littleEndian
    this.file = file
  }

  get length(): number {
    return this.bytes.byteLength
  }

  check(offset: number, size: number, what: string): void {
    if (!Number.isSafeInteger(offset) || offset < 0 || size < 0 || offset + size > this.bytes.byteLength) {
      throw new InputError(
        'truncated',
        this.file,
        `${what} needs ${size} bytes but the data ends at 0x${this.bytes.byteLength.toString(16)}`,
        Number.isSafeInteger(offset) ? offset : undefined
      )
    }
  }

  u8(offset: number, what = 'byte'): number {
    this.check(offset, 1, what)
    return this.bytes[offset]!
  }

  u16(offset: number, what = 'u16'): number {
    this.check(offset, 2, what)
    return this.view.getUint16(offset, this.le)
  }

  u32(offset: number, what = 'u32'): number {
    this.check(offset, 4, what)
    return this.view.getUint32(offset, this.le)
  }

  i32(offset: number, what = 'i32'): number {
    this.check(offset, 4, what)
    return this.view.getInt32(offset, this.le)
  }

  u64(offset: number, what = 'u64'): bigint {
    this.check(offset, 8, what)
    return this.view.getBigUint64(offset, this.le)
  }

  /** A u64 that must fit a JavaScript number (sizes, file offsets). */
  u64n(offset: number, what = 'u64'): number {
    this.check(offset, 8, what)
    const lo = this.view.getUint32(offset + (this.le ? 0 : 4), this.le)
    const hi = this.view.getUint32(offset + (this.le ? 4 : 0), this.le)
    if (hi > 0x1fffff) {
      const v = this.view.getBigUint64(offset, this.le)
      throw new InputError('bad-value', this.file, `${what} is 0x${v.toString(16)}, larger than any file`, offset)
    }
    return hi * 0x100000000 + lo
  }

  /** A word of the file's class: u32 for ELF32, u64 for ELF64. */
  word(offset: number, is64: boolean, what = 'word'): bigint {
    return is64 ? this.u64(offset, what) : BigInt(this.u32(offset, what))
  }

  wordn(offset: number, is64: boolean, what = 'word'): number {
    return is64 ? this.u64n(offset, what) : this.u32(offset, what)
  }

  slice(offset: number, size: number, what = 'data'): Uint8Array {
    this.check(offset, size, what)
    return this.bytes.subarray(offset, offset + size)
  }
}

const latin1 = new TextDecoder('latin1')
const utf8 = new TextDecoder('utf-8')

/**
 * The NUL-terminated string at `offset` of a string table. Kernel symbol names are ASCII;
 * decoding as UTF-8 keeps anything else readable. Returns undefined when no NUL ends it.
 */
export function cString(bytes: Uint8Array, offset: number): string | undefined {
  if (offset < 0 || offset >= bytes.length) return undefined
  const end = bytes.indexOf(0, offset)
  if (end < 0) return undefined
  return decodeAscii(bytes, offset, end)
}

/** Fast path for ASCII (nearly every kernel name); UTF-8 for the rest. */
export function decodeAscii(bytes: Uint8Array, start: number, end: number): string {
  if (end - start < 64) {
    let s = ''
    for (let i = start; i < end; i++) {
      const c = bytes[i]!
      if (c >= 0x80) return utf8.decode(bytes.subarray(start, end))
      s += String.fromCharCode(c)
    }
    return s
  }
  const sub = bytes.subarray(start, end)
  for (let i = 0; i < sub.length; i++) if (sub[i]! >= 0x80) return utf8.decode(sub)
  return latin1.decode(sub)
}
