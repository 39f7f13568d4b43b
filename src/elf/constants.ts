// ELF constants used by the readers (include/uapi/linux/elf.h, the gABI).
export const SHT_NULL = 0
export const SHT_PROGBITS = 1
export const SHT_SYMTAB = 2
export const SHT_STRTAB = 3
export const SHT_RELA = 4
export const SHT_NOTE = 7
export const SHT_NOBITS = 8
export const SHT_REL = 9
export const SHT_DYNSYM = 11
export const SHT_GROUP = 17
export const SHT_SYMTAB_SHNDX = 18

export const SHF_WRITE = 0x1
export const SHF_ALLOC = 0x2
export const SHF_EXECINSTR = 0x4
export const SHF_TLS = 0x400

export const SHN_UNDEF = 0
export const SHN_LORESERVE = 0xff00
export const SHN_ABS = 0xfff1
export const SHN_COMMON = 0xfff2
export const SHN_XINDEX = 0xffff

export const STB_LOCAL = 0
export const STB_GLOBAL = 1
export const STB_WEAK = 2
export const STB_GNU_UNIQUE = 10

export const STT_NOTYPE = 0
export const STT_OBJECT = 1
export const STT_FUNC = 2
export const STT_SECTION = 3
export const STT_FILE = 4
export const STT_COMMON = 5
export const STT_TLS = 6
export const STT_GNU_IFUNC = 10

export const ET_REL = 1
export const ET_EXEC = 2
export const ET_DYN = 3

export const EM_386 = 3
export const EM_MIPS = 8
export const EM_PPC = 20
export const EM_PPC64 = 21
export const EM_S390 = 22
export const EM_ARM = 40
export const EM_X86_64 = 62
export const EM_AARCH64 = 183
export const EM_RISCV = 243
export const EM_LOONGARCH = 258

export const MACHINE_NAMES: Record<number, string> = {
  [EM_386]: 'x86',
  [EM_MIPS]: 'mips',
  [EM_PPC]: 'powerpc',
  [EM_PPC64]: 'powerpc',
  [EM_S390]: 's390',
  [EM_ARM]: 'arm',
  [EM_X86_64]: 'x86_64',
  [EM_AARCH64]: 'arm64',
  [EM_RISCV]: 'riscv',
  [EM_LOONGARCH]: 'loongarch'
}
