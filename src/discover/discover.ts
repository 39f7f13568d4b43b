import { readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { InputError } from '../model/errors.ts'
import { LIMITS } from '../load/limits.ts'
import { compressionOf } from '../load/decompress.ts'
import type { BuildLayout, LinkPass, ModuleFile } from './layout.ts'
import { collectingRefusals, dirIn, fileIn, walkFiles } from './walk.ts'
import { isPlaceholderSystemMap } from './placeholder.ts'

/** Where to look, and explicit paths that win over discovery. */
export interface DiscoverInput {
  dir?: string
  vmlinux?: string
  systemMap?: string
  symvers?: string
  modulesDir?: string
  btfBase?: string
  config?: string
}

const MODULE_RE = /\.ko(\.xz|\.zst|\.gz)?$/

export function moduleName(file: string): string {
  return basename(file).replace(MODULE_RE, '').replace(/-/g, '_')
}

/**
 * Finds a build's artifacts in a kbuild output tree (O= or in-tree), an installed/package
 * layout (boot/, lib/modules/<rel>/, usr/src/linux-headers-<rel>/, usr/lib/debug/boot/), or
 * explicit paths. Throws InputError listing what was looked for when nothing usable is found.
 */
export function discover(input: DiscoverInput): BuildLayout {
  const dir = input.dir ? resolve(input.dir) : undefined
  if (dir) {
    const st = statSync(dir, { throwIfNoEntry: false })
    if (!st) throw new InputError('io', dir, 'no such directory')
    if (!st.isDirectory()) throw new InputError('not-a-file', dir, 'is not a directory')
  }
  const root = dir ?? commonRoot(input)
  const refused: string[] = []
  const layout: BuildLayout = collectingRefusals(refused, () =>
    dir
      ? isInstalledLayout(dir)
        ? discoverInstalled(dir)
        : discoverKbuild(dir)
      : { root, kind: 'explicit', modules: [], passes: [], missing: [], notes: [] }
  )
  if (refused.length) layout.refused = refused
  applyOverrides(layout, input)
  const usable =
    layout.vmlinux || layout.systemMap || layout.symvers || layout.modules.length > 0 || layout.bootImage || layout.passes.length > 0
  if (!usable) {
    throw new InputError(
      'io',
      root,
      `no kernel build found. Looked for: ${layout.missing.join('; ')}. ` +
        (refused.length ? `Refused: ${refused.join('; ')}. ` : '') +
        'Point at a kbuild output directory (O=) or an installed layout, or pass --vmlinux/--system-map/--symvers/--modules-dir.'
    )
  }
  return layout
}

function commonRoot(input: DiscoverInput): string {
  const first = input.vmlinux ?? input.systemMap ?? input.symvers ?? input.modulesDir ?? input.config ?? input.btfBase
  return first ? dirname(resolve(first)) : process.cwd()
}

function isInstalledLayout(dir: string): boolean {
  return !!(dirIn(dir, join(dir, 'lib/modules')) || dirIn(dir, join(dir, 'usr/lib/modules')) || dirIn(dir, join(dir, 'boot')))
}

function discoverKbuild(root: string): BuildLayout {
  const layout: BuildLayout = { root, kind: 'kbuild', modules: [], passes: [], missing: [], notes: [] }
  const want = (rel: string, key: keyof BuildLayout & string) => {
    const p = fileIn(root, join(root, rel))
    if (p) (layout as unknown as Record<string, unknown>)[key] = p
    else layout.missing.push(`${rel} in ${root}`)
    return p
  }
  want('vmlinux', 'vmlinux')
  const unstripped = fileIn(root, join(root, 'vmlinux.unstripped'))
  if (unstripped) layout.vmlinuxUnstripped = unstripped
  want('System.map', 'systemMap')
  for (const kind of ['Module.symvers', 'vmlinux.symvers', 'modules-only.symvers'] as const) {
    const p = fileIn(root, join(root, kind))
    if (p) {
      layout.symvers = p
      layout.symversKind = kind
      break
    }
  }
  if (!layout.symvers) layout.missing.push(`Module.symvers, vmlinux.symvers or modules-only.symvers in ${root}`)
  want('.config', 'config')
  want('modules.order', 'modulesOrder')
  for (const [rel, key] of [
    ['modules.builtin', 'modulesBuiltin'],
    ['modules.builtin.modinfo', 'modulesBuiltinModinfo'],
    ['modules.builtin.ranges', 'modulesBuiltinRanges'],
    ['include/generated/autoksyms.h', 'autoksyms']
  ] as const) {
    const p = fileIn(root, join(root, rel))
    if (p) layout[key] = p
  }
  for (const img of ['arch/x86/boot/bzImage', 'arch/arm64/boot/Image.gz', 'arch/arm64/boot/Image']) {
    const p = fileIn(root, join(root, img))
    if (p) {
      layout.bootImage = p
      break
    }
  }
  const rel = fileIn(root, join(root, 'include/config/kernel.release'))
  if (rel) layout.release = readSmall(rel).trim() || undefined
  layout.sourceDir = sourceDirOf(root)
  if (layout.vmlinux) layout.btfBase = layout.vmlinux
  layout.passes = findPasses(root)
  layout.modules = layout.modulesOrder ? modulesFromOrder(root, layout.modulesOrder, layout) : modulesByWalk(root, root)
  return layout
}

/** O= trees carry a `source` symlink to the source tree (scripts/Makefile, `make O=`). */
function sourceDirOf(root: string): string | undefined {
  try {
    const link = readlinkSync(join(root, 'source'))
    // Relative to where the tree really is: a build dir reached through a symlink must not
    // resolve `source -> ..` against the symlink's parent.
    return resolve(realpathSync(root), link)
  } catch {
    return fileIn(root, join(root, 'Kbuild')) && fileIn(root, join(root, 'Makefile')) ? root : undefined
  }
}

/**
 * Link passes left by scripts/link-vmlinux.sh across versions:
 *  6.1-6.10: .tmp_vmlinux.kallsymsN{,.syms,.o};  6.11+: .tmp_vmlinuxN{,.syms,.kallsyms.o},
 *  step 0 as .tmp_vmlinux.kallsyms0.syms (6.11/6.12) or .tmp_vmlinux0.syms (6.13+);
 *  before 6.1: .tmp_vmlinuxN, .tmp_kallsymsN.o and one .tmp_System.map of the last pass.
 */
export function findPasses(root: string): LinkPass[] {
  const byPass = new Map<number, LinkPass>()
  const get = (n: number) => {
    let p = byPass.get(n)
    if (!p) byPass.set(n, (p = { pass: n }))
    return p
  }
  let oldMap: string | undefined
  let names: string[]
  try {
    names = readdirSync(root)
  } catch {
    return []
  }
  for (const name of names) {
    if (!name.startsWith('.tmp_')) continue
    const path = join(root, name)
    let m: RegExpExecArray | null
    if ((m = /^\.tmp_vmlinux(?:\.kallsyms)?(\d+)$/.exec(name))) get(Number(m[1])).elf = path
    else if ((m = /^\.tmp_vmlinux(?:\.kallsyms)?(\d+)\.syms$/.exec(name))) get(Number(m[1])).syms = path
    else if ((m = /^\.tmp_vmlinux(?:\.kallsyms)?(\d+)(?:\.kallsyms)?\.o$/.exec(name))) get(Number(m[1])).kallsymsObject = path
    else if ((m = /^\.tmp_kallsyms(\d+)\.o$/.exec(name))) get(Number(m[1])).kallsymsObject = path
    else if (name === '.tmp_System.map') oldMap = path
  }
  const passes = [...byPass.values()].sort((a, b) => a.pass - b.pass)
  if (oldMap) {
    const last = passes.filter(p => p.pass > 0).at(-1)
    if (last && !last.syms) last.syms = oldMap
    else if (!last) passes.push({ pass: 2, syms: oldMap })
  }
  return passes.filter(p => fileOk(root, p.syms) && fileOk(root, p.elf) && fileOk(root, p.kallsymsObject))
}

function fileOk(root: string, p: string | undefined): boolean {
  return p === undefined || fileIn(root, p) !== undefined
}

/** modules.order lists objects (`lib/crc8.o`, or `.ko` before 5.x); the linked module sits beside it. */
function modulesFromOrder(root: string, order: string, layout: BuildLayout): ModuleFile[] {
  const out: ModuleFile[] = []
  for (const line of readSmall(order).split('\n')) {
    const rel = line.trim()
    if (!rel) continue
    const ko = rel.replace(/\.o$/, '.ko')
    const path = join(root, ko)
    if (fileIn(root, path)) out.push({ name: moduleName(ko), path, relPath: ko, compression: 'none' })
    else layout.missing.push(`${ko} (listed in modules.order)`)
    if (out.length > LIMITS.maxModules) throw new InputError('too-large', order, `more than ${LIMITS.maxModules} modules`)
  }
  return out
}

/** Modules below `dir`, which is inside `root` (checked by the caller). */
function modulesByWalk(root: string, dir: string, relTo = dir): ModuleFile[] {
  const symlinks = new Set<string>()
  return walkFiles(dir, n => MODULE_RE.test(n), LIMITS.maxModules, new Set(['.git', 'source', 'build']), symlinks).flatMap(path => {
    if (symlinks.has(path) && !fileIn(root, path)) return []
    const relPath = path.slice(relTo.length + 1)
    return [{ name: moduleName(path), path, relPath, compression: compressionOf(path) }]
  })
}

function discoverInstalled(root: string): BuildLayout {
  const layout: BuildLayout = { root, kind: 'installed', modules: [], passes: [], missing: [], notes: [] }
  const modRoot = dirIn(root, join(root, 'lib/modules')) ?? dirIn(root, join(root, 'usr/lib/modules'))
  const releases = modRoot ? readdirSync(modRoot).filter(r => dirIn(root, join(modRoot, r))).sort() : []
  let release = releases.at(-1)
  if (!release) {
    const boot = dirIn(root, join(root, 'boot'))
    const cfg = boot ? readdirSync(boot).find(n => n.startsWith('config-')) : undefined
    release = cfg?.slice('config-'.length)
  }
  if (releases.length > 1) layout.notes.push(`several releases under lib/modules (${releases.join(', ')}); reviewing ${release}`)
  if (!release) {
    layout.missing.push(`lib/modules/<release>/ or boot/config-<release> in ${root}`)
    return layout
  }
  layout.release = release
  const first = (...cands: string[]) => {
    for (const c of cands) {
      const p = fileIn(root, join(root, c))
      if (p) return p
    }
    return undefined
  }
  const headers = `usr/src/linux-headers-${release}`
  layout.vmlinux = first(`usr/lib/debug/boot/vmlinux-${release}`, `usr/lib/debug/lib/modules/${release}/vmlinux`, `boot/vmlinux-${release}`)
  if (!layout.vmlinux) layout.missing.push(`usr/lib/debug/boot/vmlinux-${release} (the -dbg package)`)
  layout.bootImage = first(`boot/vmlinuz-${release}`, `boot/Image-${release}`)
  const realMap = first(`usr/lib/debug/boot/System.map-${release}`)
  const bootMap = first(`boot/System.map-${release}`)
  if (bootMap && isPlaceholderSystemMap(bootMap)) {
    layout.notes.push(`boot/System.map-${release} is a packaging placeholder, not a symbol map`)
    if (!realMap) layout.systemMapPlaceholder = true
  }
  layout.systemMap = realMap ?? (bootMap && !isPlaceholderSystemMap(bootMap) ? bootMap : undefined)
  if (!layout.systemMap) layout.missing.push(`a real System.map (usr/lib/debug/boot/System.map-${release})`)
  layout.config = first(`boot/config-${release}`, `${headers}/.config`)
  const symvers = first(`${headers}/Module.symvers`)
  if (symvers) {
    layout.symvers = symvers
    layout.symversKind = 'Module.symvers'
  } else layout.missing.push(`${headers}/Module.symvers (the linux-headers package)`)
  // 6.12+ headers packages ship a BTF-only vmlinux for out-of-tree module BTF.
  layout.btfBase = first(`${headers}/vmlinux`) ?? layout.vmlinux
  if (modRoot) {
    const dir = join(modRoot, release)
    layout.modulesDir = dir
    for (const [rel, key] of [
      ['modules.order', 'modulesOrder'],
      ['modules.builtin', 'modulesBuiltin'],
      ['modules.builtin.modinfo', 'modulesBuiltinModinfo'],
      ['modules.builtin.ranges', 'modulesBuiltinRanges']
    ] as const) {
      const p = fileIn(root, join(dir, rel))
      if (p) layout[key] = p
    }
    layout.modules = modulesByWalk(root, dir)
  }
  return layout
}

function applyOverrides(layout: BuildLayout, input: DiscoverInput): void {
  const file = (p: string | undefined, what: string) => {
    if (!p) return undefined
    const abs = resolve(p)
    const st = statSync(abs, { throwIfNoEntry: false })
    if (!st) throw new InputError('io', p, `${what}: no such file`)
    if (!st.isFile()) throw new InputError('not-a-file', p, `${what}: ${st.isDirectory() ? 'is a directory, expected a file' : 'is not a regular file'}`)
    return abs
  }
  const v = file(input.vmlinux, '--vmlinux')
  if (v) {
    layout.vmlinux = v
    if (!input.btfBase) layout.btfBase = v
  }
  const sm = file(input.systemMap, '--system-map')
  if (sm) {
    layout.systemMap = sm
    layout.systemMapPlaceholder = isPlaceholderSystemMap(sm)
  }
  const sv = file(input.symvers, '--symvers')
  if (sv) {
    layout.symvers = sv
    const b = basename(sv)
    layout.symversKind = b === 'vmlinux.symvers' || b === 'modules-only.symvers' ? b : 'Module.symvers'
  }
  const bb = file(input.btfBase, '--btf-base')
  if (bb) layout.btfBase = bb
  const cfg = file(input.config, '--config')
  if (cfg) layout.config = cfg
  if (input.modulesDir) {
    const d = resolve(input.modulesDir)
    const st = statSync(d, { throwIfNoEntry: false })
    if (!st?.isDirectory()) throw new InputError('not-a-file', input.modulesDir, '--modules-dir: not a directory')
    layout.modulesDir = d
    layout.modules = modulesByWalk(realpathSync(d), d)
  }
}

function readSmall(path: string): string {
  const st = statSync(path)
  if (st.size > LIMITS.maxTextBytes) throw new InputError('too-large', path, 'file too large')
  return readFileSync(path, 'utf8')
}
