import type { ElfFile } from '../elf/elf.ts'
import type { ModuleAnalyzer } from '../load/analyzer.ts'
import { layoutOptionsFromVermagic, moduleClassSizes, vermagicIn, type ClassSizes } from './module-classes.ts'
import { packCategories, type PackedCategories } from './pack.ts'
import { moduleSymbolSizes } from './module-symbol-sizes.ts'

/** Per-module sizes: loader classes, and the symbol sizes bloat-o-meter would read, packed. */
export interface ModuleSizeFacts {
  classes: ClassSizes
  symbols: PackedCategories
}

export const sizesAnalyzer: ModuleAnalyzer<ModuleSizeFacts> = {
  id: 'sizes',
  analyze(elf) {
    const opts = layoutOptionsFromVermagic(vermagicOf(elf))
    return { classes: moduleClassSizes(elf, opts), symbols: packCategories(moduleSymbolSizes(elf)) }
  }
}

/** The `vermagic=` string of .modinfo (NUL-separated key=value). */
export function vermagicOf(elf: ElfFile): string | undefined {
  const sec = elf.section('.modinfo')
  return sec ? vermagicIn(elf.data(sec)) : undefined
}
