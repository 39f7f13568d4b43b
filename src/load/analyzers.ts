import type { ModuleAnalyzer } from './analyzer.ts'
import { btfAnalyzer } from '../btf/module-analyzer.ts'
import { linkageAnalyzer } from '../exports/module-analyzer.ts'
import { modinfoAnalyzer } from './modinfo-analyzer.ts'
import { sizesAnalyzer, sizeTablesAnalyzer } from '../sizes/module-analyzer.ts'
import { symbolsAnalyzer } from './symbols-analyzer.ts'

/**
 * Every analyzer run on every module, in one pass per module. A new check that needs per-module
 * facts adds its analyzer here (one line) and reads it back with factOf().
 */
export const ANALYZERS: readonly ModuleAnalyzer[] = [modinfoAnalyzer, linkageAnalyzer, sizesAnalyzer, btfAnalyzer]

/** Analyzers run only when asked for by id (large outputs for dedicated subcommands). */
export const ON_DEMAND_ANALYZERS: readonly ModuleAnalyzer[] = [symbolsAnalyzer, sizeTablesAnalyzer]

/** The analyzers for a request: the named ones, or every default analyzer. */
export function analyzersFor(ids: readonly string[] | undefined): readonly ModuleAnalyzer[] {
  if (!ids) return ANALYZERS
  const all = [...ANALYZERS, ...ON_DEMAND_ANALYZERS]
  return ids.map(id => {
    const a = all.find(x => x.id === id)
    if (!a) throw new Error(`unknown module analyzer ${id}`)
    return a
  })
}
