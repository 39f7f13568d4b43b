import type { KernelVersion } from '../model/build-info.ts'
import { compareSymbolLists, type SymbolListDiff } from './compare-symbols.ts'
import { droppedByDesign, expectedTable, type KallsymsOptions } from './expected.ts'
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
  const allSymbols = known.allSymbols ?? table.entries.some(e => !'tTwWA'.includes(e.type) && !e.name.startsWith('__start_') && !e.name.startsWith('__stop_'))
  return { version, allSymbols, absolutePercpu: table.layout.mode === 'absolute-percpu' }
}

/** Compares a decoded table with what scripts/kallsyms.c builds from System.map. */
export function verifyTable(table: DecodedTable, systemMap: readonly MapSymbol[], options: KallsymsOptions): TableVerification {
  const dropped: Record<string, number> = {}
  for (const s of systemMap) {
    const why = droppedByDesign(s, options)
    if (why) dropped[why] = (dropped[why] ?? 0) + 1
  }
  const expected = expectedTable(systemMap, options)
  return { options, dropped, diff: compareSymbolLists(expected, table.entries) }
}
