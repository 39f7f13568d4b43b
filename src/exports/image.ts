import { readFileSync, statSync } from 'node:fs'
import { ElfFile } from '../elf/elf.ts'
import { unpackKernel } from '../kallsyms/boot-image.ts'
import { LIMITS } from '../load/limits.ts'
import type { Build } from '../model/build.ts'
import { InputError } from '../model/errors.ts'

export interface ImageElf {
  elf: ElfFile
  /** How the image held it, for reports: "bzImage payload (zstd)". */
  what: string
}

/**
 * The vmlinux ELF inside the build's boot image: an x86 bzImage carries `vmlinux.bin`, an
 * objcopy -S of vmlinux that keeps the section headers (arch/x86/boot/compressed/Makefile), so
 * __ksymtab* are found by name. Null when the image holds a raw kernel (arm64 Image) whose
 * sections are not marked.
 */
export function vmlinuxFromImage(build: Build): Promise<ImageElf | null> {
  return build.memo('exports:image-elf', async () => {
    const path = build.layout.bootImage
    if (!path) return null
    const file = build.rel(path)
    const st = statSync(path)
    if (st.size > LIMITS.maxModuleBytes) throw new InputError('too-large', file, `${st.size} bytes is more than a boot image can be`)
    const k = await unpackKernel(readFileSync(path), file)
    if (k.format !== 'elf') return null
    const what = k.container === 'none' ? file : `${file} (${k.container}${k.compression === 'none' ? '' : `, ${k.compression}`})`
    return { elf: ElfFile.fromBytes(k.bytes, what), what }
  })
}
