const SMALL_RUN = 10

/**
 * The order of `count` NUL-terminated names in a string table, compared as unsigned bytes
 * (strcmp, which is strcoll in the C locale), equal names in index order. Multikey quicksort
 * (Bentley and Sedgewick, 1997): partitions on one byte at a time, so the long prefixes kernel
 * names share (__ksymtab_, __UNIQUE_ID_) are each looked at once per partition rather than once
 * per comparison, as a comparison sort of strings does.
 */
export function sortNames(strings: Uint8Array, starts: Int32Array, ends: Int32Array, count: number): Int32Array {
  const order = new Int32Array(count)
  for (let i = 0; i < count; i++) order[i] = i
  // Byte `depth` of name i; 0 past its end (names hold no NUL, so an ended name sorts first).
  const byteAt = (i: number, depth: number): number => {
    const p = starts[i]! + depth
    return p < ends[i]! ? strings[p]! : 0
  }
  const swap = (a: number, b: number) => {
    const t = order[a]!
    order[a] = order[b]!
    order[b] = t
  }
  const stack: number[] = [0, count, 0]
  while (stack.length) {
    const depth = stack.pop()!
    const hi = stack.pop()!
    const lo = stack.pop()!
    if (hi - lo <= SMALL_RUN) {
      insertionSort(strings, starts, ends, order, lo, hi, depth)
      continue
    }
    // Median of three bytes as the pivot.
    const a = byteAt(order[lo]!, depth)
    const b = byteAt(order[(lo + hi) >> 1]!, depth)
    const c = byteAt(order[hi - 1]!, depth)
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b
    // Dutch national flag: [lo, lt) below, [lt, i) equal, (gt, hi) above.
    let lt = lo
    let gt = hi - 1
    let i = lo
    while (i <= gt) {
      const v = byteAt(order[i]!, depth)
      if (v < pivot) swap(lt++, i++)
      else if (v > pivot) swap(i, gt--)
      else i++
    }
    if (lt - lo > 1) stack.push(lo, lt, depth)
    if (hi - gt - 1 > 1) stack.push(gt + 1, hi, depth)
    if (gt + 1 - lt > 1) {
      // Names that ended here are equal: partitioning shuffled them, index order restores nm's.
      if (pivot === 0) order.subarray(lt, gt + 1).sort()
      else stack.push(lt, gt + 1, depth + 1)
    }
  }
  return order
}

function insertionSort(strings: Uint8Array, starts: Int32Array, ends: Int32Array, order: Int32Array, start: number, end: number, depth: number): void {
  for (let k = start + 1; k < end; k++) {
    const x = order[k]!
    let j = k - 1
    while (j >= start && compareFrom(strings, starts, ends, order[j]!, x, depth) > 0) {
      order[j + 1] = order[j]!
      j--
    }
    order[j + 1] = x
  }
}

/** Byte comparison of names a and b from `depth` on; equal names compare by index (stable). */
function compareFrom(strings: Uint8Array, starts: Int32Array, ends: Int32Array, a: number, b: number, depth: number): number {
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
  const d = pe - p - (qe - q)
  return d !== 0 ? d : a - b
}
