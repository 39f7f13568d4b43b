import { parseBtf } from '../../../src/btf/btf.ts'
import { WIDE_INFO } from '../../../src/btf/kinds.ts'
import { SHT_REL, SHT_RELA, SHT_SYMTAB } from '../../../src/elf/constants.ts'
import { ElfFile } from '../../../src/elf/elf.ts'
import type { Field } from './mutate.ts'

/** How many fields of one kind (symbols, BTF records) a seed's map keeps at most. */
const PER_KIND = 400

function sample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items]
  const step = items.length / max
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)]!)
}

/**
 * The header fields of an ELF seed: every e_* field, every section header field, a sample of
 * symbol and relocation entries, and the BTF fields of its .BTF / .BTF.base sections. Empty
 * when the seed is not a readable ELF.
 */
export function elfFields(bytes: Uint8Array): Field[] {
  let elf: ElfFile
  try {
    elf = ElfFile.fromBytes(bytes, 'seed')
  } catch {
    return []
  }
  const le = elf.littleEndian
  const is64 = elf.is64
  const w = (is64 ? 8 : 4) as 4 | 8
  const out: Field[] = []
  const f = (offset: number, width: Field['width']) => out.push({ offset, width, le })
  // ELF header: type, machine, version, entry, phoff, shoff, flags, ehsize, phentsize, phnum, shentsize, shnum, shstrndx.
  f(4, 1)
  f(5, 1)
  f(16, 2)
  f(18, 2)
  if (is64) {
    for (const o of [24, 32, 40]) f(o, 8)
    f(48, 4)
    for (const o of [52, 54, 56, 58, 60, 62]) f(o, 2)
  } else {
    for (const o of [24, 28, 32, 36]) f(o, 4)
    for (const o of [40, 42, 44, 46, 48, 50]) f(o, 2)
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const shoff = is64 ? Number(dv.getBigUint64(40, le)) : dv.getUint32(32, le)
  const shentsize = dv.getUint16(is64 ? 58 : 46, le)
  for (const s of sample(elf.sections, 120)) {
    const o = shoff + s.index * shentsize
    if (is64) {
      f(o, 4)
      f(o + 4, 4)
      for (const k of [8, 16, 24, 32]) f(o + k, 8)
      f(o + 40, 4)
      f(o + 44, 4)
      f(o + 48, 8)
      f(o + 56, 8)
    } else {
      for (let k = 0; k < 40; k += 4) f(o + k, 4)
    }
  }
  for (const s of elf.sections) {
    if (s.type === SHT_SYMTAB) {
      const ent = is64 ? 24 : 16
      const n = Math.floor(s.size / ent)
      for (const i of sample(
        Array.from({ length: n }, (_, i) => i),
        PER_KIND
      )) {
        const o = s.offset + i * ent
        f(o, 4)
        if (is64) {
          f(o + 4, 1)
          f(o + 6, 2)
          f(o + 8, 8)
          f(o + 16, 8)
        } else {
          f(o + 4, 4)
          f(o + 8, 4)
          f(o + 12, 1)
          f(o + 14, 2)
        }
      }
    } else if (s.type === SHT_RELA || s.type === SHT_REL) {
      const ent = is64 ? (s.type === SHT_RELA ? 24 : 16) : s.type === SHT_RELA ? 12 : 8
      const n = Math.floor(s.size / ent)
      for (const i of sample(
        Array.from({ length: n }, (_, i) => i),
        40
      )) {
        f(s.offset + i * ent, w)
        f(s.offset + i * ent + w, w)
      }
    } else if (s.name === '.BTF' || s.name === '.BTF.base') {
      for (const x of btfFields(bytes.subarray(s.offset, s.offset + s.size), le))
        out.push({ ...x, offset: x.offset + s.offset })
    } else if (s.name.startsWith('__ksymtab') || s.name === '__kcrctab' || s.name === '__versions') {
      for (let o = 0; o + 4 <= s.size && o < 4 * 64; o += 4) f(s.offset + o, 4)
    }
  }
  return out.filter(x => x.offset >= 0 && x.offset + x.width <= bytes.length)
}

/**
 * The fields of a BTF seed: the header, and the name, info and size/type words of a sample of
 * records (vlen and kind live in info). Split BTF is walked without a base: only record
 * boundaries matter here, which need no base.
 */
export function btfFields(bytes: Uint8Array, le: boolean): Field[] {
  const out: Field[] = []
  if (bytes.length < 24) return out
  const f = (offset: number, width: Field['width']) => out.push({ offset, width, le })
  f(0, 2)
  f(2, 1)
  f(3, 1)
  for (let o = 4; o < 32; o += 4) f(o, 4)
  let btf
  try {
    btf = parseBtf(bytes, 'seed', { checkRefs: false, encoding: WIDE_INFO })
  } catch {
    return out
  }
  const typeStart = btf.header.hdrLen + btf.header.typeOff
  for (const i of sample(
    Array.from({ length: btf.count }, (_, i) => i),
    PER_KIND
  )) {
    const o = typeStart + btf.recs[i]! * 4
    f(o, 4)
    f(o + 4, 4)
    f(o + 8, 4)
    f(o + 12, 4)
    f(o + 16, 4)
  }
  return out.filter(x => x.offset + x.width <= bytes.length)
}
