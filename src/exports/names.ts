/**
 * Names that can never be exports, and the nearest export names for one that is not.
 */

/** Generated or linker-made names that EXPORT_SYMBOL never produces. */
const NEVER_EXACT: ReadonlyMap<string, string> = new Map([
  ['__this_module', "is each module's own struct module, defined when the .ko is linked; it is never exported"],
  ['_GLOBAL_OFFSET_TABLE_', 'is made by the linker; it is never exported'],
  ['.TOC.', 'is made by the linker (powerpc); it is never exported'],
  ['init_module', "is a module's entry point, defined by each module; it is never exported"],
  ['cleanup_module', "is a module's exit point, defined by each module; it is never exported"]
])

/** Prefixes of the symbols the export machinery itself generates (include/linux/export*.h). */
const NEVER_PREFIX: ReadonlyArray<readonly [string, string]> = [
  ['__ksymtab_', 'names a ksymtab entry, not the exported symbol (drop the __ksymtab_ prefix)'],
  ['__kstrtab_', 'names an export string, not the exported symbol (drop the __kstrtab_ prefix)'],
  ['__kstrtabns_', 'names a namespace string, not an exported symbol'],
  ['__crc_', 'names a modversions CRC, not the exported symbol (drop the __crc_ prefix)'],
  ['__kcrctab', 'names a CRC table entry, not an exported symbol'],
  ['__export_symbol_', 'names the 6.5+ export marker, not the exported symbol (drop the __export_symbol_ prefix)'],
  ['__UNIQUE_ID_', 'is a compiler-generated unique name; it is never exported']
]

/** Exported names are C identifiers (EXPORT_SYMBOL stringifies its argument). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Why `name` can never be an export, or null when it could be one. */
export function neverExportReason(name: string): string | null {
  const exact = NEVER_EXACT.get(name)
  if (exact) return exact
  for (const [prefix, why] of NEVER_PREFIX) if (name.startsWith(prefix) && name.length > prefix.length) return why
  if (!IDENTIFIER.test(name)) return 'is not a C identifier, so no EXPORT_SYMBOL can produce it'
  return null
}

/**
 * Up to `max` export names closest to `name` by edit distance (insertions, deletions,
 * substitutions and swaps of neighbours), within a distance that grows with the length, so
 * `kmaloc` finds `kmalloc` but a short name does not match everything. A difference of case
 * alone always matches. Then, shortest first, names that hold `name` whole with a prefix or
 * suffix added.
 */
export function nearestNames(name: string, candidates: readonly string[], max = 3): string[] {
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 5)))
  const lower = name.toLowerCase()
  const found: Array<[number, string]> = []
  for (const c of candidates) {
    if (c === name) continue
    if (Math.abs(c.length - name.length) > limit) {
      continue
    }
    if (c.toLowerCase() === lower) {
      found.push([0, c])
      continue
    }
    const d = boundedDistance(name, c, limit)
    if (d <= limit) found.push([d, c])
  }
  found.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
  const out = found.slice(0, max).map(f => f[1])
  if (out.length < max && name.length >= 4) {
    // Renamed exports keep the old name as a part: kmalloc -> __kmalloc_noprof (6.10 memory
    // allocation profiling), foo -> __foo, foo -> foo_locked.
    const affixed: string[] = []
    for (const c of candidates) {
      if (c !== name && !out.includes(c) && (c.startsWith(`${name}_`) || c.endsWith(`_${name}`) || c.startsWith(`__${name}`))) affixed.push(c)
    }
    // The name at the head (kmalloc_*, __kmalloc*) before the name at the tail (devm_kmalloc).
    const tail = (c: string) => (c.endsWith(`_${name}`) && !c.startsWith(name) && !c.startsWith(`__${name}`) ? 1 : 0)
    affixed.sort((a, b) => tail(a) - tail(b) || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
    out.push(...affixed.slice(0, max - out.length))
  }
  return out
}

/** Optimal string alignment distance, giving up (returning limit + 1) once it must exceed limit. */
export function boundedDistance(a: string, b: string, limit: number): number {
  const n = a.length
  const m = b.length
  if (Math.abs(n - m) > limit) return limit + 1
  let prev2 = new Array<number>(m + 1).fill(0)
  let prev = Array.from({ length: m + 1 }, (_, j) => j)
  let cur = new Array<number>(m + 1).fill(0)
  for (let i = 1; i <= n; i++) {
    cur[0] = i
    let rowMin = cur[0]
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2]! + 1)
      }
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > limit) return limit + 1
    const t = prev2
    prev2 = prev
    prev = cur
    cur = t
  }
  return prev[m]!
}
