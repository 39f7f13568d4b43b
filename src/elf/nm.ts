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
  return nmLetter(elf, sym.bind, sym.type, sym.shndx, sym.reserved)
}

/** nmTypeLetter over a symbol's raw fields (st_shndx already resolved through SHN_XINDEX). */
export function nmLetter(
  elf: ElfFile,
  bind: number,
  type: number,
  shndx: number,
  reserved: boolean,
  letters: readonly string[] = sectionLetters(elf)
): string {
  const weak = bind === STB_WEAK
  const object = type === STT_OBJECT || type === STT_COMMON
  if (reserved && shndx === SHN_COMMON) return 'C'
  if (!reserved && shndx === SHN_UNDEF) return weak ? (object ? 'v' : 'w') : 'U'
  if (type === STT_GNU_IFUNC) return 'i'
  if (weak) return object ? 'V' : 'W'
  if (bind === STB_GNU_UNIQUE) return 'u'
  if (bind !== STB_GLOBAL && bind !== STB_LOCAL) return '?'
  const c = reserved || shndx === SHN_ABS ? 'a' : (letters[shndx] ?? 'a')
  return bind === STB_GLOBAL ? c.toUpperCase() : c
}

/** nm hides section and file symbols unless -a (BSF_DEBUGGING). */
export function nmListed(sym: ElfSymbol): boolean {
  return sym.index !== 0 && sym.type !== STT_SECTION && sym.type !== STT_FILE
}

const cache = new WeakMap<ElfFile, readonly string[]>()

/** The lower-case nm letter of each section of `elf`, by index (computed once per file). */
export function sectionLetters(elf: ElfFile): readonly string[] {
  let letters = cache.get(elf)
  if (!letters) {
    letters = elf.sections.map(sectionLetter)
    cache.set(elf, letters)
  }
  return letters
}

/** binutils coff_section_type, then decode_section_type over elf.c's section flags. */
export function sectionLetter(sec: ElfSection): string {
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
