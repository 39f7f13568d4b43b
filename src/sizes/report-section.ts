import { bloatHeader } from './bloat.ts'
import type { ModuleSide, SizesDiff, SymbolDiff } from './diff.ts'
import { sideOf } from './diff.ts'
import { MODULE_CLASSES } from './module-classes.ts'
import type { SizesSnapshot } from './snapshot.ts'
import { CATEGORIES } from './symbol-sizes.ts'
import { VMLINUX_CLASSES, type VmlinuxClass } from './vmlinux-classes.ts'

/** bloat-o-meter's numbers of one category, changed rows only; `null` where it prints '-'. */
interface JsonBloat {
  header: string
  rows: Array<{ name: string; old: number | null; new: number | null; delta: number }>
  total: { before: number; after: number }
}

function jsonSymbols(s: SymbolDiff | undefined): Record<string, JsonBloat> | undefined {
  if (!s) return undefined
  const out: Record<string, JsonBloat> = {}
  for (const c of CATEGORIES) {
    const r = s[c]
    out[c] = {
      header: bloatHeader(r),
      rows: r.rows.filter(x => x.delta !== 0).map(x => ({ name: x.name, old: x.old ?? null, new: x.new ?? null, delta: x.delta })),
      total: { before: r.oldTotal, after: r.newTotal }
    }
  }
  return out
}

/**
 * The report's top-level `modules` section (added, removed, changed with before/after per
 * class; `sizes` of every module of this build) and `vmlinuxSizes` (per class, and the
 * comparison when there is a baseline).
 */
export function reportSections(current: SizesSnapshot, diff: SizesDiff | null, label: string | null): Record<string, unknown> {
  const sizes: Record<string, ModuleSide> = {}
  for (const name of Object.keys(current.modules).sort()) sizes[name] = sideOf(current.modules[name]!)
  const modules = {
    baseline: label,
    classes: [...MODULE_CLASSES],
    added: diff?.added ?? [],
    removed: diff?.removed ?? [],
    changed: (diff?.changed ?? []).map(c => ({ ...c, symbols: jsonSymbols(c.symbols) })),
    unchanged: diff?.unchanged ?? 0,
    total: diff?.total ?? null,
    sizes
  }
  let vmlinuxSizes: unknown = null
  if (current.vmlinux) {
    const classes = {} as Record<VmlinuxClass, number>
    VMLINUX_CLASSES.forEach((c, i) => (classes[c] = current.vmlinux!.classes[i] ?? 0))
    vmlinuxSizes = diff?.vmlinux ? { ...diff.vmlinux, symbols: jsonSymbols(diff.vmlinux.symbols) } : { after: classes }
  }
  return { modules, vmlinuxSizes }
}
