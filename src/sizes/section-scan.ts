import type { ByteSource } from '../bytes/source.ts'
import { cString } from '../bytes/reader.ts'
import { SHN_XINDEX, SHT_NOBITS } from '../elf/constants.ts'
import { InputError } from '../model/errors.ts'

/** What size classes need of a section header (ElfSection has the same fields). */
export interface SectionInfo {
  readonly index: number
  readonly name: string
  readonly type: number
  readonly flags: number
  readonly offset: number
  readonly size: number
}

export interface ScannedElf {
  machine: number
  sections: SectionInfo[]
}

const MAX_SECTIONS = 1 << 20

/**
 * Calls `visit` for each section header, with the same checks as ElfFile.open but no BigInt and
 * no per-section objects: listing the sizes of thousands of modules is dominated by this loop.
 * `info` is reused between calls; names are decoded only where `wantName(flags)` says so (''
 * otherwise). Sizes and offsets above 2^53 are refused (no file is that large).
 */
export function visitSections(src: ByteSource, visit: (info: SectionInfo, machine: number) => void, wantName: (flags: number) => boolean = () => true): { machine: number } {
  const file = src.file
  if (src.size < 16) throw new InputError('truncated', file, `not an ELF file: only ${src.size} bytes`)
  const ident = src.read(0, 16, 'ELF identification')
  if (ident[0] !== 0x7f || ident[1] !== 0x45 || ident[2] !== 0x4c || ident[3] !== 0x46) {
    throw new InputError('bad-magic', file, 'not an ELF file (bad magic)', 0)
  }
  const is64 = ident[4] === 2
  if (ident[4] !== 1 && !is64) throw new InputError('bad-value', file, `unknown ELF class ${ident[4]}`, 4)
  if (ident[5] !== 1 && ident[5] !== 2) throw new InputError('bad-value', file, `unknown ELF data encoding ${ident[5]}`, 5)
  const le = ident[5] === 1
  const ehsize = is64 ? 64 : 52
  const eh = view(src.read(0, ehsize, 'ELF header'))
  const word = (v: DataView, o: number, what: string) => (is64 ? u64n(v, o, le, file, what) : v.getUint32(o, le))
  const machine = eh.getUint16(18, le)
  const shoff = word(eh, is64 ? 40 : 32, 'e_shoff')
  const shentsize = eh.getUint16(is64 ? 58 : 46, le)
  let shnum = eh.getUint16(is64 ? 60 : 48, le)
  let shstrndx = eh.getUint16(is64 ? 62 : 50, le)
  if (shoff === 0) return { machine }
  const minEnt = is64 ? 64 : 40
  if (shentsize < minEnt) throw new InputError('bad-value', file, `section header size ${shentsize} is below ${minEnt}`, is64 ? 58 : 46)
  if (shnum === 0 || shstrndx === SHN_XINDEX) {
    const first = view(src.read(shoff, shentsize, 'section header 0'))
    if (shnum === 0) shnum = word(first, is64 ? 32 : 20, 'extended section count')
    if (shstrndx === SHN_XINDEX) shstrndx = first.getUint32(is64 ? 40 : 24, le)
  }
  if (shnum > MAX_SECTIONS) throw new InputError('too-large', file, `${shnum} section headers is more than the ${MAX_SECTIONS} accepted`)
  const table = view(src.read(shoff, shnum * shentsize, `section header table (${shnum} entries)`))
  const offsetAt = is64 ? 24 : 16
  const sizeAt = is64 ? 32 : 20
  let names: Uint8Array | undefined
  if (shstrndx !== 0) {
    if (shstrndx >= shnum) throw new InputError('bad-value', file, `section name table index ${shstrndx} is out of range (${shnum} sections)`)
    const o = shstrndx * shentsize
    const size = word(table, o + sizeAt, 'sh_size')
    const offset = word(table, o + offsetAt, 'sh_offset')
    names = src.read(offset, size, 'section name table')
  }
  const info = { index: 0, name: '', type: 0, flags: 0, offset: 0, size: 0 }
  for (let i = 0; i < shnum; i++) {
    const o = i * shentsize
    const type = table.getUint32(o + 4, le)
    const flags = table.getUint32(o + 8, le) // every SHF_* the classes use is in the low 32 bits
    const offset = word(table, o + offsetAt, 'sh_offset')
    const size = word(table, o + sizeAt, 'sh_size')
    if (i > 0 && type !== SHT_NOBITS && offset + size > src.size) {
      throw new InputError(
        'truncated',
        file,
        `section ${i} (offset 0x${offset.toString(16)}, size 0x${size.toString(16)}) runs past the end of the file (0x${src.size.toString(16)} bytes)`,
        shoff + o
      )
    }
    let name = ''
    const off = table.getUint32(o, le)
    if (names && off !== 0 && wantName(flags)) {
      const n = cString(names, off)
      if (n === undefined) throw new InputError('bad-value', file, `section ${i}: name offset ${off} is outside the name table`)
      name = n
    }
    info.index = i
    info.name = name
    info.type = type
    info.flags = flags
    info.offset = offset
    info.size = size
    visit(info, machine)
  }
  return { machine }
}

/** Every section header, as objects (see visitSections). */
export function scanSections(src: ByteSource): ScannedElf {
  const sections: SectionInfo[] = []
  const { machine } = visitSections(src, s => sections.push({ ...s }))
  return { machine, sections }
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength)
}

function u64n(v: DataView, o: number, le: boolean, file: string, what: string): number {
  const lo = v.getUint32(o + (le ? 0 : 4), le)
  const hi = v.getUint32(o + (le ? 4 : 0), le)
  if (hi > 0x1fffff) throw new InputError('bad-value', file, `${what} is larger than any file`, o)
  return hi * 0x100000000 + lo
}
