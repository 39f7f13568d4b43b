import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { join, relative, isAbsolute } from 'node:path'
import { InputError } from '../model/errors.ts'

/** True when `path` lies inside `root` (both absolute, already resolved). */
export function inside(root: string, path: string): boolean {
  const r = relative(root, path)
  return r === '' || (!r.startsWith('..') && !isAbsolute(r))
}

/**
 * A regular file at `path`, or undefined. Symlinks are followed only when their target stays
 * inside `root`: a fork's build tree must not make us read /etc/shadow.
 */
export function fileIn(root: string, path: string): string | undefined {
  const st = lstatSync(path, { throwIfNoEntry: false })
  if (!st) return undefined
  if (st.isSymbolicLink()) {
    let target: string
    try {
      target = realpathSync(path)
    } catch {
      return undefined
    }
    if (!inside(realpathSync(root), target)) {
      throw new InputError('refused', relative(root, path), `is a symlink to ${target}, outside the build directory`)
    }
    const t = statSync(target, { throwIfNoEntry: false })
    return t?.isFile() ? path : undefined
  }
  return st.isFile() ? path : undefined
}

export function dirIn(root: string, path: string): string | undefined {
  const st = lstatSync(path, { throwIfNoEntry: false })
  if (!st) return undefined
  if (st.isSymbolicLink()) {
    let target: string
    try {
      target = realpathSync(path)
    } catch {
      return undefined
    }
    if (!inside(realpathSync(root), target)) return undefined
    return statSync(target).isDirectory() ? path : undefined
  }
  return st.isDirectory() ? path : undefined
}

/**
 * Files below `dir` whose names pass `want`, without following directory symlinks (no loops,
 * no escaping the tree). Stops with an error past `maxFiles` matches.
 */
export function walkFiles(dir: string, want: (name: string) => boolean, maxFiles: number, skipDirs: ReadonlySet<string> = new Set()): string[] {
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
        out.push(join(d, e.name))
        if (out.length > maxFiles) throw new InputError('too-large', dir, `more than ${maxFiles} matching files`)
      }
    }
  }
  return out.sort()
}
