import { ByteReader } from '../bytes/reader.ts'
import { InputError } from '../model/errors.ts'
import type { DecodedTable, KallsymsEntry, KernelImage, TableIssue, TableLayout } from './table.ts'

/** kallsyms_seqs_of_names holds 3-byte indices, so no table has more symbols than this. */
export const MAX_SYMBOLS = 1 << 24
/** Names are at most KSYM_NAME_LEN (512) characters plus the type; lengths are ULEB128 of up to 0x3FFF. */
const MAX_NAME_TOKENS = 0x3fff

/**
 * Decodes the tables at known positions the way kernel/kallsyms.c reads them: names through
 * kallsyms_token_index into kallsyms_token_table, addresses per the addressing mode. Every
 * internal inconsistency (markers, token index, order of addresses or of seqs_of_names) is
 * recorded as an issue; out-of-bounds data throws.
 */
export function decodeTable(image: KernelImage, layout: TableLayout): DecodedTable {
  const file = image.file
  const r = new ByteReader(image.bytes, image.le, file)
  const bytes = image.bytes
  const issues: TableIssue[] = []

  const n = r.u32(layout.numSyms, 'kallsyms_num_syms')
  if (n > MAX_SYMBOLS) throw new InputError('bad-value', file, `kallsyms_num_syms is ${n}, more than a kernel can have`, layout.numSyms)

  const tokens = readTokens(r, layout, issues)

  // kallsyms_names: a ULEB128 length (one or two bytes, 6.1+), then that many token bytes.
  const entries: KallsymsEntry[] = new Array(n)
  const markerCount = (n + 255) >>> 8
  const markerAt: number[] = new Array(markerCount)
  let off = layout.names
  const end = bytes.length
  for (let i = 0; i < n; i++) {
    if ((i & 0xff) === 0) markerAt[i >>> 8] = off - layout.names
    if (off >= end) throw new InputError('truncated', file, `kallsyms_names ends before symbol ${i} of ${n}`, off)
    let len = bytes[off++]!
    if (len & 0x80) {
      if (off >= end) throw new InputError('truncated', file, `kallsyms_names: symbol ${i} length runs past the data`, off)
      len = (len & 0x7f) | (bytes[off++]! << 7)
    }
    if (len === 0 || len > MAX_NAME_TOKENS) throw new InputError('bad-value', file, `kallsyms_names: symbol ${i} has length ${len}`, off - 1)
    if (off + len > end) throw new InputError('truncated', file, `kallsyms_names: symbol ${i} runs past the data`, off)
    let s = ''
    for (let j = 0; j < len; j++) s += tokens[bytes[off + j]!]!
    off += len
    entries[i] = { addr: 0n, type: s.charAt(0), name: s.slice(1) }
  }
  const namesEnd = off

  for (let k = 0; k < markerCount; k++) {
    const stored = r.u32(layout.markers + 4 * k, 'kallsyms_markers')
    if (stored !== markerAt[k]) {
      issues.push({
        code: 'marker-mismatch',
        message: `kallsyms_markers[${k}] is ${stored} but symbol ${k * 256} starts at offset ${markerAt[k]} of kallsyms_names`
      })
      if (issues.length > 20) break
    }
  }

  readAddresses(image, r, layout, entries)
  let relativeBase: bigint | null = null
  if (layout.relativeBase !== null) relativeBase = r.word(layout.relativeBase, image.is64, 'kallsyms_relative_base')

  for (let i = 1; i < n; i++) {
    if (entries[i]!.addr < entries[i - 1]!.addr) {
      issues.push({
        code: 'addresses-not-sorted',
        message: `symbol ${i} (${entries[i]!.name}) has a lower address than symbol ${i - 1} (${entries[i - 1]!.name}); lookups by address bisect this table`
      })
      break
    }
  }

  let seqs: Uint32Array | null = null
  let tablesEnd = Math.max(namesEnd, layout.tokenIndex + 512, layout.addresses + n * addressSize(image, layout))
  if (layout.seqsOfNames !== null) {
    const so = layout.seqsOfNames
    r.check(so, 3 * n, 'kallsyms_seqs_of_names')
    seqs = new Uint32Array(n)
    for (let i = 0; i < n; i++) seqs[i] = (bytes[so + 3 * i]! << 16) | (bytes[so + 3 * i + 1]! << 8) | bytes[so + 3 * i + 2]!
    checkSeqs(seqs, entries, issues)
    tablesEnd = Math.max(tablesEnd, so + 3 * n)
  }
  const tablesStart = Math.min(layout.numSyms, layout.addresses)
  return { layout, entries, relativeBase, seqs, issues, bytes: tablesEnd - tablesStart }
}

function readTokens(r: ByteReader, layout: TableLayout, issues: TableIssue[]): string[] {
  const tokens: string[] = new Array(256)
  const bytes = r.bytes
  let expected = 0
  let mismatches = 0
  for (let i = 0; i < 256; i++) {
    const idx = r.u16(layout.tokenIndex + 2 * i, 'kallsyms_token_index')
    const start = layout.tokenTable + idx
    const nul = start < bytes.length ? bytes.indexOf(0, start) : -1
    if (nul < 0) throw new InputError('truncated', r.file, `kallsyms_token_table: token ${i} is not terminated`, start)
    if (nul - start > 512) throw new InputError('bad-value', r.file, `kallsyms_token_table: token ${i} is ${nul - start} bytes long`, start)
    let s = ''
    for (let j = start; j < nul; j++) s += String.fromCharCode(bytes[j]!)
    tokens[i] = s
    if (idx !== expected && mismatches++ < 5) {
      issues.push({ code: 'token-index-mismatch', message: `kallsyms_token_index[${i}] is ${idx} but token ${i} starts at ${expected} of kallsyms_token_table` })
    }
    expected = idx + s.length + 1
  }
  return tokens
}

function addressSize(image: KernelImage, layout: TableLayout): number {
  return layout.mode === 'absolute' ? (image.is64 ? 8 : 4) : 4
}

function readAddresses(image: KernelImage, r: ByteReader, layout: TableLayout, entries: KallsymsEntry[]): void {
  const n = entries.length
  const at = layout.addresses
  const mask = image.is64 ? (1n << 64n) - 1n : (1n << 32n) - 1n
  switch (layout.mode) {
    case 'absolute': {
      const size = image.is64 ? 8 : 4
      r.check(at, n * size, 'kallsyms_addresses')
      for (let i = 0; i < n; i++) entries[i]!.addr = r.word(at + i * size, image.is64)
      return
    }
    case 'absolute-u32': {
      r.check(at, n * 4, 'kallsyms_offsets')
      for (let i = 0; i < n; i++) entries[i]!.addr = BigInt(r.u32(at + 4 * i))
      return
    }
    case 'base-relative':
    case 'absolute-percpu': {
      if (layout.relativeBase === null) throw new InputError('bad-value', r.file, `${layout.mode} addressing needs kallsyms_relative_base`)
      const base = r.word(layout.relativeBase, image.is64, 'kallsyms_relative_base')
      r.check(at, n * 4, 'kallsyms_offsets')
      for (let i = 0; i < n; i++) {
        if (layout.mode === 'base-relative') entries[i]!.addr = (base + BigInt(r.u32(at + 4 * i))) & mask
        else {
          const v = r.i32(at + 4 * i)
          entries[i]!.addr = v >= 0 ? BigInt(v) : (base - 1n - BigInt(v)) & mask
        }
      }
      return
    }
    case 'pc-relative': {
      if (image.va === null) throw new InputError('unsupported', r.file, 'PC-relative kallsyms_offsets need the address the image is linked at')
      r.check(at, n * 4, 'kallsyms_offsets')
      const va = image.va + BigInt(at)
      for (let i = 0; i < n; i++) entries[i]!.addr = (va + BigInt(4 * i) + BigInt(r.i32(at + 4 * i))) & mask
      return
    }
  }
}

/** Byte order of two names as strcmp sees them (names are ASCII, so UTF-16 order agrees). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** 6.1 with LTO_CLANG sorted names with their ".llvm.<hash>" suffix cut (scripts/kallsyms.c cleanup_symbol_name). */
function cleanup(name: string): string {
  const p = name.indexOf('.llvm.')
  return p < 0 ? name : name.slice(0, p)
}

/**
 * kallsyms_lookup_name() bisects kallsyms_seqs_of_names by name (kernel/kallsyms.c
 * kallsyms_lookup_names), so it must be a permutation of the symbol indices sorted by name,
 * equal names by address (scripts/kallsyms.c compare_names).
 */
function checkSeqs(seqs: Uint32Array, entries: KallsymsEntry[], issues: TableIssue[]): void {
  const n = entries.length
  const seen = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const s = seqs[i]!
    if (s >= n) {
      issues.push({ code: 'seqs-out-of-range', message: `kallsyms_seqs_of_names[${i}] is ${s}, beyond the ${n} symbols` })
      return
    }
    if (seen[s]) {
      issues.push({ code: 'seqs-not-permutation', message: `kallsyms_seqs_of_names lists symbol ${s} (${entries[s]!.name}) twice` })
      return
    }
    seen[s] = 1
  }
  const firstBad = (clean: boolean): number => {
    for (let i = 1; i < n; i++) {
      const a = entries[seqs[i - 1]!]!
      const b = entries[seqs[i]!]!
      const c = clean ? cmp(cleanup(a.name), cleanup(b.name)) : cmp(a.name, b.name)
      if (c > 0 || (c === 0 && a.addr > b.addr)) return i
    }
    return -1
  }
  const bad = firstBad(false)
  if (bad < 0 || firstBad(true) < 0) return
  const a = entries[seqs[bad - 1]!]!
  const b = entries[seqs[bad]!]!
  issues.push({
    code: 'seqs-not-sorted',
    message:
      `kallsyms_seqs_of_names[${bad - 1}] (${a.name}) sorts after kallsyms_seqs_of_names[${bad}] (${b.name}); ` +
      'kallsyms_lookup_name() bisects this order and misses names around it'
  })
}
