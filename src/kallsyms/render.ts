import type { Block, Text } from '../model/finding.ts'
import type { SymbolListDiff } from './compare-symbols.ts'
import type { MoveGroup, Movement, MoverKind } from './pass-analysis.ts'
import type { SectionIndex } from './sections.ts'

/** Rows shown before a table is folded into a details block. */
const SHOWN = 20
/** Rows a details block holds at most (the JSON report has everything). */
const MAX_ROWS = 500

export function hex(a: bigint): string {
  return '0x' + a.toString(16)
}

export function signedHex(d: bigint): string {
  return d < 0n ? '-0x' + (-d).toString(16) : '+0x' + d.toString(16)
}

export function count(n: number, word: string, plural = word + 's'): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : plural}`
}

export interface DiffColumns {
  before: string
  after: string
}

/** One row per differing symbol: moved, retyped, only before, only after. */
export function diffRows(d: SymbolListDiff, sections: SectionIndex | null): Text[][] {
  const sec = (a: bigint) => sections?.sectionOf(a) ?? ''
  const rows: Text[][] = []
  for (const m of d.moved) rows.push([{ code: m.name }, m.type, hex(m.from), hex(m.to), sec(m.to), `moved ${signedHex(m.to - m.from)}`])
  for (const r of d.retyped) rows.push([{ code: r.name }, `${r.from} → ${r.to}`, hex(r.addr), hex(r.addr), sec(r.addr), 'type changed'])
  for (const s of d.lost) rows.push([{ code: s.name }, s.type, hex(s.addr), '–', sec(s.addr), 'name lost'])
  for (const s of d.added) rows.push([{ code: s.name }, s.type, '–', hex(s.addr), sec(s.addr), 'name added'])
  return rows
}

/** A table of a diff, the first rows shown and the rest folded. */
export function diffTable(d: SymbolListDiff, cols: DiffColumns, sections: SectionIndex | null): Block[] {
  const rows = diffRows(d, sections)
  const columns = ['Symbol', 'Type', cols.before, cols.after, 'Section', 'Change']
  const table = (r: Text[][]): Block => ({ kind: 'table', columns, rows: r })
  if (rows.length <= SHOWN) return [table(rows)]
  const rest = rows.slice(SHOWN, SHOWN + MAX_ROWS)
  const more = rows.length - SHOWN - rest.length
  const blocks: Block[] = [table(rows.slice(0, SHOWN)), { kind: 'details', summary: `${count(rows.length - SHOWN, 'more difference')}`, blocks: [table(rest)] }]
  if (more > 0) blocks.push({ kind: 'paragraph', text: `${count(more, 'further difference')} only in the JSON report.` })
  return blocks
}

/** "3 moved, 1 name added" */
export function diffSummary(d: SymbolListDiff): string {
  const parts: string[] = []
  if (d.moved.length) parts.push(`${count(d.moved.length, 'symbol')} moved`)
  if (d.retyped.length) parts.push(`${count(d.retyped.length, 'type')} changed`)
  if (d.added.length) parts.push(`${count(d.added.length, 'name')} added`)
  if (d.lost.length) parts.push(`${count(d.lost.length, 'name')} lost`)
  if (parts.length === 0 && d.firstOrderDifference !== null) parts.push(`same symbols in a different order (from entry ${d.firstOrderDifference + 1})`)
  return parts.join(', ')
}

const KIND_TITLE: Record<MoverKind, string> = {
  'kallsyms-table': 'kallsyms tables',
  'end-marker': 'end markers',
  other: 'other symbols'
}

/** Moved symbols by kind, section and shift; linker stubs that appear only later. */
export function movementBlocks(m: Movement, title: string): Block[] {
  const rows: Text[][] = []
  for (const kind of ['other', 'end-marker', 'kallsyms-table'] as MoverKind[]) {
    for (const g of m.groups[kind]) rows.push(groupRow(kind, g))
  }
  const blocks: Block[] = []
  if (rows.length) {
    const table: Block = { kind: 'table', columns: ['Kind', 'Section', 'Shift', 'Symbols', 'From … to'], rows: rows.slice(0, MAX_ROWS), align: ['left', 'left', 'right', 'right', 'left'] }
    blocks.push(rows.length > SHOWN ? { kind: 'details', summary: title, blocks: [table] } : table)
  }
  if (m.stubs.length) {
    const items: Text[] = m.stubs.slice(0, MAX_ROWS).map(s => [{ code: s.name }, ` ${s.type} at ${hex(s.addr)}`])
    blocks.push({ kind: 'paragraph', text: `Names only the later pass has (linker stubs, veneers, trampolines): ${count(m.stubs.length, 'name')}.` })
    blocks.push(items.length > SHOWN ? { kind: 'details', summary: 'stub names', blocks: [{ kind: 'list', items }] } : { kind: 'list', items })
  }
  return blocks
}

function groupRow(kind: MoverKind, g: MoveGroup): Text[] {
  const range: Text = g.count === 1 ? [{ code: g.first }] : [{ code: g.first }, ' … ', { code: g.last }]
  return [KIND_TITLE[kind], g.section, signedHex(g.shift), g.count.toLocaleString('en-US'), range]
}

/** "12,345 other symbols moved (.rodata +0x2a000, .data +0x2a000 …)" */
export function movementSummary(m: Movement): string {
  const parts: string[] = []
  const other = m.counts.other
  if (other) {
    const top = m.groups.other.slice(0, 3).map(g => `${g.section} ${signedHex(g.shift)}`)
    parts.push(`${count(other, 'other symbol')} moved (${top.join(', ')}${m.groups.other.length > 3 ? ', …' : ''})`)
  }
  const expected = m.counts['kallsyms-table'] + m.counts['end-marker']
  if (expected) parts.push(`${count(expected, 'expected mover')} (kallsyms tables, end markers)`)
  if (m.stubs.length) parts.push(`${count(m.stubs.length, 'stub name')} added`)
  return parts.length ? parts.join('; ') : 'nothing moved'
}
