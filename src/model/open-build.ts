import { discover, type DiscoverInput } from '../discover/discover.ts'
import type { BuildLayout } from '../discover/layout.ts'
import { ElfFile } from '../elf/elf.ts'
import { MACHINE_NAMES } from '../elf/constants.ts'
import { FileSource } from '../bytes/source.ts'
import { parseKconfig, type Kconfig } from '../parse/kconfig.ts'
import type { PoolOptions } from '../load/pool.ts'
import { Build, type BuildAnalysis } from './build.ts'
import { parseKernelVersion, type BuildInfo } from './build-info.ts'
import { readFileSync, statSync } from 'node:fs'
import { relative } from 'node:path'
import { LIMITS } from '../load/limits.ts'
import { InputError } from './errors.ts'

/** The config options reports show and snapshots keep (the rest of .config is noise here). */
export const CONFIG_KEYS = [
  'MODULES',
  'MODVERSIONS',
  'MODULE_SIG',
  'MODULE_COMPRESS_XZ',
  'MODULE_COMPRESS_ZSTD',
  'MODULE_COMPRESS_GZIP',
  'KALLSYMS',
  'KALLSYMS_ALL',
  'KALLSYMS_ABSOLUTE_PERCPU',
  'KALLSYMS_BASE_RELATIVE',
  'DEBUG_INFO_BTF',
  'DEBUG_INFO_BTF_MODULES',
  'MODULE_ALLOW_BTF_MISMATCH',
  'TRIM_UNUSED_KSYMS',
  'UNUSED_KSYMS_WHITELIST',
  'VMLINUX_MAP',
  'BUILTIN_MODULE_RANGES',
  'LTO_CLANG',
  'RELOCATABLE',
  'RANDOMIZE_BASE',
  'SMP',
  '64BIT'
]

const ARCH_BY_CONFIG: Array<[string, string]> = [
  ['X86_64', 'x86_64'],
  ['X86_32', 'x86'],
  ['ARM64', 'arm64'],
  ['ARM', 'arm'],
  ['RISCV', 'riscv'],
  ['PPC', 'powerpc'],
  ['S390', 's390'],
  ['LOONGARCH', 'loongarch'],
  ['MIPS', 'mips']
]

/** discover() + .config + identity: the parse stage's entry point. */
export function openBuild(input: DiscoverInput, pool: PoolOptions = {}, analysis: BuildAnalysis = {}): Build {
  const layout = discover(input)
  let config: Kconfig | null = null
  if (layout.config) {
    const name = relative(layout.root, layout.config).startsWith('..') ? layout.config : relative(layout.root, layout.config)
    const size = statSync(layout.config).size
    // A .config too large to be one (a 4 GiB sparse file, say) is refused; the review goes on without it.
    if (size > LIMITS.maxTextBytes) (layout.refused ??= []).push(`${name}: ${size} bytes is more than the ${LIMITS.maxTextBytes}-byte text limit; reviewed without it`)
    else {
      try {
        config = parseKconfig(readFileSync(layout.config, 'utf8'))
      } catch (err) {
        throw new InputError('io', name, `cannot read .config: ${(err as Error).message}`)
      }
    }
  }
  return new Build(layout, buildInfo(layout, config), config, pool, analysis)
}

export function buildInfo(layout: BuildLayout, config: Kconfig | null): BuildInfo {
  const picked: Record<string, string> = {}
  for (const k of CONFIG_KEYS) {
    const v = config?.get(k)
    if (v !== undefined) picked[k] = v
  }
  let arch: string | null = null
  for (const [k, a] of ARCH_BY_CONFIG) if (config?.get(k) === 'y') {
    arch = a
    break
  }
  if (!arch && layout.vmlinux) {
    try {
      const elf = ElfFile.open(new FileSource(layout.vmlinux))
      arch = MACHINE_NAMES[elf.machine] ?? null
      elf.close()
    } catch {
      arch = null
    }
  }
  const release = layout.release ?? null
  return { release, version: parseKernelVersion(release), arch, layout: layout.kind, config: picked }
}
