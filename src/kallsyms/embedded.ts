import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { FileSource } from '../bytes/source.ts'
import { SHF_ALLOC, SHT_NOBITS } from '../elf/constants.ts'
import { ElfFile } from '../elf/elf.ts'
import { LIMITS } from '../load/limits.ts'
import { InputError } from '../model/errors.ts'
import { unpackKernel, type UnpackedKernel } from './boot-image.ts'
import { tablesByScan, tablesFromSymbols, type TableHints } from './locate-table.ts'
import type { DecodedTable, KernelImage } from './table.ts'

/**
 * arm64 links _text at KIMAGE_VADDR: 0xffff800080000000 since 6.5 (2 GiB module area below it),
 * 0xffff800008000000 before. A raw Image carries no address, so decoding one needs this.
 */
export const ARM64_DEFAULT_BASE = 0xffff800080000000n

export interface EmbeddedOptions extends TableHints {
  /** Virtual address of the first byte of a raw (arm64) Image, when known. */
  base?: bigint
}

export interface EmbeddedTable {
  table: DecodedTable
  /** What was decoded: "vmlinux (symbols)", "bzImage zstd payload, .rodata (scan)". */
  source: string
  is64: boolean
  /** Notes for the reader (an assumed load address, say). */
  notes: string[]
}

/** The embedded tables of an ELF: by its symbols when it has them, else by scanning its sections. */
export function tablesOfElf(elf: ElfFile, hints: TableHints = {}): { table: DecodedTable; via: string } | null {
  const bySymbols = tablesFromSymbols(elf, hints)
  if (bySymbols) return { table: bySymbols, via: `${bySymbols.layout.foundBy === 'symbols' ? 'symbols' : 'scan'}` }
  // kallsyms.c emits into .rodata; look there first, then in every other loaded section.
  const sections = elf.sections
    .filter(s => s.type !== SHT_NOBITS && (s.flags & SHF_ALLOC) !== 0 && s.size > 0)
    .sort((a, b) => Number(b.name === '.rodata') - Number(a.name === '.rodata'))
  for (const sec of sections) {
    const image: KernelImage = { file: elf.file, bytes: elf.data(sec), va: sec.addr, le: elf.littleEndian, is64: elf.is64, what: `${sec.name} section` }
    const t = tablesByScan(image, hints)
    if (t) return { table: t, via: `scan of ${sec.name}` }
  }
  return null
}

/**
 * Decodes the kallsyms tables of a vmlinux (with or without symbols) or of a boot image.
 * Throws InputError when the file holds no kallsyms tables or cannot be read.
 */
export async function readEmbeddedTable(path: string, file: string, options: EmbeddedOptions = {}): Promise<EmbeddedTable> {
  const head = readHead(path, file)
  if (head.length >= 4 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) {
    const elf = ElfFile.open(new FileSource(path, file))
    try {
      const found = tablesOfElf(elf, options)
      if (!found) throw new InputError('bad-value', file, 'no kallsyms tables found (CONFIG_KALLSYMS off?)')
      return { table: found.table, source: `ELF, by ${found.via}`, is64: elf.is64, notes: [] }
    } finally {
      elf.close()
    }
  }
  const size = statSync(path).size
  if (size > LIMITS.maxModuleBytes) throw new InputError('too-large', file, `${size} bytes is more than a boot image`)
  const src = new FileSource(path, file)
  let bytes: Uint8Array
  try {
    bytes = src.read(0, size, 'boot image')
  } finally {
    src.close()
  }
  return tablesOfUnpacked(await unpackKernel(bytes, file), file, options)
}

export function tablesOfUnpacked(k: UnpackedKernel, file: string, options: EmbeddedOptions = {}): EmbeddedTable {
  const how = k.container === 'none' ? '' : `${k.container} ${k.compression} payload, `
  if (k.format === 'elf') {
    const elf = ElfFile.fromBytes(k.bytes, file)
    const found = tablesOfElf(elf, options)
    if (!found) throw new InputError('bad-value', file, `no kallsyms tables found in the ${how}ELF (CONFIG_KALLSYMS off?)`)
    return { table: found.table, source: `${how}ELF, by ${found.via}`, is64: elf.is64, notes: [] }
  }
  const notes: string[] = []
  const base = options.base ?? ARM64_DEFAULT_BASE
  if (options.base === undefined) notes.push(`addresses assume the Image is linked at 0x${base.toString(16)} (arm64 6.5+ KIMAGE_VADDR); give the base if it differs`)
  const image: KernelImage = { file, bytes: k.bytes, va: base, le: k.le, is64: true, what: 'arm64 Image' }
  const t = tablesByScan(image, options)
  if (!t) throw new InputError('bad-value', file, `no kallsyms tables found in the ${how}arm64 Image`)
  return { table: t, source: `${how}arm64 Image, by scan`, is64: true, notes }
}

function readHead(path: string, file: string): Uint8Array {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (err) {
    throw new InputError('io', file, `cannot open: ${(err as NodeJS.ErrnoException).code ?? String(err)}`)
  }
  try {
    const buf = Buffer.alloc(64)
    const n = readSync(fd, buf, 0, 64, 0)
    return buf.subarray(0, n)
  } finally {
    closeSync(fd)
  }
}
