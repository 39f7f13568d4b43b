/**
 * Where a build's artifacts are. Paths are absolute; `root` is the directory reports make
 * paths relative to. Produced by discover(), consumed by the parse stage.
 */
export interface ModuleFile {
  /** Module name as the kernel knows it: file name without .ko[.xz|.zst|.gz], '-' as '_'. */
  name: string
  path: string
  /** Path relative to the modules root, e.g. kernel/lib/crc8.ko.xz or lib/crc8.ko. */
  relPath: string
  compression: 'none' | 'xz' | 'zstd' | 'gzip'
}

export interface LinkPass {
  /** 0 for the empty step-0 map (6.11+), then 1, 2, 3. */
  pass: number
  /** mksysmap output of this pass (.tmp_vmlinuxN.syms, .tmp_System.map), if the build kept it. */
  syms?: string
  /** The linked ELF of this pass (.tmp_vmlinuxN), if kept. */
  elf?: string
  /** The kallsyms object/assembly of this pass (.tmp_vmlinuxN.kallsyms.o / .tmp_kallsymsN.o). */
  kallsymsObject?: string
}

export interface BuildLayout {
  root: string
  kind: 'kbuild' | 'installed' | 'explicit'
  /** Source tree, when it differs from root (kbuild O= trees point at it through their Makefile). */
  sourceDir?: string
  release?: string
  vmlinux?: string
  /** 6.18+: the unstripped vmlinux System.map is generated from. */
  vmlinuxUnstripped?: string
  /** A compressed boot image (bzImage, vmlinuz, Image.gz). */
  bootImage?: string
  systemMap?: string
  /** True when the System.map found is a packaging placeholder (Debian ships an 83-byte one). */
  systemMapPlaceholder?: boolean
  symvers?: string
  /** Which symvers flavour was found: Module.symvers, vmlinux.symvers, modules-only.symvers. */
  symversKind?: 'Module.symvers' | 'vmlinux.symvers' | 'modules-only.symvers'
  config?: string
  modulesOrder?: string
  modulesBuiltin?: string
  modulesBuiltinModinfo?: string
  modulesBuiltinRanges?: string
  autoksyms?: string
  /** The BTF vmlinux module BTF is checked against (vmlinux itself, a headers package's, or --btf-base). */
  btfBase?: string
  modulesDir?: string
  modules: ModuleFile[]
  passes: LinkPass[]
  /** Everything looked for and not found, for the "nothing usable" message and the inventory. */
  missing: string[]
  /** Notes from discovery worth showing (placeholder System.map, ambiguous choices). */
  notes: string[]
  /** Paths refused by discovery (symlinks or listed paths leading outside the build directory, loops). */
  refused?: string[]
}
