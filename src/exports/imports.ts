import { EM_PPC, EM_PPC64, SHN_UNDEF, SHT_SYMTAB, STB_GLOBAL, STB_WEAK } from '../elf/constants.ts'
import type { ElfFile } from '../elf/elf.ts'
import { InputError } from '../model/errors.ts'

/**
 * Names out of a string table with Node's native decoder (UTF-8, so the rare non-ASCII name stays
 * readable): these loops see every import of every module, and building short strings a
 * character at a time costs more than the rest of the scan.
 */
function textOf(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

const EM_SPARC = 2
const EM_SPARCV9 = 43
const STT_SPARC_REGISTER = 13

export interface ModuleImports {
  /** Undefined global symbols modpost resolves against the exports, sorted, unique. */
  imports: string[]
  /** Weak undefined symbols: modpost does not complain when nothing exports them. */
  weak: string[]
}

/**
 * What a module (.ko, or the .o modpost reads before linking it) needs from the kernel: its
 * undefined GLOBAL and WEAK symbols, minus what modpost ignores (scripts/mod/modpost.c
 * handle_symbol and ignore_undef_symbol, 6.12 and 7.2 alike): __this_module and
 * _GLOBAL_OFFSET_TABLE_ everywhere, the register save/restore helpers and .TOC. on powerpc,
 * register directives on sparc. Names pass through modpost's remove_dot first.
 * Reads the symbol table directly and decodes only the names of undefined symbols.
 */
export function readImports(elf: ElfFile): ModuleImports {
  const sec = elf.sections.find(s => s.type === SHT_SYMTAB)
  if (!sec) return { imports: [], weak: [] }
  const entsize = elf.is64 ? 24 : 16
  if (sec.entsize !== 0 && sec.entsize !== entsize) {
    throw new InputError('bad-value', elf.file, `${sec.name}: symbol entry size ${sec.entsize}, expected ${entsize}`)
  }
  const strSec = elf.sections[sec.link]
  if (!strSec) throw new InputError('bad-value', elf.file, `${sec.name}: string table index ${sec.link} is out of range`)
  const strings = elf.data(strSec)
  const text = textOf(strings)
  // One bounds check for the table, then plain DataView reads: this loop sees every symbol of
  // every module.
  const table = elf.data(sec)
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength)
  const le = elf.littleEndian
  const count = Math.floor(table.byteLength / entsize)
  const infoAt = elf.is64 ? 4 : 12
  const shndxAt = elf.is64 ? 6 : 14
  const strong = new Set<string>()
  const weak = new Set<string>()
  const sparc = elf.machine === EM_SPARC || elf.machine === EM_SPARCV9
  for (let i = 1; i < count; i++) {
    const o = i * entsize
    if (view.getUint16(o + shndxAt, le) !== SHN_UNDEF) continue
    const info = table[o + infoAt]!
    const bind = info >> 4
    if (bind !== STB_GLOBAL && bind !== STB_WEAK) continue
    if (sparc && (info & 0xf) === STT_SPARC_REGISTER) continue
    const nameOff = view.getUint32(o, le)
    const end = nameOff < strings.length ? strings.indexOf(0, nameOff) : -1
    if (end < 0) throw new InputError('bad-value', elf.file, `symbol ${i}: name offset ${nameOff} is outside ${strSec.name || 'its string table'}`)
    let name = removeDot(text.toString('utf8', nameOff, end))
    if (name === '' || ignoredUndefined(name, elf.machine)) continue
    if (sparc && name.startsWith('.')) name = '_' + name.charAt(1).toUpperCase() + name.slice(2)
    if (bind === STB_WEAK) weak.add(name)
    else strong.add(name)
  }
  for (const n of strong) weak.delete(n)
  return { imports: [...strong].sort(), weak: [...weak].sort() }
}

/** modpost's ignore_undef_symbol. */
export function ignoredUndefined(name: string, machine: number): boolean {
  if (name === '__this_module' || name === '_GLOBAL_OFFSET_TABLE_') return true
  if (machine === EM_PPC) return /^_(restgpr|savegpr|rest32gpr|save32gpr|restvr|savevr)_/.test(name)
  if (machine === EM_PPC64) return name === '.TOC.' || /^_(restgpr0|savegpr0|restgpr1|savegpr1|restfpr|savefpr|restvr|savevr)_/.test(name)
  return false
}

/**
 * modpost's remove_dot: "name.123" and "name.123.rest" lose everything from the first dot when
 * digits follow it (compiler-made clones); other dots stay.
 */
export function removeDot(s: string): string {
  const n = s.indexOf('.')
  if (n <= 0) return s
  let m = n + 1
  while (m < s.length && s.charCodeAt(m) >= 48 && s.charCodeAt(m) <= 57) m++
  if (m > n + 1 && (m === s.length || s.charAt(m) === '.')) return s.slice(0, n)
  return s
}

export interface ModuleVersions {
  /** Symbols the module was built against, in file order, with their CRCs (parallel arrays). */
  names: string[]
  crcs: number[]
  /** From __version_ext_crcs/__version_ext_names (CONFIG_EXTENDED_MODVERSIONS, 6.14+). */
  extended: boolean
}

/**
 * The CRCs a module records for the symbols it imports (modpost add_versions): __versions is an
 * array of struct modversion_info { unsigned long crc; char name[64 - sizeof(long)]; }. With
 * extended modversions the loader uses __version_ext_crcs (u32 each) and __version_ext_names
 * (NUL-separated, same order) instead, when both are present (kernel/module/version.c).
 * Null when the module carries no version information (no MODVERSIONS, or a .o before modpost).
 */
export function readVersions(elf: ElfFile): ModuleVersions | null {
  const extCrcs = elf.section('__version_ext_crcs')
  const extNames = elf.section('__version_ext_names')
  if (extCrcs && extNames) {
    const r = elf.reader(extCrcs)
    const bytes = elf.data(extNames)
    const text = textOf(bytes)
    const count = Math.floor(extCrcs.size / 4)
    const names: string[] = new Array(count)
    const crcs: number[] = new Array(count)
    let p = 0
    for (let i = 0; i < count; i++) {
      const end = bytes.indexOf(0, p)
      if (end < 0) throw new InputError('bad-value', elf.file, `__version_ext_names ends before name ${i} of ${count}`)
      names[i] = text.toString('utf8', p, end)
      crcs[i] = r.u32(i * 4)
      p = end + 1
    }
    return { names, crcs, extended: true }
  }
  const sec = elf.section('__versions')
  if (!sec) return null
  const word = elf.is64 ? 8 : 4
  const size = 64
  if (sec.size % size !== 0) throw new InputError('bad-value', elf.file, `__versions size ${sec.size} is not a multiple of ${size}`)
  const bytes = elf.data(sec)
  const text = textOf(bytes)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const le = elf.littleEndian
  const count = bytes.byteLength / size
  const names: string[] = new Array(count)
  const crcs: number[] = new Array(count)
  for (let i = 0; i < count; i++) {
    const o = i * size
    const end = bytes.indexOf(0, o + word)
    if (end < 0 || end >= o + size) throw new InputError('bad-value', elf.file, `__versions entry ${i}: name is not NUL-terminated`)
    names[i] = text.toString('utf8', o + word, end)
    // The loader compares the whole unsigned long with the u32 CRC: a value above 32 bits never
    // matches, and stays above 32 bits here (inexact beyond 2^53, which does not matter).
    if (!elf.is64) crcs[i] = view.getUint32(o, le)
    else {
      const lo = view.getUint32(o + (le ? 0 : 4), le)
      const hi = view.getUint32(o + (le ? 4 : 0), le)
      crcs[i] = hi * 0x1_0000_0000 + lo
    }
  }
  return { names, crcs, extended: false }
}
