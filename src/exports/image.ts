import type { ElfFile } from '../elf/elf.ts'
import type { Build } from '../model/build.ts'

/**
 * The vmlinux ELF inside the build's boot image (x86 bzImage payloads are ELF files with their
 * section headers, symbols stripped). Null when the image holds no ELF (arm64 Image) or cannot
 * be unpacked.
 */
export function vmlinuxFromImage(_build: Build): ElfFile | null {
  return null
}
