import type { ElfFile } from '../elf/elf.ts'
import type { ModuleAnalyzer } from '../load/analyzer.ts'
import { layoutOptionsFromVermagic, moduleClassSizes, vermagicIn, type ClassSizes } from './module-classes.ts'
import { packCategories, type PackedCategories } from './pack.ts'
import { moduleSymbolSizes } from './module-symbol-sizes.ts'

/**
 * Per-module sizes: loader classes, and the symbol sizes bloat-o-meter would read, packed.
 * `symbols` is left out when AnalyzerOptions.sizeTables says nobody will read them: a review
 * needs them only for the modules whose classes differ from the baseline's.
 */
export interface ModuleSizeFacts {
  classes: ClassSizes
  symbols?: PackedCategories
}

export const sizesAnalyzer: ModuleAnalyzer<ModuleSizeFacts> = {
  id: 'sizes',
  analyze(elf, ctx) {
    const opts = layoutOptionsFromVermagic(vermagicOf(elf))
    const classes = moduleClassSizes(elf, opts)
    const mode = ctx?.options?.sizeTables ?? 'all'
    const wanted = mode === 'all' || (mode === 'baseline' && tablesWanted(ctx.hint as SizeTablesHint | undefined, classes))
    return wanted ? { classes, symbols: sizeTablesAnalyzer.analyze(elf, ctx) } : { classes }
  }
}

/**
 * What the sizes check knows of a module from the baseline: 'unread' when the comparison
 * never reads its tables (not in the baseline, or without tables there), or the baseline's
 * classes of a loadable module (its tables are read only when this build's classes differ).
 */
export type SizeTablesHint = 'unread' | readonly number[]

function tablesWanted(hint: SizeTablesHint | undefined, classes: readonly number[]): boolean {
  if (hint === undefined) return true
  if (hint === 'unread') return false
  return hint.length !== classes.length || hint.some((v, i) => v !== classes[i])
}

/** The packed symbol-size tables alone, for the modules a review asks about. */
export const sizeTablesAnalyzer: ModuleAnalyzer<PackedCategories> = {
  id: 'size-tables',
  analyze(elf) {
    return packCategories(moduleSymbolSizes(elf))
  }
}

/** The `vermagic=` string of .modinfo (NUL-separated key=value). */
export function vermagicOf(elf: ElfFile): string | undefined {
  const sec = elf.section('.modinfo')
  return sec ? vermagicIn(elf.data(sec)) : undefined
}
