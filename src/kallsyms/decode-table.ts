import { ByteReader } from '../bytes/reader.ts'
import { InputError } from '../model/errors.ts'
import type { DecodedTable, KallsymsEntry, KernelImage, PackedEntries, TableIssue, TableLayout } from './table.ts'

/** kallsyms_seqs_of_names holds 3-byte indices, so no table has more symbols than this. */
export const MAX_SYMBOLS = 1 << 24
/** The most symbols decoded: far above any kernel (allyesconfig has about a million). */
const MAX_DECODED = 1 << 21
/** Names are at most KSYM_NAME_LEN (512) characters plus the type; lengths are ULEB128 of up to 0x3FFF. */
const MAX_NAME_TOKENS = 0x3fff
/** An empty name decodes to type "". */
const TYPE_CHARS = ['', ...Array.from({ length: 255 }, (_, i) => String.fromCharCode(i + 1))]

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
  // Decoding costs memory per symbol (Debian 6.12's 163,205 take ~200 MiB with the image): a
  // table claiming millions is refused rather than decoded into gigabytes.
  if (n > MAX_DECODED) throw new InputError('too-large', file, `kallsyms_num_syms is ${n}; more than ${MAX_DECODED} symbols are not decoded`, layout.numSyms)

  const tokens = readTokens(r, layout, issues)

  // kallsyms_names: a ULEB128 length (one or two bytes, 6.1+), then that many token bytes.
  // The first expanded character is the type; the rest of every name goes into one buffer,
  // NUL-separated (tokens never hold a NUL), decoded to strings at once.
  const tokStart = new Uint32Array(256)
  const tokLen = new Uint32Array(256)
  const flat = Buffer.from(tokens.join(''), 'latin1')
  for (let i = 0, at = 0; i < 256; i++) {
    tokStart[i] = at
    tokLen[i] = tokens[i]!.length
    at += tokens[i]!.length
  }
  let out = Buffer.allocUnsafe(Math.max(1024, 32 * n))
  let op = 0
  const types = new Uint8Array(n)
  const nameAt = new Uint32Array(n)
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
    if (op + len * 512 + 1 > out.length) {
      const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, op + len * 512 + 1))
      out.copy(bigger, 0, 0, op)
      out = bigger
    }
    nameAt[i] = op
    let typed = false
    for (let j = off, stop = off + len; j < stop; j++) {
      const t = bytes[j]!
      let k = tokStart[t]!
      const e = k + tokLen[t]!
      if (!typed && k < e) {
        types[i] = flat[k++]!
        typed = true
      }
      while (k < e) out[op++] = flat[k++]!
    }
    out[op++] = 0
    off += len
  }
  const namesEnd = off
  const packed: PackedEntries = { names: out.subarray(0, op), nameAt, types, words: new Uint32Array(2 * n) }
  const nameOf = (i: number) => out.toString('latin1', nameAt[i]!, out.indexOf(0, nameAt[i]!))

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

  const words = packed.words
  readAddresses(image, r, layout, n, words)
  let relativeBase: bigint | null = null
  if (layout.relativeBase !== null) relativeBase = r.word(layout.relativeBase, image.is64, 'kallsyms_relative_base')

  for (let i = 1; i < n; i++) {
    if (compareAddr(words, i, i - 1) < 0) {
      issues.push({
        code: 'addresses-not-sorted',
        message: `symbol ${i} (${nameOf(i)}) has a lower address than symbol ${i - 1} (${nameOf(i - 1)}); lookups by address bisect this table`
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
    checkSeqs(seqs, packed, nameOf, issues)
    tablesEnd = Math.max(tablesEnd, so + 3 * n)
  }
  const tablesStart = Math.min(layout.numSyms, layout.addresses)
  let entries: KallsymsEntry[] | null = null
  return {
    layout,
    relativeBase,
    seqs,
    issues,
    bytes: tablesEnd - tablesStart,
    packed,
    count: n,
    get entries(): KallsymsEntry[] {
      entries ??= unpack(packed, n)
      return entries
    }
  }
}

/** The entries as objects, made on first use: printing needs only the packed form. */
function unpack(p: PackedEntries, n: number): KallsymsEntry[] {
  const names = Buffer.from(p.names.buffer, p.names.byteOffset, p.names.byteLength).toString('latin1').split('\0')
  const scratch = new DataView(new ArrayBuffer(8))
  const out: KallsymsEntry[] = new Array(n)
  for (let i = 0; i < n; i++) {
    scratch.setUint32(0, p.words[2 * i]!, true)
    scratch.setUint32(4, p.words[2 * i + 1]!, true)
    out[i] = { addr: scratch.getBigUint64(0, true), type: TYPE_CHARS[p.types[i]!]!, name: names[i]! }
  }
  return out
}

/** Address order of entries i and j, from their (low, high) words. */
export function compareAddr(words: Uint32Array, i: number, j: number): number {
  return words[2 * i + 1]! - words[2 * j + 1]! || words[2 * i]! - words[2 * j]!
}

/** Address of entry i. */
export function addressAt(p: PackedEntries, i: number): bigint {
  return (BigInt(p.words[2 * i + 1]!) << 32n) | BigInt(p.words[2 * i]!)
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

/** Fills in the addresses as (low, high) words; arithmetic runs on 32-bit halves in plain numbers. */
function readAddresses(image: KernelImage, r: ByteReader, layout: TableLayout, n: number, words: Uint32Array): void {
  const at = layout.addresses
  const wide = image.is64
  // words[i] = base + delta (delta a safe integer, possibly negative), wrapped to the word size.
  const put = (i: number, baseHi: number, baseLo: number, delta: number): void => {
    const t = baseLo + delta
    const carry = Math.floor(t / 0x100000000)
    words[2 * i] = t - carry * 0x100000000
    words[2 * i + 1] = wide ? (baseHi + carry) >>> 0 : 0
  }
  const split = (v: bigint): [number, number] => [Number((v >> 32n) & 0xffffffffn), Number(v & 0xffffffffn)]
  switch (layout.mode) {
    case 'absolute': {
      const size = wide ? 8 : 4
      r.check(at, n * size, 'kallsyms_addresses')
      for (let i = 0; i < n; i++) {
        if (wide) {
          words[2 * i] = r.u32(at + i * 8 + (r.le ? 0 : 4))
          words[2 * i + 1] = r.u32(at + i * 8 + (r.le ? 4 : 0))
        } else put(i, 0, 0, r.u32(at + i * 4))
      }
      return
    }
    case 'absolute-u32': {
      r.check(at, n * 4, 'kallsyms_offsets')
      for (let i = 0; i < n; i++) put(i, 0, 0, r.u32(at + 4 * i))
      return
    }
    case 'base-relative':
    case 'absolute-percpu': {
      if (layout.relativeBase === null) throw new InputError('bad-value', r.file, `${layout.mode} addressing needs kallsyms_relative_base`)
      const [hi, lo] = split(r.word(layout.relativeBase, wide, 'kallsyms_relative_base'))
      r.check(at, n * 4, 'kallsyms_offsets')
      for (let i = 0; i < n; i++) {
        if (layout.mode === 'base-relative') put(i, hi, lo, r.u32(at + 4 * i))
        else {
          // Offsets >= 0 are absolute per-cpu addresses; the rest are relative_base - 1 - offset.
          const v = r.i32(at + 4 * i)
          if (v >= 0) put(i, 0, 0, v)
          else put(i, hi, lo, -1 - v)
        }
      }
      return
    }
    case 'pc-relative': {
      if (image.va === null) throw new InputError('unsupported', r.file, 'PC-relative kallsyms_offsets need the address the image is linked at')
      r.check(at, n * 4, 'kallsyms_offsets')
      const [hi, lo] = split(image.va + BigInt(at))
      for (let i = 0; i < n; i++) put(i, hi, lo, 4 * i + r.i32(at + 4 * i))
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

/** strcmp of two expanded names in the NUL-separated buffer. */
function compareNames(buf: Uint8Array, a: number, b: number): number {
  for (let i = a, j = b; ; i++, j++) {
    const x = buf[i]!
    const y = buf[j]!
    if (x !== y) return x - y
    if (x === 0) return 0
  }
}

/**
 * kallsyms_lookup_name() bisects kallsyms_seqs_of_names by name (kernel/kallsyms.c
 * kallsyms_lookup_names), so it must be a permutation of the symbol indices sorted by name,
 * equal names by address (scripts/kallsyms.c compare_names).
 */
function checkSeqs(seqs: Uint32Array, p: PackedEntries, nameOf: (i: number) => string, issues: TableIssue[]): void {
  const n = seqs.length
  const seen = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const s = seqs[i]!
    if (s >= n) {
      issues.push({ code: 'seqs-out-of-range', message: `kallsyms_seqs_of_names[${i}] is ${s}, beyond the ${n} symbols` })
      return
    }
    if (seen[s]) {
      issues.push({ code: 'seqs-not-permutation', message: `kallsyms_seqs_of_names lists symbol ${s} (${nameOf(s)}) twice` })
      return
    }
    seen[s] = 1
  }
  const firstBad = (clean: boolean): number => {
    for (let i = 1; i < n; i++) {
      const a = seqs[i - 1]!
      const b = seqs[i]!
      const c = clean ? cmp(cleanup(nameOf(a)), cleanup(nameOf(b))) : compareNames(p.names, p.nameAt[a]!, p.nameAt[b]!)
      if (c > 0 || (c === 0 && compareAddr(p.words, a, b) > 0)) return i
    }
    return -1
  }
  const bad = firstBad(false)
  if (bad < 0 || firstBad(true) < 0) return
  issues.push({
    code: 'seqs-not-sorted',
    message:
      `kallsyms_seqs_of_names[${bad - 1}] (${nameOf(seqs[bad - 1]!)}) sorts after kallsyms_seqs_of_names[${bad}] (${nameOf(seqs[bad]!)}); ` +
      'kallsyms_lookup_name() bisects this order and misses names around it'
  })
}
