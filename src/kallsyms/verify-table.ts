import type { KernelVersion } from '../model/build-info.ts'
import { compareSymbolLists, type SymbolListDiff } from './compare-symbols.ts'
import { compareAddr } from './decode-table.ts'
import { expectedTable, type KallsymsOptions } from './expected.ts'
import type { SymbolMap } from './system-map.ts'
import type { DecodedTable, PackedEntries } from './table.ts'
import { matchPacked } from './verify-packed.ts'

export interface TableVerification {
  options: KallsymsOptions
  /** System.map lines kallsyms.c leaves out by design, counted by reason. */
  dropped: Record<string, number>
  /** System.map (as kallsyms.c would have encoded it) against the decoded table. */
  diff: SymbolListDiff
}

/** What the config says, when the build has one; anything unknown is read off the table. */
export interface KnownOptions {
  version: KernelVersion | null
  allSymbols?: boolean
}

/**
 * A table without data symbols was built without --all-symbols; a 6.11+ table lists its own
 * kallsyms_* symbols; tables with offsets before num_syms are 6.1-6.3.
 */
export function optionsForTable(table: DecodedTable, known: KnownOptions): KallsymsOptions {
  let version = known.version
  if (!version) {
    const hasOwn = firstNamed(table.packed, table.count, 'kallsyms_names') >= 0
    const offsetsFirst = table.layout.addresses < table.layout.numSyms
    version = hasOwn ? { major: 6, minor: 11, patch: 0 } : offsetsFirst ? { major: 6, minor: 1, patch: 0 } : { major: 6, minor: 4, patch: 0 }
  }
  const allSymbols = known.allSymbols ?? hasNonTextSymbols(table)
  return { version, allSymbols, absolutePercpu: table.layout.mode === 'absolute-percpu' }
}

/**
 * Without --all-symbols kallsyms.c keeps only symbols within _stext.._etext and
 * _sinittext.._einittext (and __start_/__stop_ ones from 6.12): any other is proof of
 * KALLSYMS_ALL. Read off the packed table: no object per entry.
 */
function hasNonTextSymbols(table: DecodedTable): boolean {
  const p = table.packed
  const n = table.count
  const [st, et, si, ei] = ['_stext', '_etext', '_sinittext', '_einittext'].map(name => firstNamed(p, n, name))
  if (st! < 0 || et! < 0) return true
  const within = (j: number, lo: number, hi: number) => lo >= 0 && hi >= 0 && compareAddr(p.words, j, lo) >= 0 && compareAddr(p.words, j, hi) <= 0
  for (let j = 0; j < n; j++) {
    if (startsWith(p, j, '__start_') || startsWith(p, j, '__stop_')) continue
    if (!within(j, st!, et!) && !within(j, si!, ei!)) return true
  }
  return false
}

/** Index of the first entry with this (ASCII) name, or -1. */
function firstNamed(p: PackedEntries, n: number, name: string): number {
  for (let j = 0; j < n; j++) if (startsWith(p, j, name) && p.names[p.nameAt[j]! + name.length] === 0) return j
  return -1
}

function startsWith(p: PackedEntries, j: number, prefix: string): boolean {
  const at = p.nameAt[j]!
  if (at + prefix.length > p.names.length) return false
  for (let c = 0; c < prefix.length; c++) if (p.names[at + c] !== prefix.charCodeAt(c)) return false
  return true
}

/**
 * Compares a decoded table with what scripts/kallsyms.c builds from System.map: on the packed
 * forms when they agree (the usual case), else entry by entry, which explains the differences.
 */
export function verifyTable(table: DecodedTable, systemMap: SymbolMap, options: KallsymsOptions): TableVerification {
  const match = matchPacked(table, systemMap, options)
  const dropped: Record<string, number> = match?.dropped ?? {}
  const expected = match ? null : expectedTable(systemMap.symbols, options, why => (dropped[why] = (dropped[why] ?? 0) + 1))
  const designDrops = Object.values(dropped).reduce((a, b) => a + b, 0)
  const kept = match ? match.kept : expected!.length
  const outsideText = systemMap.count - designDrops - kept
  if (outsideText > 0) dropped['outside the text sections (no KALLSYMS_ALL)'] = outsideText
  return { options, dropped, diff: expected ? compareSymbolLists(expected, table.entries) : sameLists(kept) }
}

/** compareSymbolLists' answer for two equal lists of n entries. */
function sameLists(n: number): SymbolListDiff {
  return { before: n, after: n, identical: true, lost: [], added: [], moved: [], retyped: [], firstOrderDifference: null }
}
