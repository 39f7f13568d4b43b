import { SHF_ALLOC, SHT_RELA } from '../elf/constants.ts'
import type { ElfFile } from '../elf/elf.ts'
import type { DecodedTable, KernelImage } from './table.ts'

/**
 * Relocatable arm64 kernels are linked with --no-apply-dynamic-relocs: pointers such as
 * kallsyms_relative_base hold 0 in the file and get their value from an R_AARCH64_RELATIVE
 * entry of .rela.dyn at boot (arch/arm64/Makefile, arch/arm64/kernel/pi/relocate.c). The
 * decoder does what the kernel does: it applies that one relocation.
 */
export interface Relocation {
  offset: bigint
  addend: bigint
}

const R_AARCH64_RELATIVE = 1027n

/** The relocations of an ELF's loaded SHT_RELA sections (.rela.dyn). */
export function elfDynamicRelocations(elf: ElfFile): Relocation[] {
  const out: Relocation[] = []
  for (const sec of elf.sections) {
    if (sec.type !== SHT_RELA || (sec.flags & SHF_ALLOC) === 0) continue
    for (const r of elf.relocations(sec)) out.push({ offset: r.offset, addend: r.addend })
  }
  return out
}

/** R_AARCH64_RELATIVE entries (r_offset, r_info = 1027, r_addend) found in a raw little-endian Image. */
export function scanRelativeRelocations(bytes: Uint8Array): Relocation[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const out: Relocation[] = []
  for (let p = 8; p + 16 <= bytes.length; p += 8) {
    if (bytes[p] !== 0x03 || bytes[p + 1] !== 0x04 || view.getUint32(p + 4, true) !== 0 || view.getUint16(p + 2, true) !== 0) continue
    if (view.getBigUint64(p, true) !== R_AARCH64_RELATIVE) continue
    const offset = view.getBigUint64(p - 8, true)
    if (offset < 0xffff000000000000n) continue
    out.push({ offset, addend: view.getBigUint64(p + 8, true) })
  }
  return out
}

/**
 * Where a raw arm64 Image is linked: KIMAGE_VADDR is 128 MiB-aligned in every layout
 * (0xffff800008000000 before 6.5, 0xffff800080000000 after), and every relocated slot lies in
 * the image, so the base is the lowest slot rounded down to 128 MiB, when all slots then fit.
 */
export function imageBaseFromRelocations(relocs: readonly Relocation[], imageSize: number): bigint | null {
  if (relocs.length < 16) return null
  let min = relocs[0]!.offset
  let max = min
  for (const r of relocs) {
    if (r.offset < min) min = r.offset
    if (r.offset > max) max = r.offset
  }
  const base = min & ~(128n * 1024n * 1024n - 1n)
  return max - base < BigInt(imageSize) ? base : null
}

/**
 * When kallsyms_relative_base reads 0 and a relocation targets it, writes the relocated value
 * into the image (as the kernel does at boot) and says so; the caller decodes again.
 */
export function applyRelativeBaseRelocation(image: KernelImage, table: DecodedTable, relocs: readonly Relocation[]): boolean {
  const slot = table.layout.relativeBase
  if (slot === null || table.relativeBase !== 0n || image.va === null) return false
  const va = image.va + BigInt(slot)
  const r = relocs.find(x => x.offset === va)
  if (!r) return false
  const view = new DataView(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength)
  if (image.is64) view.setBigUint64(slot, r.addend, image.le)
  else view.setUint32(slot, Number(r.addend & 0xffffffffn), image.le)
  return true
}
