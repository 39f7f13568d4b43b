import { ByteReader, cString } from '../bytes/reader.ts'
import { BufferSource, type ByteSource } from '../bytes/source.ts'
import { InputError } from '../model/errors.ts'
import {
  SHN_LORESERVE,
  SHN_UNDEF,
  SHN_XINDEX,
  SHT_NOBITS,
  SHT_NOTE,
  SHT_REL,
  SHT_RELA,
  SHT_SYMTAB,
  SHT_SYMTAB_SHNDX
} from './constants.ts'

export interface ElfSection {
  readonly index: number
  readonly name: string
  readonly type: number
  /** Section flags; every defined SHF_* bit fits in 32 bits. */
  readonly flags: number
  readonly addr: bigint
  readonly offset: number
  readonly size: number
  readonly link: number
  readonly info: number
  readonly addralign: number
  readonly entsize: number
}

export interface ElfSymbol {
  readonly index: number
  readonly name: string
  readonly value: bigint
  readonly size: number
  readonly bind: number
  readonly type: number
  readonly other: number
  /** Section index, with SHN_XINDEX already resolved through .symtab_shndx. */
  readonly shndx: number
  /** st_shndx held a reserved value (SHN_ABS, SHN_COMMON, ...) rather than a section index. */
  readonly reserved: boolean
}

/** See ElfFile.symbolTable. */
export interface SymbolTable {
  readonly section: ElfSection
  readonly count: number
  /** 24 (ELF64) or 16 (ELF32) bytes per entry. */
  readonly entsize: number
  readonly entries: ByteReader
  readonly strings: Uint8Array
  readonly stringSection: ElfSection
  /** The section index of symbol i from .symtab_shndx (its st_shndx was SHN_XINDEX). */
  extendedIndex(i: number): number
  /** The name at st_name nameOff of symbol i, checked against the string table. */
  name(i: number, nameOff: number): string
}

export interface ElfRelocation {
  readonly offset: bigint
  readonly type: number
  readonly symbol: number
  readonly addend: bigint
}

export interface ElfNote {
  readonly name: string
  readonly type: number
  readonly desc: Uint8Array
}

/**
 * The largest counts we accept: far above any kernel object, far below what exhausts memory.
 * Symbols: Debian 6.12's debug vmlinux has 201,651 and reading them takes ~190 MiB, so 2^21
 * (above allyesconfig's) stays near 2 GiB; 2^24 would have allowed 16 GiB.
 */
const MAX_SECTIONS = 1 << 20
const MAX_SYMBOLS = 1 << 21

/**
 * A read-only view of an ELF32/ELF64 file of either byte order. Headers are read eagerly and
 * checked; section contents are read on demand from the ByteSource (zero-copy for buffers).
 */
export class ElfFile {
  readonly source: ByteSource
  readonly file: string
  readonly is64: boolean
  readonly littleEndian: boolean
  readonly type: number
  readonly machine: number
  readonly entry: bigint
  readonly sections: readonly ElfSection[]
  private byName: Map<string, ElfSection> | undefined
  private readonly symbolTables = new Map<ElfSection, SymbolTable>()

  private constructor(source: ByteSource, init: Omit<ElfFile, 'source' | 'file' | 'byName' | keyof ElfMethods>) {
    this.source = source
    this.file = source.file
    this.is64 = init.is64
    this.littleEndian = init.littleEndian
    this.type = init.type
    this.machine = init.machine
    this.entry = init.entry
    this.sections = init.sections
  }

  static fromBytes(bytes: Uint8Array, file: string): ElfFile {
    return ElfFile.open(new BufferSource(bytes, file))
  }

  /** Reads the headers of `source`; on failure the source is closed (no file left open). */
  static open(source: ByteSource): ElfFile {
    try {
      return ElfFile.read(source)
    } catch (err) {
      source.close()
      throw err
    }
  }

  private static read(source: ByteSource): ElfFile {
    const file = source.file
    if (source.size < 16) {
      throw new InputError('truncated', file, `not an ELF file: only ${source.size} bytes`)
    }
    const ident = source.read(0, 16, 'ELF identification')
    if (ident[0] !== 0x7f || ident[1] !== 0x45 || ident[2] !== 0x4c || ident[3] !== 0x46) {
      throw new InputError('bad-magic', file, 'not an ELF file (bad magic)', 0)
    }
    const cls = ident[4]
    const data = ident[5]
    if (cls !== 1 && cls !== 2) throw new InputError('bad-value', file, `unknown ELF class ${cls}`, 4)
    if (data !== 1 && data !== 2) throw new InputError('bad-value', file, `unknown ELF data encoding ${data}`, 5)
    const is64 = cls === 2
    const le = data === 1
    const ehsize = is64 ? 64 : 52
    const eh = new ByteReader(source.read(0, Math.min(ehsize, source.size), 'ELF header'), le, file)
    eh.check(0, ehsize, 'ELF header')
    const type = eh.u16(16)
    const machine = eh.u16(18)
    const entry = eh.word(24, is64)
    const shoff = is64 ? eh.u64n(40, 'e_shoff') : eh.u32(32, 'e_shoff')
    const shentsize = eh.u16(is64 ? 58 : 46)
    let shnum = eh.u16(is64 ? 60 : 48)
    let shstrndx = eh.u16(is64 ? 62 : 50)

    const sections: ElfSection[] = []
    if (shoff !== 0) {
      const minEnt = is64 ? 64 : 40
      if (shentsize < minEnt) {
        throw new InputError('bad-value', file, `section header size ${shentsize} is below ${minEnt}`, is64 ? 58 : 46)
      }
      // Extended numbering (gABI): the real count is section 0's sh_size, the name table index its sh_link.
      const first = new ByteReader(source.read(shoff, shentsize, 'section header 0'), le, file)
      if (shnum === 0) shnum = first.wordn(is64 ? 32 : 20, is64, 'extended section count')
      if (shstrndx === SHN_XINDEX) shstrndx = first.u32(is64 ? 40 : 24, 'extended string table index')
      if (shnum > MAX_SECTIONS) {
        throw new InputError('too-large', file, `${shnum} section headers is more than the ${MAX_SECTIONS} accepted`)
      }
      const tableSize = shnum * shentsize
      const table = new ByteReader(source.read(shoff, tableSize, `section header table (${shnum} entries)`), le, file)
      const raw: Array<Omit<ElfSection, 'name'> & { nameOff: number }> = []
      for (let i = 0; i < shnum; i++) {
        const o = i * shentsize
        const secType = table.u32(o + 4)
        const s = {
          index: i,
          nameOff: table.u32(o),
          type: secType,
          flags: Number(table.word(o + 8, is64) & 0xffffffffn),
          addr: table.word(o + (is64 ? 16 : 12), is64),
          offset: table.wordn(o + (is64 ? 24 : 16), is64, 'sh_offset'),
          size: table.wordn(o + (is64 ? 32 : 20), is64, 'sh_size'),
          link: table.u32(o + (is64 ? 40 : 24)),
          info: table.u32(o + (is64 ? 44 : 28)),
          addralign: table.wordn(o + (is64 ? 48 : 32), is64, 'sh_addralign'),
          entsize: table.wordn(o + (is64 ? 56 : 36), is64, 'sh_entsize')
        }
        if (i > 0 && secType !== SHT_NOBITS && s.offset + s.size > source.size) {
          throw new InputError(
            'truncated',
            file,
            `section ${i} (offset 0x${s.offset.toString(16)}, size 0x${s.size.toString(16)}) runs past the end of the file (0x${source.size.toString(16)} bytes)`,
            shoff + o
          )
        }
        raw.push(s)
      }
      let names: Uint8Array | undefined
      if (shstrndx !== SHN_UNDEF) {
        const strSec = raw[shstrndx]
        if (!strSec) throw new InputError('bad-value', file, `section name table index ${shstrndx} is out of range (${shnum} sections)`)
        names = source.read(strSec.offset, strSec.size, 'section name table')
      }
      for (const { nameOff, ...s } of raw) {
        let name = ''
        if (names && nameOff !== 0) {
          const n = cString(names, nameOff)
          if (n === undefined) throw new InputError('bad-value', file, `section ${s.index}: name offset ${nameOff} is outside the name table`)
          name = n
        }
        sections.push({ ...s, name })
      }
    }
    return new ElfFile(source, { is64, littleEndian: le, type, machine, entry, sections })
  }

  section(name: string): ElfSection | undefined {
    if (!this.byName) {
      this.byName = new Map()
      // The first of several same-named sections wins, as in readelf -x NAME.
      for (const s of this.sections) if (!this.byName.has(s.name)) this.byName.set(s.name, s)
    }
    return this.byName.get(name)
  }

  /** The bytes of a section; empty for NOBITS. */
  data(sec: ElfSection): Uint8Array {
    if (sec.type === SHT_NOBITS || sec.size === 0) return new Uint8Array(0)
    return this.source.read(sec.offset, sec.size, `section ${sec.name || sec.index}`)
  }

  reader(sec: ElfSection): ByteReader {
    return new ByteReader(this.data(sec), this.littleEndian, this.file)
  }

  /**
   * The checked raw form of a symbol table: its entries, its string table and a resolver for
   * SHN_XINDEX. For hot loops that read fields straight from the bytes (the nm listing);
   * symbols() builds objects over the same view.
   */
  symbolTable(sec: ElfSection | undefined = this.sections.find(s => s.type === SHT_SYMTAB)): SymbolTable | undefined {
    if (!sec) return undefined
    // Read once: a debug vmlinux's symbols and names are 9 MB, asked for by several checks.
    const cached = this.symbolTables.get(sec)
    if (cached) return cached
    const table = this.readSymbolTable(sec)
    this.symbolTables.set(sec, table)
    return table
  }

  private readSymbolTable(sec: ElfSection): SymbolTable {
    const entsize = this.is64 ? 24 : 16
    if (sec.entsize !== 0 && sec.entsize !== entsize) {
      throw new InputError('bad-value', this.file, `${sec.name}: symbol entry size ${sec.entsize}, expected ${entsize}`)
    }
    const count = Math.floor(sec.size / entsize)
    if (count > MAX_SYMBOLS) throw new InputError('too-large', this.file, `${sec.name}: ${count} symbols is more than accepted`)
    const strSec = this.sections[sec.link]
    if (!strSec) throw new InputError('bad-value', this.file, `${sec.name}: string table index ${sec.link} is out of range`)
    const strings = this.data(strSec)
    const entries = this.reader(sec)
    let xindex: ByteReader | undefined
    const extendedIndex = (i: number): number => {
      if (!xindex) {
        const x = this.sections.find(s => s.type === SHT_SYMTAB_SHNDX && s.link === sec.index)
        if (!x) throw new InputError('bad-value', this.file, `symbol ${i} uses SHN_XINDEX but there is no .symtab_shndx`)
        xindex = this.reader(x)
      }
      return xindex.u32(i * 4, `extended section index of symbol ${i}`)
    }
    const name = (i: number, nameOff: number): string => {
      if (nameOff === 0) return ''
      const n = cString(strings, nameOff)
      if (n === undefined) {
        throw new InputError('bad-value', this.file, `symbol ${i}: name offset ${nameOff} is outside ${strSec.name || 'its string table'}`)
      }
      return n
    }
    return { section: sec, count, entsize, entries, strings, stringSection: strSec, extendedIndex, name }
  }

  /** The symbols of the symbol table (.symtab by default), index 0 included. */
  symbols(sec?: ElfSection): ElfSymbol[] {
    const table = this.symbolTable(sec)
    if (!table) return []
    const out: ElfSymbol[] = new Array(table.count)
    for (let i = 0; i < table.count; i++) out[i] = this.symbolAt(table, i, table.entries.u32(i * table.entsize))
    return out
  }

  /**
   * The symbols named one of `names`, in table order, without an object per other symbol (a
   * vmlinux has 200,000; a few linker labels are wanted). Name offsets are checked as symbols() does.
   */
  symbolsNamed(names: readonly string[], sec?: ElfSection): ElfSymbol[] {
    const table = this.symbolTable(sec)
    if (!table) return []
    // The wanted names by first byte: a symbol is compared only with those starting as it does,
    // and only when a NUL ends its name at their length.
    const byFirst: Uint8Array[][] = Array.from({ length: 256 }, () => [])
    for (const n of names) {
      const w = new Uint8Array(Buffer.from(n, 'utf8'))
      if (w.length) byFirst[w[0]!]!.push(w)
    }
    const { count, entsize, entries, strings } = table
    const end = strings.length
    const out: ElfSymbol[] = []
    for (let i = 1; i < count; i++) {
      const nameOff = entries.u32(i * entsize)
      if (nameOff === 0) continue
      if (nameOff >= end) table.name(i, nameOff) // throws, naming the offset
      const candidates = byFirst[strings[nameOff]!]!
      for (let c = 0; c < candidates.length; c++) {
        const w = candidates[c]!
        const len = w.length
        if (nameOff + len >= end || strings[nameOff + len] !== 0) continue
        let k = 1
        while (k < len && strings[nameOff + k] === w[k]) k++
        if (k === len) {
          out.push(this.symbolAt(table, i, nameOff))
          break
        }
      }
    }
    return out
  }

  private symbolAt(table: SymbolTable, i: number, nameOff: number): ElfSymbol {
    const r = table.entries
    const o = i * table.entsize
    let value: bigint, size: number, info: number, other: number, shndx: number
    if (this.is64) {
      info = r.u8(o + 4)
      other = r.u8(o + 5)
      shndx = r.u16(o + 6)
      value = r.u64(o + 8)
      size = r.u64n(o + 16, 'st_size')
    } else {
      value = BigInt(r.u32(o + 4))
      size = r.u32(o + 8)
      info = r.u8(o + 12)
      other = r.u8(o + 13)
      shndx = r.u16(o + 14)
    }
    const reserved = shndx >= SHN_LORESERVE && shndx !== SHN_XINDEX
    if (shndx === SHN_XINDEX) shndx = table.extendedIndex(i)
    return { index: i, name: table.name(i, nameOff), value, size, bind: info >> 4, type: info & 0xf, other, shndx, reserved }
  }

  /** The section a symbol is defined in, or undefined for undefined/absolute/common/reserved. */
  symbolSection(sym: ElfSymbol): ElfSection | undefined {
    if (sym.reserved || sym.shndx === SHN_UNDEF) return undefined
    return this.sections[sym.shndx]
  }

  /** Relocations of a SHT_REL or SHT_RELA section. */
  relocations(sec: ElfSection): ElfRelocation[] {
    const rela = sec.type === SHT_RELA
    if (!rela && sec.type !== SHT_REL) throw new InputError('bad-value', this.file, `${sec.name} is not a relocation section`)
    const entsize = this.is64 ? (rela ? 24 : 16) : rela ? 12 : 8
    const r = this.reader(sec)
    const count = Math.floor(sec.size / entsize)
    const out: ElfRelocation[] = new Array(count)
    for (let i = 0; i < count; i++) {
      const o = i * entsize
      if (this.is64) {
        const info = r.u64(o + 8)
        out[i] = {
          offset: r.u64(o),
          type: Number(info & 0xffffffffn),
          symbol: Number(info >> 32n),
          addend: rela ? BigInt.asIntN(64, r.u64(o + 16)) : 0n
        }
      } else {
        const info = r.u32(o + 4)
        out[i] = {
          offset: BigInt(r.u32(o)),
          type: info & 0xff,
          symbol: info >>> 8,
          addend: rela ? BigInt(r.i32(o + 8)) : 0n
        }
      }
    }
    return out
  }

  /** Notes of a SHT_NOTE section (4-byte aligned name and descriptor). */
  notes(sec: ElfSection): ElfNote[] {
    if (sec.type !== SHT_NOTE) return []
    const r = this.reader(sec)
    const out: ElfNote[] = []
    let o = 0
    while (o + 12 <= r.length) {
      const namesz = r.u32(o)
      const descsz = r.u32(o + 4)
      const type = r.u32(o + 8)
      const nameStart = o + 12
      const descStart = nameStart + align4(namesz)
      const bytes = r.slice(nameStart, namesz, 'note name')
      const desc = r.slice(descStart, descsz, 'note descriptor')
      const nul = bytes.indexOf(0)
      out.push({ name: Buffer.from(bytes.subarray(0, nul < 0 ? bytes.length : nul)).toString('latin1'), type, desc })
      o = descStart + align4(descsz)
    }
    return out
  }

  /** The GNU build-id as lowercase hex, when the file has one. */
  buildId(): string | undefined {
    for (const sec of this.sections) {
      if (sec.type !== SHT_NOTE) continue
      for (const n of this.notes(sec)) if (n.name === 'GNU' && n.type === 3) return Buffer.from(n.desc).toString('hex')
    }
    return undefined
  }

  close(): void {
    this.source.close()
  }
}

type ElfMethods = Pick<ElfFile, 'section' | 'data' | 'reader' | 'symbolTable' | 'symbols' | 'symbolsNamed' | 'symbolSection' | 'relocations' | 'notes' | 'buildId' | 'close'>

function align4(n: number): number {
  return (n + 3) & ~3
}
