import type { AnalyzerContext, ModuleAnalyzer } from '../load/analyzer.ts'
import { vermagicOf } from '../load/vermagic.ts'
import { layoutOptionsFromVermagic, moduleClassSizes, type ClassSizes } from './module-classes.ts'
import { ByteSizeTable } from './byte-size-table.ts'
import { packCategories, type ModuleSizeTables } from './pack.ts'
import { moduleSymbolSizes, symbolSizeTables } from './module-symbol-sizes.ts'

/**
 * Per-module sizes: loader classes, and the symbol sizes bloat-o-meter would read, packed.
 * `symbols` is left out when AnalyzerOptions.sizeTables says nobody will read them: a review
 * needs them only for the modules whose classes differ from the baseline's.
 */
export interface ModuleSizeFacts {
  classes: ClassSizes
  symbols?: ModuleSizeTables
}

export const sizesAnalyzer: ModuleAnalyzer<ModuleSizeFacts> = {
  id: 'sizes',
  analyze(elf, ctx) {
    const opts = layoutOptionsFromVermagic(vermagicOf(elf))
    const classes = moduleClassSizes(elf, opts)
    const mode = ctx?.options?.sizeTables ?? 'all'
    const wanted = mode === 'all' || (mode === 'baseline' && tablesWanted(ctx, classes))
    return wanted ? { classes, symbols: sizeTablesAnalyzer.analyze(elf, ctx) } : { classes }
  }
}

/**
 * What the sizes check knows of a module from the baseline: 'read' when the comparison reads
 * its tables whatever its classes (built in on the baseline side: moved), or the baseline's
 * classes of a loadable module (its tables are read only when this build's classes differ).
 * No hint: the comparison never reads them (not in the baseline, or without tables there).
 */
export type SizeTablesHint = 'read' | readonly number[]

function tablesWanted(ctx: AnalyzerContext, classes: readonly number[]): boolean {
  // Analyzed before the baseline was loaded: none. The sizes check reads again the few of
  // these whose classes turn out to differ (withSizeTables), which costs far less than tables
  // for every module analyzed in the first half second (a fifth of Debian's 4,230).
  if (!ctx.hinted) return false
  const hint = ctx.hint as SizeTablesHint | undefined
  if (hint === undefined) return false
  if (hint === 'read') return true
  return hint.length !== classes.length || hint.some((v, i) => v !== classes[i])
}

/**
 * The symbol-size tables alone, for the modules a review asks about. A review only compares
 * them with the baseline's: they go as name bytes (ByteSizeTable), looked up in place, packed
 * only if a snapshot is written. A snapshot keeps every module's: those are packed here, in
 * the workers.
 */
export const sizeTablesAnalyzer: ModuleAnalyzer<ModuleSizeTables> = {
  id: 'size-tables',
  analyze(elf, ctx) {
    if (ctx?.options?.sizeTables === 'baseline') {
      const t = symbolSizeTables(elf)
      if (t.function instanceof ByteSizeTable && t.data instanceof ByteSizeTable && t.rodata instanceof ByteSizeTable) {
        return { wire: { function: t.function.toWire(), data: t.data.toWire(), rodata: t.rodata.toWire() } }
      }
    }
    return packCategories(moduleSymbolSizes(elf))
  }
}
