import { execFileSync } from 'node:child_process'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { debianRelease } from '../../test/support/kernels.ts'
import { walkFiles } from '../../src/discover/walk.ts'

/**
 * Our CLI as shipped: the package's bin, dist/kbuild-review (rebuilt by npm run bench). It runs
 * the `node` on PATH, which bench/run.ts makes the Node running the bench (24 under npm scripts).
 */
export function ourCli(): string[] {
  return [fileURLToPath(new URL('../../dist/kbuild-review', import.meta.url))]
}

/** The decompressed module tree of the newer cached Debian release (scripts/kernels/fetch-debian.sh). */
export function debianKoRoot(): { dir: string; count: number } | { skip: string } {
  const rel = debianRelease('new')
  if (!rel || !existsSync(rel.koRoot)) return { skip: 'Debian release not in the cache: run scripts/kernels/fetch-debian.sh' }
  return { dir: rel.koRoot, count: walkFiles(rel.koRoot, n => n.endsWith('.ko'), 100_000).length }
}

/**
 * The newer Debian release as an installed tree with plain .ko modules (hard links into the
 * cache's decompressed copy), made once: the "uncompressed tree" of the whole-check target.
 */
export function debianUncompressedTree(): { dir: string } | { skip: string } {
  const rel = debianRelease('new')
  if (!rel || !existsSync(rel.koRoot)) return { skip: 'Debian release not in the cache: run scripts/kernels/fetch-debian.sh' }
  const dir = `${rel.root}-uncompressed`
  if (!existsSync(join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true })
    execFileSync('cp', ['-al', rel.root, dir])
    const mods = join(dir, 'lib/modules', rel.release)
    rmSync(join(mods, 'kernel'), { recursive: true, force: true })
    execFileSync('cp', ['-al', join(rel.koRoot, 'kernel'), join(mods, 'kernel')])
    writeFileSync(join(dir, '.complete'), '')
  }
  return { dir }
}

/** A snapshot of the older Debian release (the baseline), made once. */
export function debianBaselineSnapshot(): { file: string } | { skip: string } {
  const rel = debianRelease('old')
  if (!rel) return { skip: 'Debian release not in the cache: run scripts/kernels/fetch-debian.sh' }
  const file = `${rel.root}.snapshot.json.gz`
  if (!existsSync(file)) execFileSync(ourCli()[0]!, [...ourCli().slice(1), 'snapshot', rel.root, '-o', file], { stdio: 'inherit' })
  return { file }
}
