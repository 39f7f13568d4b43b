import { atLeast, type KernelVersion } from '../model/build-info.ts'
import { KALLSYMS_TABLE_SYMBOLS } from './mksysmap.ts'
import type { MapSymbol } from './system-map.ts'
import type { KallsymsEntry } from './table.ts'

/** How scripts/kallsyms.c was run, which decides what it keeps of a map. */
export interface KallsymsOptions {
  version: KernelVersion | null
  /** --all-symbols (CONFIG_KALLSYMS_ALL). */
  allSymbols: boolean
  /** --absolute-percpu (CONFIG_KALLSYMS_ABSOLUTE_PERCPU, up to 6.14). */
  absolutePercpu: boolean
}

/** Absolute symbols kallsyms.c keeps (ia64/parisc/... names), scripts/kallsyms.c is_ignored_symbol. */
const KEPT_ABSOLUTE = new Set(['__kernel_syscall_via_break', '__kernel_syscall_via_epc', '__kernel_sigtramp', '__gp'])
export const KSYM_NAME_LEN = 512

// 6.1-6.3 kallsyms.c also ignored these itself (6.4 moved the patterns into mksysmap).
const OLD_PREFIXES = [
  '__efistub_',
  '__kvm_nvhe_$',
  '__kvm_nvhe_.L',
  '__AArch64ADRPThunk_',
  '__ARMV5PILongThunk_',
  '__ARMV7PILongThunk_',
  '__ThumbV7PILongThunk_',
  '__LA25Thunk_',
  '__microLA25Thunk_',
  '__kcfi_typeid_'
]
const OLD_SUFFIXES = ['_from_arm', '_from_thumb', '_veneer']
const OLD_MATCHES = ['.long_branch.', '.plt_branch.']
const OLD_EXACT = new Set(['_SDA_BASE_', '_SDA2_BASE_'])

/** Why kallsyms.c leaves a System.map line out of the table, or null when it keeps it. */
export function droppedByDesign(sym: Pick<MapSymbol, 'type' | 'name'>, opts: KallsymsOptions): string | null {
  const { type, name } = sym
  if (name.length >= KSYM_NAME_LEN) return `name longer than ${KSYM_NAME_LEN - 1} characters`
  if (type === 'u' || type === 'n' || type === 'U' || type === 'N') return `type ${type}`
  if (type.toUpperCase() === 'A' && !KEPT_ABSOLUTE.has(name)) return 'absolute symbol'
  const v = opts.version
  if (!v || !atLeast(v, 6, 11)) {
    if (KALLSYMS_TABLE_SYMBOLS.includes(name)) return 'kallsyms table symbol (left out before 6.11)'
  }
  if (v && !atLeast(v, 6, 4)) {
    if (OLD_EXACT.has(name) || OLD_PREFIXES.some(p => name.startsWith(p)) || OLD_SUFFIXES.some(s => name.endsWith(s)) || OLD_MATCHES.some(m => name.includes(m))) {
      return 'name pattern kallsyms.c ignored before 6.4'
    }
  }
  return null
}

/**
 * The table scripts/kallsyms.c builds from a map, in its order: ignored symbols dropped, without
 * --all-symbols only text (and 6.12+: __start_/__stop_) symbols, per-cpu symbols typed 'A' with
 * --absolute-percpu, then sorted by compare_symbols (address, weak last, linker-script
 * symbols last, fewer leading underscores first, input order). `dropped` is told the reason
 * for each line left out by design.
 */
export function expectedTable(map: readonly MapSymbol[], opts: KallsymsOptions, dropped?: (why: string) => void): KallsymsEntry[] {
  const kept: KallsymsEntry[] = []
  const ranges = new Map<string, bigint>()
  for (const s of map) {
    const why = droppedByDesign(s, opts)
    if (why) {
      dropped?.(why)
      continue
    }
    if (RANGE_NAMES.has(s.name) && !ranges.has(s.name)) ranges.set(s.name, s.addr)
    kept.push({ addr: s.addr, type: s.type, name: s.name })
  }
  let table = kept
  if (!opts.allSymbols) {
    const inRange = (a: bigint, lo: string, hi: string) => {
      const l = ranges.get(lo)
      const h = ranges.get(hi)
      return l !== undefined && h !== undefined && a >= l && a <= h
    }
    const etext = ranges.get('_etext')
    const einittext = ranges.get('_einittext')
    const boundaryNames = opts.version !== null && atLeast(opts.version, 6, 12)
    table = kept.filter(s => {
      if (boundaryNames && (s.name.startsWith('__start_') || s.name.startsWith('__stop_'))) return true
      if (!inRange(s.addr, '_stext', '_etext') && !inRange(s.addr, '_sinittext', '_einittext')) return false
      if ((s.addr === etext && s.name !== '_etext') || (s.addr === einittext && s.name !== '_einittext')) return false
      return true
    })
  }
  if (opts.absolutePercpu) {
    const lo = ranges.get('__per_cpu_start')
    const hi = ranges.get('__per_cpu_end')
    if (lo !== undefined && hi !== undefined) for (const s of table) if (s.addr >= lo && s.addr <= hi) s.type = 'A'
  }
  // Array.prototype.sort is stable: equal symbols keep their input order, compare_symbols' last key.
  table.sort(compareSymbols)
  return table
}

/** The symbols whose first address bounds the text, init text and per-cpu sections. */
export const RANGE_NAMES = new Set(['_stext', '_etext', '_sinittext', '_einittext', '__per_cpu_start', '__per_cpu_end'])

function isWeak(s: Pick<KallsymsEntry, 'type'>): number {
  return s.type === 'w' || s.type === 'W' ? 1 : 0
}

function linkerScriptProvided(n: string): number {
  if (n.length < 8 || !n.startsWith('__')) return 0
  return n.startsWith('__start_', 0) || n.startsWith('__stop_') || n.startsWith('__end_') || n.endsWith('_start') || n.endsWith('_end') ? 1 : 0
}

function leadingUnderscores(n: string): number {
  let i = 0
  while (n.charCodeAt(i) === 95) i++
  return i
}

/** compare_symbols of symbols at one address: weak last, linker-script symbols last, fewer leading underscores first. */
export function compareAtOneAddress(a: Pick<KallsymsEntry, 'type' | 'name'>, b: Pick<KallsymsEntry, 'type' | 'name'>): number {
  return isWeak(a) - isWeak(b) || linkerScriptProvided(a.name) - linkerScriptProvided(b.name) || leadingUnderscores(a.name) - leadingUnderscores(b.name)
}

function compareSymbols(a: KallsymsEntry, b: KallsymsEntry): number {
  if (a.addr !== b.addr) return a.addr < b.addr ? -1 : 1
  return compareAtOneAddress(a, b)
}
