import { SHN_ABS, SHN_UNDEF } from '../elf/constants.ts'
import type { ElfFile, ElfSymbol } from '../elf/elf.ts'
import { nmListed, nmTypeLetter } from '../elf/nm.ts'

/**
 * Symbol sizes as scripts/bloat-o-meter (6.12 to 7.2) takes them from `nm --size-sort`, cleaned and
 * summed by name, per bloat-o-meter -c category.
 */
export const CATEGORIES = ['function', 'data', 'rodata'] as const
export type Category = (typeof CATEGORIES)[number]

/** bloat-o-meter -c: print_result("Function", "tTwW"), ("Data", "dDbBvV"), ("RO Data", "rR"). */
export const CATEGORY_LETTERS: Record<Category, string> = { function: 'tTwW', data: 'dDbBvV', rodata: 'rR' }
/** The column header bloat-o-meter prints for each category. */
export const CATEGORY_TITLES: Record<Category, string> = { function: 'Function', data: 'Data', rodata: 'RO Data' }

export type SizeMap = Map<string, number>
export type CategorySizes = Record<Category, SizeMap>

/** One row of `nm --size-sort`: what bloat-o-meter reads before cleaning. */
export interface SizedSymbol {
  name: string
  letter: string
  size: number
  value: bigint
  shndx: number
}

/**
 * The rows `nm --size-sort` prints (binutils nm.c filter_symbols + sort_symbols_by_size): no
 * section/file symbols, no absolute or undefined ones, ELF st_size as the size, zero sizes
 * dropped; the name as printed (cut at '@', nm's default without --with-symbol-versions).
 */
export function sizedSymbols(elf: ElfFile, symbols: readonly ElfSymbol[] = elf.symbols()): SizedSymbol[] {
  const out: SizedSymbol[] = []
  for (const s of symbols) {
    if (s.size === 0 || !nmListed(s)) continue
    if (s.reserved ? s.shndx === SHN_ABS : s.shndx === SHN_UNDEF) continue
    const at = s.name.indexOf('@')
    out.push({ name: at < 0 ? s.name : s.name.slice(0, at), letter: nmTypeLetter(elf, s), size: s.size, value: s.value, shndx: s.shndx })
  }
  return out
}

const NUMBER_SUFFIX = /\.[0-9]+/g
/** Python's str.split() separators: a name holding one would not split into three fields. */
// eslint-disable-next-line no-control-regex
const PY_WHITESPACE = /[\s\x1c-\x1f\x85]/

/** Characters that may be ':' or Python whitespace: names without any (nearly all) need no closer look. */
// eslint-disable-next-line no-control-regex
const MAYBE_UNSPLITTABLE = /[:\x00-\x20\x7f-\uffff]/

/** True for names with ':' or a Python whitespace character (a quick scan: kernel names are ASCII). */
function unsplittable(name: string): boolean {
  if (!MAYBE_UNSPLITTABLE.test(name)) return false
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i)
    if (c === 0x3a || c <= 0x20 || c >= 0x7f) {
      if (c === 0x3a || PY_WHITESPACE.test(name[i]!)) return true
    }
  }
  return false
}

/**
 * bloat-o-meter's getsizes(): skip lines with ':' and its generated names, drop every `.NUMBER`
 * (re.sub(r'\.[0-9]+', '')), sum sizes per cleaned name. Returns null for symbols it skips.
 * The skip list is 7.2's: 6.12's plus `__noinstr_text_start*` and `_sdata*`, linker labels that
 * have no size on x86_64, where both versions print the same. Names it cannot split into three
 * fields (empty, or holding whitespace) make the script raise; we skip those instead.
 */
export function cleanName(name: string): string | null {
  if (name === '' || unsplittable(name)) return null
  // Every skipped prefix starts with '_' (0x5f); the two whole names with 'l' and 'v'.
  const c0 = name.charCodeAt(0)
  if (
    c0 === 0x5f
      ? name.startsWith('__mod_') ||
        name.startsWith('__se_sys') ||
        name.startsWith('__se_compat_sys') ||
        name.startsWith('__addressable_') ||
        name.startsWith('__noinstr_text_start') ||
        name.startsWith('_sdata')
      : name === 'linux_banner' || name === 'vermagic'
  ) {
    return null
  }
  return name.includes('.') ? name.replace(NUMBER_SUFFIX, '') : name
}

/** Which -c category a nm letter falls in, or null for letters bloat-o-meter ignores (a, u, i, n, ...). */
export function categoryOf(letter: string): Category | null {
  return CATEGORY_OF_LETTER.get(letter) ?? null
}

const CATEGORY_OF_LETTER = new Map<string, Category>(CATEGORIES.flatMap(c => [...CATEGORY_LETTERS[c]].map(l => [l, c] as [string, Category])))

export function emptyCategorySizes(): CategorySizes {
  return { function: new Map(), data: new Map(), rodata: new Map() }
}

/** Adds rows to per-category maps, cleaned and summed as getsizes() does. */
export function addSizes(into: CategorySizes, rows: Iterable<SizedSymbol>): CategorySizes {
  for (const r of rows) {
    const cat = categoryOf(r.letter)
    if (!cat) continue
    const name = cleanName(r.name)
    if (name === null) continue
    const m = into[cat]
    m.set(name, (m.get(name) ?? 0) + r.size)
  }
  return into
}

export function categorySizes(rows: Iterable<SizedSymbol>): CategorySizes {
  return addSizes(emptyCategorySizes(), rows)
}

/**
 * Sizes for bloat-o-meter's default mode (one table over "tTdDbBrRvVwW"): the categories summed
 * by name, since every letter of the default set belongs to exactly one category.
 */
export function allSizes(c: CategorySizes): SizeMap {
  const out: SizeMap = new Map()
  for (const cat of CATEGORIES) for (const [n, s] of c[cat]) out.set(n, (out.get(n) ?? 0) + s)
  return out
}
