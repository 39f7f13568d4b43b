import type { ModuleAnalyzer } from '../load/analyzer.ts'
import { ET_REL } from '../elf/constants.ts'
import { readImports, readVersions, type ModuleVersions } from './imports.ts'
import { readExportMarkers, readKsymtab, type KsymtabExport } from './ksymtab.ts'

/** What the export and symbol-list checks need from one module. */
export interface ModuleLinkage {
  imports: string[]
  weak: string[]
  /** The CRCs the module was built against (__versions or the extended tables); null without. */
  versions: RecordedVersions | null
  /** The module's own exports, from its __ksymtab* tables (or a 6.5+ .o's .export_symbol). */
  exports: KsymtabExport[]
}

/**
 * Recorded CRCs aligned with names: `names` is imports, then weak imports, then the names only
 * the version tables hold (module_layout); crcs[i] is the CRC recorded for names[i], NaN when
 * none. The first entry of a name wins, as in the loader's linear search.
 */
export interface RecordedVersions {
  names: string[]
  crcs: Float64Array
  extended: boolean
}

/** The CRC a module recorded for `name`, if any. */
export function recordedCrc(v: RecordedVersions, name: string): number | undefined {
  const i = v.names.indexOf(name)
  return i < 0 || Number.isNaN(v.crcs[i]!) ? undefined : v.crcs[i]
}

/**
 * ModuleLinkage as it crosses from a worker thread: a Debian kernel's 4,230 modules import
 * ~200,000 names and record as many CRCs, and structured-cloning that many small strings costs
 * more than finding them. So the names go as one NUL-joined string and the CRCs as one typed
 * array aligned with them.
 */
export interface PackedLinkage {
  names: string
  imports: number
  weak: number
  crcs: Float64Array | null
  extended: boolean
  exports: KsymtabExport[]
}

export function packLinkage(imports: string[], weak: string[], raw: ModuleVersions | null, exports: KsymtabExport[]): PackedLinkage {
  const names = [...imports, ...weak]
  let crcs: Float64Array | null = null
  if (raw) {
    const at = new Map<string, number>()
    names.forEach((n, i) => at.set(n, i))
    const values: number[] = new Array(names.length).fill(Number.NaN)
    for (let i = 0; i < raw.names.length; i++) {
      const n = raw.names[i]!
      let j = at.get(n)
      if (j === undefined) {
        j = names.length
        names.push(n)
        values.push(Number.NaN)
        at.set(n, j)
      }
      if (Number.isNaN(values[j]!)) values[j] = raw.crcs[i]!
    }
    crcs = Float64Array.from(values)
  }
  return { names: names.join('\0'), imports: imports.length, weak: weak.length, crcs, extended: raw?.extended ?? false, exports }
}

export function unpackLinkage(p: PackedLinkage): ModuleLinkage {
  const names = p.names === '' ? [] : p.names.split('\0')
  return {
    imports: names.slice(0, p.imports),
    weak: names.slice(p.imports, p.imports + p.weak),
    versions: p.crcs ? { names, crcs: p.crcs, extended: p.extended } : null,
    exports: p.exports
  }
}

/** Imports, recorded CRCs and exports of every module (license and import_ns: modinfo analyzer). */
export const linkageAnalyzer: ModuleAnalyzer<PackedLinkage> = {
  id: 'linkage',
  analyze(elf) {
    const { imports, weak } = readImports(elf)
    let exports = readKsymtab(elf)
    // A 6.5+ .o that modpost has not turned into a .ko yet marks its exports in .export_symbol.
    if (!exports.length && elf.type === ET_REL) exports = readExportMarkers(elf)
    return packLinkage(imports, weak, readVersions(elf), exports)
  }
}
