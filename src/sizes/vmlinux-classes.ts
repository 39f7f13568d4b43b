import { SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS } from '../elf/constants.ts'
import type { ElfFile, ElfSection, ElfSymbol } from '../elf/elf.ts'
import type { ModuleClass } from './module-classes.ts'

/**
 * vmlinux by what the kernel does with each part: the classes partition the SHF_ALLOC bytes, so
 * they add up to the image's loaded size. The big generated tables are their own lines and are
 * not counted again under rodata/data.
 */
export const VMLINUX_CLASSES = ['text', 'rodata', 'data', 'bss', 'init', 'percpu', 'kallsyms', 'btf', 'orc', 'ksymtab'] as const
export type VmlinuxClass = (typeof VMLINUX_CLASSES)[number]

export const VMLINUX_LABELS: Record<VmlinuxClass, string> = {
  text: 'text',
  rodata: 'rodata',
  data: 'data',
  bss: 'bss',
  init: 'init',
  percpu: 'percpu',
  kallsyms: 'kallsyms tables',
  btf: 'BTF',
  orc: 'ORC unwind tables',
  ksymtab: 'export tables'
}

/** Output sections of the generated tables (include/asm-generic/vmlinux.lds.h, arch/x86/kernel/vmlinux.lds.S). */
const TABLE_SECTIONS: Record<string, VmlinuxClass> = {
  '.BTF': 'btf',
  '.BTF_ids': 'btf',
  '.orc_header': 'orc',
  '.orc_unwind_ip': 'orc',
  '.orc_unwind': 'orc',
  '.orc_lookup': 'orc',
  __ksymtab: 'ksymtab',
  __ksymtab_gpl: 'ksymtab',
  __kcrctab: 'ksymtab',
  __kcrctab_gpl: 'ksymtab',
  __ksymtab_strings: 'ksymtab',
  // 7.x: one byte of flags per export (include/linux/module_symbol.h)
  __kflagstab: 'ksymtab'
}

/**
 * The regions include/asm-generic/sections.h defines, by their linker symbols. They beat the
 * section flags where both exist: x86_64's .rodata is SHF_WRITE (it holds ro_after_init data)
 * yet lies in [__start_rodata, __end_rodata), which mark_rodata_ro() makes read-only.
 */
interface Region {
  start: bigint
  end: bigint
}

export interface VmlinuxRegions {
  init?: Region
  rodata?: Region
  bss?: Region
}

const REGION_SYMBOLS: Array<[keyof VmlinuxRegions, string, string]> = [
  ['init', '__init_begin', '__init_end'],
  ['rodata', '__start_rodata', '__end_rodata'],
  ['bss', '__bss_start', '__bss_stop']
]

export function vmlinuxRegions(symbols: readonly ElfSymbol[]): VmlinuxRegions {
  const wanted = new Set(REGION_SYMBOLS.flatMap(([, a, b]) => [a, b]))
  const at = new Map<string, bigint>()
  for (const s of symbols) if (wanted.has(s.name) && !at.has(s.name)) at.set(s.name, s.value)
  const out: VmlinuxRegions = {}
  for (const [key, a, b] of REGION_SYMBOLS) {
    const start = at.get(a)
    const end = at.get(b)
    if (start !== undefined && end !== undefined && end >= start) out[key] = { start, end }
  }
  return out
}

function inside(sec: ElfSection, r: Region | undefined): boolean {
  if (!r || sec.addr === 0n) return false
  return sec.addr >= r.start && sec.addr + BigInt(sec.size) <= r.end && (sec.size > 0 || sec.addr < r.end)
}

/** The class of one vmlinux section, or null when it is not loaded (debug info, symtab). */
export function vmlinuxSectionClass(sec: ElfSection, regions: VmlinuxRegions): VmlinuxClass | null {
  if ((sec.flags & SHF_ALLOC) === 0 || sec.index === 0) return null
  const table = TABLE_SECTIONS[sec.name]
  if (table) return table
  if (sec.name === '.data..percpu') return 'percpu'
  // The loader's rule for modules (".init" prefix) plus everything free_initmem() releases.
  if (sec.name.startsWith('.init') || inside(sec, regions.init)) return 'init'
  if (sec.flags & SHF_EXECINSTR) return 'text'
  if (sec.type === SHT_NOBITS || inside(sec, regions.bss)) return 'bss'
  // Without the region symbols (a stripped vmlinux) .rodata is known by its name alone.
  if (inside(sec, regions.rodata) || (sec.flags & SHF_WRITE) === 0 || (!regions.rodata && sec.name === '.rodata')) return 'rodata'
  return 'data'
}

/**
 * A built-in module's share of a vmlinux section, in the classes a loadable module uses, so
 * one module compares across =m and =y. Init parts split by flags as the module loader would.
 */
export function builtinClassOf(sec: ElfSection, regions: VmlinuxRegions): ModuleClass | null {
  const c = vmlinuxSectionClass(sec, regions)
  switch (c) {
    case null:
      return null
    case 'text':
    case 'data':
    case 'bss':
    case 'percpu':
      return c
    case 'init':
      return sec.flags & SHF_EXECINSTR ? 'initText' : sec.flags & SHF_WRITE ? 'initData' : 'initRodata'
    default:
      return 'rodata'
  }
}

/** Labels scripts/kallsyms.c emits before each table (names of 4.x to 7.x). */
const KALLSYMS_LABELS = [
  'kallsyms_num_syms',
  'kallsyms_names',
  'kallsyms_markers',
  'kallsyms_token_table',
  'kallsyms_token_index',
  'kallsyms_offsets',
  'kallsyms_addresses',
  'kallsyms_relative_base',
  'kallsyms_seqs_of_names'
]

export interface KallsymsExtent {
  section: number
  start: bigint
  end: bigint
}

/**
 * Where the kallsyms tables lie: from the first table label to the end of the last table. The
 * labels have no ELF size; the last table's length comes from kallsyms_num_syms where its
 * element size is fixed (seqs_of_names 3 bytes, offsets 4, addresses one pointer), else from
 * the next symbol's address.
 */
export function kallsymsExtent(elf: ElfFile, symbols: readonly ElfSymbol[] | SymbolSource): KallsymsExtent | null {
  if (!Array.isArray(symbols)) {
    const source = symbols as SymbolSource
    return kallsymsExtentOf(elf, source.named, source.all)
  }
  return kallsymsExtentOf(elf, symbols as readonly ElfSymbol[], () => symbols as readonly ElfSymbol[])
}

/**
 * A vmlinux's symbols as the class sizes read them: the few labels they look for, and every
 * symbol only when a kallsyms table's end has to be found by the next address.
 */
export interface SymbolSource {
  named: readonly ElfSymbol[]
  all: () => readonly ElfSymbol[]
}

/** The labels vmlinuxClassSizes looks up by name (ElfFile.symbolsNamed). */
export const VMLINUX_LABEL_SYMBOLS: readonly string[] = [...REGION_SYMBOLS.flatMap(([, a, b]) => [a, b]), ...KALLSYMS_LABELS]

/** For vmlinuxClassSizes without an object per symbol. */
export function symbolSource(elf: ElfFile): SymbolSource {
  let all: readonly ElfSymbol[] | undefined
  return { named: elf.symbolsNamed(VMLINUX_LABEL_SYMBOLS), all: () => (all ??= elf.symbols()) }
}

function kallsymsExtentOf(elf: ElfFile, symbols: readonly ElfSymbol[], allSymbols: () => readonly ElfSymbol[]): KallsymsExtent | null {
  const labels = new Map<string, ElfSymbol>()
  for (const s of symbols) if (KALLSYMS_LABELS.includes(s.name) && !s.reserved && s.shndx !== 0 && !labels.has(s.name)) labels.set(s.name, s)
  if (labels.size === 0) return null
  const sorted = [...labels.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
  const first = sorted[0]!
  const last = sorted.at(-1)!
  const sec = elf.sections[first.shndx]
  if (!sec || sorted.some(s => s.shndx !== first.shndx)) return null
  const secEnd = sec.addr + BigInt(sec.size)
  const ptr = elf.is64 ? 8 : 4
  const num = readU32At(elf, sec, labels.get('kallsyms_num_syms')?.value)
  const fixed: Record<string, number> = { kallsyms_seqs_of_names: 3, kallsyms_offsets: 4, kallsyms_addresses: ptr }
  let end: bigint | undefined
  if (num !== undefined && fixed[last.name]) end = last.value + BigInt(num * fixed[last.name]!)
  else if (last.name === 'kallsyms_relative_base') end = last.value + BigInt(ptr)
  else if (last.name === 'kallsyms_token_index') end = last.value + 512n
  if (end === undefined) {
    end = secEnd
    for (const s of allSymbols()) if (s.shndx === first.shndx && !s.reserved && s.value > last.value && s.value < end) end = s.value
  }
  if (end > secEnd) end = secEnd
  return { section: first.shndx, start: first.value, end }
}

function readU32At(elf: ElfFile, sec: ElfSection, addr: bigint | undefined): number | undefined {
  if (addr === undefined || sec.type === SHT_NOBITS || addr < sec.addr || addr + 4n > sec.addr + BigInt(sec.size)) return undefined
  const bytes = elf.source.read(sec.offset + Number(addr - sec.addr), 4, 'kallsyms_num_syms')
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, elf.littleEndian)
}

export interface VmlinuxSizes {
  /** Bytes in VMLINUX_CLASSES order. */
  classes: number[]
  /** Per loaded section: its class and size (the kallsyms bytes are subtracted from their section's). */
  sections: Array<{ name: string; class: VmlinuxClass; size: number }>
}

export function vmlinuxClassSizes(elf: ElfFile, symbols: readonly ElfSymbol[] | SymbolSource): VmlinuxSizes {
  const regions = vmlinuxRegions(Array.isArray(symbols) ? (symbols as readonly ElfSymbol[]) : (symbols as SymbolSource).named)
  const classes = VMLINUX_CLASSES.map(() => 0)
  const sections: VmlinuxSizes['sections'] = []
  const ks = kallsymsExtent(elf, symbols)
  for (const sec of elf.sections) {
    const c = vmlinuxSectionClass(sec, regions)
    if (!c) continue
    let size = sec.size
    if (ks && ks.section === sec.index) {
      const k = Number(ks.end - ks.start)
      classes[VMLINUX_CLASSES.indexOf('kallsyms')]! += k
      size -= k
    }
    classes[VMLINUX_CLASSES.indexOf(c)]! += size
    sections.push({ name: sec.name, class: c, size })
  }
  return { classes, sections }
}
