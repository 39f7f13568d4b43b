import type { KallsymsEntry } from './table.ts'

export interface MovedEntry {
  name: string
  type: string
  expected: bigint
  actual: bigint
}

export interface RetypedEntry {
  name: string
  addr: bigint
  expected: string
  actual: string
}

/** The embedded table against what kallsyms.c would have built from System.map. */
export interface TableComparison {
  expected: number
  decoded: number
  /** Same entries in the same order. */
  identical: boolean
  /** In System.map (and not dropped by design), not in the table. */
  missing: KallsymsEntry[]
  /** In the table, not in System.map. */
  extra: KallsymsEntry[]
  moved: MovedEntry[]
  retyped: RetypedEntry[]
  /** Index of the first entry out of kallsyms.c's order when the entries agree otherwise. */
  firstOrderDifference: number | null
}

/**
 * Pairs entries by name (the k-th occurrence of a name in one list with the k-th in the other,
 * both in address order), so a renamed, moved or retyped symbol is reported once, exactly.
 */
export function compareTables(expected: readonly KallsymsEntry[], decoded: readonly KallsymsEntry[]): TableComparison {
  const out: TableComparison = {
    expected: expected.length,
    decoded: decoded.length,
    identical: false,
    missing: [],
    extra: [],
    moved: [],
    retyped: [],
    firstOrderDifference: null
  }
  let same = expected.length === decoded.length
  for (let i = 0; same && i < expected.length; i++) {
    const a = expected[i]!
    const b = decoded[i]!
    if (a.addr !== b.addr || a.name !== b.name || a.type !== b.type) same = false
  }
  if (same) {
    out.identical = true
    return out
  }
  const byName = new Map<string, KallsymsEntry[]>()
  for (const e of decoded) {
    const list = byName.get(e.name)
    if (list) list.push(e)
    else byName.set(e.name, [e])
  }
  const used = new Map<string, number>()
  for (const e of expected) {
    const list = byName.get(e.name)
    const k = used.get(e.name) ?? 0
    const d = list?.[k]
    if (!d) {
      out.missing.push(e)
      continue
    }
    used.set(e.name, k + 1)
    if (d.addr !== e.addr) out.moved.push({ name: e.name, type: e.type, expected: e.addr, actual: d.addr })
    else if (d.type !== e.type) out.retyped.push({ name: e.name, addr: e.addr, expected: e.type, actual: d.type })
  }
  for (const [name, list] of byName) {
    const k = used.get(name) ?? 0
    for (let i = k; i < list.length; i++) out.extra.push(list[i]!)
  }
  if (out.missing.length + out.extra.length + out.moved.length + out.retyped.length === 0) {
    for (let i = 0; i < expected.length; i++) {
      if (expected[i]!.name !== decoded[i]!.name) {
        out.firstOrderDifference = i
        break
      }
    }
  }
  return out
}
