import { compareSizes, compareSortedPacked, compareWithByteTable, compareWithTable, type BloatResult } from './bloat.ts'
import { ByteSizeTable } from './byte-size-table.ts'
import { InputError } from '../model/errors.ts'
import { MODULE_CLASSES, type ModuleClass } from './module-classes.ts'
import { decodePacked, tablesPackedHere, type PackedCategories } from './pack.ts'
import { PackedCursor } from './packed-cursor.ts'
import { sameClasses, type ModuleSizeEntry, type SizesSnapshot } from './snapshot.ts'
import { CATEGORIES, type Category } from './symbol-sizes.ts'
import { VMLINUX_CLASSES, type VmlinuxClass } from './vmlinux-classes.ts'

/** One side of a module: how it is built and what it occupies. */
export interface ModuleSide {
  kind: 'loadable' | 'builtin'
  /** Bytes per class; null for a built-in module without modules.builtin.ranges. */
  classes: Record<ModuleClass, number> | null
  /** Sum of the classes (the loaded footprint, init parts included); null when unknown. */
  total: number | null
  /** .ko size uncompressed, and on disk when compressed (loadable only). */
  file?: number
  compressed?: number
}

export type SymbolDiff = Record<Category, BloatResult>

export interface ModuleChange {
  name: string
  before: ModuleSide
  after: ModuleSide
  /** after.total - before.total; null when either side's size is unknown. */
  delta: number | null
  percent: number | null
  /** Built in on one side, loadable on the other (=m <-> =y). */
  moved: boolean
  symbols?: SymbolDiff
}

export interface VmlinuxDiff {
  before: Record<VmlinuxClass, number>
  after: Record<VmlinuxClass, number>
  total: { before: number; after: number; delta: number; percent: number | null }
  symbols?: SymbolDiff
}

export interface SizesDiff {
  added: Array<{ name: string; after: ModuleSide }>
  removed: Array<{ name: string; before: ModuleSide }>
  /** Modules on both sides whose classes or build kind differ, largest |delta| first. */
  changed: ModuleChange[]
  unchanged: number
  vmlinux: VmlinuxDiff | null
  /** vmlinux plus loadable modules (built-ins are inside vmlinux already); null when only one side has vmlinux. */
  total: { before: number; after: number; delta: number; percent: number | null } | null
}

export function sideOf(e: ModuleSizeEntry): ModuleSide {
  const side: ModuleSide = { kind: e.kind === 'm' ? 'loadable' : 'builtin', classes: null, total: null }
  if (e.classes) {
    const rec = {} as Record<ModuleClass, number>
    MODULE_CLASSES.forEach((c, i) => (rec[c] = e.classes![i] ?? 0))
    side.classes = rec
    side.total = e.classes.reduce((a, b) => a + b, 0)
  }
  if (e.file !== undefined) side.file = e.file
  if (e.compressed !== undefined) side.compressed = e.compressed
  return side
}

export function percentOf(before: number, after: number): number | null {
  return before ? ((after - before) * 100) / before : null
}

function symbolDiff(a: PackedCategories | undefined, b: PackedCategories | undefined, what: string): SymbolDiff | undefined {
  if (!a || !b) return undefined
  const file = `baseline ${what}`
  const here = tablesPackedHere(b)
  const out = {} as SymbolDiff
  for (const c of CATEGORIES) {
    if (!here) {
      out[c] = comparePacked(tableText(a, c, file), tableText(b, c, what), file, what)
      continue
    }
    // Tables made here or sent by the workers as name bytes (vmlinux's, built-in modules', a
    // review's changed modules'): each baseline name looked up once.
    // Names in packSizes' order are distinct; a table made elsewhere goes the way of maps.
    const cur = here[c]
    const text = tableText(a, c, file)
    if (cur instanceof ByteSizeTable) {
      out[c] = compareWithByteTable(new PackedCursor(text, file), cur) ?? compareSizes(mapOf(decodePacked(text, file)), cur.toMap())
      continue
    }
    const old = decodePacked(text, file)
    out[c] = old.ascending ? compareWithTable(old.names, old.sizes, cur) : compareSizes(mapOf(old), cur.toMap())
  }
  return out
}

function tableText(p: PackedCategories, c: Category, file: string): string {
  const text = p[c]
  if (typeof text !== 'string') throw new InputError('bad-value', file, `packed symbol sizes: no ${c} table`)
  return text
}

/**
 * Two packed tables compared, read side by side when both are in packSizes' order (they are,
 * unless made elsewhere); otherwise through maps. A malformed table is decoded here, so the
 * error names the first bad table and line, as decoding both always did.
 */
function comparePacked(a: string, b: string, fileA: string, fileB: string): BloatResult {
  try {
    const walked = compareSortedPacked(new PackedCursor(a, fileA), new PackedCursor(b, fileB))
    if (walked) return walked
  } catch {
    // decoded below, which throws
  }
  return compareSizes(mapOf(decodePacked(a, fileA)), mapOf(decodePacked(b, fileB)))
}

function mapOf(t: { names: string[]; sizes: number[] }): Map<string, number> {
  const m = new Map<string, number>()
  for (let i = 0; i < t.names.length; i++) m.set(t.names[i]!, t.sizes[i]!)
  return m
}

function classRecord<C extends string>(names: readonly C[], values: number[]): Record<C, number> {
  const out = {} as Record<C, number>
  names.forEach((c, i) => (out[c] = values[i] ?? 0))
  return out
}

/** Loadable modules' loaded bytes: what the kernel adds to vmlinux when they are all loaded. */
function loadableTotal(s: SizesSnapshot): number {
  let t = 0
  for (const e of Object.values(s.modules)) if (e.kind === 'm' && e.classes) t += e.classes.reduce((a, b) => a + b, 0)
  return t
}

/** vmlinux's classes and symbol tables compared; null unless both sides have vmlinux. */
export function diffVmlinux(before: Pick<SizesSnapshot, 'vmlinux'>, after: Pick<SizesSnapshot, 'vmlinux'>): VmlinuxDiff | null {
  if (!before.vmlinux || !after.vmlinux) return null
  const tb = before.vmlinux.classes.reduce((a, b) => a + b, 0)
  const ta = after.vmlinux.classes.reduce((a, b) => a + b, 0)
  const out: VmlinuxDiff = {
    before: classRecord(VMLINUX_CLASSES, before.vmlinux.classes),
    after: classRecord(VMLINUX_CLASSES, after.vmlinux.classes),
    total: { before: tb, after: ta, delta: ta - tb, percent: percentOf(tb, ta) }
  }
  const symbols = symbolDiff(before.vmlinux.symbols, after.vmlinux.symbols, 'vmlinux')
  if (symbols) out.symbols = symbols
  return out
}

/**
 * `vmlinux` is diffVmlinux(before, after) when the caller made it already (the sizes check does,
 * while the changed modules' symbol tables are being read).
 */
export function diffSizes(before: SizesSnapshot, after: SizesSnapshot, vmlinux: VmlinuxDiff | null = diffVmlinux(before, after)): SizesDiff {
  const out: SizesDiff = { added: [], removed: [], changed: [], unchanged: 0, vmlinux, total: null }
  for (const [name, a] of Object.entries(after.modules)) {
    const b = before.modules[name]
    if (!b) {
      out.added.push({ name, after: sideOf(a) })
      continue
    }
    const moved = a.kind !== b.kind
    if (!moved && sameClasses(a.classes, b.classes)) {
      out.unchanged++
      continue
    }
    const bs = sideOf(b)
    const as = sideOf(a)
    const delta = bs.total !== null && as.total !== null ? as.total - bs.total : null
    const change: ModuleChange = { name, before: bs, after: as, delta, percent: delta === null ? null : percentOf(bs.total!, as.total!), moved }
    const symbols = symbolDiff(b.symbols, a.symbols, name)
    if (symbols) change.symbols = symbols
    out.changed.push(change)
  }
  for (const [name, b] of Object.entries(before.modules)) if (!after.modules[name]) out.removed.push({ name, before: sideOf(b) })
  const byDelta = (x: { delta: number | null; name: string }, y: { delta: number | null; name: string }) =>
    Math.abs(y.delta ?? 0) - Math.abs(x.delta ?? 0) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)
  out.changed.sort(byDelta)
  const bySize = (x: ModuleSide) => x.total ?? 0
  out.added.sort((x, y) => bySize(y.after) - bySize(x.after) || (x.name < y.name ? -1 : 1))
  out.removed.sort((x, y) => bySize(y.before) - bySize(x.before) || (x.name < y.name ? -1 : 1))
  if (vmlinux) {
    const b = vmlinux.total.before + loadableTotal(before)
    const a = vmlinux.total.after + loadableTotal(after)
    out.total = { before: b, after: a, delta: a - b, percent: percentOf(b, a) }
  } else if (!before.vmlinux && !after.vmlinux) {
    const b = loadableTotal(before)
    const a = loadableTotal(after)
    out.total = { before: b, after: a, delta: a - b, percent: percentOf(b, a) }
  }
  return out
}
