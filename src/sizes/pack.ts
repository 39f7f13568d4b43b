import { InputError } from '../model/errors.ts'
import { base36 } from './packed-cursor.ts'
import { ByteSizeTable, type ByteSizeTableWire } from './byte-size-table.ts'
import { SizeTable } from './size-table.ts'
import { sortStrings } from './sort-strings.ts'
import { CATEGORIES, type Category, type CategorySizes, type SizeMap } from './symbol-sizes.ts'

/**
 * Compact text form of name -> size maps for snapshots (they live in the Actions cache): names
 * sorted and front-coded, one line each, `<shared prefix length> <rest of name> <size>`, numbers
 * in base 36. Cleaned bloat-o-meter names hold no whitespace, so spaces and newlines separate.
 */
export function packSizes(m: SizeMap): string {
  const names = sortStrings([...m.keys()])
  let out = ''
  let prev = ''
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    let k = 0
    const max = Math.min(prev.length, name.length)
    while (k < max && prev.charCodeAt(k) === name.charCodeAt(k)) k++
    if (i) out += '\n'
    out += (k < 36 ? DIGITS36[k]! : k.toString(36)) + ' ' + (k ? name.slice(k) : name) + ' ' + m.get(name)!.toString(36)
    prev = name
  }
  return out
}

const DIGITS36 = Array.from({ length: 36 }, (_, i) => i.toString(36))

export function unpackSizes(text: string, file: string): SizeMap {
  const out: SizeMap = new Map()
  const { names, sizes } = decodePacked(text, file)
  for (let i = 0; i < names.length; i++) out.set(names[i]!, sizes[i]!)
  return out
}

/**
 * A packed table as parallel arrays in the order written, and whether the names are strictly
 * ascending (as packSizes writes them; a table from elsewhere may not be).
 */
export function decodePacked(text: string, file: string): { names: string[]; sizes: number[]; ascending: boolean } {
  const names: string[] = []
  const sizes: number[] = []
  let ascending = true
  if (text === '') return { names, sizes, ascending }
  let prev = ''
  let lineNo = 0
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    lineNo++
    const a = text.indexOf(' ', start)
    const b = text.lastIndexOf(' ', end - 1)
    const shared = a > start && a < end ? base36(text, start, a) : -1
    const size = b > a + 1 && b < end ? base36(text, b + 1, end) : -1
    if (shared < 0 || shared > prev.length || size < 0) {
      throw new InputError('bad-value', file, `packed symbol sizes, line ${lineNo}: malformed entry`)
    }
    const name = (shared ? prev.slice(0, shared) : '') + text.slice(a + 1, b)
    if (lineNo > 1 && !(prev < name)) ascending = false
    names.push(name)
    sizes.push(size)
    prev = name
    start = end + 1
  }
  return { names, sizes, ascending }
}

export type PackedCategories = Record<Category, string>

/** A name -> size table made in this process, with its names as strings or as bytes. */
export type HeldTable = SizeTable | ByteSizeTable

/** Tables made in this process, by the packed form made from them: a diff reads them as they are. */
const madeFrom = new WeakMap<PackedCategories, () => Record<Category, HeldTable>>()

function remember(packed: PackedCategories, make: () => Record<Category, HeldTable>): void {
  let tables: Record<Category, HeldTable> | undefined
  madeFrom.set(packed, () => (tables ??= make()))
}

const tablesOfMaps = (c: CategorySizes) => () => ({
  function: SizeTable.fromMap(c.function),
  data: SizeTable.fromMap(c.data),
  rodata: SizeTable.fromMap(c.rodata)
})

export function packCategories(c: CategorySizes): PackedCategories {
  const packed = { function: packSizes(c.function), data: packSizes(c.data), rodata: packSizes(c.rodata) }
  remember(packed, tablesOfMaps(c))
  return packed
}

/**
 * packCategories deferred: each table is packed when first read (JSON.stringify of a snapshot
 * reads it; a review that only diffs never does, it reads the tables as made). For vmlinux,
 * whose 100,000 names take a quarter second to pack.
 */
export function packCategoriesLazily(c: CategorySizes): PackedCategories {
  return packedOnRead(cat => c[cat], tablesOfMaps(c))
}

/** packCategoriesLazily for tables held here (vmlinux's, made by one pass over its symbols; a worker's byte tables). */
export function packTablesLazily(t: Record<Category, HeldTable>): PackedCategories {
  return packedOnRead(cat => t[cat].toMap(), () => t)
}

function packedOnRead(mapOf: (cat: Category) => SizeMap, tables: () => Record<Category, HeldTable>): PackedCategories {
  const packed = {} as PackedCategories
  for (const cat of CATEGORIES) {
    let text: string | undefined
    Object.defineProperty(packed, cat, { enumerable: true, get: () => (text ??= packSizes(mapOf(cat))) })
  }
  remember(packed, tables)
  return packed
}

/** A module's symbol-size tables as a module worker sends them: packed, or as name bytes. */
export type ModuleSizeTables = PackedCategories | { wire: Record<Category, ByteSizeTableWire> }

/** A worker's tables as the snapshot holds them: packed, or packed when first read (see packedOnRead). */
export function packedFromWorker(t: ModuleSizeTables): PackedCategories {
  if (!('wire' in t)) return t
  const w = t.wire
  return packTablesLazily({ function: ByteSizeTable.fromWire(w.function), data: ByteSizeTable.fromWire(w.data), rodata: ByteSizeTable.fromWire(w.rodata) })
}

/** The tables a packed table was made from in this process or by packedFromWorker (undefined for tables read). */
export function tablesPackedHere(p: PackedCategories): Record<Category, HeldTable> | undefined {
  return p && typeof p === 'object' ? madeFrom.get(p)?.() : undefined
}

export function unpackCategories(p: PackedCategories, file: string): CategorySizes {
  const here = tablesPackedHere(p)
  if (here) return { function: here.function.toMap(), data: here.data.toMap(), rodata: here.rodata.toMap() }
  const out = {} as CategorySizes
  for (const cat of CATEGORIES) {
    const text = p?.[cat]
    if (typeof text !== 'string') throw new InputError('bad-value', file, `packed symbol sizes: no ${cat} table`)
    out[cat] = unpackSizes(text, file)
  }
  return out
}
