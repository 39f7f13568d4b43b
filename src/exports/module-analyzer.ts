import type { ModuleAnalyzer } from '../load/analyzer.ts'
import { readImports, readVersions, type ModuleVersions } from './imports.ts'
import { ET_REL } from '../elf/constants.ts'
import { readExportMarkers, readKsymtab, type KsymtabExport } from './ksymtab.ts'

/** What the export and symbol-list checks need from one module. */
export interface ModuleLinkage {
  imports: string[]
  weak: string[]
  versions: ModuleVersions | null
  /** The module's own exports, from its __ksymtab* tables (or a 6.5+ .o's .export_symbol). */
  exports: KsymtabExport[]
}

/** Imports, recorded CRCs and exports of every module (license and import_ns: modinfo analyzer). */
export const linkageAnalyzer: ModuleAnalyzer<ModuleLinkage> = {
  id: 'linkage',
  analyze(elf) {
    const { imports, weak } = readImports(elf)
    let exports = readKsymtab(elf)
    // A 6.5+ .o that modpost has not turned into a .ko yet marks its exports in .export_symbol.
    if (!exports.length && elf.type === ET_REL) exports = readExportMarkers(elf)
    return { imports, weak, versions: readVersions(elf), exports }
  }
}
