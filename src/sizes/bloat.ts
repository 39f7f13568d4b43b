import type { ByteSizeTable } from './byte-size-table.ts'
import type { PackedCursor } from './packed-cursor.ts'
import type { SizeTable } from './size-table.ts'
import type { SizeMap } from './symbol-sizes.ts'

/** One table row: a symbol whose (cleaned, summed) size changed. old/new undefined = absent. */
export interface BloatRow {
  name: string
  old: number | undefined
  new: number | undefined
  delta: number
}

/** scripts/bloat-o-meter calc(): counts, byte totals and the rows, largest delta first. */
export interface BloatResult {
  add: number
  remove: number
  grow: number
  shrink: number
  up: number
  /** Bytes lost, positive (the header prints it negated). */
  down: number
  /** The names whose size changed (the rows print_result() prints), in its order. */
  rows: BloatRow[]
  oldTotal: number
  newTotal: number
}

/** bloat-o-meter's counts and rows, gathered name by name (in any order: the rows are sorted at the end). */
class Tally {
  add = 0
  remove = 0
  grow = 0
  shrink = 0
  up = 0
  down = 0
  oldTotal = 0
  newTotal = 0
  readonly rows: BloatRow[] = []

  removed(name: string, size: number): void {
    this.oldTotal += size
    this.remove++
    this.down += size
    this.rows.push({ name, old: size, new: undefined, delta: -size })
  }

  added(name: string, size: number): void {
    this.newTotal += size
    this.add++
    this.up += size
    this.rows.push({ name, old: undefined, new: size, delta: size })
  }

  /** A name on both sides with the same size: counted in the totals only. */
  same(size: number): void {
    this.oldTotal += size
    this.newTotal += size
  }

  both(name: string, size: number, n: number): void {
    this.oldTotal += size
    this.newTotal += n
    const d = n - size
    if (d === 0) return
    if (d > 0) {
      this.grow++
      this.up += d
    } else {
      this.shrink++
      this.down -= d
    }
    this.rows.push({ name, old: size, new: n, delta: d })
  }

  result(): BloatResult {
    const { add, remove, grow, shrink, up, down, rows, oldTotal, newTotal } = this
    // delta.sort(reverse=True) over (delta, name) tuples: by delta, then name, both descending.
    rows.sort((a, b) => b.delta - a.delta || compareCodePoints(b.name, a.name))
    return { add, remove, grow, shrink, up, down, rows, oldTotal, newTotal }
  }
}

export function compareSizes(old: SizeMap, cur: SizeMap): BloatResult {
  const t = new Tally()
  for (const [name, size] of old) {
    const n = cur.get(name)
    if (n === undefined) t.removed(name, size)
    else t.both(name, size, n)
  }
  for (const [name, size] of cur) if (!old.has(name)) t.added(name, size)
  return t.result()
}

/**
 * compareSizes() over two tables given as names in strictly ascending order (UTF-16 order, as
 * packSizes writes them) with their sizes: one merge walk instead of two maps. The reviews
 * read packed tables with compareSortedPacked; this decoded form is what the tests and the
 * sizes-pack fuzz oracle hold that walk to.
 */
export function compareSortedSizes(oldNames: readonly string[], oldSizes: readonly number[], curNames: readonly string[], curSizes: readonly number[]): BloatResult {
  const t = new Tally()
  let i = 0
  let j = 0
  while (i < oldNames.length || j < curNames.length) {
    const o = oldNames[i]
    const c = curNames[j]
    if (c === undefined || (o !== undefined && o < c)) t.removed(o!, oldSizes[i++]!)
    else if (o === undefined || c < o) t.added(c, curSizes[j++]!)
    else t.both(o, oldSizes[i++]!, curSizes[j++]!)
  }
  return t.result()
}

/**
 * compareSortedSizes() over two packed tables read side by side, making strings only for the
 * names whose size changed. Null when either table turns out not to be strictly ascending:
 * the caller then compares them the way of maps. Malformed lines throw as decodePacked does.
 */
export function compareSortedPacked(old: PackedCursor, cur: PackedCursor): BloatResult | null {
  const t = new Tally()
  let o = old.next()
  let c = cur.next()
  while (o || c) {
    if (!old.ascending || !cur.ascending) return null
    const order = !c ? -1 : !o ? 1 : old.compare(cur)
    if (order < 0) {
      t.removed(old.name(), old.size)
      o = old.next()
    } else if (order > 0) {
      t.added(cur.name(), cur.size)
      c = cur.next()
    } else {
      if (old.size === cur.size) t.same(old.size)
      else t.both(old.name(), old.size, cur.size)
      o = old.next()
      c = cur.next()
    }
  }
  return t.result()
}

/**
 * compareSizes() of a table given as distinct names with their sizes against a SizeTable: one
 * lookup per old name, the current names matched marked by position.
 */
export function compareWithTable(oldNames: readonly string[], oldSizes: readonly number[], cur: SizeTable): BloatResult {
  const t = new Tally()
  const matched = new Uint8Array(cur.names.length)
  const { positions, names, sizes } = cur
  for (let i = 0; i < oldNames.length; i++) {
    const name = oldNames[i]!
    const j = positions.get(name)
    if (j === undefined) {
      t.removed(name, oldSizes[i]!)
    } else {
      matched[j] = 1
      t.both(name, oldSizes[i]!, sizes[j]!)
    }
  }
  for (let j = 0; j < names.length; j++) if (!matched[j]) t.added(names[j]!, sizes[j]!)
  return t.result()
}

/**
 * compareWithTable() with the old table read by a cursor and the current one held as bytes:
 * each old name looked up in place, strings made only for names whose size changed. Null when
 * the old table turns out not to be strictly ascending (its names may repeat): the caller then
 * compares through maps. Malformed lines throw as decodePacked does.
 */
export function compareWithByteTable(old: PackedCursor, cur: ByteSizeTable): BloatResult | null {
  const t = new Tally()
  const matched = new Uint8Array(cur.count)
  while (old.next()) {
    if (!old.ascending) return null
    const j = cur.find(old.units, old.length)
    if (j < 0) {
      t.removed(old.name(), old.size)
      continue
    }
    matched[j] = 1
    const n = cur.sizeAt(j)
    if (n === old.size) t.same(n)
    else t.both(old.name(), old.size, n)
  }
  for (let j = 0; j < cur.count; j++) if (!matched[j]) t.added(cur.nameAt(j), cur.sizeAt(j))
  return t.result()
}

/** Python's str ordering (by code point), which differs from UTF-16 order above U+FFFF. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!
    const y = b.codePointAt(i)!
    if (x !== y) return x < y ? -1 : 1
    if (x > 0xffff) i++
  }
  return a.length - b.length
}

/** `add/remove: a/r grow/shrink: g/s up/down: u/-d (total)`, as bloat-o-meter prints it. */
export function bloatHeader(r: BloatResult): string {
  return `add/remove: ${r.add}/${r.remove} grow/shrink: ${r.grow}/${r.shrink} up/down: ${r.up}/${-r.down || 0} (${r.up - r.down})`
}

/** `Total: Before=o, After=n, chg +x.xx%`: percent 0 when the old total is 0. */
export function bloatTotal(r: BloatResult): string {
  const percent = r.oldTotal ? ((r.newTotal - r.oldTotal) * 100.0) / r.oldTotal : 0
  return `Total: Before=${r.oldTotal}, After=${r.newTotal}, chg ${pyFixed(percent, 2, true)}%`
}

/**
 * The whole print_result() output for one category, line for line: header, column titles
 * (`%-40s %7s %7s %+7s`), changed rows (`%-40s %7s %7s %+7d`), total.
 */
export function formatBloat(r: BloatResult, title: string): string[] {
  const out = [bloatHeader(r), `${title.padEnd(40)} ${'old'.padStart(7)} ${'new'.padStart(7)} ${'delta'.padStart(7)}`]
  for (const row of r.rows) {
    if (!row.delta) continue
    const d = `${row.delta > 0 ? '+' : ''}${row.delta}`
    out.push(`${row.name.padEnd(40)} ${String(row.old ?? '-').padStart(7)} ${String(row.new ?? '-').padStart(7)} ${d.padStart(7)}`)
  }
  out.push(bloatTotal(r))
  return out
}

/**
 * Python's '%.Nf' (with '+' when sign): the exact binary value rounded half-to-even. JS toFixed
 * rounds exact ties away from zero (0.125 -> "0.13" where Python prints "0.12"), so ties are
 * detected on the exact decimal expansion (toFixed(100) is exact for these magnitudes).
 */
export function pyFixed(x: number, digits: number, sign = false): string {
  let s = x.toFixed(digits)
  if (Number.isFinite(x) && Math.abs(x) < 1e21) {
    const exact = Math.abs(x).toFixed(100)
    const cut = exact.indexOf('.') + 1 + digits
    if (/^50*$/.test(exact.slice(cut))) {
      // A tie: toFixed rounded away from zero; Python keeps the even neighbour.
      const kept = exact.slice(0, cut).replace(/\.$/, '')
      if (Number(kept.at(-1)) % 2 === 0) s = (x < 0 ? '-' : '') + kept
    }
  }
  return sign && !s.startsWith('-') ? `+${s}` : s
}
