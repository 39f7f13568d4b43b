import type { MapSymbol } from './system-map.ts'

export interface MovedSymbol {
  name: string
  type: string
  from: bigint
  to: bigint
}

export interface RetypedSymbol {
  name: string
  addr: bigint
  from: string
  to: string
}

/** Two symbol lists (System.map lines, pass maps, decoded tables) compared entry by entry. */
export interface SymbolListDiff {
  before: number
  after: number
  /** Same entries in the same order. */
  identical: boolean
  /** Only in the first list. */
  lost: MapSymbol[]
  /** Only in the second list. */
  added: MapSymbol[]
  moved: MovedSymbol[]
  retyped: RetypedSymbol[]
  /** When the entries agree but their order does not: the first index that differs. */
  firstOrderDifference: number | null
}

/**
 * Pairs entries by name: the k-th occurrence of a name in one list with the k-th in the other,
 * both in list (address) order. A growing table shifts everything after it by the same
 * amount, which keeps that order, so local symbols sharing a name pair up correctly.
 */
export function compareSymbolLists(before: readonly MapSymbol[], after: readonly MapSymbol[]): SymbolListDiff {
  const out: SymbolListDiff = {
    before: before.length,
    after: after.length,
    identical: false,
    lost: [],
    added: [],
    moved: [],
    retyped: [],
    firstOrderDifference: null
  }
  let same = before.length === after.length
  for (let i = 0; same && i < before.length; i++) {
    const a = before[i]!
    const b = after[i]!
    if (a.addr !== b.addr || a.name !== b.name || a.type !== b.type) same = false
  }
  if (same) {
    out.identical = true
    return out
  }
  const byName = new Map<string, MapSymbol[]>()
  for (const e of after) {
    const list = byName.get(e.name)
    if (list) list.push(e)
    else byName.set(e.name, [e])
  }
  const used = new Map<string, number>()
  for (const e of before) {
    const k = used.get(e.name) ?? 0
    const d = byName.get(e.name)?.[k]
    if (!d) {
      out.lost.push(e)
      continue
    }
    used.set(e.name, k + 1)
    if (d.addr !== e.addr) out.moved.push({ name: e.name, type: d.type, from: e.addr, to: d.addr })
    if (d.type !== e.type) out.retyped.push({ name: e.name, addr: d.addr, from: e.type, to: d.type })
  }
  for (const [name, list] of byName) {
    for (let i = used.get(name) ?? 0; i < list.length; i++) out.added.push(list[i]!)
  }
  out.added.sort((a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0))
  if (out.lost.length + out.added.length + out.moved.length + out.retyped.length === 0) {
    for (let i = 0; i < before.length; i++) {
      const a = before[i]!
      const b = after[i]!
      if (a.name !== b.name || a.addr !== b.addr || a.type !== b.type) {
        out.firstOrderDifference = i
        break
      }
    }
  }
  return out
}
