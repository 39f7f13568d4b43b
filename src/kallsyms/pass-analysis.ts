import { compareSymbolLists, type MovedSymbol, type SymbolListDiff } from './compare-symbols.ts'
import { KALLSYMS_TABLE_SYMBOLS } from './mksysmap.ts'
import type { SectionIndex } from './sections.ts'
import type { MapSymbol } from './system-map.ts'

/** The symbol map of one link pass, as read (or derived from its ELF). */
export interface PassMap {
  /** 0 is the empty step-0 map of 6.11+; link passes are 1, 2, 3. */
  pass: number
  /** The .syms file, or the ELF the map was derived from. */
  file: string
  derived: boolean
  symbols: MapSymbol[]
  /** Size of the kallsyms object this pass produced (scripts/file-size.sh), when kept. */
  objectBytes: number | null
  /** nm -n of that object, when kept: the 6.12 pass-3 condition compares it. */
  objectSymbols: string | null
}

/** A run of moved symbols: same section, same shift. */
export interface MoveGroup {
  section: string
  shift: bigint
  count: number
  first: string
  last: string
}

export type MoverKind = 'kallsyms-table' | 'end-marker' | 'other'

export interface Movement {
  diff: SymbolListDiff
  /** Moved symbols per kind, each grouped by section and shift. */
  groups: Record<MoverKind, MoveGroup[]>
  counts: Record<MoverKind, number>
  /** Names only the later map has, other than the kallsyms tables: linker stubs, veneers, trampolines. */
  stubs: MapSymbol[]
  /** kallsyms table symbols only the later map has (before 6.11 pass 1 linked no kallsyms data). */
  tableSymbolsAdded: MapSymbol[]
}

export interface PassCount {
  /** Link passes (.tmp_vmlinuxN, N >= 1) this build made. */
  passes: number
  /** Why that many, in one sentence. */
  why: string
  /** The third pass ran though neither pass-3 condition held (KALLSYMS_EXTRA_PASS=1). */
  forced: boolean
}

export function isKallsymsTableSymbol(name: string): boolean {
  return KALLSYMS_TABLE_SYMBOLS.includes(name)
}

/**
 * Linker-script boundary symbols, which move whenever anything before them grows: _end,
 * _edata, __bss_stop, and scripts/kallsyms.c's own guess (may_be_linker_script_provide_symbol:
 * __start_X, __stop_X, __end_X, __X_start, __X_end).
 */
export function isEndMarker(name: string): boolean {
  if (/^_e[a-z]*$/.test(name) || name === '_end' || name === '__end' || name === '__bss_stop' || name === '__brk_limit') return true
  if (name.length < 8 || !name.startsWith('__')) return false
  return name.startsWith('__start_') || name.startsWith('__stop_') || name.startsWith('__end_') || name.endsWith('_start') || name.endsWith('_end')
}

export function moverKind(name: string): MoverKind {
  return isKallsymsTableSymbol(name) ? 'kallsyms-table' : isEndMarker(name) ? 'end-marker' : 'other'
}

/** How `later` differs from `earlier`, movers grouped by section (of the later address, in the final vmlinux) and shift. */
export function movement(earlier: readonly MapSymbol[], later: readonly MapSymbol[], sections: SectionIndex | null): Movement {
  const diff = compareSymbolLists(earlier, later)
  const groups: Record<MoverKind, MoveGroup[]> = { 'kallsyms-table': [], 'end-marker': [], other: [] }
  const counts: Record<MoverKind, number> = { 'kallsyms-table': 0, 'end-marker': 0, other: 0 }
  const open = new Map<string, MoveGroup>()
  const sorted = [...diff.moved].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  for (const m of sorted) {
    const kind = moverKind(m.name)
    counts[kind]++
    const section = sectionName(m, sections)
    const shift = m.to - m.from
    const key = `${kind}\0${section}\0${shift}`
    const g = open.get(key)
    if (g) {
      g.count++
      g.last = m.name
    } else {
      const ng = { section, shift, count: 1, first: m.name, last: m.name }
      open.set(key, ng)
      groups[kind].push(ng)
    }
  }
  for (const k of Object.keys(groups) as MoverKind[]) groups[k].sort((a, b) => b.count - a.count)
  return {
    diff,
    groups,
    counts,
    stubs: diff.added.filter(s => !isKallsymsTableSymbol(s.name)),
    tableSymbolsAdded: diff.added.filter(s => isKallsymsTableSymbol(s.name))
  }
}

function sectionName(m: MovedSymbol, sections: SectionIndex | null): string {
  return sections?.sectionOf(m.to) ?? `(type ${m.type})`
}

/**
 * Why the build made the passes it made (scripts/link-vmlinux.sh): pass 3 runs when the
 * kallsyms object of pass 2 differs in size from pass 1's (6.12 also: in its `nm -n`), or with
 * KALLSYMS_EXTRA_PASS=1. Without the objects, equal (name, type) lists in passes 1 and 2 mean
 * equal tables, since the table encodes nothing else whose size can change.
 */
export function passCount(maps: readonly PassMap[]): PassCount {
  const linked = maps.filter(m => m.pass >= 1)
  const passes = linked.length === 0 ? 0 : linked[linked.length - 1]!.pass
  const p1 = linked.find(m => m.pass === 1)
  const p2 = linked.find(m => m.pass === 2)
  if (passes < 2 || !p1 || !p2) return { passes, why: passes < 2 ? 'fewer than two link passes were kept' : 'the maps of passes 1 and 2 were not both kept', forced: false }

  const sizes = p1.objectBytes !== null && p2.objectBytes !== null ? { a: p1.objectBytes, b: p2.objectBytes } : null
  const listChange = nameTypeChange(p1.symbols, p2.symbols)
  if (passes === 2) {
    if (sizes) return { passes, why: `the kallsyms object of pass 2 had the size of pass 1's (${fmtBytes(sizes.a)}), so pass 2's addresses were final`, forced: false }
    return { passes, why: `passes 1 and 2 listed the same ${p2.symbols.length.toLocaleString('en-US')} names, so the table kept its size and pass 2's addresses were final`, forced: false }
  }
  if (sizes && sizes.a !== sizes.b) {
    return { passes, why: `the kallsyms object grew from ${fmtBytes(sizes.a)} in pass 1 to ${fmtBytes(sizes.b)} in pass 2${listChange ? ` (${listChange})` : ''}, which shifts the addresses after it`, forced: false }
  }
  if (sizes && p1.objectSymbols !== null && p2.objectSymbols !== null && p1.objectSymbols !== p2.objectSymbols) {
    return { passes, why: `the kallsyms object kept its size (${fmtBytes(sizes.a)}) but the sizes of its tables changed between passes 1 and 2 (6.12's link-vmlinux.sh compares "nm -n" of the objects, not only their size)`, forced: false }
  }
  if (!sizes && listChange) return { passes, why: `pass 2 listed different names than pass 1 (${listChange}), so its kallsyms table changed size`, forced: false }
  return {
    passes,
    why: sizes
      ? `the kallsyms object had the same size (${fmtBytes(sizes.a)}) and symbols in passes 1 and 2, so pass 3 was forced (KALLSYMS_EXTRA_PASS=1)`
      : 'passes 1 and 2 listed the same names and types, so the table could not change size: pass 3 was forced (KALLSYMS_EXTRA_PASS=1)',
    forced: true
  }
}

/** "+3 names, -1 name" between two maps, or null when their (name, type) lists agree. */
function nameTypeChange(a: readonly MapSymbol[], b: readonly MapSymbol[]): string | null {
  const d = compareSymbolLists(
    a.map(s => ({ addr: 0n, type: s.type, name: s.name })),
    b.map(s => ({ addr: 0n, type: s.type, name: s.name }))
  )
  if (d.lost.length + d.added.length + d.retyped.length === 0) return null
  const parts: string[] = []
  if (d.added.length) parts.push(`+${d.added.length} ${d.added.length === 1 ? 'name' : 'names'}`)
  if (d.lost.length) parts.push(`-${d.lost.length} ${d.lost.length === 1 ? 'name' : 'names'}`)
  if (d.retyped.length) parts.push(`${d.retyped.length} retyped`)
  return parts.join(', ')
}

export function fmtBytes(n: number): string {
  return `${n.toLocaleString('en-US')} bytes`
}
