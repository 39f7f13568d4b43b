import type { DecodedTable } from './table.ts'

const HEX = Buffer.from('0123456789abcdef', 'latin1')
const BACKSLASH = 0x5c

/**
 * A decoded table as System.map lines (`%0*lx %c %s`), written straight into bytes. Control
 * characters (only a damaged table has them) are escaped as \xNN so a terminal shows them
 * harmlessly; kernel names are printable ASCII and come out unchanged.
 */
export function formatTable(table: DecodedTable, width: 8 | 16): Buffer {
  const { names, nameAt, types, words } = table.packed
  const n = table.count
  // Enough for every byte escaped: per entry width + 3 separators + 4 (type) + 4 per name byte.
  const out = Buffer.allocUnsafe(n * (width + 8) + names.length * 4)
  let o = 0
  const hex32 = (v: number) => {
    for (let s = 28; s >= 0; s -= 4) out[o++] = HEX[(v >>> s) & 15]!
  }
  for (let i = 0; i < n; i++) {
    if (width === 16) hex32(words[2 * i + 1]!)
    hex32(words[2 * i]!)
    out[o++] = 0x20
    const t = types[i]!
    if (t < 0x20 || t >= 0x7f) {
      out[o++] = BACKSLASH
      out[o++] = 0x78
      out[o++] = HEX[t >>> 4]!
      out[o++] = HEX[t & 15]!
    } else out[o++] = t
    out[o++] = 0x20
    for (let k = nameAt[i]!; ; k++) {
      const c = names[k]!
      if (c === 0) break
      if (c < 0x20 || c >= 0x7f) {
        out[o++] = BACKSLASH
        out[o++] = 0x78
        out[o++] = HEX[c >>> 4]!
        out[o++] = HEX[c & 15]!
      } else out[o++] = c
    }
    out[o++] = 0x0a
  }
  return out.subarray(0, o)
}
