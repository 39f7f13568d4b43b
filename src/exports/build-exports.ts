import type { Build } from '../model/build.ts'
import { describeError } from '../model/errors.ts'
import { readKsymtab, type KsymtabExport } from './ksymtab.ts'
import { tableOf, type ExportedSymbol, type ExportTable } from './model.ts'
import { parseSymvers, symversExports, type SymversRow } from './symvers.ts'
import { configValue } from './whitelist.ts'
import { vmlinuxFromImage } from './image.ts'
import { moduleObjects, type LinkedModule } from './module-set.ts'

export interface SourceMismatch {
  symbol: string
  module: string
  /** What differs: present in only one source, or an attribute. */
  what: 'only-symvers' | 'only-binary' | 'gpl' | 'namespace' | 'crc' | 'module'
  symvers?: ExportedSymbol
  binary?: ExportedSymbol
  /** Line of the symvers row. */
  line?: number
}

export interface BuildExports {
  /** What the export set below was read from. */
  source: 'symvers' | 'binaries' | 'none'
  exports: ExportedSymbol[]
  table: ExportTable
  modversions: boolean
  symvers: { file: string; kind: string; rows: SymversRow[] } | null
  /** Exports read from the binaries, and which owners they cover completely. */
  binary: { exports: ExportedSymbol[]; vmlinux: string | null; covered: Set<string> } | null
  /** Symvers and binaries disagree (only over owners the binaries cover). */
  mismatches: SourceMismatch[]
  modules: LinkedModule[]
  /** Problems worth a line in the report (unreadable vmlinux, modules that failed). */
  notes: string[]
}

/** Every export of the build, from Module.symvers when there is one and from the binaries too. */
export function buildExports(build: Build): Promise<BuildExports> {
  return build.memo('exports:build', () => readBuildExports(build))
}

/**
 * Just the build's export set, for snapshots: Module.symvers alone when there is one (no module
 * is read), else the binaries.
 */
export async function exportSet(build: Build): Promise<Pick<BuildExports, 'source' | 'exports' | 'modversions'>> {
  const symvers = readSymvers(build)
  if (!symvers) return buildExports(build)
  const configured = configValue(build, 'MODVERSIONS')
  const modversions = configured !== undefined ? configured === 'y' : symvers.rows.some(r => r.crc !== 0)
  return { source: 'symvers', exports: symversExports(symvers.rows, modversions), modversions }
}

function readSymvers(build: Build): BuildExports['symvers'] {
  const layout = build.layout
  if (!layout.symvers) return null
  return build.memo('exports:symvers', () => {
    const file = build.rel(layout.symvers!)
    return { file, kind: layout.symversKind ?? 'Module.symvers', rows: parseSymvers(build.readText(layout.symvers!), file) }
  })
}

async function readBuildExports(build: Build): Promise<BuildExports> {
  const notes: string[] = []
  const symvers = readSymvers(build)
  // vmlinux and Module.symvers first: this thread reads them while the workers analyze modules.
  const vm = await vmlinuxExports(build, notes)
  const configured = configValue(build, 'MODVERSIONS')
  const modversions =
    configured !== undefined
      ? configured === 'y'
      : (symvers?.rows.some(r => r.crc !== 0) ?? false) || (vm?.exports.some(e => e.crc !== null) ?? false)
  const fromSymvers = symvers ? symversExports(symvers.rows, modversions) : null
  const modules = await moduleObjects(build)

  const binaryRows: ExportedSymbol[] = []
  const covered = new Set<string>()
  if (vm) {
    covered.add('vmlinux')
    for (const e of vm.exports) binaryRows.push(withOwner(e, 'vmlinux', modversions))
  }
  let failed = 0
  for (const m of modules) {
    if (!m.linkage) {
      failed++
      continue
    }
    // A .o read before modpost holds every export, trimmed or not, and no CRCs: it says nothing
    // about what Module.symvers should list.
    if (!m.object) covered.add(m.owner)
    for (const e of m.linkage.exports) binaryRows.push(withOwner(e, m.owner, modversions))
  }
  if (failed) notes.push(`${failed} module${failed === 1 ? '' : 's'} could not be read; their exports and imports are not checked`)
  const binary = vm || modules.length ? { exports: binaryRows, vmlinux: vm?.file ?? null, covered } : null

  let exports: ExportedSymbol[]
  let source: BuildExports['source']
  if (fromSymvers) {
    exports = fromSymvers
    source = 'symvers'
  } else if (binary && (vm || binaryRows.length)) {
    exports = binaryRows
    source = 'binaries'
    if (!vm) notes.push('no vmlinux or boot image with export tables: the exports of vmlinux are unknown')
  } else {
    exports = []
    source = 'none'
  }
  const mismatches = symvers && fromSymvers && binary ? compareSources(fromSymvers, symvers.rows, binary) : []
  return { source, exports, table: tableOf(exports), modversions, symvers, binary, mismatches, modules, notes }
}

function withOwner(e: KsymtabExport, module: string, modversions: boolean): ExportedSymbol {
  return { symbol: e.symbol, module, gplOnly: e.gplOnly, namespace: e.namespace, crc: modversions ? e.crc : null }
}

/** vmlinux's exports from its ELF (full or stripped), else from the boot image. */
async function vmlinuxExports(build: Build, notes: string[]): Promise<{ file: string; exports: KsymtabExport[] } | null> {
  const layout = build.layout
  if (layout.vmlinux) {
    try {
      const elf = build.vmlinux()
      if (elf && (elf.section('__ksymtab') || elf.section('__ksymtab_gpl'))) {
        return { file: build.rel(layout.vmlinux), exports: readKsymtab(elf) }
      }
    } catch (err) {
      notes.push(`cannot read the export tables of ${build.rel(layout.vmlinux)}: ${describeError(err)}`)
    }
  }
  if (layout.bootImage) {
    try {
      const image = await vmlinuxFromImage(build)
      if (image) return { file: image.what, exports: readKsymtab(image.elf) }
      notes.push(`${build.rel(layout.bootImage)} holds a raw kernel without section headers; its export tables are not read`)
    } catch (err) {
      notes.push(`cannot read the export tables of ${build.rel(layout.bootImage)}: ${describeError(err)}`)
    }
  }
  return null
}

/**
 * Module.symvers against the binaries, over the owners the binaries cover. Module.symvers
 * rows of modules that are not there (not built, not installed) are not disagreements.
 */
export function compareSources(fromSymvers: readonly ExportedSymbol[], rows: readonly SymversRow[], binary: NonNullable<BuildExports['binary']>): SourceMismatch[] {
  const out: SourceMismatch[] = []
  const bin = tableOf(binary.exports.filter(e => binary.covered.has(e.module)))
  const seen = new Set<string>()
  for (let i = 0; i < fromSymvers.length; i++) {
    const s = fromSymvers[i]!
    const line = rows[i]?.line
    const b = bin.get(s.symbol)
    seen.add(s.symbol)
    const at = line === undefined ? {} : { line }
    if (!b) {
      if (binary.covered.has(s.module)) out.push({ symbol: s.symbol, module: s.module, what: 'only-symvers', symvers: s, ...at })
      continue
    }
    if (b.module !== s.module) {
      out.push({ symbol: s.symbol, module: s.module, what: 'module', symvers: s, binary: b, ...at })
      continue
    }
    if (b.gplOnly !== s.gplOnly) out.push({ symbol: s.symbol, module: s.module, what: 'gpl', symvers: s, binary: b, ...at })
    if (b.namespace !== s.namespace) out.push({ symbol: s.symbol, module: s.module, what: 'namespace', symvers: s, binary: b, ...at })
    if (b.crc !== null && s.crc !== null && b.crc !== s.crc) out.push({ symbol: s.symbol, module: s.module, what: 'crc', symvers: s, binary: b, ...at })
  }
  for (const b of bin.values()) if (!seen.has(b.symbol)) out.push({ symbol: b.symbol, module: b.module, what: 'only-binary', binary: b })
  return out
}
