import type { ModuleFile } from '../discover/layout.ts'
import type { ElfSymbol } from '../elf/elf.ts'
import { factOf } from '../load/analyzer.ts'
import type { Build } from '../model/build.ts'
import { InputError } from '../model/errors.ts'
import { attributeBuiltins } from './builtin-attribution.ts'
import { parseBuiltinRanges, parseModulesBuiltin } from './builtin-ranges.ts'
import { MODULE_CLASSES } from './module-classes.ts'
import { sizesAnalyzer, sizeTablesAnalyzer, type SizeTablesHint } from './module-analyzer.ts'
import { packCategoriesLazily, packedFromWorker, packTablesLazily, type PackedCategories } from './pack.ts'
import { categorySizes, CATEGORIES, sizedSymbols } from './symbol-sizes.ts'
import { symbolSource, VMLINUX_CLASSES, vmlinuxClassSizes } from './vmlinux-classes.ts'
import { symbolSizeTables } from './module-symbol-sizes.ts'

/** One module as sized: loadable (`m`, from its .ko) or built in (`y`, from vmlinux). */
export interface ModuleSizeEntry {
  kind: 'm' | 'y'
  /** Bytes per class in the snapshot's moduleClasses order; null for a built-in without ranges. */
  classes: number[] | null
  /** The .ko's ELF image with its signature trailer: its size uncompressed. */
  file?: number
  /** The file on disk, when compressed. */
  compressed?: number
  symbols?: PackedCategories
}

/**
 * The sizes check's snapshot: everything the symbol-level diff needs, kept in the Actions
 * cache. Symbol tables are packed (pack.ts); class lists are stored so a later version with
 * other classes still reads an old snapshot by name.
 */
export interface SizesSnapshot {
  version: 1
  moduleClasses: string[]
  vmlinuxClasses: string[]
  vmlinux: { classes: number[]; symbols: PackedCategories } | null
  modules: Record<string, ModuleSizeEntry>
  /** Where built-in modules came from: modules.builtin.ranges, modules.builtin alone, or nowhere. */
  builtins: 'ranges' | 'list' | 'none'
  /** Inputs that did not fit: becomes the check's findings (not carried into comparisons). */
  problems: SizeProblem[]
}

export interface SizeProblem {
  /** ranges: modules.builtin.ranges does not fit vmlinux; unsized: an analyzer failure; duplicate: a name used twice. */
  kind: 'ranges' | 'unsized' | 'duplicate'
  message: string
  file?: string
  module?: string
}

/** The module file each loadable entry of a snapshot taken here was sized from. */
const sourcesOf = new WeakMap<SizesSnapshot, Map<string, ModuleFile>>()

/**
 * `current` with the symbol-size tables the diff against `base` will read: those of loadable
 * modules on both sides whose classes differ (or that moved between =m and =y), where the
 * analyzer made none (AnalyzerOptions.sizeTables 'none'). Those modules are read again; the
 * rest never pay for their tables. A module that cannot be read again keeps none (its change
 * is shown without symbol detail).
 */
export async function withSizeTables(build: Build, current: SizesSnapshot, base: SizesSnapshot): Promise<SizesSnapshot> {
  const files = sourcesOf.get(current)
  if (!files) return current
  const wanted: Array<[string, ModuleFile]> = []
  for (const [name, e] of Object.entries(current.modules)) {
    const b = base.modules[name]
    if (e.kind !== 'm' || e.symbols || !b?.symbols) continue
    if (b.kind === e.kind && sameClasses(b.classes, e.classes)) continue
    const file = files.get(name)
    if (file) wanted.push([name, file])
  }
  if (!wanted.length) return current
  const summaries = await build.analyzeAgain(
    wanted.map(w => w[1]),
    [sizeTablesAnalyzer.id]
  )
  const modules = { ...current.modules }
  summaries.forEach((s, i) => {
    const tables = factOf(s, sizeTablesAnalyzer)
    const name = wanted[i]![0]
    if (tables) modules[name] = { ...modules[name]!, symbols: packedFromWorker(tables) }
  })
  const out = { ...current, modules }
  sourcesOf.set(out, files)
  return out
}

/**
 * Per module of a baseline, whether a review will read the module's symbol-size tables
 * (withSizeTables' rule, told to the sizes analyzer before it runs): a loadable module's
 * tables only when its classes differ; a module built in on the baseline side, always (moved).
 * Modules the baseline has without tables are left out: theirs are never read.
 */
export function sizeTablesHints(base: SizesSnapshot): Map<string, SizeTablesHint> {
  const out = new Map<string, SizeTablesHint>()
  for (const [name, e] of Object.entries(base.modules)) {
    if (!e.symbols) continue
    if (e.kind === 'y') out.set(name, 'read')
    else if (e.classes) out.set(name, e.classes)
  }
  return out
}

export function sameClasses(a: readonly number[] | null, b: readonly number[] | null): boolean {
  if (!a || !b) return a === b
  return a.length === b.length && a.every((v, i) => v === b[i])
}

/** vmlinux's symbol table, read once per build (other checks may share the key). */
export function vmlinuxSymbols(build: Build): ElfSymbol[] | null {
  const elf = build.vmlinux()
  if (!elf) return null
  return build.memo('vmlinux:symtab', () => elf.symbols())
}

export async function takeSizesSnapshot(build: Build): Promise<SizesSnapshot> {
  const fixed = vmlinuxSizes(build)
  const snap: SizesSnapshot = { ...fixed, modules: { ...fixed.modules }, problems: [...fixed.problems] }
  const layout = build.layout
  if (layout.modules.length) {
    const files = new Map<string, ModuleFile>()
    sourcesOf.set(snap, files)
    const summaries = await build.modules()
    for (let i = 0; i < summaries.length; i++) {
      const s = summaries[i]!
      // An unreadable module is reported once, by the inventory; here it is just not sized.
      if (s.error) continue
      const facts = factOf(s, sizesAnalyzer)
      if (!facts) {
        snap.problems.push({ kind: 'unsized', file: s.relPath, module: s.name, message: `${s.relPath} could not be sized: ${s.factErrors[sizesAnalyzer.id] ?? 'no size facts'}` })
        continue
      }
      const seen = snap.modules[s.name]
      if (seen?.kind === 'm') {
        snap.problems.push({ kind: 'duplicate', file: s.relPath, module: s.name, message: `two modules are named ${s.name}; ${s.relPath} is not counted in the sizes` })
        continue
      }
      if (seen?.kind === 'y') snap.problems.push({ kind: 'duplicate', file: s.relPath, module: s.name, message: `${s.name} is both built in and a loadable module; the sizes count ${s.relPath}` })
      const entry: ModuleSizeEntry = { kind: 'm', classes: facts.classes, file: s.elfBytes + s.signatureBytes }
      if (facts.symbols) entry.symbols = packedFromWorker(facts.symbols)
      if (s.compression !== 'none') entry.compressed = s.fileBytes
      snap.modules[s.name] = entry
      files.set(s.name, layout.modules[i]!)
    }
  }
  return snap
}

/**
 * The part of the sizes snapshot that needs no module: vmlinux, and the built-in modules
 * (attributed through modules.builtin.ranges, or just listed). Made once per build and shared:
 * takeSizesSnapshot copies it before adding the loadable modules.
 */
export function vmlinuxSizes(build: Build): SizesSnapshot {
  return build.memo('sizes:vmlinux', () => {
    const snap: SizesSnapshot = {
      version: 1,
      moduleClasses: [...MODULE_CLASSES],
      vmlinuxClasses: [...VMLINUX_CLASSES],
      vmlinux: null,
      modules: {},
      builtins: 'none',
      problems: []
    }
    const layout = build.layout
    const elf = build.vmlinux()
    if (elf && !layout.modulesBuiltinRanges) {
      // Without built-in ranges to attribute, no object per symbol: the tables in one pass over the raw symbol table.
      snap.vmlinux = { classes: vmlinuxClassSizes(elf, symbolSource(elf)).classes, symbols: packTablesLazily(symbolSizeTables(elf)) }
    }
    const symbols = layout.modulesBuiltinRanges ? vmlinuxSymbols(build) : null
    if (layout.modulesBuiltinRanges && elf && symbols) {
      const sized = sizedSymbols(elf, symbols)
      snap.vmlinux = { classes: vmlinuxClassSizes(elf, symbols).classes, symbols: packCategoriesLazily(categorySizes(sized)) }
      const file = build.rel(layout.modulesBuiltinRanges)
      const ranges = parseBuiltinRanges(build.readText(layout.modulesBuiltinRanges), file)
      const attributed = attributeBuiltins(elf, symbols, sized, ranges)
      for (const p of attributed.problems) snap.problems.push({ kind: 'ranges', file, message: p })
      for (const [name, m] of attributed.modules) snap.modules[name] = { kind: 'y', classes: m.classes, symbols: packCategoriesLazily(m.symbols) }
      snap.builtins = 'ranges'
    }
    if (layout.modulesBuiltin) {
      for (const name of parseModulesBuiltin(build.readText(layout.modulesBuiltin))) {
        // Listed but without ranges (or no ranges file): built in, size unknown.
        snap.modules[name] ??= { kind: 'y', classes: null }
      }
      if (snap.builtins === 'none') snap.builtins = 'list'
    }
    return snap
  })
}

/**
 * A baseline's snapshot as this version reads it: shape checked (it comes from a cache or a
 * file), classes remapped by name onto the current class lists. Throws InputError when unusable.
 */
export function readSizesSnapshot(data: unknown, label: string): SizesSnapshot {
  const known = data && typeof data === 'object' ? readFrom.get(data) : undefined
  if (known) return known
  const read = readUncached(data, label)
  readFrom.set(data as object, read)
  return read
}

/** Baselines read already (the sizes check reads its baseline part twice: hints, then run()). */
const readFrom = new WeakMap<object, SizesSnapshot>()

function readUncached(data: unknown, label: string): SizesSnapshot {
  const bad = (what: string) => new InputError('bad-value', label, `sizes snapshot: ${what}`)
  if (!data || typeof data !== 'object') throw bad('not an object')
  const s = data as Partial<SizesSnapshot>
  if (s.version !== 1) throw new InputError('unsupported', label, `sizes snapshot version ${JSON.stringify(s.version ?? null).slice(0, 40)}, this tool reads 1`)
  if (!isStringArray(s.moduleClasses) || !isStringArray(s.vmlinuxClasses)) throw bad('no class lists')
  if (!s.modules || typeof s.modules !== 'object' || Array.isArray(s.modules)) throw bad('no module table')
  const remap = (from: string[], to: readonly string[], values: unknown, what: string): number[] => {
    if (!Array.isArray(values) || values.length !== from.length || !values.every(v => Number.isSafeInteger(v) && v >= 0)) throw bad(`${what}: bad class sizes`)
    return to.map(c => {
      const i = from.indexOf(c)
      return i < 0 ? 0 : (values[i] as number)
    })
  }
  const modules: Record<string, ModuleSizeEntry> = {}
  for (const [name, e] of Object.entries(s.modules)) {
    if (!e || (e.kind !== 'm' && e.kind !== 'y')) throw bad(`${name}: bad kind`)
    const entry: ModuleSizeEntry = { kind: e.kind, classes: e.classes === null ? null : remap(s.moduleClasses, MODULE_CLASSES, e.classes, name) }
    if (Number.isSafeInteger(e.file)) entry.file = e.file
    if (Number.isSafeInteger(e.compressed)) entry.compressed = e.compressed
    if (e.symbols !== undefined) entry.symbols = checkPacked(e.symbols, name, bad)
    modules[name] = entry
  }
  let vmlinux: SizesSnapshot['vmlinux'] = null
  if (s.vmlinux) {
    vmlinux = { classes: remap(s.vmlinuxClasses, VMLINUX_CLASSES, s.vmlinux.classes, 'vmlinux'), symbols: checkPacked(s.vmlinux.symbols, 'vmlinux', bad) }
  }
  return {
    version: 1,
    moduleClasses: [...MODULE_CLASSES],
    vmlinuxClasses: [...VMLINUX_CLASSES],
    vmlinux,
    modules,
    builtins: s.builtins === 'ranges' || s.builtins === 'list' ? s.builtins : 'none',
    problems: []
  }
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(x => typeof x === 'string')
}

function checkPacked(p: unknown, what: string, bad: (w: string) => Error): PackedCategories {
  if (!p || typeof p !== 'object') throw bad(`${what}: no symbol tables`)
  for (const c of CATEGORIES) if (typeof (p as Record<string, unknown>)[c] !== 'string') throw bad(`${what}: no ${c} symbol table`)
  return p as PackedCategories
}
