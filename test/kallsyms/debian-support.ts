// Debian kernels for the kallsyms tests: the 6.12 releases of the shared cache, and a 6.1
// (bookworm's linux-image-6.1.0-*-amd64-unsigned and -dbg) extracted from $CACHE/debs into the
// system temp directory once, since only its vmlinuz and System.map are needed.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cacheRoot } from '../support/kernels.ts'

export interface DebianKernel {
  release: string
  vmlinuz: string
  systemMap: string
  vmlinux: string | null
}

/** Bookworm's 6.1 from the cached .debs, or null (with why) when they are not there. */
export function debian61(): DebianKernel | { missing: string } {
  const debs = join(cacheRoot(), 'debs')
  const names = existsSync(debs) ? readdirSync(debs) : []
  const image = names.find(n => /^linux-image-6\.1\.0-\d+-amd64-unsigned_.*\.deb$/.test(n))
  if (!image) return { missing: `no linux-image-6.1.0-*-amd64-unsigned .deb in ${debs} (apt-get download it there)` }
  const abi = /^linux-image-(6\.1\.0-\d+-amd64)-unsigned/.exec(image)![1]!
  const dbg = names.find(n => n.startsWith(`linux-image-${abi}-dbg_`))
  if (!dbg) return { missing: `no linux-image-${abi}-dbg .deb in ${debs}` }
  if (spawnSync('dpkg-deb', ['--version']).status !== 0) return { missing: 'dpkg-deb is not installed' }
  const dir = join(tmpdir(), `kbr-kallsyms-debian-${abi}`)
  const vmlinuz = join(dir, `boot/vmlinuz-${abi}`)
  const systemMap = join(dir, `usr/lib/debug/boot/System.map-${abi}`)
  if (!existsSync(vmlinuz) || !existsSync(systemMap)) {
    const work = `${dir}.tmp-${process.pid}`
    rmSync(work, { recursive: true, force: true })
    mkdirSync(work, { recursive: true })
    const extract = (deb: string, path: string) =>
      execFileSync('sh', ['-c', 'dpkg-deb --fsys-tarfile "$1" | tar -x -C "$2" "$3"', 'sh', join(debs, deb), work, path], { stdio: 'ignore' })
    extract(image, `./boot/vmlinuz-${abi}`)
    extract(dbg, `./usr/lib/debug/boot/System.map-${abi}`)
    rmSync(dir, { recursive: true, force: true })
    renameSync(work, dir)
  }
  return { release: abi, vmlinuz, systemMap, vmlinux: null }
}
