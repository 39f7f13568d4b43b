import type { KernelVersion } from '../model/build-info.ts'
import { compareSymbolLists, type SymbolListDiff } from './compare-symbols.ts'
import { expectedTable, type KallsymsOptions } from './expected.ts'
import type { MapSymbol } from './system-map.ts'
import type { DecodedTable } from './table.ts'

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
    const hasOwn = table.entries.some(e => e.name === 'kallsyms_names')
    const offsetsFirst = table.layout.addresses < table.layout.numSyms
    version = hasOwn ? { major: 6, minor: 11, patch: 0 } : offsetsFirst ? { major: 6, minor: 1, patch: 0 } : { major: 6, minor: 4, patch: 0 }
  }
  const allSymbols = known.allSymbols ?? hasNonTextSymbols(table)
  return { version, allSymbols, absolutePercpu: table.layout.mode === 'absolute-percpu' }
}

/**
 * Without --all-symbols kallsyms.c keeps only symbols within _stext.._etext and
 * _sinittext.._einittext (and __start_/__stop_ ones from 6.12): any other is proof of
 * KALLSYMS_ALL.
 */
function hasNonTextSymbols(table: DecodedTable): boolean {
  const at = new Map<string, bigint>()
  for (const e of table.entries) if (['_stext', '_etext', '_sinittext', '_einittext'].includes(e.name) && !at.has(e.name)) at.set(e.name, e.addr)
  const [st, et, si, ei] = ['_stext', '_etext', '_sinittext', '_einittext'].map(n => at.get(n))
  if (st === undefined || et === undefined) return true
  return table.entries.some(e => {
    if (e.name.startsWith('__start_') || e.name.startsWith('__stop_')) return false
    const inText = e.addr >= st && e.addr <= et
    const inInit = si !== undefined && ei !== undefined && e.addr >= si && e.addr <= ei
    return !inText && !inInit
  })
}

/** Compares a decoded table with what scripts/kallsyms.c builds from System.map. */
export function verifyTable(table: DecodedTable, systemMap: readonly MapSymbol[], options: KallsymsOptions): TableVerification {
  const dropped: Record<string, number> = {}
  const expected = expectedTable(systemMap, options, why => (dropped[why] = (dropped[why] ?? 0) + 1))
  const designDrops = Object.values(dropped).reduce((a, b) => a + b, 0)
  const outsideText = systemMap.length - designDrops - expected.length
  if (outsideText > 0) dropped['outside the text sections (no KALLSYMS_ALL)'] = outsideText
  return { options, dropped, diff: compareSymbolLists(expected, table.entries) }
}
