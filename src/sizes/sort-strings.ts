import { multikeyOrder } from '../bytes/multikey-sort.ts'

/** `names` sorted as Array.prototype.sort() sorts strings (by UTF-16 code unit), as a new array. */
export function sortStrings(names: readonly string[]): string[] {
  const order = multikeyOrder(
    names.length,
    (i, depth) => {
      const s = names[i]!
      return depth < s.length ? s.charCodeAt(depth) + 1 : 0
    },
    (a, b) => {
      const x = names[a]!
      const y = names[b]!
      return x < y ? -1 : x > y ? 1 : a - b
    }
  )
  const out: string[] = new Array(names.length)
  for (let k = 0; k < order.length; k++) out[k] = names[order[k]!]!
  return out
}
