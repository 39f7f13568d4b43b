import { existsSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import type { Build } from '../model/build.ts'
import { atLeast } from '../model/build-info.ts'
import { inside } from '../discover/walk.ts'
import type { ListReader } from './symbol-list.ts'

/**
 * Whose parser reads CONFIG_UNUSED_KSYMS_WHITELIST in this build: modpost from 6.5 (commit
 * "kbuild: implement CONFIG_TRIM_UNUSED_KSYMS without recursion"), gen_autoksyms.sh before.
 * Without a version, a generated autoksyms.h marks the older scheme.
 */
export function kernelListReader(build: Build): { reader: Exclude<ListReader, 'android'>; known: boolean } {
  const v = build.info.version
  if (v) return { reader: atLeast(v, 6, 5) ? 'modpost' : 'autoksyms', known: true }
  return { reader: build.layout.autoksyms ? 'autoksyms' : 'modpost', known: false }
}

export function configValue(build: Build, key: string): string | undefined {
  return build.config?.get(key) ?? build.info.config[key]
}

export function configEnabled(build: Build, key: string): boolean {
  const v = configValue(build, key)
  return v === 'y' || v === 'm'
}

export interface WhitelistLocation {
  /** The CONFIG_UNUSED_KSYMS_WHITELIST value as .config holds it. */
  setting: string
  /** The file the kernel reads, when found. */
  path: string | null
  /** Candidates looked at, in order. */
  tried: string[]
  /** Set when the file exists but lies outside the build and source trees (not read). */
  refused?: string
}

/**
 * The file CONFIG_UNUSED_KSYMS_WHITELIST names, found as the kernel finds it.
 * 6.5+ (scripts/Makefile.modpost): an absolute path as is; a relative one in the object tree
 * (modpost's working directory) when it exists there, else in the source tree.
 * ≤6.4 (scripts/gen_autoksyms.sh): a relative path is taken from $abs_srctree only.
 * Null when the option is unset or empty.
 */
export function locateWhitelist(build: Build, reader: Exclude<ListReader, 'android'>): WhitelistLocation | null {
  const setting = configValue(build, 'UNUSED_KSYMS_WHITELIST')?.trim()
  if (!setting) return null
  const obj = build.layout.root
  const src = build.layout.sourceDir ?? obj
  const tried: string[] = []
  let candidates: string[]
  if (isAbsolute(setting)) candidates = [setting]
  else if (reader === 'modpost') candidates = [join(obj, setting), join(src, setting)]
  else candidates = [join(src, setting)]
  for (const c of candidates) {
    if (tried.includes(c)) continue
    tried.push(c)
    if (!existsSync(c)) continue
    // A pull request controls .config: never read a file outside the trees under review.
    const real = realpathSync(c)
    const allowed = [obj, src].some(root => existsSync(root) && inside(realpathSync(root), real))
    if (!allowed) return { setting, path: null, tried, refused: c }
    if (!statSync(real).isFile()) continue
    return { setting, path: c, tried }
  }
  return { setting, path: null, tried }
}

/** include/generated/autoksyms.h (≤6.4): the symbols kept, `#define __KSYM_<name> 1` each. */
export function parseAutoksyms(text: string): Set<string> {
  const out = new Set<string>()
  for (const line of text.split('\n')) {
    const m = /^#define __KSYM_(\S+) 1$/.exec(line)
    if (m) out.add(m[1]!)
  }
  return out
}
