import { ByteReader, cString } from '../bytes/reader.ts'
import { ET_REL, SHT_REL, SHT_RELA, STT_SECTION } from '../elf/constants.ts'
import type { ElfFile, ElfSection } from '../elf/elf.ts'
import { InputError } from '../model/errors.ts'

/** One export as the loader sees it in an object's own tables (the owner is the object). */
export interface KsymtabExport {
  symbol: string
  gplOnly: boolean
  namespace: string
  crc: number | null
}

/**
 * How the three fields of struct kernel_symbol (value, name, namespace) are stored
 * (include/linux/export-internal.h): CONFIG_HAVE_ARCH_PREL32_RELOCATIONS gives 32-bit offsets
 * relative to each field's own address (x86_64, arm64, ...); otherwise absolute pointers of the
 * word size.
 */
export type KsymtabLayout = 'prel32' | 'abs32' | 'abs64'

/** Where the tables of one object are; addresses are those of the loaded image. */
interface Tables {
  /** [section, gplOnly] in loader order: 6.x __ksymtab then __ksymtab_gpl; 7.x one __ksymtab. */
  ksymtabs: Array<{ sec: ElfSection; gpl: boolean; crc?: ElfSection }>
  strings: ElfSection
  /** 7.x: one flags byte per __ksymtab entry, bit 0 = GPL-only (include/linux/module_symbol.h). */
  flags?: ElfSection
}

/** Null when the object exports nothing (no __ksymtab* sections at all). */
function findTables(elf: ElfFile): Tables | null {
  const ks = elf.section('__ksymtab')
  const ksGpl = elf.section('__ksymtab_gpl')
  if (!ks && !ksGpl) return null
  const strings = elf.section('__ksymtab_strings')
  if (!strings) {
    const total = (ks?.size ?? 0) + (ksGpl?.size ?? 0)
    if (total === 0) return null
    throw new InputError('bad-value', elf.file, '__ksymtab has entries but there is no __ksymtab_strings section')
  }
  const ksymtabs: Tables['ksymtabs'] = []
  if (ks) ksymtabs.push({ sec: ks, gpl: false, crc: elf.section('__kcrctab') })
  if (ksGpl) ksymtabs.push({ sec: ksGpl, gpl: true, crc: elf.section('__kcrctab_gpl') })
  const flags = elf.section('__kflagstab')
  return flags ? { ksymtabs, strings, flags } : { ksymtabs, strings }
}

/**
 * The exports of vmlinux or a module from its own __ksymtab* tables, in table order (sorted by
 * name: the linker scripts SORT the per-symbol ___ksymtab+<name> sections). CRCs come from
 * __kcrctab* by index, as the loader's symversion() takes them. Executables (vmlinux, the ELF
 * inside an x86 boot image, stripped or not) are read from section contents; relocatable
 * objects (.ko, .o) through their relocations, since their tables hold zeros until loaded.
 * Returns [] when the object exports nothing.
 */
export function readKsymtab(elf: ElfFile): KsymtabExport[] {
  const t = findTables(elf)
  if (!t) return []
  const strings = elf.data(t.strings)
  const out: KsymtabExport[] = []
  for (const { sec, gpl, crc } of t.ksymtabs) {
    if (sec.size === 0) continue
    const refs = elf.type === ET_REL ? relocatedRefs(elf, sec, t.strings) : linkedRefs(elf, sec, t.strings, strings)
    const crcs = crc && crc.size > 0 ? readCrcs(elf, crc, refs.length, sec.name) : null
    const flags = t.flags && !gpl ? readFlags(elf, t.flags, refs.length) : null
    for (let i = 0; i < refs.length; i++) {
      const { name, ns } = refs[i]!
      const symbol = stringAt(elf, strings, name, `${sec.name} entry ${i} name`)
      const namespace = ns === null ? '' : stringAt(elf, strings, ns, `${sec.name} entry ${i} namespace`)
      out.push({ symbol, gplOnly: gpl || (flags !== null && (flags[i]! & 1) !== 0), namespace, crc: crcs ? crcs[i]! : null })
    }
  }
  return out
}

/** Offsets into __ksymtab_strings of each entry's name and namespace (null: no namespace). */
interface EntryRefs {
  name: number
  ns: number | null
}

function stringAt(elf: ElfFile, strings: Uint8Array, off: number, what: string): string {
  const s = cString(strings, off)
  if (s === undefined) throw new InputError('bad-value', elf.file, `${what}: offset ${off} is not a string in __ksymtab_strings`)
  return s
}

/**
 * A linked image: each entry's name field must land in __ksymtab_strings. The layout is
 * chosen by trying each candidate on every entry; only one fits a real table (PREL32 name
 * offsets read as pointers, or pointers read as offsets, point nowhere near the strings).
 */
function linkedRefs(elf: ElfFile, sec: ElfSection, stringsSec: ElfSection, strings: Uint8Array): EntryRefs[] {
  const r = elf.reader(sec)
  const candidates: KsymtabLayout[] = elf.is64 ? ['prel32', 'abs64'] : ['abs32', 'prel32']
  const problems: string[] = []
  for (const layout of candidates) {
    const size = entrySize(layout)
    if (sec.size % size !== 0) {
      problems.push(`${layout}: size 0x${sec.size.toString(16)} is not a multiple of ${size}`)
      continue
    }
    const refs = decodeLinked(r, sec, stringsSec, strings.length, layout)
    if (typeof refs === 'string') problems.push(`${layout}: ${refs}`)
    else return refs
  }
  throw new InputError('unsupported', elf.file, `cannot decode ${sec.name} (${problems.join('; ')})`)
}

export function entrySize(layout: KsymtabLayout): number {
  return layout === 'abs64' ? 24 : 12
}

function decodeLinked(r: ByteReader, sec: ElfSection, stringsSec: ElfSection, stringsLen: number, layout: KsymtabLayout): EntryRefs[] | string {
  const size = entrySize(layout)
  const field = size / 3
  const count = sec.size / size
  const base = stringsSec.addr
  const end = base + BigInt(stringsLen)
  const out: EntryRefs[] = new Array(count)
  const target = (o: number): bigint => {
    if (layout === 'prel32') return sec.addr + BigInt(o) + BigInt(r.i32(o))
    return layout === 'abs64' ? r.u64(o) : BigInt(r.u32(o))
  }
  for (let i = 0; i < count; i++) {
    const o = i * size
    const name = target(o + field)
    if (name < base || name >= end) return `entry ${i} name points to 0x${name.toString(16)}, outside __ksymtab_strings`
    // Kernels before 6.5 stored a null namespace reference for "no namespace" (0 offset or pointer).
    const rawNs = layout === 'prel32' ? r.i32(o + 2 * field) : layout === 'abs64' ? r.u64(o + 2 * field) : BigInt(r.u32(o + 2 * field))
    let ns: number | null = null
    if (rawNs !== 0 && rawNs !== 0n) {
      const nsAddr = target(o + 2 * field)
      if (nsAddr < base || nsAddr >= end) return `entry ${i} namespace points to 0x${nsAddr.toString(16)}, outside __ksymtab_strings`
      ns = Number(nsAddr - base)
    }
    out[i] = { name: Number(name - base), ns }
  }
  return out
}

/**
 * A relocatable object: the name and namespace fields are filled by relocations against
 * __ksymtab_strings (a section symbol plus addend, or a __kstrtab_* symbol in it). PREL32
 * tables are recognised by relocations at offset 4 mod 8 (field 1 of a 12-byte entry).
 */
function relocatedRefs(elf: ElfFile, sec: ElfSection, stringsSec: ElfSection): EntryRefs[] {
  const relSecs = elf.sections.filter(s => (s.type === SHT_RELA || s.type === SHT_REL) && s.info === sec.index)
  if (relSecs.length === 0) throw new InputError('bad-value', elf.file, `${sec.name} has entries but no relocations`)
  const symtab = elf.sections[relSecs[0]!.link]
  if (!symtab) throw new InputError('bad-value', elf.file, `${sec.name}: relocations name symbol table ${relSecs[0]!.link}, which does not exist`)
  const symbol = symbolReader(elf, symtab)
  const content = elf.reader(sec)
  const relocs: Array<{ offset: number; symbol: number; addend: bigint | null }> = []
  for (const rs of relSecs) {
    for (const rel of elf.relocations(rs)) {
      relocs.push({ offset: Number(rel.offset), symbol: rel.symbol, addend: rs.type === SHT_RELA ? rel.addend : null })
    }
  }
  let size: number
  if (!elf.is64) size = 12
  else size = relocs.some(x => x.offset % 8 === 4) || sec.size % 24 !== 0 ? 12 : 24
  if (sec.size % size !== 0) throw new InputError('bad-value', elf.file, `${sec.name} size 0x${sec.size.toString(16)} is not a multiple of the ${size}-byte entry`)
  const field = size / 3
  const count = sec.size / size
  const out: Array<{ name: number | null; ns: number | null }> = Array.from({ length: count }, () => ({ name: null, ns: null }))
  for (const rel of relocs) {
    if (rel.offset < 0 || rel.offset >= sec.size) {
      throw new InputError('bad-value', elf.file, `relocation at 0x${rel.offset.toString(16)} is outside ${sec.name}`)
    }
    const entry = Math.floor(rel.offset / size)
    const which = (rel.offset % size) / field
    if (which !== 1 && which !== 2) continue
    const sym = symbol(rel.symbol, sec.name)
    if (sym.shndx !== stringsSec.index) {
      throw new InputError('bad-value', elf.file, `${sec.name} entry ${entry}: ${which === 1 ? 'name' : 'namespace'} is relocated against symbol ${rel.symbol}, not into __ksymtab_strings`)
    }
    // REL: the addend is the field's own content (a signed 32-bit word, or the pointer).
    const addend = rel.addend ?? (field === 4 ? BigInt(content.i32(rel.offset)) : BigInt.asIntN(64, content.u64(rel.offset)))
    const base = sym.type === STT_SECTION ? 0n : sym.value
    const off = Number(base + addend)
    if (which === 1) out[entry]!.name = off
    else out[entry]!.ns = off
  }
  return out.map((e, i) => {
    if (e.name === null) throw new InputError('bad-value', elf.file, `${sec.name} entry ${i} has no name relocation`)
    return { name: e.name, ns: e.ns }
  })
}

/**
 * Reads single symbol-table entries (section index, value, type) without decoding every name:
 * a module's ksymtab relocations name only a few symbols of a large table.
 */
function symbolReader(elf: ElfFile, symtab: ElfSection): (index: number, what: string) => { shndx: number; value: bigint; type: number } {
  const entsize = elf.is64 ? 24 : 16
  const r = elf.reader(symtab)
  return (index, what) => {
    const o = index * entsize
    if (index <= 0 || o + entsize > r.length) throw new InputError('bad-value', elf.file, `${what} relocation refers to symbol ${index}, outside the symbol table`)
    const info = r.u8(o + (elf.is64 ? 4 : 12))
    const shndx = r.u16(o + (elf.is64 ? 6 : 14))
    // Extended (SHN_XINDEX) and reserved indices never name __ksymtab_strings; the caller rejects them.
    const value = elf.is64 ? r.u64(o + 8) : BigInt(r.u32(o + 4))
    return { shndx, value, type: info & 0xf }
  }
}

function readCrcs(elf: ElfFile, sec: ElfSection, count: number, table: string): number[] {
  if (sec.size !== count * 4) {
    throw new InputError('bad-value', elf.file, `${sec.name} holds ${sec.size / 4} CRCs for ${count} entries of ${table}`)
  }
  const r = new ByteReader(elf.data(sec), elf.littleEndian, elf.file)
  const out: number[] = new Array(count)
  for (let i = 0; i < count; i++) out[i] = r.u32(i * 4)
  return out
}

function readFlags(elf: ElfFile, sec: ElfSection, count: number): Uint8Array {
  if (sec.size !== count) throw new InputError('bad-value', elf.file, `__kflagstab holds ${sec.size} flags for ${count} __ksymtab entries`)
  return elf.data(sec)
}

/**
 * 6.5+ objects before modpost: each EXPORT_SYMBOL leaves a `__export_symbol_<name>` label in
 * .export_symbol, pointing at the license ("GPL" or "") and the namespace, NUL-terminated
 * (include/linux/export.h ___EXPORT_SYMBOL); modpost turns these into the __ksymtab of the .ko.
 * CRCs live in the .cmd files then, not in the object: crc is null.
 */
export function readExportMarkers(elf: ElfFile): KsymtabExport[] {
  const sec = elf.section('.export_symbol')
  if (!sec || sec.size === 0) return []
  const data = elf.data(sec)
  const prefix = '__export_symbol_'
  const out: KsymtabExport[] = []
  for (const sym of elf.symbols()) {
    if (sym.reserved || sym.shndx !== sec.index || !sym.name.startsWith(prefix)) continue
    const off = Number(sym.value)
    const license = cString(data, off)
    const namespace = license === undefined ? undefined : cString(data, off + license.length + 1)
    if (license === undefined || namespace === undefined) {
      throw new InputError('bad-value', elf.file, `.export_symbol: ${sym.name} does not point at a license and a namespace`)
    }
    if (license !== 'GPL' && license !== '') throw new InputError('bad-value', elf.file, `.export_symbol: unknown license "${license}" for ${sym.name.slice(prefix.length)}`)
    out.push({ symbol: sym.name.slice(prefix.length), gplOnly: license === 'GPL', namespace, crc: null })
  }
  return out.sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0))
}
