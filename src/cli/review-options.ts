import { Option, type Command } from 'commander'
import type { DiscoverInput } from '../discover/discover.ts'
import { defaultOptions, type FailOn, type ReviewOptions } from '../model/options.ts'

/** Flags shared by `check` and `snapshot`: discovery overrides and review options. */
export function addBuildFlags(cmd: Command): Command {
  return cmd
    .option('--vmlinux <file>', 'vmlinux to use instead of the discovered one')
    .option('--system-map <file>', 'System.map to use')
    .option('--symvers <file>', 'Module.symvers / vmlinux.symvers / modules-only.symvers to use')
    .option('--modules-dir <dir>', 'directory of modules (.ko, .ko.xz, .ko.zst, .ko.gz) to use')
    .option('--btf-base <file>', 'vmlinux (or BTF-only vmlinux) that module BTF is checked against')
    .option('--config <file>', 'kernel .config to use')
    .option('--symbol-list <file>', 'symbol list to check (repeatable)', collect, [])
    .option('--strict-symbol-list', 'require the symbol list and the built exports to match one to one')
    .option('--extra-modules <dir>', 'out-of-tree/vendor modules resolved against the exports (repeatable)', collect, [])
    .addOption(new Option('--btf-base-ref <policy>', '.BTF.base policy').choices(['required-for-external', 'required', 'off']).default('required-for-external'))
    .option('--size-budget <spec>', 'size growth budget, e.g. "total=+1%,module=+64KiB"')
    .option('--config-key <key>', 'name of this build configuration in reports and snapshots', 'default')
    .option('--only <ids>', 'run only these checks (comma-separated ids)')
    .option('-j, --jobs <n>', 'worker threads for module analysis (default: one per core)', toInt)
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function toInt(v: string): number {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a non-negative integer: ${v}`)
  return n
}

/** The discovery overrides keep DiscoverInput's names (--system-map -> systemMap, ...). */
export interface BuildFlags extends Omit<DiscoverInput, 'dir'> {
  symbolList: string[]
  strictSymbolList?: boolean
  extraModules: string[]
  btfBaseRef: ReviewOptions['btfBaseRef']
  sizeBudget?: string
  configKey: string
  only?: string
  jobs?: number
  failOn?: FailOn
}

export function discoverInput(dir: string | undefined, f: BuildFlags): DiscoverInput {
  const input: DiscoverInput = {}
  if (dir) input.dir = dir
  for (const k of ['vmlinux', 'systemMap', 'symvers', 'modulesDir', 'btfBase', 'config'] as const) {
    const v = f[k]
    if (v) input[k] = v
  }
  return input
}

export function reviewOptions(f: BuildFlags): ReviewOptions {
  return defaultOptions({
    symbolLists: f.symbolList,
    strictSymbolList: !!f.strictSymbolList,
    extraModules: f.extraModules,
    btfBaseRef: f.btfBaseRef,
    sizeBudget: f.sizeBudget ?? null,
    failOn: f.failOn ?? 'error',
    configKey: f.configKey,
    only: f.only ? f.only.split(',').map(s => s.trim()).filter(Boolean) : []
  })
}
