import { statSync } from 'node:fs'
import { basename, isAbsolute, join, relative, resolve } from 'node:path'
import type { ModuleFile } from '../discover/layout.ts'
import { fileIn, walkFiles } from '../discover/walk.ts'
import { compressionOf } from '../load/decompress.ts'
import { LIMITS } from '../load/limits.ts'
import { analyzeModules } from '../load/pool.ts'
import type { Build } from '../model/build.ts'
import { InputError } from '../model/errors.ts'
import { modinfoAnalyzer } from '../load/modinfo-analyzer.ts'
import { factOf, type ModuleSummary } from '../load/analyzer.ts'
import type { ModInfo } from '../load/modinfo-analyzer.ts'
import { linkageAnalyzer, unpackLinkage, type ModuleLinkage, type PackedLinkage } from './module-analyzer.ts'

const ANALYZER_IDS = [modinfoAnalyzer.id, linkageAnalyzer.id]

/** A module with what the export checks need from it. */
export interface LinkedModule {
  /** The name the kernel knows (KBUILD_MODNAME: '-' as '_'). */
  name: string
  /** File name without .ko/.o, as modpost names the module in namespace checks. */
  baseName: string
  /** Owner as Module.symvers writes it (path without .ko). */
  owner: string
  /** The path reports show. */
  file: string
  linkage: ModuleLinkage | null
  modinfo: ModInfo | null
  /** Set when the file could not be read or analysed. */
  error?: string
  /** A .o from modules.order read before modpost linked the .ko (no __versions yet). */
  object: boolean
}

const MODULE_SUFFIX = /\.(ko|o)(\.xz|\.zst|\.gz)?$/

/**
 * The owner name Module.symvers uses for a module file: its path in the build without .ko. In
 * an installed tree the path under lib/modules/<rel>/ starts with kernel/, which
 * modules_install added (scripts/Makefile.modinst); it is dropped.
 */
export function moduleOwner(relPath: string, installed: boolean): string {
  const p = relPath.replace(MODULE_SUFFIX, '')
  return installed && p.startsWith('kernel/') ? p.slice('kernel/'.length) : p
}

function unpacked(p: PackedLinkage | undefined): ModuleLinkage | null {
  return p ? unpackLinkage(p) : null
}

export function linkedModule(s: ModuleSummary, owner: string, file: string, object: boolean): LinkedModule {
  const base = owner.slice(owner.lastIndexOf('/') + 1)
  const m: LinkedModule = {
    name: s.name,
    baseName: base,
    owner,
    file,
    linkage: unpacked(factOf(s, linkageAnalyzer)),
    modinfo: factOf(s, modinfoAnalyzer) ?? null,
    object
  }
  const err = s.error ?? s.factErrors[linkageAnalyzer.id]
  if (err) m.error = err
  return m
}


/**
 * The build's own modules: every .ko found, and for modules.order entries whose .ko is not
 * linked yet, the .o modpost would read (its undefined symbols and .modinfo are already final).
 */
export function moduleObjects(build: Build): Promise<LinkedModule[]> {
  return build.memo('exports:modules', async () => {
    const layout = build.layout
    const installed = layout.kind === 'installed'
    const out: LinkedModule[] = []
    if (layout.modules.length) {
      for (const s of await build.modules()) out.push(linkedModule(s, moduleOwner(s.relPath, installed), s.relPath, false))
    }
    const objects = unlinkedObjects(build)
    if (objects.length) {
      const summaries = await analyzeModules(objects, { analyzers: ANALYZER_IDS })
      for (const s of summaries) out.push(linkedModule(s, moduleOwner(s.relPath, false), s.relPath, true))
    }
    return out
  })
}

/** modules.order entries (`drivers/x/y.o`) with no linked .ko among the build's modules but a .o on disk. */
function unlinkedObjects(build: Build): ModuleFile[] {
  const layout = build.layout
  if (!layout.modulesOrder || layout.kind !== 'kbuild') return []
  const have = new Set(layout.modules.map(m => m.relPath.replace(/\.ko$/, '')))
  const out: ModuleFile[] = []
  for (const line of build.readText(layout.modulesOrder).split('\n')) {
    const rel = line.trim()
    if (!rel.endsWith('.o')) continue
    const stem = rel.slice(0, -2)
    if (have.has(stem)) continue
    const path = join(layout.root, rel)
    if (!fileIn(layout.root, path)) continue
    out.push({ name: basename(stem).replace(/-/g, '_'), path, relPath: rel, compression: 'none' })
  }
  return out
}

const MODULE_FILE = /\.ko(\.xz|\.zst|\.gz)?$/

/**
 * Out-of-tree/vendor modules: every .ko below each directory given (extra-modules), analysed
 * with the same machinery as the build's own. Owners are paths relative to their directory.
 */
export function extraModules(build: Build, dirs: readonly string[]): Promise<LinkedModule[]> {
  return build.memo(`exports:extra:${dirs.join('\0')}`, async () => {
    const files: ModuleFile[] = []
    const shown = new Map<string, string>()
    for (const given of dirs) {
      const dir = resolve(given)
      const st = statSync(dir, { throwIfNoEntry: false })
      if (!st) throw new InputError('io', given, 'extra-modules: no such directory')
      if (!st.isDirectory()) throw new InputError('not-a-file', given, 'extra-modules: not a directory')
      for (const path of walkFiles(dir, n => MODULE_FILE.test(n), LIMITS.maxModules)) {
        if (!fileIn(dir, path)) continue
        const relPath = relative(dir, path)
        files.push({ name: basename(path).replace(MODULE_FILE, '').replace(/-/g, '_'), path, relPath, compression: compressionOf(path) })
        shown.set(path, isAbsolute(given) ? path : join(given, relPath))
      }
    }
    if (!files.length) return []
    const summaries = await analyzeModules(files, { analyzers: ANALYZER_IDS })
    return summaries.map((s, i) => linkedModule(s, moduleOwner(s.relPath, false), shown.get(files[i]!.path) ?? s.relPath, false))
  })
}
