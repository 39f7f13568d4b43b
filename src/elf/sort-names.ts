import { multikeyOrder } from '../bytes/multikey-sort.ts'

/**
 * The order of `count` NUL-terminated names in a string table (name i is bytes
 * [starts[i], ends[i])), compared as unsigned bytes (strcmp, which is strcoll in the C
 * locale), equal names in index order.
 */
export function sortNames(strings: Uint8Array, starts: Int32Array, ends: Int32Array, count: number): Int32Array {
  return multikeyOrder(
    count,
    (i, depth) => {
      const p = starts[i]! + depth
      return p < ends[i]! ? strings[p]! + 1 : 0
    },
    (a, b, depth) => {
      let p = starts[a]! + depth
      let q = starts[b]! + depth
      const pe = ends[a]!
      const qe = ends[b]!
      while (p < pe && q < qe) {
        const d = strings[p]! - strings[q]!
        if (d !== 0) return d
        p++
        q++
      }
      return pe - p - (qe - q) || a - b
    }
  )
}
