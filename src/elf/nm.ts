import {
  ET_REL,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHF_WRITE,
  SHN_ABS,
  SHN_COMMON,
  SHN_UNDEF,
  SHT_NOBITS,
  STB_GLOBAL,
  STB_GNU_UNIQUE,
  STB_LOCAL,
  STB_WEAK,
  STT_COMMON,
  STT_FILE,
  STT_GNU_IFUNC,
  STT_OBJECT,
  STT_SECTION
} from './constants.ts'
import type { ElfFile, ElfSection, ElfSymbol } from './elf.ts'

/**
 * nm's one-letter symbol class, derived as GNU nm does it (binutils bfd/syms.c
 * bfd_decode_symclass over the flags elf.c gives ELF sections and symbols).
 */
export function nmTypeLetter(elf: ElfFile, sym: ElfSymbol): string {
  const weak = sym.bind === STB_WEAK
  const object = sym.type === STT_OBJECT || sym.type === STT_COMMON
  if (sym.reserved && sym.shndx === SHN_COMMON) return 'C'
  if (!sym.reserved && sym.shndx === SHN_UNDEF) return weak ? (object ? 'v' : 'w') : 'U'
  if (sym.type === STT_GNU_IFUNC) return 'i'
  if (weak) return object ? 'V' : 'W'
  if (sym.bind === STB_GNU_UNIQUE) return 'u'
  if (sym.bind !== STB_GLOBAL && sym.bind !== STB_LOCAL) return '?'
  let c: string
  const sec = sym.reserved ? undefined : elf.sections[sym.shndx]
  if (sym.reserved || !sec || sym.shndx === SHN_ABS) c = 'a'
  else c = sectionLetter(sec)
  return sym.bind === STB_GLOBAL ? c.toUpperCase() : c
}

/** nm hides section and file symbols unless -a (BSF_DEBUGGING). */
export function nmListed(sym: ElfSymbol): boolean {
  return sym.index !== 0 && sym.type !== STT_SECTION && sym.type !== STT_FILE
}

const cache = new WeakMap<ElfSection, string>()

/** binutils coff_section_type, then decode_section_type over elf.c's section flags. */
export function sectionLetter(sec: ElfSection): string {
  let c = cache.get(sec)
  if (c === undefined) {
    c = computeSectionLetter(sec)
    cache.set(sec, c)
  }
  return c
}

function computeSectionLetter(sec: ElfSection): string {
  for (const [prefix, letter] of COFF_NAMES) {
    if (sec.name.startsWith(prefix)) {
      const next = sec.name.charAt(prefix.length)
      if (next === '' || next === '.' || next === '$') return letter
    }
  }
  const alloc = (sec.flags & SHF_ALLOC) !== 0
  const contents = sec.type !== SHT_NOBITS
  const load = alloc && contents
  const readonly = (sec.flags & SHF_WRITE) === 0
  if ((sec.flags & SHF_EXECINSTR) !== 0) return 't'
  if (load) return readonly ? 'r' : 'd'
  if (!contents) return 'b'
  if (!alloc && isDebugName(sec.name)) return 'N'
  if (readonly) return 'n'
  return '?'
}

const COFF_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['.drectve', 'i'],
  ['.edata', 'e'],
  ['.idata', 'i'],
  ['.pdata', 'p']
]

function isDebugName(name: string): boolean {
  return (
    name.startsWith('.debug') ||
    name.startsWith('.gnu.debuglto_.debug_') ||
    name.startsWith('.gnu.linkonce.wi.') ||
    name.startsWith('.zdebug') ||
    name.startsWith('.line') ||
    name.startsWith('.stab') ||
    name === '.gdb_index'
  )
}

/**
 * The value nm prints. In relocatable objects BFD keeps st_value section-relative and adds the
 * section's address (modules' linker script gives some sections one); executables hold
 * absolute values already.
 */
export function nmValue(elf: ElfFile, sym: ElfSymbol): bigint {
  if (elf.type !== ET_REL || sym.reserved || sym.shndx === SHN_UNDEF) return sym.value
  const sec = elf.sections[sym.shndx]
  return sec ? BigInt.asUintN(elf.is64 ? 64 : 32, sym.value + sec.addr) : sym.value
}
