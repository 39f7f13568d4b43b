import { atLeast } from '../model/build-info.ts'
import {
  compareAtOneAddress,
  droppedByDesign,
  KSYM_NAME_LEN,
  RANGE_NAMES,
  type KallsymsOptions
} from './expected.ts'
import type { PackedMap, SymbolMap } from './system-map.ts'
import { compareAddr } from './decode-table.ts'
import type { DecodedTable } from './table.ts'

/** What the packed comparison found: the table is exactly what kallsyms.c makes of the map. */
export interface PackedMatch {
  /** Lines left out by design, counted by reason (as expectedTable reports them). */
  dropped: Record<string, number>
  /** Entries kallsyms.c keeps. */
  kept: number
}

const TYPE_ABSOLUTE = 0x41 // 'A'
/** Types droppedByDesign may drop: u n U N, and absolute symbols (A a). */
const DROPPABLE_TYPES = new Set([0x75, 0x6e, 0x55, 0x4e, 0x41, 0x61])

/**
 * verifyTable's usual case without an object per symbol: expectedTable's selection and order
 * worked out on the columns of System.map and compared with the packed table, entry for entry.
 * Null when they differ, and when anything is out of the ordinary (a map not in address order,
 * names beyond ASCII): the caller then compares the objects, which explains any difference.
 * Lines that might be dropped go through droppedByDesign itself, so the reasons are the same.
 */
export function matchPacked(
  decoded: DecodedTable,
  map: SymbolMap,
  opts: KallsymsOptions
): PackedMatch | null {
  const table = decoded.packed
  const p = map.packed
  const text = p.text
  const n = map.count
  const v = opts.version
  const tableSymbolsDropped = !v || !atLeast(v, 6, 11)
  const everyName = v !== null && !atLeast(v, 6, 4)
  const dropped: Record<string, number> = {}
  const ranges = new Map<string, number>()
  let kept = new Uint32Array(n)
  let k = 0
  for (let i = 0; i < n; i++) {
    const s = p.nameStart[i]!
    const len = p.nameEnd[i]! - s
    const type = p.types[i]!
    if (
      everyName ||
      len >= KSYM_NAME_LEN ||
      DROPPABLE_TYPES.has(type) ||
      (tableSymbolsDropped && text.startsWith('kallsyms_', s))
    ) {
      const why = droppedByDesign({ type: String.fromCharCode(type), name: text.slice(s, s + len) }, opts)
      if (why) {
        dropped[why] = (dropped[why] ?? 0) + 1
        continue
      }
    }
    if (len >= 6 && len <= 15 && text.charCodeAt(s) === 0x5f) {
      const name = text.slice(s, s + len)
      if (RANGE_NAMES.has(name) && !ranges.has(name)) ranges.set(name, i)
    }
    kept[k++] = i
  }

  if (!opts.allSymbols) {
    const inRange = (i: number, lo: string, hi: string) => {
      const l = ranges.get(lo)
      const h = ranges.get(hi)
      return (
        l !== undefined &&
        h !== undefined &&
        compareAddr(p.words, i, l) >= 0 &&
        compareAddr(p.words, i, h) <= 0
      )
    }
    const etext = ranges.get('_etext')
    const einittext = ranges.get('_einittext')
    const boundaryNames = v !== null && atLeast(v, 6, 12)
    let w = 0
    for (let j = 0; j < k; j++) {
      const i = kept[j]!
      const s = p.nameStart[i]!
      // A prefix holds no newline, so it cannot match past the end of the name.
      if (!(boundaryNames && (text.startsWith('__start_', s) || text.startsWith('__stop_', s)))) {
        if (!inRange(i, '_stext', '_etext') && !inRange(i, '_sinittext', '_einittext')) continue
        if (etext !== undefined && compareAddr(p.words, i, etext) === 0 && !nameIs(p, i, '_etext')) continue
        if (
          einittext !== undefined &&
          compareAddr(p.words, i, einittext) === 0 &&
          !nameIs(p, i, '_einittext')
        )
          continue
      }
      kept[w++] = i
    }
    k = w
  }
  kept = kept.subarray(0, k)

  const types = new Uint16Array(k)
  const percpuLo = opts.absolutePercpu ? ranges.get('__per_cpu_start') : undefined
  const percpuHi = opts.absolutePercpu ? ranges.get('__per_cpu_end') : undefined
  for (let j = 0; j < k; j++) {
    const i = kept[j]!
    const percpu =
      percpuLo !== undefined &&
      percpuHi !== undefined &&
      compareAddr(p.words, i, percpuLo) >= 0 &&
      compareAddr(p.words, i, percpuHi) <= 0
    types[j] = percpu ? TYPE_ABSOLUTE : p.types[i]!
  }
  if (k !== decoded.count || !inKallsymsOrder(p, kept, types)) return null

  for (let j = 0; j < k; j++) {
    const i = kept[j]!
    if (
      table.words[2 * j] !== p.words[2 * i] ||
      table.words[2 * j + 1] !== p.words[2 * i + 1] ||
      table.types[j] !== types[j]
    )
      return null
    const s = p.nameStart[i]!
    const len = p.nameEnd[i]! - s
    const at = table.nameAt[j]!
    if (at + len >= table.names.length || table.names[at + len] !== 0) return null
    for (let c = 0; c < len; c++) {
      const ch = text.charCodeAt(s + c)
      if (ch > 0x7f || table.names[at + c] !== ch) return null
    }
  }
  return { dropped, kept: k }
}

function nameIs(p: PackedMap, i: number, name: string): boolean {
  return p.nameEnd[i]! - p.nameStart[i]! === name.length && p.text.startsWith(name, p.nameStart[i]!)
}

/**
 * Puts `kept` (map lines, with their types after retyping) into expectedTable's order, in
 * place: a map in address order (nm -n's) only needs the lines at one address ordered by
 * compare_symbols' other keys. False for a map that is not in address order.
 */
function inKallsymsOrder(p: PackedMap, kept: Uint32Array, types: Uint16Array): boolean {
  for (let j = 1; j < kept.length; j++) {
    const c = compareAddr(p.words, kept[j]!, kept[j - 1]!)
    if (c < 0) return false
    if (c > 0) continue
    let end = j + 1
    while (end < kept.length && compareAddr(p.words, kept[end]!, kept[j - 1]!) === 0) end++
    sortRun(p, kept, types, j - 1, end)
    j = end - 1
  }
  return true
}

/** Lines [from, to) at one address, in compare_symbols' order (a stable sort). */
function sortRun(p: PackedMap, kept: Uint32Array, types: Uint16Array, from: number, to: number): void {
  const run: Array<{ line: number; code: number; type: string; name: string }> = []
  for (let j = from; j < to; j++) {
    const line = kept[j]!
    const code = types[j]!
    run.push({
      line,
      code,
      type: String.fromCharCode(code),
      name: p.text.slice(p.nameStart[line]!, p.nameEnd[line]!)
    })
  }
  run.sort(compareAtOneAddress)
  run.forEach((r, o) => {
    kept[from + o] = r.line
    types[from + o] = r.code
  })
}
