import type { ModuleAnalyzer } from '../load/analyzer.ts'
import { moduleClassSizes, type ClassSizes } from './module-classes.ts'
import { packCategories, type PackedCategories } from './pack.ts'
import { categorySizes, sizedSymbols } from './symbol-sizes.ts'

/** Per-module sizes: loader classes, and the symbol sizes bloat-o-meter would read, packed. */
export interface ModuleSizeFacts {
  classes: ClassSizes
  symbols: PackedCategories
}

export const sizesAnalyzer: ModuleAnalyzer<ModuleSizeFacts> = {
  id: 'sizes',
  analyze(elf) {
    return { classes: moduleClassSizes(elf), symbols: packCategories(categorySizes(sizedSymbols(elf))) }
  }
}
