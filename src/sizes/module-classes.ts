import { EM_ARM, EM_PPC64, SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS } from '../elf/constants.ts'
import { atLeast, parseKernelVersion, type KernelVersion } from '../model/build-info.ts'
import type { SectionInfo } from './section-scan.ts'

/**
 * What a loaded module occupies, by the memory type kernel/module/main.c (v6.12,
 * __layout_sections) gives each SHF_ALLOC section, with bss (SHT_NOBITS) told apart from data
 * and the per-cpu section (allocated per CPU) on its own line.
 */
export const MODULE_CLASSES = ['text', 'rodata', 'roAfterInit', 'data', 'bss', 'initText', 'initRodata', 'initData', 'percpu'] as const
export type ModuleClass = (typeof MODULE_CLASSES)[number]
/** Sizes in MODULE_CLASSES order (compact across threads and in snapshots). */
export type ClassSizes = number[]

export const CLASS_LABELS: Record<ModuleClass, string> = {
  text: 'text',
  rodata: 'rodata',
  roAfterInit: 'ro_after_init',
  data: 'data',
  bss: 'bss',
  initText: 'init text',
  initRodata: 'init rodata',
  initData: 'init data',
  percpu: 'percpu'
}

export const INIT_CLASSES: ReadonlySet<ModuleClass> = new Set(['initText', 'initRodata', 'initData'])

/** layout_and_allocate() marks these SHF_RO_AFTER_INIT by name before laying out (6.12). */
const RO_AFTER_INIT_SECTIONS = new Set(['.data..ro_after_init', '__jump_table'])
/**
 * 7.2's module_mark_ro_after_init() (kernel/module/strict_rwx.c) adds .static_call_sites
 * (x86's CONFIG_HAVE_STATIC_CALL_INLINE). Taken from 7.0 on: the sources at hand are 6.12 and
 * 7.2 and the change was posted in late 2025, so 6.19 builds may be classed a release late.
 */
const STATIC_CALL_RO_FROM = { major: 7, minor: 0 }
/** Sections the loader reads and drops (rewrite_section_headers clears SHF_ALLOC); 7.x adds extended modversions. */
const DROPPED_SECTIONS = new Set(['.modinfo', '__versions', '__version_ext_crcs', '__version_ext_names'])

export interface ModuleLayoutOptions {
  /** CONFIG_MODULE_UNLOAD (default y): without it, .exit sections are laid out as init. */
  moduleUnload?: boolean
  /** The kernel the module was built for (from vermagic); null or absent: 6.12's rules. */
  version?: KernelVersion | null
}

/** Whether a section's class depends on the layout options (so the listing path must read vermagic). */
export function dependsOnLayoutOptions(name: string): boolean {
  return name === '.static_call_sites' || name.startsWith('.exit') || name.startsWith('.ARM.extab.exit') || name.startsWith('.ARM.exidx.exit')
}

/**
 * The layout options a module's vermagic implies: its release (the first word) and whether it
 * was built with CONFIG_MODULE_UNLOAD ("mod_unload", include/linux/vermagic.h).
 */
export function layoutOptionsFromVermagic(vermagic: string | undefined): ModuleLayoutOptions {
  if (!vermagic) return {}
  const words = vermagic.trim().split(/\s+/)
  return { moduleUnload: words.includes('mod_unload'), version: parseKernelVersion(words[0]) }
}

/**
 * module_init_section()/module_exit_section(): ".init"/".exit" prefixes; 32-bit ARM adds its
 * unwind tables for those sections (arch/arm/kernel/module.c); powerpc64 keeps .init in core
 * (arch/powerpc/kernel/module_64.c).
 */
function isInitName(name: string, machine: number, unload: boolean): boolean {
  const arm = machine === EM_ARM
  if ((machine !== EM_PPC64 && name.startsWith('.init')) || (arm && (name.startsWith('.ARM.extab.init') || name.startsWith('.ARM.exidx.init')))) return true
  if (unload) return false
  return name.startsWith('.exit') || (arm && (name.startsWith('.ARM.extab.exit') || name.startsWith('.ARM.exidx.exit')))
}

/**
 * The class of one section of a module, or null when the loader does not keep it: not
 * SHF_ALLOC, or .modinfo/__versions and 7.x's __version_ext_* (rewrite_section_headers clears their
 * SHF_ALLOC).
 * The mask order of __layout_sections decides: executable first, then read-only, then
 * ro_after_init, then writable.
 */
export function moduleSectionClass(sec: SectionInfo, machine: number, opts: ModuleLayoutOptions = {}): ModuleClass | null {
  if ((sec.flags & SHF_ALLOC) === 0 || sec.index === 0) return null
  if (DROPPED_SECTIONS.has(sec.name)) return null
  if (sec.name === '.data..percpu') return 'percpu'
  const init = isInitName(sec.name, machine, opts.moduleUnload ?? true)
  if (sec.flags & SHF_EXECINSTR) return init ? 'initText' : 'text'
  if ((sec.flags & SHF_WRITE) === 0) return init ? 'initRodata' : 'rodata'
  // An init section marked ro_after_init has no memory type (MOD_INVALID): the loader skips it.
  const roAfterInit = RO_AFTER_INIT_SECTIONS.has(sec.name) || (sec.name === '.static_call_sites' && atLeast(opts.version ?? null, STATIC_CALL_RO_FROM.major, STATIC_CALL_RO_FROM.minor))
  if (roAfterInit) return init ? null : 'roAfterInit'
  if (init) return 'initData'
  return sec.type === SHT_NOBITS ? 'bss' : 'data'
}

/** Sum of section sizes per class: what `size -A` lists, grouped the loader's way. */
export function moduleClassSizes(elf: { machine: number; sections: readonly SectionInfo[] }, opts: ModuleLayoutOptions = {}): ClassSizes {
  const out = MODULE_CLASSES.map(() => 0)
  for (const sec of elf.sections) {
    const c = moduleSectionClass(sec, elf.machine, opts)
    if (c) out[MODULE_CLASSES.indexOf(c)]! += sec.size
  }
  return out
}

export function classRecord(sizes: ClassSizes): Record<ModuleClass, number> {
  const out = {} as Record<ModuleClass, number>
  MODULE_CLASSES.forEach((c, i) => (out[c] = sizes[i] ?? 0))
  return out
}

export function classTotal(sizes: ClassSizes, which: 'all' | 'core' | 'init' = 'all'): number {
  let t = 0
  MODULE_CLASSES.forEach((c, i) => {
    const init = INIT_CLASSES.has(c)
    if (which === 'all' || (which === 'init') === init) t += sizes[i] ?? 0
  })
  return t
}
