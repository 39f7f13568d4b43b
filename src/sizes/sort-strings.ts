const SMALL_RUN = 10

/**
 * `names` sorted as Array.prototype.sort() sorts strings (by UTF-16 code unit), in place.
 * Multikey quicksort: symbol names share long prefixes, which a comparison sort compares
 * again in every comparison (the same idea as src/elf/sort-names.ts, over JS strings).
 */
export function sortStrings(names: string[]): string[] {
  const unit = (s: string, d: number) => (d < s.length ? s.charCodeAt(d) + 1 : 0)
  const stack: number[] = [0, names.length, 0]
  while (stack.length) {
    const depth = stack.pop()!
    const hi = stack.pop()!
    const lo = stack.pop()!
    if (hi - lo <= SMALL_RUN) {
      for (let k = lo + 1; k < hi; k++) {
        const x = names[k]!
        let j = k - 1
        while (j >= lo && names[j]! > x) {
          names[j + 1] = names[j]!
          j--
        }
        names[j + 1] = x
      }
      continue
    }
    const a = unit(names[lo]!, depth)
    const b = unit(names[(lo + hi) >> 1]!, depth)
    const c = unit(names[hi - 1]!, depth)
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b
    let lt = lo
    let gt = hi - 1
    let i = lo
    while (i <= gt) {
      const v = unit(names[i]!, depth)
      if (v < pivot) {
        const t = names[lt]!
        names[lt++] = names[i]!
        names[i++] = t
      } else if (v > pivot) {
        const t = names[gt]!
        names[gt--] = names[i]!
        names[i] = t
      } else i++
    }
    if (lt - lo > 1) stack.push(lo, lt, depth)
    if (hi - gt - 1 > 1) stack.push(gt + 1, hi, depth)
    // Strings that ended at this depth are equal: nothing left to order among them.
    if (gt + 1 - lt > 1 && pivot !== 0) stack.push(lt, gt + 1, depth + 1)
  }
  return names
}
