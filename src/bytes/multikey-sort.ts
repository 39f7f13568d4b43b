const SMALL_RUN = 10

/**
 * The indices 0..count-1 ordered by their keys, equal keys by index (a stable order). Multikey
 * quicksort (Bentley and Sedgewick, 1997): partitions on one unit of the keys at a time, so
 * the long prefixes kernel symbol names share (__ksymtab_, __UNIQUE_ID_) are looked at once per
 * partition, not once per comparison as in a comparison sort.
 *
 * - unit(i, depth): unit `depth` of key i, at least 1; 0 past the key's end.
 * - compare(a, b, depth): keys a and b compared from `depth` on (they agree before it), ties
 *   broken by index; used for runs of a few keys.
 */
export function multikeyOrder(
  count: number,
  unit: (i: number, depth: number) => number,
  compare: (a: number, b: number, depth: number) => number
): Int32Array {
  const order = new Int32Array(count)
  for (let i = 0; i < count; i++) order[i] = i
  const stack: number[] = [0, count, 0]
  while (stack.length) {
    const depth = stack.pop()!
    const hi = stack.pop()!
    const lo = stack.pop()!
    if (hi - lo <= SMALL_RUN) {
      for (let k = lo + 1; k < hi; k++) {
        const x = order[k]!
        let j = k - 1
        while (j >= lo && compare(order[j]!, x, depth) > 0) {
          order[j + 1] = order[j]!
          j--
        }
        order[j + 1] = x
      }
      continue
    }
    const a = unit(order[lo]!, depth)
    const b = unit(order[(lo + hi) >> 1]!, depth)
    const c = unit(order[hi - 1]!, depth)
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b
    // Dutch national flag: [lo, lt) below the pivot, [lt, gt] equal, (gt, hi) above.
    let lt = lo
    let gt = hi - 1
    let i = lo
    while (i <= gt) {
      const v = unit(order[i]!, depth)
      if (v < pivot) {
        const t = order[lt]!
        order[lt++] = order[i]!
        order[i++] = t
      } else if (v > pivot) {
        const t = order[gt]!
        order[gt--] = order[i]!
        order[i] = t
      } else i++
    }
    if (lt - lo > 1) stack.push(lo, lt, depth)
    if (hi - gt - 1 > 1) stack.push(gt + 1, hi, depth)
    if (gt + 1 - lt > 1) {
      // Keys that ended here are equal: partitioning shuffled them, index order restores stability.
      if (pivot === 0) order.subarray(lt, gt + 1).sort()
      else stack.push(lt, gt + 1, depth + 1)
    }
  }
  return order
}
