import { ByteReader } from '../bytes/reader.ts'
import type { ElfFile, ElfSection } from '../elf/elf.ts'
import { SHT_NOBITS } from '../elf/constants.ts'
import { InputError } from '../model/errors.ts'
import { addressAt, decodeTable, MAX_SYMBOLS } from './decode-table.ts'
import { applyRelativeBaseRelocation, elfDynamicRelocations } from './relocations.ts'
import type { AddressingMode, DecodedTable, KernelImage, TableLayout } from './table.ts'

/**
 * What the caller knows about the kernel that chose the table format, from its .config when
 * there is one. Unset fields are inferred from the data.
 */
export interface TableHints {
  /** CONFIG_KALLSYMS_ABSOLUTE_PERCPU=y (6.14 and older). */
  absolutePercpu?: boolean
  /** 7.0+: --pc-relative is given for 64-bit or relocatable kernels. */
  pcRelative?: boolean
}

const SYMBOL_FIELDS = {
  kallsyms_num_syms: 'numSyms',
  kallsyms_names: 'names',
  kallsyms_markers: 'markers',
  kallsyms_token_table: 'tokenTable',
  kallsyms_token_index: 'tokenIndex',
  kallsyms_offsets: 'offsets',
  kallsyms_addresses: 'addresses',
  kallsyms_relative_base: 'relativeBase',
  kallsyms_seqs_of_names: 'seqsOfNames'
} as const

/** Decodes the tables of an ELF located by its kallsyms_* symbols; null when it has none. */
export function tablesFromSymbols(elf: ElfFile, hints: TableHints = {}): DecodedTable | null {
  const found = new Map<string, bigint>()
  for (const s of elf.symbols()) {
    if (s.name in SYMBOL_FIELDS && !found.has(s.name) && !s.reserved && s.shndx !== 0) found.set(s.name, s.value)
  }
  const tt = found.get('kallsyms_token_table')
  if (tt === undefined) return null
  const sec = sectionAt(elf, tt)
  if (!sec) throw new InputError('bad-value', elf.file, `kallsyms_token_table (0x${tt.toString(16)}) is in no section with contents`)
  const image: KernelImage = { file: elf.file, bytes: elf.data(sec), va: sec.addr, le: elf.littleEndian, is64: elf.is64, what: `${sec.name} section` }
  const pos = (name: keyof typeof SYMBOL_FIELDS): number | null => {
    const va = found.get(name)
    if (va === undefined) return null
    const off = va - sec.addr
    if (off < 0n || off > BigInt(sec.size)) throw new InputError('bad-value', elf.file, `${name} (0x${va.toString(16)}) lies outside ${sec.name}, unlike the other kallsyms tables`)
    return Number(off)
  }
  const need = (name: keyof typeof SYMBOL_FIELDS): number => {
    const p = pos(name)
    if (p === null) throw new InputError('bad-value', elf.file, `kallsyms_token_table is defined but ${name} is not`)
    return p
  }
  const addresses = pos('kallsyms_addresses')
  const offsets = pos('kallsyms_offsets')
  const relativeBase = pos('kallsyms_relative_base')
  const base = {
    numSyms: need('kallsyms_num_syms'),
    names: need('kallsyms_names'),
    markers: need('kallsyms_markers'),
    tokenTable: need('kallsyms_token_table'),
    tokenIndex: need('kallsyms_token_index'),
    seqsOfNames: pos('kallsyms_seqs_of_names'),
    foundBy: 'symbols' as const
  }
  if (addresses !== null) return decodeTable(image, { ...base, addresses, relativeBase: null, mode: 'absolute' })
  if (offsets === null) throw new InputError('bad-value', elf.file, 'kallsyms_token_table is defined but neither kallsyms_offsets nor kallsyms_addresses is')
  const modes = modesFor(relativeBase !== null, image, hints)
  const layouts = modes.map(mode => ({ ...base, addresses: offsets, relativeBase, mode }))
  const t = firstSound(image, layouts)
  return applyRelativeBaseRelocation(image, t, elfDynamicRelocations(elf)) ? firstSound(image, layouts) : t
}

function sectionAt(elf: ElfFile, va: bigint): ElfSection | undefined {
  return elf.sections.find(s => s.type !== SHT_NOBITS && s.size > 0 && (s.flags & 2) !== 0 && va >= s.addr && va < s.addr + BigInt(s.size))
}

function modesFor(hasRelativeBase: boolean, image: KernelImage, hints: TableHints): AddressingMode[] {
  if (hasRelativeBase) {
    if (hints.absolutePercpu === true) return ['absolute-percpu']
    if (hints.absolutePercpu === false) return ['base-relative']
    return ['absolute-percpu', 'base-relative']
  }
  if (hints.pcRelative === true || image.is64) return ['pc-relative']
  if (hints.pcRelative === false) return ['absolute-u32']
  return ['pc-relative', 'absolute-u32']
}

/**
 * Decodes each candidate layout and keeps the first whose addresses come out sorted (the
 * table is in address order by construction); with one candidate, that one whatever it holds.
 */
function firstSound(image: KernelImage, layouts: TableLayout[]): DecodedTable {
  let first: DecodedTable | null = null
  let lastErr: unknown = null
  for (const layout of layouts) {
    if (layout.mode === 'pc-relative' && image.va === null) continue
    try {
      const t = decodeTable(image, layout)
      if (layouts.length === 1 || plausible(t)) return t
      first ??= t
    } catch (err) {
      lastErr = err
    }
  }
  if (first) return first
  if (lastErr) throw lastErr
  throw new InputError('unsupported', image.file, 'the kallsyms tables use PC-relative offsets and the image address is unknown (pass the load address)')
}

/**
 * Addresses ascending; relative_base is the address of the first symbol kallsyms.c made
 * relative (the first entry in base-relative mode, the first non-per-cpu one otherwise).
 */
function plausible(t: DecodedTable): boolean {
  if (t.issues.some(i => i.code === 'addresses-not-sorted')) return false
  if (t.relativeBase === null || t.count === 0) return true
  if (t.layout.mode === 'base-relative') return addressAt(t.packed, 0) === t.relativeBase
  // Absolute per-cpu offsets only exist beside negative (relative) ones, which need a base.
  if (t.relativeBase === 0n) return false
  for (let i = 0; i < t.count; i++) if (addressAt(t.packed, i) === t.relativeBase) return true
  return false
}

// ---------------------------------------------------------------------------------------------
// Without symbols: find kallsyms_token_table by its digits, then the rest around it.

/** Tokens 0x30..0x39 are the digits themselves whenever every digit occurs in some name. */
const DIGITS = Buffer.from('0\x001\x002\x003\x004\x005\x006\x007\x008\x009\x00', 'latin1')
const LOWER = Buffer.from([...'abcdefghijklmnopqrstuvwxyz'].map(c => c + '\x00').join(''), 'latin1')
/** Bytes of padding between two tables: output_label aligns each to 4 (7.x) or the pointer size (older). */
const MAX_PAD = 7
/** A chunk of 256 names is at least 2 bytes each and at most KSYM_NAME_LEN (512) tokens plus a 2-byte length. */
const MIN_CHUNK = 256 * 2
const MAX_CHUNK = 256 * 514

/** Finds and decodes the tables in an image without a symbol table. Null when there are none. */
export function tablesByScan(image: KernelImage, hints: TableHints = {}): DecodedTable | null {
  const bytes = Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength)
  let lastErr: unknown = null
  for (const [anchor, anchorToken] of [
    [DIGITS, 0x30],
    [LOWER, 0x61]
  ] as const) {
    for (let p = bytes.indexOf(anchor); p >= 0; p = bytes.indexOf(anchor, p + 1)) {
      const tokens = tokenTableAt(image, p, anchorToken)
      if (!tokens) continue
      try {
        const t = tablesAroundTokens(image, tokens.tokenTable, tokens.tokenIndex, hints)
        if (t) return t
      } catch (err) {
        lastErr = err
      }
    }
  }
  if (lastErr) throw lastErr
  return null
}

/**
 * Given that token `anchorToken` starts at `p`, parses the tokens after it and looks for a
 * kallsyms_token_index right behind them that describes exactly these strings.
 */
function tokenTableAt(image: KernelImage, p: number, anchorToken: number): { tokenTable: number; tokenIndex: number } | null {
  const b = image.bytes
  let e = p
  for (let i = anchorToken; i < 256; i++) {
    const nul = b.indexOf(0, e)
    if (nul < 0 || nul - e > 512) return null
    e = nul + 1
  }
  const r = new ByteReader(b, image.le, image.file)
  for (let pad = 0; pad <= MAX_PAD && e + pad + 512 <= b.length; pad++) {
    if (pad > 0 && b[e + pad - 1] !== 0) break
    const idx = e + pad
    if (r.u16(idx) !== 0) continue
    const start = p - r.u16(idx + 2 * anchorToken)
    if (start < 0) continue
    let off = start
    let ok = true
    for (let i = 0; i < 256 && ok; i++) {
      if (r.u16(idx + 2 * i) !== off - start) ok = false
      else {
        const nul = b.indexOf(0, off)
        if (nul < 0 || nul >= idx) ok = false
        else off = nul + 1
      }
    }
    if (ok && off === e) return { tokenTable: start, tokenIndex: idx }
  }
  return null
}

interface NamesBlock {
  numSyms: number
  names: number
  markers: number
  markersEnd: number
  n: number
}

function tablesAroundTokens(image: KernelImage, tokenTable: number, tokenIndex: number, hints: TableHints): DecodedTable | null {
  const r = new ByteReader(image.bytes, image.le, image.file)
  const ptr = image.is64 ? 8 : 4
  const searchFloor = Math.max(0, tokenTable - 3 * MAX_SYMBOLS - MAX_CHUNK)
  // Walk back from the token table over candidate kallsyms_markers arrays (a 0, then rising offsets).
  for (let q = (tokenTable - 4) & ~3; q >= searchFloor; q -= 4) {
    if (r.u32(q) !== 0) continue
    const block = namesBlockWithMarkersAt(image, r, q, tokenTable)
    if (!block) continue
    const gap = tokenTable - block.markersEnd
    const base = { numSyms: block.numSyms, names: block.names, markers: block.markers, tokenTable, tokenIndex, foundBy: 'scan' as const }
    const candidates: TableLayout[] = []
    if (gap <= MAX_PAD) {
      // 6.4+: num_syms, names, markers, token table, token index, offsets/addresses, [relative_base], seqs.
      candidates.push(...layoutsAfterTokenIndex(image, base, block.n, tokenIndex + 512, hints))
      // Old 6.1 (no seqs_of_names): offsets/addresses, relative_base, num_syms, names, markers, tokens.
      candidates.push(...layoutsBeforeNumSyms(image, r, base, block.n, null, ptr, hints))
    } else {
      // 6.2/6.3 and backports: ... names, markers, seqs_of_names, token table, token index.
      const fits = (s: number) => tokenTable - (s + 3 * block.n) >= 0 && tokenTable - (s + 3 * block.n) <= MAX_PAD
      const seqs = zeroPadded(image.bytes, block.markersEnd, MAX_PAD).find(s => fits(s) && isPermutation(image.bytes, s, block.n))
      if (seqs === undefined) continue
      candidates.push(...layoutsBeforeNumSyms(image, r, base, block.n, seqs, ptr, hints))
    }
    if (candidates.length === 0) continue
    return firstSound(image, candidates)
  }
  return null
}

/** Offsets within `maxPad` after `pos` whose skipped bytes are all zero. */
function zeroPadded(b: Uint8Array, pos: number, maxPad: number): number[] {
  const out: number[] = []
  for (let pad = 0; pad <= maxPad && pos + pad <= b.length; pad++) {
    if (pad > 0 && b[pos + pad - 1] !== 0) break
    out.push(pos + pad)
  }
  return out
}

/**
 * A candidate kallsyms_markers at q: a 0, then rising offsets 256 names apart, ending before the
 * token table. Confirms it by finding kallsyms_num_syms and kallsyms_names before it such that
 * the names between the last two markers and after the last one parse exactly.
 */
function namesBlockWithMarkersAt(image: KernelImage, r: ByteReader, q: number, limit: number): NamesBlock | null {
  const markers = [0]
  for (let p = q + 4; p + 4 <= limit; p += 4) {
    const v = r.u32(p)
    const prev = markers[markers.length - 1]!
    if (v < prev + MIN_CHUNK || v > prev + MAX_CHUNK) break
    markers.push(v)
  }
  // The run may have picked up a word or two of what follows; try each length whose distance
  // to the token table fits: padding only, or padding around 3 bytes of seqs_of_names per name.
  for (let k = markers.length; k >= 1; k--) {
    const gap = limit - (q + 4 * k)
    const fits = gap <= MAX_PAD || (gap >= 3 * (256 * (k - 1) + 1) && gap <= 3 * 256 * k + 2 * MAX_PAD)
    if (!fits) continue
    const block = namesBefore(image, r, q, markers.slice(0, k))
    if (block) return block
  }
  return null
}

function namesBefore(image: KernelImage, r: ByteReader, q: number, markers: number[]): NamesBlock | null {
  const k = markers.length
  const last = markers[k - 1]!
  const b = image.bytes
  for (let namesEnd = q; namesEnd >= q - MAX_PAD && namesEnd > 0; namesEnd--) {
    if (namesEnd < q && b[namesEnd] !== 0) break
    // The last chunk holds 1..256 names of 2..514 bytes.
    const hi = namesEnd - last - 2
    const lo = Math.max(8, namesEnd - last - MAX_CHUNK)
    for (let names = hi & ~3; names >= lo; names -= 4) {
      // kallsyms_num_syms right before the names, or with 4 bytes of alignment padding between.
      for (let numSyms = names - 4; numSyms >= names - 8; numSyms -= 4) {
        const n = r.u32(numSyms)
        if (n === 0 || ((n + 255) >>> 8) !== k) continue
        if (numSyms === names - 8 && r.u32(names - 4) !== 0) continue
        if (skipNames(b, names + last, n - 256 * (k - 1)) !== namesEnd) continue
        if (k >= 2 && skipNames(b, names + markers[k - 2]!, 256) !== names + last) continue
        return { numSyms, names, markers: q, markersEnd: q + 4 * k, n }
      }
    }
  }
  return null
}

/** Offset after `count` kallsyms_names entries starting at `off`, or -1 when they do not fit. */
function skipNames(b: Uint8Array, off: number, count: number): number {
  for (let i = 0; i < count; i++) {
    if (off >= b.length) return -1
    let len = b[off++]!
    if (len & 0x80) {
      if (off >= b.length) return -1
      len = (len & 0x7f) | (b[off++]! << 7)
    }
    if (len === 0) return -1
    off += len
  }
  return off <= b.length ? off : -1
}

function isPermutation(b: Uint8Array, at: number, n: number): boolean {
  if (at + 3 * n > b.length) return false
  const seen = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const s = (b[at + 3 * i]! << 16) | (b[at + 3 * i + 1]! << 8) | b[at + 3 * i + 2]!
    if (s >= n || seen[s]) return false
    seen[s] = 1
  }
  return true
}

type LayoutBase = Omit<TableLayout, 'addresses' | 'relativeBase' | 'seqsOfNames' | 'mode'>

/** 6.4+: the address table follows kallsyms_token_index; seqs_of_names comes last. */
function layoutsAfterTokenIndex(image: KernelImage, base: LayoutBase, n: number, after: number, hints: TableHints): TableLayout[] {
  const b = image.bytes
  const ptr = image.is64 ? 8 : 4
  const out: TableLayout[] = []
  for (const at of zeroPadded(b, after, MAX_PAD)) {
    if (at % 4 !== after % 4) continue
    const offsetsEnd = at + 4 * n
    // kallsyms_offsets, then kallsyms_relative_base (6.4-6.14), then seqs.
    for (const rb of zeroPadded(b, offsetsEnd, MAX_PAD)) {
      if ((rb - offsetsEnd) % 4 !== 0) continue
      for (const seqs of zeroPadded(b, rb + ptr, MAX_PAD)) {
        if (isPermutation(b, seqs, n)) {
          for (const mode of modesFor(true, image, hints)) out.push({ ...base, addresses: at, relativeBase: rb, seqsOfNames: seqs, mode })
        }
      }
    }
    // 7.0+: kallsyms_offsets, then seqs (no relative_base).
    for (const seqs of zeroPadded(b, offsetsEnd, MAX_PAD)) {
      if (isPermutation(b, seqs, n)) {
        for (const mode of modesFor(false, image, hints)) out.push({ ...base, addresses: at, relativeBase: null, seqsOfNames: seqs, mode })
      }
    }
    // 6.4-6.10 without KALLSYMS_BASE_RELATIVE: kallsyms_addresses, then seqs.
    for (const seqs of zeroPadded(b, at + ptr * n, MAX_PAD)) {
      if (isPermutation(b, seqs, n)) out.push({ ...base, addresses: at, relativeBase: null, seqsOfNames: seqs, mode: 'absolute' })
    }
  }
  return out
}

/** 6.1-6.3: offsets (or addresses) and relative_base come before kallsyms_num_syms. */
function layoutsBeforeNumSyms(image: KernelImage, r: ByteReader, base: LayoutBase, n: number, seqs: number | null, ptr: number, hints: TableHints): TableLayout[] {
  const out: TableLayout[] = []
  const numSyms = base.numSyms
  // relative_base is one pointer right before num_syms (both labels pointer-aligned).
  const rb = numSyms - ptr
  for (const start of [rb - 4 * n, rb - 4 * n - 4]) {
    if (start < 0 || start % 4 !== 0) continue
    if (start + 4 * n < rb && r.u32(start + 4 * n) !== 0) continue
    for (const mode of modesFor(true, image, hints)) out.push({ ...base, addresses: start, relativeBase: rb, seqsOfNames: seqs, mode })
  }
  const abs = numSyms - ptr * n
  if (abs >= 0) out.push({ ...base, addresses: abs, relativeBase: null, seqsOfNames: seqs, mode: 'absolute' })
  return out
}

/**
 * Decides, while an image is being decompressed, when the data holds all of the kallsyms
 * tables: once kallsyms_token_table and the names before it are found, what follows is at
 * most the token index, 4 bytes of offsets and 3 of seqs_of_names per symbol, a relative_base
 * and padding. Lets a boot image be decoded without inflating the rest of the kernel.
 */
export class TableWatcher {
  private le = true
  private is64 = true
  private searched = -1
  private needed: number | null = null

  /** True when `prefix` (the decompressed data so far) covers the tables. */
  enough(prefix: Uint8Array): boolean {
    if (this.needed !== null) return prefix.length >= this.needed
    if (this.searched < 0) {
      if (prefix.length < 64) return false
      // Only an ELF is decoded from a prefix (its program headers place the tables): a raw arm64
      // Image needs its relocations, which follow the tables, so it is inflated whole at once.
      if (!(prefix[0] === 0x7f && prefix[1] === 0x45 && prefix[2] === 0x4c && prefix[3] === 0x46)) {
        this.needed = Infinity
        return false
      }
      this.is64 = prefix[4] === 2
      this.le = prefix[5] !== 2
      this.searched = 0
    }
    const image: KernelImage = { file: '', bytes: prefix, va: null, le: this.le, is64: this.is64, what: 'prefix' }
    const buf = Buffer.from(prefix.buffer, prefix.byteOffset, prefix.byteLength)
    // Token table parsing needs the token index behind the anchor: leave the last 4 KiB for later.
    const limit = prefix.length - 4096
    for (let p = buf.indexOf(DIGITS, this.searched); p >= 0 && p < limit; p = buf.indexOf(DIGITS, p + 1)) {
      const tokens = tokenTableAt(image, p, 0x30)
      if (!tokens) continue
      const r = new ByteReader(prefix, this.le, '')
      for (let q = (tokens.tokenTable - 4) & ~3; q >= Math.max(0, tokens.tokenTable - 3 * MAX_SYMBOLS - MAX_CHUNK); q -= 4) {
        if (r.u32(q) !== 0) continue
        const block = namesBlockWithMarkersAt(image, r, q, tokens.tokenTable)
        if (!block) continue
        this.needed = tokens.tokenIndex + 512 + 8 * block.n + 64
        return prefix.length >= this.needed
      }
    }
    this.searched = Math.max(this.searched, limit - DIGITS.length)
    return false
  }
}
