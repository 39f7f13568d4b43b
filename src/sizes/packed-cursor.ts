import { InputError } from '../model/errors.ts'

/**
 * Reads a packed table (packSizes' format, src/sizes/pack.ts) entry by entry without making a
 * string per name: the current name is kept as UTF-16 code units, each entry overwriting only
 * what follows its shared prefix. Two cursors compare their names in place, so a diff makes
 * strings only for the names whose size changed. Lines are checked as decodePacked checks
 * them, with the same error.
 */
export class PackedCursor {
  /** The current entry's size. */
  size = 0
  /** Whether every name so far was greater than the one before (UTF-16 order, as `<` compares). */
  ascending = true
  /** The current name: units[0, length) (read only; overwritten by next()). */
  units = new Uint16Array(256)
  length = 0
  private line = 0
  private pos = 0
  private readonly text: string
  private readonly file: string

  constructor(text: string, file: string) {
    this.text = text
    this.file = file
    if (text === '') this.pos = 1
  }

  /** Moves to the next entry; false when there is none. Throws InputError on a malformed line. */
  next(): boolean {
    const text = this.text
    const start = this.pos
    if (start > text.length) return false
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    this.line++
    const a = text.indexOf(' ', start)
    const b = text.lastIndexOf(' ', end - 1)
    const shared = a > start && a < end ? base36(text, start, a) : -1
    const size = b > a + 1 && b < end ? base36(text, b + 1, end) : -1
    if (shared < 0 || shared > this.length || size < 0) {
      throw new InputError('bad-value', this.file, `packed symbol sizes, line ${this.line}: malformed entry`)
    }
    const rest = b - a - 1
    const length = shared + rest
    if (length > this.units.length) {
      const grown = new Uint16Array(Math.max(length, this.units.length * 2))
      grown.set(this.units.subarray(0, this.length))
      this.units = grown
    }
    // The new name against the old one from the first unit after the shared prefix, while copying.
    const units = this.units
    const old = this.length
    let order = 0
    for (let k = 0; k < rest; k++) {
      const c = text.charCodeAt(a + 1 + k)
      const i = shared + k
      if (order === 0) order = i >= old ? 1 : c === units[i] ? 0 : c > units[i]! ? 1 : -1
      units[i] = c
    }
    if (order === 0) order = length > old ? 1 : length < old ? -1 : 0
    if (this.line > 1 && order <= 0) this.ascending = false
    this.length = length
    this.size = size
    this.pos = end + 1
    return true
  }

  /** The current name against another cursor's: negative, zero or positive, as UTF-16 order has it. */
  compare(other: PackedCursor): number {
    const a = this.units
    const b = other.units
    const n = Math.min(this.length, other.length)
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
    return this.length - other.length
  }

  /** The current name as a string. */
  name(): string {
    let s = ''
    for (let i = 0; i < this.length; i += 4096) s += String.fromCharCode(...this.units.subarray(i, Math.min(this.length, i + 4096)))
    return s
  }
}

/**
 * The base-36 number text[from, to) holds as parseInt(…, 36) reads it, or -1 when that is not
 * a safe non-negative integer: parseInt stops at the first non-digit (a prefix of digits
 * counts), takes an optional sign and leading whitespace. Plain digits are read here; anything
 * else goes to parseInt.
 */
export function base36(text: string, from: number, to: number): number {
  if (from >= to) return -1
  let n = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x7a ? c - 0x57 : c >= 0x41 && c <= 0x5a ? c - 0x37 : -1
    if (d < 0 || n > 2 ** 46) return slowBase36(text, from, to)
    n = n * 36 + d
  }
  return n
}

function slowBase36(text: string, from: number, to: number): number {
  const n = parseInt(text.slice(from, to), 36)
  return Number.isSafeInteger(n) && n >= 0 ? n : -1
}
