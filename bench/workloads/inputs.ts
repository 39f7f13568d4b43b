import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { debianRelease } from '../../test/support/kernels.ts'
import { walkFiles } from '../../src/discover/walk.ts'

/** Our CLI from source, on the Node running the bench (24 under npm scripts). */
export function ourCli(): string[] {
  return [process.execPath, fileURLToPath(new URL('../../src/cli.ts', import.meta.url))]
}

/** The decompressed module tree of the newer cached Debian release (scripts/kernels/fetch-debian.sh). */
export function debianKoRoot(): { dir: string; count: number } | { skip: string } {
  const rel = debianRelease('new')
  if (!rel || !existsSync(rel.koRoot)) return { skip: 'Debian release not in the cache: run scripts/kernels/fetch-debian.sh' }
  return { dir: rel.koRoot, count: walkFiles(rel.koRoot, n => n.endsWith('.ko'), 100_000).length }
}
