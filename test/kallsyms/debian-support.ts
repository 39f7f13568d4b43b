// Debian kernels for the kallsyms tests besides the shared 6.12 releases: bookworm's 6.1
// (amd64, and cloud-arm64 for a raw arm64 Image) and sid's 7.2 (PC-relative offsets). Their
// .debs are fetched into $CACHE/debs with `apt-get download`; only the boot image and the
// -dbg System.map are extracted, once, into the system temp directory.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cacheRoot } from '../support/kernels.ts'

export interface DebianKernel {
  release: string
  image: string
  systemMap: string
}

interface Spec {
  /** The package holding the boot image; group 1 is the release. */
  imageDeb: RegExp
  dbgDeb: (release: string) => string
  imagePath: (release: string) => string
  mapPath: (release: string) => string
}

const SPECS = {
  '6.1-amd64': {
    imageDeb: /^linux-image-(6\.1\.0-\d+-amd64)-unsigned_.*\.deb$/,
    dbgDeb: r => `linux-image-${r}-dbg_`,
    imagePath: r => `./boot/vmlinuz-${r}`,
    mapPath: r => `./usr/lib/debug/boot/System.map-${r}`
  },
  '6.1-arm64': {
    imageDeb: /^linux-image-(6\.1\.0-\d+-cloud-arm64)-unsigned_.*_arm64\.deb$/,
    dbgDeb: r => `linux-image-${r}-dbg_`,
    imagePath: r => `./boot/vmlinuz-${r}`,
    mapPath: r => `./usr/lib/debug/boot/System.map-${r}`
  },
  '7.2-amd64': {
    imageDeb: /^linux-binary-(7\.2\.\d+\+deb\d+-amd64)_.*\.deb$/,
    dbgDeb: r => `linux-image-${r}-dbg_`,
    imagePath: r => `./usr/lib/modules/${r}/vmlinuz`,
    mapPath: r => `./usr/lib/debug/lib/modules/${r}/System.map`
  }
} satisfies Record<string, Spec>

export type DebianKey = keyof typeof SPECS

/** The kernel, extracted on first use; `missing` says which .deb to fetch when it is not cached. */
export function debianKernel(key: DebianKey): DebianKernel | { missing: string } {
  const spec: Spec = SPECS[key]
  const debs = join(cacheRoot(), 'debs')
  const names = existsSync(debs) ? readdirSync(debs) : []
  const imageDeb = names.find(n => spec.imageDeb.test(n))
  if (!imageDeb) return { missing: `no .deb matching ${spec.imageDeb} in ${debs} (apt-get download it there)` }
  const release = spec.imageDeb.exec(imageDeb)![1]!
  const dbgDeb = names.find(n => n.startsWith(spec.dbgDeb(release)))
  if (!dbgDeb) return { missing: `no ${spec.dbgDeb(release)}*.deb in ${debs}` }
  const dir = join(tmpdir(), `kbr-kallsyms-debian-${release}`)
  const image = join(dir, spec.imagePath(release))
  const systemMap = join(dir, spec.mapPath(release))
  if (!existsSync(image) || !existsSync(systemMap)) {
    if (spawnSync('dpkg-deb', ['--version']).status !== 0) return { missing: 'dpkg-deb is not installed' }
    const work = `${dir}.tmp-${process.pid}`
    rmSync(work, { recursive: true, force: true })
    mkdirSync(work, { recursive: true })
    const extract = (deb: string, path: string) =>
      execFileSync('sh', ['-c', 'dpkg-deb --fsys-tarfile "$1" | tar -x -C "$2" "$3"', 'sh', join(debs, deb), work, path], { stdio: 'ignore' })
    extract(imageDeb, spec.imagePath(release))
    extract(dbgDeb, spec.mapPath(release))
    rmSync(dir, { recursive: true, force: true })
    renameSync(work, dir)
  }
  return { release, image, systemMap }
}
