import type { SizeMap } from './symbol-sizes.ts'

/**
 * name -> summed size over the bytes of ASCII names, as cleanName and SizeTable make it from
 * strings: a raw `nm` name is cut at '@', skipped as bloat-o-meter's getsizes() skips it, its
 * `.NUMBER` parts dropped, and the result kept in one arena with an open-addressing hash. No
 * string per symbol: vmlinux's 140,000 names are compared with a baseline's table in place,
 * and strings are made only for the names whose size changed.
 *
 * Only for names of ASCII bytes (the caller checks the string table): there bytes are the
 * UTF-16 code units the string form compares.
 */
export class ByteSizeTable {
  private arena: Uint8Array
  private top = 0
  private starts: Int32Array
  private lengths: Int32Array
  private sizes: Float64Array
  /**
   * Open addressing, at most half full: per slot its name's hash, entry index + 1 (0: empty),
   * start and length, so a probe reads one cache line before the name's bytes.
   */
  private slots: Int32Array
  /** Distinct names. */
  count = 0

  /** `bytes` and `names`: room to start with (a table grows as needed). */
  constructor(bytes = 4096, names = 64) {
    this.arena = new Uint8Array(Math.max(bytes, 64))
    this.starts = new Int32Array(Math.max(names, 16))
    this.lengths = new Int32Array(this.starts.length)
    this.sizes = new Float64Array(this.starts.length)
    let slotCount = 64
    while (slotCount < 2 * names) slotCount *= 2
    this.slots = new Int32Array(4 * slotCount)
  }

  /** Adds the raw name src[from, to) (an nm name, '@' version included) with its size, cleaned; skipped names are dropped. */
  addRaw(src: Uint8Array, from: number, to: number, size: number): void {
    // Empty once cut at '@', or one of the generated names getsizes() skips.
    if (from === to || src[from] === 0x40 || skipped(src, from, to)) return
    const need = this.top + (to - from)
    if (need > this.arena.length) this.arena = grown(this.arena, need)
    const arena = this.arena
    const top = this.top
    let w = top
    let h = FNV_OFFSET
    // One pass, copying and hashing up to the '@': a ':' or whitespace drops the name (the
    // script cannot split its line), and re.sub(r'\.[0-9]+', '') drops a '.' with its digits.
    for (let k = from; k < to; ) {
      const c = src[k]!
      if (c === 0x40) break
      if (c === 0x3a || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20)) return
      if (c === 0x2e && k + 1 < to && isDigit(src[k + 1]!)) {
        k += 2
        while (k < to && isDigit(src[k]!)) k++
        continue
      }
      arena[w++] = c
      h = Math.imul(h ^ c, FNV_PRIME)
      k++
    }
    this.insert(h, top, w - top, size)
  }

  /** The entry whose name is units[0, length), or -1. */
  find(units: Uint16Array, length: number): number {
    let h = FNV_OFFSET
    for (let k = 0; k < length; k++) h = Math.imul(h ^ units[k]!, FNV_PRIME)
    const slots = this.slots
    const mask = (slots.length >> 2) - 1
    const arena = this.arena
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const at = s << 2
      const e = slots[at + 1]! - 1
      if (e < 0) return -1
      if (slots[at] !== h || slots[at + 3] !== length) continue
      const start = slots[at + 2]!
      let k = 0
      while (k < length && arena[start + k] === units[k]) k++
      if (k === length) return e
    }
  }

  sizeAt(e: number): number {
    return this.sizes[e]!
  }

  nameAt(e: number): string {
    const start = this.starts[e]!
    return Buffer.from(this.arena.buffer, this.arena.byteOffset, this.arena.byteLength).toString('latin1', start, start + this.lengths[e]!)
  }

  get size(): number {
    return this.count
  }

  /** The table as plain typed arrays, trimmed, to cross a thread boundary (fromWire rebuilds it). */
  toWire(): ByteSizeTableWire {
    const n = this.count
    return {
      count: n,
      arena: this.arena.slice(0, this.top),
      starts: this.starts.slice(0, n),
      lengths: this.lengths.slice(0, n),
      sizes: this.sizes.slice(0, n),
      slots: this.slots.slice()
    }
  }

  /**
   * A table from toWire's arrays (made by our own module workers, not read from a file):
   * the shapes are checked, so a wrong message fails here rather than in a lookup.
   */
  static fromWire(w: ByteSizeTableWire): ByteSizeTable {
    const n = w.count
    const ok =
      Number.isSafeInteger(n) &&
      w.arena instanceof Uint8Array &&
      w.starts instanceof Int32Array &&
      w.starts.length === n &&
      w.lengths instanceof Int32Array &&
      w.lengths.length === n &&
      w.sizes instanceof Float64Array &&
      w.sizes.length === n &&
      w.slots instanceof Int32Array &&
      w.slots.length >= 8 * n &&
      (w.slots.length & (w.slots.length - 1)) === 0
    if (!ok) throw new Error('a size table from a module worker has the wrong shape')
    const t = new ByteSizeTable(0, 0)
    t.arena = w.arena
    t.top = w.arena.length
    t.starts = w.starts
    t.lengths = w.lengths
    t.sizes = w.sizes
    t.slots = w.slots
    t.count = n
    return t
  }

  /** The same table as a map, in the order names were first added (as SizeTable.toMap). */
  toMap(): SizeMap {
    const m: SizeMap = new Map()
    for (let e = 0; e < this.count; e++) m.set(this.nameAt(e), this.sizes[e]!)
    return m
  }

  /** Sums `size` into the name arena[start, start + length) of hash h, kept (top advanced) when new. */
  private insert(h: number, start: number, length: number, size: number): void {
    const arena = this.arena
    const slots = this.slots
    const mask = (slots.length >> 2) - 1
    let s = h & mask
    for (; ; s = (s + 1) & mask) {
      const at = s << 2
      const e = slots[at + 1]! - 1
      if (e < 0) break
      if (slots[at] !== h || slots[at + 3] !== length) continue
      const old = slots[at + 2]!
      let k = 0
      while (k < length && arena[old + k] === arena[start + k]) k++
      if (k === length) {
        this.sizes[e]! += size
        return
      }
    }
    const e = this.count++
    if (e === this.starts.length) this.growEntries()
    this.starts[e] = start
    this.lengths[e] = length
    this.sizes[e] = size
    const at = s << 2
    slots[at] = h
    slots[at + 1] = e + 1
    slots[at + 2] = start
    slots[at + 3] = length
    this.top = start + length
    if (this.count * 2 > slots.length >> 2) this.rehash()
  }

  private growEntries(): void {
    const n = Math.max(16, this.starts.length * 2)
    const starts = new Int32Array(n)
    const lengths = new Int32Array(n)
    const sizes = new Float64Array(n)
    starts.set(this.starts)
    lengths.set(this.lengths)
    sizes.set(this.sizes)
    this.starts = starts
    this.lengths = lengths
    this.sizes = sizes
  }

  private rehash(): void {
    const old = this.slots
    const slots = new Int32Array(old.length * 2)
    const mask = (slots.length >> 2) - 1
    for (let from = 0; from < old.length; from += 4) {
      if (old[from + 1] === 0) continue
      let s = old[from]! & mask
      while (slots[(s << 2) + 1] !== 0) s = (s + 1) & mask
      const at = s << 2
      slots[at] = old[from]!
      slots[at + 1] = old[from + 1]!
      slots[at + 2] = old[from + 2]!
      slots[at + 3] = old[from + 3]!
    }
    this.slots = slots
  }
}

export interface ByteSizeTableWire {
  count: number
  arena: Uint8Array
  starts: Int32Array
  lengths: Int32Array
  sizes: Float64Array
  slots: Int32Array
}

const FNV_OFFSET = 0x811c9dc5 | 0
const FNV_PRIME = 0x01000193

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}

function grown(a: Uint8Array, need: number) {
  const b = new Uint8Array(Math.max(need, a.length * 2))
  b.set(a)
  return b
}

const bytesOf = (s: string) => Uint8Array.from(s, c => c.charCodeAt(0))
/** cleanName's skipped prefixes (each starts with '_') and whole names. */
const SKIPPED_PREFIXES = ['__mod_', '__se_sys', '__se_compat_sys', '__addressable_', '__noinstr_text_start', '_sdata'].map(bytesOf)
const SKIPPED_NAMES = ['linux_banner', 'vermagic'].map(bytesOf)

/**
 * cleanName's generated names, on the raw bytes src[from, to): the name cut at '@' starts with
 * a skipped prefix or is a skipped name. No prefix holds '@', so a prefix matched in full lies
 * inside the cut name; a whole name must be followed by the end or the '@'.
 */
function skipped(src: Uint8Array, from: number, to: number): boolean {
  const first = src[from] === 0x5f
  // Nearly every name is cleared by its second byte: '_' names by the prefixes' ('_' or 's').
  const second = to - from > 1 ? src[from + 1]! : -1
  if (first ? second !== 0x5f && second !== 0x73 : second !== 0x69 && second !== 0x65) return false
  const list = first ? SKIPPED_PREFIXES : SKIPPED_NAMES
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!
    if (to - from < p.length) continue
    let k = 0
    while (k < p.length && src[from + k] === p[k]) k++
    if (k === p.length && (first || from + k === to || src[from + k] === 0x40)) return true
  }
  return false
}
