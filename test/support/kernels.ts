// Real-kernel fixtures built by scripts/kernels/*.sh (outside the repo, in the cache dir).
// kernelBuild() / debianRelease() return null when a fixture has not been built; tests then
// skip, unless KBR_REQUIRE_KERNELS=1 (CI), where a missing fixture must fail the test.
import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export type KernelVersion = '6.12' | '7.2'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export function cacheRoot(): string {
  return process.env.KBUILD_REVIEW_CACHE || '/var/cache/kbuild-review'
}

/** True when missing kernel fixtures must fail tests instead of skipping them. */
export function requireFixtures(): boolean {
  return process.env.KBR_REQUIRE_KERNELS === '1'
}

/** Call when a fixture is missing: throws under KBR_REQUIRE_KERNELS=1, else calls skip (e.g. ctx.skip). */
export function fixtureMissing(what: string, skip: (note?: string) => void): void {
  const note = `kernel fixture missing: ${what} (run scripts/kernels/all.sh)`
  if (requireFixtures()) throw new Error(note)
  skip(note)
}

export interface KernelModule {
  name: string
  path: string
}

/** One O= object tree (base or head). All paths absolute; optional outputs are null when absent. */
export interface KernelTree {
  release: string
  src: string
  obj: string
  config: string
  vmlinux: string
  /** 6.18+ (7.2): System.map and the kallsyms check come from vmlinux.unstripped */
  vmlinuxUnstripped: string | null
  systemMap: string
  /** arch/x86/boot/bzImage (tinyconfig: xz payload) */
  bzImage: string | null
  vmlinuxMap: string | null
  moduleSymvers: string
  vmlinuxSymvers: string | null
  modulesOrder: string
  modulesBuiltin: string
  modulesBuiltinModinfo: string
  modulesBuiltinRanges: string | null
  /** the whitelist the build used (copied into the object tree; the .config names it relatively) */
  whitelist: string
  whitelistSource: string
  configWhitelistSetting: string
  /** .tmp_vmlinux1, .tmp_vmlinux2 (and 3 if an extra pass ran) */
  tmpVmlinux: string[]
  /** the mksysmap outputs of the link passes, e.g. .tmp_vmlinux1.syms (6.12: also .tmp_vmlinux.kallsyms0.syms) */
  tmpSyms: string[]
  tmpFiles: string[]
  vmlinuxBtfHdrLen: number | null
  modules: KernelModule[]
  builtinModules: string[]
  ext: { dir: string; ko: string; moduleSymvers: string; btf: boolean; btfBase: boolean }
  /** head only: the patch applied to the base source */
  patch?: string
}

export interface KernelBuild {
  version: KernelVersion
  key: string
  /** the keyed build dir that holds manifest.json */
  root: string
  arch: string
  sourceDeb: string
  sourceVersion: string
  builtAt: string
  toolchain: { gcc: string; ld: string; pahole: string; paholePath: string }
  features: {
    modversions: boolean
    trimUnusedKsyms: boolean
    kallsymsAll: boolean
    btf: boolean
    btfModules: boolean
    vmlinuxMap: boolean
    builtinModuleRanges: boolean
    /** the external module of both trees carries .BTF.base */
    btfBase: boolean
  }
  base: KernelTree
  head: KernelTree
}

export interface DebianRelease {
  release: string
  debVersion: string | null
  imageDeb: string | null
  /** installed-layout root: boot/, lib/modules/<rel>/, usr/src/..., usr/lib/debug/... */
  root: string
  /** lib/modules/<rel>/ mirror with every module decompressed to plain .ko */
  koRoot: string
  modulesDir: string
  moduleCount: number
  vmlinuz: string | null
  config: string | null
  /** boot/System.map-<rel> from the image package: an 83-byte placeholder */
  systemMapPlaceholder: string | null
  headersDir: string | null
  headersCommonDir: string | null
  moduleSymvers: string | null
  /** BTF-only vmlinux from the headers package */
  btfVmlinux: string | null
  /** full vmlinux and real System.map from the -dbg package (null with fetch-debian.sh --no-dbg) */
  dbgVmlinux: string | null
  dbgSystemMap: string | null
}

const abs = (root: string, p: unknown): unknown =>
  typeof p === 'string' && !isAbsolute(p) ? join(root, p) : p

const TREE_PATHS = [
  'src',
  'obj',
  'config',
  'vmlinux',
  'vmlinuxUnstripped',
  'systemMap',
  'bzImage',
  'vmlinuxMap',
  'moduleSymvers',
  'vmlinuxSymvers',
  'modulesOrder',
  'modulesBuiltin',
  'modulesBuiltinModinfo',
  'modulesBuiltinRanges',
  'whitelist'
]

function resolveTree(root: string, t: Record<string, unknown>): KernelTree {
  const out: Record<string, unknown> = { ...t }
  for (const k of TREE_PATHS) out[k] = abs(root, t[k])
  for (const k of ['tmpVmlinux', 'tmpSyms', 'tmpFiles']) out[k] = (t[k] as string[]).map(p => join(root, p))
  out.modules = (t.modules as KernelModule[]).map(m => ({ name: m.name, path: join(root, m.path) }))
  const ext = t.ext as Record<string, unknown>
  out.ext = {
    ...ext,
    dir: abs(root, ext.dir),
    ko: abs(root, ext.ko),
    moduleSymvers: abs(root, ext.moduleSymvers)
  }
  out.whitelistSource = abs(REPO_ROOT, t.whitelistSource)
  if (t.patch !== undefined) out.patch = abs(REPO_ROOT, t.patch)
  return out as unknown as KernelTree
}

function readJson(path: string): Record<string, unknown> | null {
  if (!existsSync(path)) return null
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
}

/** The fixture kernel built by scripts/kernels/build.sh <ver>, or null when not built. */
export function kernelBuild(ver: KernelVersion): KernelBuild | null {
  const root = join(cacheRoot(), 'kernels', ver)
  const m = readJson(join(root, 'manifest.json'))
  if (!m) return null
  return {
    ...(m as unknown as KernelBuild),
    root,
    base: resolveTree(root, m.base as Record<string, unknown>),
    head: resolveTree(root, m.head as Record<string, unknown>)
  }
}

/** A Debian 6.12 release extracted by scripts/kernels/fetch-debian.sh ('old' = 6.12.115, 'new' = 6.12.117). */
export function debianRelease(which: 'old' | 'new'): DebianRelease | null {
  const dir = join(cacheRoot(), 'debian')
  const r = readJson(join(dir, 'releases.json'))?.[which] as Record<string, unknown> | undefined
  if (!r || !existsSync(join(dir, r.root as string))) return null
  const out: Record<string, unknown> = {}
  const notPaths = ['release', 'debVersion', 'imageDeb']
  for (const [k, v] of Object.entries(r)) out[k] = notPaths.includes(k) ? v : abs(dir, v)
  return out as unknown as DebianRelease
}
