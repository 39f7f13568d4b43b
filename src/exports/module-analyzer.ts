import type { ModuleAnalyzer } from '../load/analyzer.ts'
import { ET_REL } from '../elf/constants.ts'
import { readImports, readVersions, type ModuleVersions } from './imports.ts'
import { readExportMarkers, readKsymtab, type KsymtabExport } from './ksymtab.ts'

/** What the export and symbol-list checks need from one module. */
export interface ModuleLinkage {
  imports: string[]
  weak: string[]
  versions: ModuleVersions | null
  /** The module's own exports, from its __ksymtab* tables (or a 6.5+ .o's .export_symbol). */
  exports: KsymtabExport[]
}

/**
 * ModuleLinkage as it crosses from a worker thread: a Debian kernel's 4,230 modules import
 * ~200,000 names and record as many CRCs, and structured-cloning that many small strings costs
 * more than finding them. So the names go as one NUL-joined string (imports, weak imports, then
 * names only __versions holds) and the versions as indices into it with their CRCs.
 */
export interface PackedLinkage {
  names: string
  imports: number
  weak: number
  versions: { index: Int32Array; crcs: Float64Array; extended: boolean } | null
  exports: KsymtabExport[]
}

export function packLinkage(l: ModuleLinkage): PackedLinkage {
  const names = [...l.imports, ...l.weak]
  let versions: PackedLinkage['versions'] = null
  if (l.versions) {
    const at = new Map<string, number>()
    names.forEach((n, i) => at.set(n, i))
    const v = l.versions
    const index = new Int32Array(v.names.length)
    for (let i = 0; i < v.names.length; i++) {
      const n = v.names[i]!
      let j = at.get(n)
      if (j === undefined) {
        j = names.length
        names.push(n)
        at.set(n, j)
      }
      index[i] = j
    }
    versions = { index, crcs: Float64Array.from(v.crcs), extended: v.extended }
  }
  return { names: names.join('\0'), imports: l.imports.length, weak: l.weak.length, versions, exports: l.exports }
}

export function unpackLinkage(p: PackedLinkage): ModuleLinkage {
  const names = p.names === '' ? [] : p.names.split('\0')
  const versions = p.versions
    ? { names: Array.from(p.versions.index, i => names[i]!), crcs: Array.from(p.versions.crcs), extended: p.versions.extended }
    : null
  return { imports: names.slice(0, p.imports), weak: names.slice(p.imports, p.imports + p.weak), versions, exports: p.exports }
}

/** Imports, recorded CRCs and exports of every module (license and import_ns: modinfo analyzer). */
export const linkageAnalyzer: ModuleAnalyzer<PackedLinkage> = {
  id: 'linkage',
  analyze(elf) {
    const { imports, weak } = readImports(elf)
    let exports = readKsymtab(elf)
    // A 6.5+ .o that modpost has not turned into a .ko yet marks its exports in .export_symbol.
    if (!exports.length && elf.type === ET_REL) exports = readExportMarkers(elf)
    return packLinkage({ imports, weak, versions: readVersions(elf), exports })
  }
}
