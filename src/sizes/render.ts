import type { Block, Text } from '../model/finding.ts'
import { bloatHeader, bloatTotal, type BloatResult, type BloatRow } from './bloat.ts'
import type { ModuleChange, ModuleSide, SizesDiff, SymbolDiff } from './diff.ts'
import { CLASS_LABELS, MODULE_CLASSES } from './module-classes.ts'
import { CATEGORIES, CATEGORY_TITLES } from './symbol-sizes.ts'
import { VMLINUX_CLASSES, VMLINUX_LABELS } from './vmlinux-classes.ts'

/** Rows in the first table; the rest goes into a collapsed one. */
export const TOP_CHANGES = 10
/** Symbol rows shown per bloat-o-meter table in the comment (the JSON report has them all). */
const SYMBOL_ROWS = 20
/** Modules whose symbol changes are shown in the comment. */
const SYMBOL_MODULES = 10

export function bytes(n: number): string {
  return n.toLocaleString('en-US')
}

export function signed(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '-' : '±'}${Math.abs(n).toLocaleString('en-US')}`
}

export function percent(p: number | null): string {
  if (p === null) return 'new'
  if (p !== 0 && Math.abs(p) < 0.005) return p > 0 ? '+<0.01%' : '-<0.01%'
  return `${p > 0 ? '+' : ''}${p.toFixed(2)}%`
}

/** Binary-prefixed size for prose ("51.2 MiB"); tables keep exact bytes. */
export function human(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB']
  let v = n
  let i = 0
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return i === 0 ? `${n} B` : `${v.toFixed(1)} ${units[i]}`
}

function kindWord(s: ModuleSide): string {
  return s.kind === 'builtin' ? 'built in' : 'loadable'
}

function sideTotal(s: ModuleSide): string {
  return s.total === null ? `${kindWord(s)}, size unknown` : bytes(s.total)
}

/** The one-line verdict of a comparison. */
export function diffSummary(d: SizesDiff, label: string): string {
  const grew = d.changed.filter(c => !c.moved && (c.delta ?? 0) > 0).length
  const shrank = d.changed.filter(c => !c.moved && (c.delta ?? 0) < 0).length
  const moved = d.changed.filter(c => c.moved).length
  const parts: string[] = []
  if (d.vmlinux) parts.push(`vmlinux ${signed(d.vmlinux.total.delta)} bytes (${percent(d.vmlinux.total.percent)})`)
  const mods: string[] = []
  if (d.added.length) mods.push(`${d.added.length} added`)
  if (d.removed.length) mods.push(`${d.removed.length} removed`)
  if (grew) mods.push(`${grew} grew`)
  if (shrank) mods.push(`${shrank} shrank`)
  if (moved) mods.push(`${moved} moved between =m and =y`)
  const other = d.changed.length - grew - shrank - moved
  if (other) mods.push(`${other} changed within the same total`)
  parts.push(mods.length ? `modules: ${mods.join(', ')}` : 'no module changed size')
  if (d.total) parts.push(`total ${signed(d.total.delta)} bytes (${percent(d.total.percent)})`)
  const against = label ? `against ${label}` : 'against the baseline'
  if (!mods.length && (!d.vmlinux || d.vmlinux.total.delta === 0) && d.vmlinux?.symbols && noSymbolChange(d.vmlinux.symbols)) {
    return `no size changes ${against}`
  }
  return `${parts.join('; ')} ${against}`
}

function noSymbolChange(s: SymbolDiff): boolean {
  return CATEGORIES.every(c => s[c].rows.every(r => r.delta === 0))
}

interface Row {
  name: string
  before: string
  after: string
  delta: number | null
  percent: string
  note: string
}

function changeRows(d: SizesDiff): Row[] {
  const rows: Row[] = []
  if (d.vmlinux && d.vmlinux.total.delta !== 0) {
    const v = d.vmlinux.total
    rows.push({ name: 'vmlinux', before: bytes(v.before), after: bytes(v.after), delta: v.delta, percent: percent(v.percent), note: '' })
  }
  for (const c of d.changed) {
    // A move compares a .ko (struct module, ORC, notes) with its share of vmlinux: text is the like-for-like number.
    const text = c.before.classes && c.after.classes ? `; text ${bytes(c.before.classes.text)} → ${bytes(c.after.classes.text)}` : ''
    const note = c.moved ? `moved: ${kindWord(c.before)} → ${kindWord(c.after)}${text}` : c.before.kind === 'builtin' ? 'built in' : ''
    rows.push({ name: c.name, before: sideTotal(c.before), after: sideTotal(c.after), delta: c.delta, percent: c.delta === null ? '' : percent(c.percent), note })
  }
  for (const a of d.added) {
    rows.push({ name: a.name, before: '–', after: sideTotal(a.after), delta: a.after.total, percent: 'added', note: kindWord(a.after) })
  }
  for (const r of d.removed) {
    rows.push({ name: r.name, before: sideTotal(r.before), after: '–', delta: r.before.total === null ? null : -r.before.total, percent: 'removed', note: kindWord(r.before) })
  }
  // vmlinux first, then the largest changes.
  const first = rows[0]?.name === 'vmlinux' ? rows.shift()! : null
  rows.sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return first ? [first, ...rows] : rows
}

function tableOf(rows: Row[]): Block {
  return {
    kind: 'table',
    columns: ['module', 'before', 'after', 'change', '%', ''],
    align: ['left', 'right', 'right', 'right', 'right', 'left'],
    rows: rows.map(r => [{ code: r.name }, r.before, r.after, r.delta === null ? '' : signed(r.delta), r.percent, r.note])
  }
}

/** The rows to print of one bloat table: the largest |delta| ones, kept in bloat-o-meter's order. */
function shownRows(r: BloatResult, limit: number): { rows: BloatRow[]; hidden: number } {
  const changed = r.rows.filter(x => x.delta !== 0)
  if (changed.length <= limit) return { rows: changed, hidden: 0 }
  const keep = new Set([...changed].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).slice(0, limit))
  return { rows: changed.filter(x => keep.has(x)), hidden: changed.length - limit }
}

/** bloat-o-meter -c output for the categories that changed, rows capped per category. */
export function bloatText(s: SymbolDiff, limit = SYMBOL_ROWS): string {
  const out: string[] = []
  for (const c of CATEGORIES) {
    const r = s[c]
    if (r.rows.every(x => x.delta === 0)) continue
    const { rows, hidden } = shownRows(r, limit)
    out.push(bloatHeader(r), `${CATEGORY_TITLES[c].padEnd(40)} ${'old'.padStart(7)} ${'new'.padStart(7)} ${'delta'.padStart(7)}`)
    for (const row of rows) {
      const d = `${row.delta > 0 ? '+' : ''}${row.delta}`
      out.push(`${row.name.padEnd(40)} ${String(row.old ?? '-').padStart(7)} ${String(row.new ?? '-').padStart(7)} ${d.padStart(7)}`)
    }
    if (hidden) out.push(`… ${hidden} more rows with changes no larger (the JSON report has them all)`)
    out.push(bloatTotal(r))
  }
  return out.join('\n')
}

function classTable(names: readonly string[], labels: Record<string, string>, before: Record<string, number>, after: Record<string, number>): Block {
  return {
    kind: 'table',
    columns: ['class', 'before', 'after', 'change'],
    align: ['left', 'right', 'right', 'right'],
    rows: names
      .filter(c => before[c] || after[c])
      .map(c => [labels[c] ?? c, bytes(before[c] ?? 0), bytes(after[c] ?? 0), signed((after[c] ?? 0) - (before[c] ?? 0))])
  }
}

function moduleDetail(c: ModuleChange): Block[] {
  const blocks: Block[] = []
  if (c.before.classes && c.after.classes) {
    const table = classTable(MODULE_CLASSES, CLASS_LABELS, c.before.classes, c.after.classes) as Extract<Block, { kind: 'table' }>
    const file = (label: string, a: number | undefined, b: number | undefined) => {
      if (a !== undefined && b !== undefined && a !== b) table.rows.push([label, bytes(a), bytes(b), signed(b - a)])
    }
    file('.ko file', c.before.file, c.after.file)
    file('.ko compressed', c.before.compressed, c.after.compressed)
    blocks.push(table)
  }
  if (c.moved) {
    blocks.push({
      kind: 'paragraph',
      text: 'A built-in module has no struct module, __versions, ORC or export tables of its own, and its exit code is init memory: sizes compare closely, not exactly.'
    })
  }
  if (c.symbols && !noSymbolChange(c.symbols)) blocks.push({ kind: 'code', text: bloatText(c.symbols) })
  return blocks
}

/**
 * The PR comment section (the verdict is the check summary): the largest changes, then the
 * symbol-level details, then the rest of the changes collapsed, last, so a comment cut to its
 * size limit loses the long tail first.
 */
export function diffBlocks(d: SizesDiff): Block[] {
  const blocks: Block[] = []
  const rows = changeRows(d)
  if (rows.length) blocks.push(tableOf(rows.slice(0, TOP_CHANGES)))
  if (d.vmlinux) {
    const inner: Block[] = [classTable(VMLINUX_CLASSES, VMLINUX_LABELS, d.vmlinux.before, d.vmlinux.after)]
    if (d.vmlinux.symbols && !noSymbolChange(d.vmlinux.symbols)) inner.push({ kind: 'code', text: bloatText(d.vmlinux.symbols) })
    if (d.vmlinux.total.delta !== 0 || inner.length > 1) blocks.push({ kind: 'details', summary: 'vmlinux by class and symbol (bloat-o-meter -c)', blocks: inner })
  }
  const withDetail = d.changed.filter(c => (c.symbols && !noSymbolChange(c.symbols)) || c.moved)
  // Moves first (they are what a reviewer asks about), then by size of the change.
  const detailed = [...withDetail.filter(c => c.moved), ...withDetail.filter(c => !c.moved)].slice(0, SYMBOL_MODULES)
  for (const c of detailed) {
    const summary: Text = [{ code: c.name }, c.delta === null ? ` ${c.moved ? 'moved' : 'changed'}` : ` ${signed(c.delta)} bytes${c.moved ? ` (moved: ${kindWord(c.before)} → ${kindWord(c.after)})` : ''}`]
    blocks.push({ kind: 'details', summary, blocks: moduleDetail(c) })
  }
  const more = withDetail.length - detailed.length
  if (more > 0) blocks.push({ kind: 'paragraph', text: `Symbol changes of ${more} more modules are in the JSON report.` })
  if (rows.length > TOP_CHANGES) {
    blocks.push({ kind: 'details', summary: `${rows.length - TOP_CHANGES} more changes`, blocks: [tableOf(rows.slice(TOP_CHANGES))] })
  }
  return blocks
}

/** Without a baseline: what the build occupies, collapsed. */
export function inventoryBlocks(vmlinux: Record<string, number> | null, largest: Array<{ name: string; side: ModuleSide }>): Block[] {
  const inner: Block[] = []
  if (vmlinux) {
    inner.push({
      kind: 'table',
      columns: ['vmlinux class', 'bytes'],
      align: ['left', 'right'],
      rows: VMLINUX_CLASSES.filter(c => vmlinux[c]).map(c => [VMLINUX_LABELS[c], bytes(vmlinux[c]!)])
    })
  }
  if (largest.length) {
    inner.push({
      kind: 'table',
      columns: ['largest modules', 'loaded', 'text', '.ko file'],
      align: ['left', 'right', 'right', 'right'],
      rows: largest.map(m => [{ code: m.name }, sideTotal(m.side), m.side.classes ? bytes(m.side.classes.text) : '', m.side.file === undefined ? kindWord(m.side) : bytes(m.side.file)])
    })
  }
  return inner.length ? [{ kind: 'details', summary: 'Sizes', blocks: inner }] : []
}
