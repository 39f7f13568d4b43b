import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { ByteReader } from '../bytes/reader.ts'
import { FileSource } from '../bytes/source.ts'
import { SHF_ALLOC, SHT_NOBITS } from '../elf/constants.ts'
import { ElfFile } from '../elf/elf.ts'
import { LIMITS } from '../load/limits.ts'
import { InputError } from '../model/errors.ts'
import { unpackKernel, type UnpackedKernel } from './boot-image.ts'
import { TableWatcher, tablesByScan, tablesFromSymbols, type TableHints } from './locate-table.ts'
import { applyRelativeBaseRelocation, elfDynamicRelocations, imageBaseFromRelocations, scanRelativeRelocations } from './relocations.ts'
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
    const image: KernelImage = { file: elf.file, bytes: Uint8Array.from(elf.data(sec)), va: sec.addr, le: elf.littleEndian, is64: elf.is64, what: `${sec.name} section` }
    const t = tablesByScan(image, hints)
    if (!t) continue
    if (applyRelativeBaseRelocation(image, t, elfDynamicRelocations(elf))) return { table: tablesByScan(image, hints)!, via: `scan of ${sec.name}` }
    return { table: t, via: `scan of ${sec.name}` }
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
  // Inflate only as far as the tables reach; fall back to the whole kernel if that fails.
  const watcher = new TableWatcher()
  const prefix = await unpackKernel(bytes, file, undefined, p => watcher.enough(p))
  // A raw arm64 Image needs its relocations, which follow the tables: only ELF prefixes do.
  if (prefix.partial && prefix.format === 'elf') {
    try {
      return tablesOfUnpacked(prefix, file, options)
    } catch {
      // decoded below from the whole kernel
    }
  }
  return tablesOfUnpacked(prefix.partial ? await unpackKernel(bytes, file) : prefix, file, options)
}

export function tablesOfUnpacked(k: UnpackedKernel, file: string, options: EmbeddedOptions = {}): EmbeddedTable {
  const how = k.container === 'none' ? '' : `${k.container} ${k.compression} payload, `
  if (k.format === 'elf' && k.partial) {
    // Only a prefix: the section headers sit at the end, the program headers at the start.
    for (const seg of loadSegments(k.bytes, file)) {
      const t = tablesByScan(seg, options)
      if (t) return { table: t, source: `${how}ELF, by scan of a load segment`, is64: seg.is64, notes: [] }
    }
    throw new InputError('bad-value', file, `no kallsyms tables found in the ${how}ELF prefix`)
  }
  if (k.format === 'elf') {
    const elf = ElfFile.fromBytes(k.bytes, file)
    const found = tablesOfElf(elf, options)
    if (!found) throw new InputError('bad-value', file, `no kallsyms tables found in the ${how}ELF (CONFIG_KALLSYMS off?)`)
    return { table: found.table, source: `${how}ELF, by ${found.via}`, is64: elf.is64, notes: [] }
  }
  const notes: string[] = []
  const relocs = k.le ? scanRelativeRelocations(k.bytes) : []
  let base = options.base ?? imageBaseFromRelocations(relocs, k.bytes.length)
  if (base === null) {
    base = ARM64_DEFAULT_BASE
    notes.push(`addresses assume the Image is linked at 0x${base.toString(16)} (arm64 6.5+ KIMAGE_VADDR); give the base if it differs`)
  }
  // Our own copy: applying the relocation of kallsyms_relative_base writes into it.
  const image: KernelImage = { file, bytes: k.container === 'none' ? Uint8Array.from(k.bytes) : k.bytes, va: base, le: k.le, is64: true, what: 'arm64 Image' }
  let t = tablesByScan(image, options)
  if (!t) throw new InputError('bad-value', file, `no kallsyms tables found in the ${how}arm64 Image`)
  if (applyRelativeBaseRelocation(image, t, relocs)) t = tablesByScan(image, options)!
  else if (t.relativeBase === 0n) notes.push('kallsyms_relative_base is 0 in the image and no relocation sets it: addresses are offsets from the table base')
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

/** PT_LOAD segments of an ELF image (cut to the bytes at hand), as KernelImages. */
function loadSegments(b: Uint8Array, file: string): KernelImage[] {
  const r = new ByteReader(b, b[5] !== 2, file)
  const is64 = b[4] === 2
  const phoff = is64 ? r.u64n(0x20) : r.u32(0x1c)
  const phentsize = r.u16(is64 ? 0x36 : 0x2a)
  const phnum = r.u16(is64 ? 0x38 : 0x2c)
  const out: KernelImage[] = []
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize
    if (r.u32(o) !== 1) continue // PT_LOAD
    const offset = is64 ? r.u64n(o + 8) : r.u32(o + 4)
    const vaddr = is64 ? r.u64(o + 16) : BigInt(r.u32(o + 8))
    const filesz = is64 ? r.u64n(o + 32) : r.u32(o + 16)
    if (offset >= b.length) continue
    out.push({ file, bytes: b.subarray(offset, Math.min(b.length, offset + filesz)), va: vaddr, le: r.le, is64, what: `load segment ${i}` })
  }
  return out
}
