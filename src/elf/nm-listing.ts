import { ET_REL, SHN_LORESERVE, SHN_UNDEF, SHN_XINDEX, STT_FILE, STT_SECTION } from './constants.ts'
import type { ElfFile } from './elf.ts'
import { nmLetter, sectionLetters } from './nm.ts'
import { sortNames } from './sort-names.ts'

export interface NmListingOptions {
  /** Print each defined symbol's nonzero size after its value, as `nm -S`. */
  sizes: boolean
  /** Makes a name safe to print (applied only to names holding control or non-ASCII bytes). */
  escape(name: string): string
}

const TWO_32 = 0x100000000
const HEX = Uint8Array.from('0123456789abcdef', c => c.charCodeAt(0))
const SPACE = 0x20
const NEWLINE = 0x0a

/**
 * What `nm` prints for one ELF file (no -a: section and file symbols hidden), as UTF-8 bytes,
 * lines joined by \n: `%016x %c %s`, blanks for undefined symbols (`%08x` for ELF32). The order
 * is nm's: names compared as bytes (strcoll in the C locale), equal names in symbol-table order
 * (glibc's qsort is a merge sort, stable, at these sizes). Reads the symbol table's bytes
 * directly and writes the listing into one buffer: no object or string per symbol, and 64-bit
 * values added as two 32-bit halves.
 */
export function nmListing(elf: ElfFile, options: NmListingOptions): Uint8Array {
  const table = elf.symbolTable()
  if (!table) return new Uint8Array(0)
  const { count, entsize, entries, strings } = table
  const view = entries.view
  const le = elf.littleEndian
  const is64 = elf.is64
  const width = is64 ? 16 : 8
  const relocatable = elf.type === ET_REL
  const sections = elf.sections
  const letterOf = sectionLetters(elf)
  // In relocatable objects BFD adds the section's address to st_value (see nmValue).
  const addrHi = sections.map(s => (relocatable ? Number((s.addr >> 32n) & 0xffffffffn) : 0))
  const addrLo = sections.map(s => (relocatable ? Number(s.addr & 0xffffffffn) : 0))

  const starts = new Int32Array(count)
  const ends = new Int32Array(count)
  const letters = new Uint8Array(count)
  const hiWords = new Uint32Array(count)
  const loWords = new Uint32Array(count)
  const sizes = options.sizes ? new Float64Array(count) : undefined
  let escaped: Map<number, Buffer> | undefined
  let n = 0
  let bytes = 0
  for (let i = 1; i < count; i++) {
    const o = i * entsize
    const nameOff = view.getUint32(o, le)
    const info = view.getUint8(o + (is64 ? 4 : 12))
    const type = info & 0xf
    if (type === STT_SECTION || type === STT_FILE) continue
    const bind = info >> 4
    let shndx = view.getUint16(o + (is64 ? 6 : 14), le)
    const reserved = shndx >= SHN_LORESERVE && shndx !== SHN_XINDEX
    if (shndx === SHN_XINDEX) shndx = table.extendedIndex(i)

    if (nameOff !== 0) {
      const end = nameOff < strings.length ? strings.indexOf(0, nameOff) : -1
      if (end < 0) table.name(i, nameOff) // throws the error naming the bad offset
      starts[n] = nameOff
      ends[n] = end
      let plain = true
      for (let p = nameOff; p < end; p++) {
        const c = strings[p]!
        if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c >= 0x7f) {
          plain = false
          break
        }
      }
      if (plain) bytes += end - nameOff
      else {
        const safe = Buffer.from(options.escape(table.name(i, nameOff)), 'utf8')
        ;(escaped ??= new Map()).set(n, safe)
        bytes += safe.length
      }
    }

    const letter = nmLetter(elf, bind, type, shndx, reserved, letterOf)
    letters[n] = letter.charCodeAt(0)
    if (letter !== 'U' && letter !== 'w' && letter !== 'v') {
      let lo: number, hi: number
      if (is64) {
        lo = view.getUint32(o + (le ? 8 : 12), le)
        hi = view.getUint32(o + (le ? 12 : 8), le)
      } else {
        lo = view.getUint32(o + 4, le)
        hi = 0
      }
      if (!reserved && shndx !== SHN_UNDEF && shndx < sections.length) {
        lo += addrLo[shndx]!
        hi += addrHi[shndx]! + (lo >= TWO_32 ? 1 : 0)
        lo %= TWO_32
        hi = is64 ? hi % TWO_32 : 0
      }
      hiWords[n] = hi
      loWords[n] = lo
      if (sizes) {
        const size = is64 ? entries.u64n(o + 16, 'st_size') : view.getUint32(o + 8, le)
        sizes[n] = size
        if (size !== 0) bytes += width + 1
      }
    }
    bytes += width + 4
    n++
  }

  const order = sortNames(strings, starts, ends, n)
  const out = new Uint8Array(Math.max(0, bytes - 1))
  let w = 0
  const hex32 = (v: number) => {
    for (let s = 28; s >= 0; s -= 4) out[w++] = HEX[(v >>> s) & 0xf]!
  }
  const hexWord = (hi: number, lo: number) => {
    if (is64) hex32(hi)
    hex32(lo)
  }
  for (let k = 0; k < n; k++) {
    const x = order[k]!
    if (k) out[w++] = NEWLINE
    const letter = letters[x]!
    if (letter === 0x55 || letter === 0x77 || letter === 0x76) {
      out.fill(SPACE, w, w + width)
      w += width
    } else {
      hexWord(hiWords[x]!, loWords[x]!)
      const size = sizes?.[x] ?? 0
      if (size !== 0) {
        out[w++] = SPACE
        hexWord(Math.floor(size / TWO_32), size % TWO_32)
      }
    }
    out[w++] = SPACE
    out[w++] = letter
    out[w++] = SPACE
    const safe = escaped?.get(x)
    if (safe) {
      out.set(safe, w)
      w += safe.length
    } else {
      for (let p = starts[x]!, e = ends[x]!; p < e; p++) out[w++] = strings[p]!
    }
  }
  return out
}
