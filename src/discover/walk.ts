import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs'
import { join, relative, isAbsolute } from 'node:path'
import { InputError } from '../model/errors.ts'

/** True when `path` lies inside `root` (both absolute, already resolved). */
export function inside(root: string, path: string): boolean {
  const r = relative(root, path)
  return r === '' || (!r.startsWith('..') && !isAbsolute(r))
}

/** Where fileIn puts refusals while discovery collects them (collectingRefusals); null: it throws. */
let refusals: string[] | null = null

/** Runs `fn` with fileIn recording refusals in `sink` instead of throwing them. */
export function collectingRefusals<T>(sink: string[], fn: () => T): T {
  const prev = refusals
  refusals = sink
  try {
    return fn()
  } finally {
    refusals = prev
  }
}

/**
 * A regular file at `path`, or undefined. A path that resolves outside `root` (a symlink, a
 * symlinked directory on the way, `..` in a listed path) or that cannot be resolved at all (a
 * symlink loop, a name too long, a NUL byte) is refused: a fork's build tree must not make us
 * read /etc/shadow.
 */
function refusePath(root: string, path: string, what: string): undefined {
  const name = relative(root, path)
  const err = new InputError('refused', name.length > 200 ? `${name.slice(0, 200)}...` : name, what)
  if (!refusals) throw err
  if (!refusals.includes(err.message)) refusals.push(err.message)
  return undefined
}

let lastRoot: { root: string; resolved: string } | undefined

/** realpath of the build root, kept for the run of fileIn calls on one root (one per module). */
function resolvedRoot(root: string): string {
  if (lastRoot?.root !== root) lastRoot = { root, resolved: realpathSync.native(root) }
  return lastRoot.resolved
}

export function fileIn(root: string, path: string): string | undefined {
  const refuse = (what: string): undefined => refusePath(root, path, what)
  let st
  try {
    st = lstatSync(path, { throwIfNoEntry: false })
  } catch (err) {
    return refuse(`cannot be looked up: ${(err as NodeJS.ErrnoException).code ?? String(err)}`)
  }
  if (!st) return undefined
  let target: string
  try {
    // realpath(3) in one call: discovery resolves every module of a build (thousands).
    target = realpathSync.native(path)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ELOOP') return refuse('is a symlink loop')
    return undefined
  }
  if (!inside(resolvedRoot(root), target)) {
    // The link as written (not where it lands on this machine): reports show only what the tree holds.
    return refuse(st.isSymbolicLink() ? `is a symlink to ${readlinkSync(path)}, outside the build directory` : 'resolves outside the build directory')
  }
  const t = st.isSymbolicLink() ? statSync(target, { throwIfNoEntry: false }) : st
  return t?.isFile() ? path : undefined
}

/** A directory at `path`, or undefined; a symlink out of `root` or a symlink loop is refused as in fileIn. */
export function dirIn(root: string, path: string): string | undefined {
  const st = lstatSync(path, { throwIfNoEntry: false })
  if (!st) return undefined
  if (st.isSymbolicLink()) {
    let target: string
    try {
      target = realpathSync.native(path)
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ELOOP' ? refusePath(root, path, 'is a symlink loop') : undefined
    }
    if (!inside(resolvedRoot(root), target)) {
      return refusePath(root, path, `is a symlink to ${readlinkSync(path)}, outside the build directory`)
    }
    return statSync(target).isDirectory() ? path : undefined
  }
  return st.isDirectory() ? path : undefined
}

/**
 * Files below `dir` whose names pass `want`, without following directory symlinks (no loops,
 * no escaping the tree). Stops with an error past `maxFiles` matches. Matches that are symlinks
 * are added to `symlinks` when given: only those need fileIn's resolution, a regular file found
 * by this walk lies inside `dir`.
 */
export function walkFiles(
  dir: string,
  want: (name: string) => boolean,
  maxFiles: number,
  skipDirs: ReadonlySet<string> = new Set(),
  symlinks?: Set<string>
): string[] {
  const out: string[] = []
  const stack = [dir]
  while (stack.length) {
    const d = stack.pop()!
    let entries
    try {
      entries = readdirSync(d, { withFileTypes: true })
    } catch {
      continue
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!skipDirs.has(e.name)) stack.push(join(d, e.name))
      } else if ((e.isFile() || e.isSymbolicLink()) && want(e.name)) {
        const path = join(d, e.name)
        if (e.isSymbolicLink()) symlinks?.add(path)
        out.push(path)
        if (out.length > maxFiles) throw new InputError('too-large', dir, `more than ${maxFiles} matching files`)
      }
    }
  }
  return out.sort()
}
