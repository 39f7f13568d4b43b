import type { ModuleAnalyzer } from '../load/analyzer.ts'
import { readImports, readVersions, type ModuleVersions } from './imports.ts'
import { readKsymtab, type KsymtabExport } from './ksymtab.ts'

/** What the export and symbol-list checks need from one module. */
export interface ModuleLinkage {
  imports: string[]
  weak: string[]
  versions: ModuleVersions | null
  /** The module's own exports, from its __ksymtab* tables. */
  exports: KsymtabExport[]
}

/** Imports, recorded CRCs and exports of every module (license and import_ns: modinfo analyzer). */
export const linkageAnalyzer: ModuleAnalyzer<ModuleLinkage> = {
  id: 'linkage',
  analyze(elf) {
    const { imports, weak } = readImports(elf)
    return { imports, weak, versions: readVersions(elf), exports: readKsymtab(elf) }
  }
}
