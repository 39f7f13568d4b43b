/**
 * Rewrites a little-endian relocatable ELF (32 or 64-bit) into big-endian: header, section
 * headers, symbol tables and RELA entries. Section contents other than those stay as they are,
 * which is all the reader's tests need to prove byte order is honoured everywhere.
 */
export function toBigEndian(le: Buffer): Buffer {
  const out = Buffer.from(le)
  const is64 = le[4] === 2
  out[5] = 2
  const sw = (off: number, size: 2 | 4 | 8) => {
    if (size === 2) out.writeUInt16BE(le.readUInt16LE(off), off)
    else if (size === 4) out.writeUInt32BE(le.readUInt32LE(off), off)
    else out.writeBigUInt64BE(le.readBigUInt64LE(off), off)
  }
  const W = is64 ? 8 : 4
  // ELF header
  for (const [o, s] of is64
    ? ([[16, 2], [18, 2], [20, 4], [24, 8], [32, 8], [40, 8], [48, 4], [52, 2], [54, 2], [56, 2], [58, 2], [60, 2], [62, 2]] as const)
    : ([[16, 2], [18, 2], [20, 4], [24, 4], [28, 4], [32, 4], [36, 4], [40, 2], [42, 2], [44, 2], [46, 2], [48, 2], [50, 2]] as const)) {
    sw(o, s)
  }
  const shoff = is64 ? Number(le.readBigUInt64LE(40)) : le.readUInt32LE(32)
  const shentsize = le.readUInt16LE(is64 ? 58 : 46)
  const shnum = le.readUInt16LE(is64 ? 60 : 48)
  for (let i = 0; i < shnum; i++) {
    const b = shoff + i * shentsize
    const fields = is64 ? [4, 4, 8, 8, 8, 8, 4, 4, 8, 8] : [4, 4, 4, 4, 4, 4, 4, 4, 4, 4]
    let o = b
    for (const f of fields) {
      sw(o, f as 4 | 8)
      o += f
    }
    const type = le.readUInt32LE(b + 4)
    const off = is64 ? Number(le.readBigUInt64LE(b + 24)) : le.readUInt32LE(b + 16)
    const size = is64 ? Number(le.readBigUInt64LE(b + 32)) : le.readUInt32LE(b + 20)
    if (type === 2 || type === 11) {
      const ent = is64 ? 24 : 16
      for (let s = off; s + ent <= off + size; s += ent) {
        sw(s, 4)
        if (is64) {
          sw(s + 6, 2)
          sw(s + 8, 8)
          sw(s + 16, 8)
        } else {
          sw(s + 4, 4)
          sw(s + 8, 4)
          sw(s + 14, 2)
        }
      }
    } else if (type === 4) {
      const ent = 3 * W
      for (let s = off; s + ent <= off + size; s += ent) for (let k = 0; k < 3; k++) sw(s + k * W, W as 4 | 8)
    }
  }
  return out
}
