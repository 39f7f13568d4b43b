// Copies of a real kbuild output tree for planting kallsyms inconsistencies. Only what the
// kallsyms check reads is copied: .config, the release, System.map, the link passes, vmlinux
// and (optionally) the boot image. Large unmodified files are hard links when the file system
// allows; every change goes through rewrite(), which replaces the file instead of writing into
// it, so the cached tree is never touched.
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { kernelBuild, type KernelVersion } from '../support/kernels.ts'

export interface SourceTree {
  /** The O= object tree. */
  obj: string
  /** The kernel source tree (for scripts/mksysmap). */
  src: string
  release: string
}

/**
 * The base tree of a fixture kernel (scripts/kernels/build.sh). KBR_KALLSYMS_TREE_<ver> (e.g.
 * KBR_KALLSYMS_TREE_6_12=/path/to/obj:/path/to/src) points at another tree while developing.
 */
export function realTree(ver: KernelVersion): SourceTree | null {
  const env = process.env[`KBR_KALLSYMS_TREE_${ver.replace('.', '_')}`]
  if (env) {
    const [obj, src] = env.split(':')
    return { obj: obj!, src: src ?? join(obj!, 'source'), release: readFileSync(join(obj!, 'include/config/kernel.release'), 'utf8').trim() }
  }
  const b = kernelBuild(ver)
  return b ? { obj: b.base.obj, src: b.base.src, release: b.base.release } : null
}

const WANTED = [/^\.config$/, /^System\.map$/, /^vmlinux$/, /^vmlinux\.unstripped$/, /^\.tmp_vmlinux[.\d]/]
// Of the link temporaries, the linker maps, assembly and BTF objects are not read.
const SKIPPED = [/^\.tmp_.*\.map$/, /\.S$/, /\.btf\.o$/, /\.BTF_ids$/, /nm-sort$/]

function place(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true })
  const st = statSync(from)
  if (st.size > 1 << 20) {
    try {
      linkSync(from, to)
      return
    } catch {
      // another file system: copy
    }
  }
  copyFileSync(from, to)
  utimesSync(to, st.atime, st.mtime)
}

export function copyTree(t: SourceTree, opts: { image?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kbr-kallsyms-tree-'))
  for (const name of readdirSync(t.obj)) {
    if (WANTED.some(re => re.test(name)) && !SKIPPED.some(re => re.test(name))) place(join(t.obj, name), join(dir, name))
  }
  place(join(t.obj, 'include/config/kernel.release'), join(dir, 'include/config/kernel.release'))
  const image = join(t.obj, 'arch/x86/boot/bzImage')
  if (opts.image && existsSync(image)) place(image, join(dir, 'arch/x86/boot/bzImage'))
  symlinkSync(t.src, join(dir, 'source'))
  return dir
}

/** Replaces a file (never writing through a hard link), keeping its times unless given. */
export function rewrite(path: string, change: (old: Buffer) => Uint8Array | string, mtime?: Date): void {
  const st = statSync(path)
  const data = change(readFileSync(path))
  unlinkSync(path)
  writeFileSync(path, data)
  utimesSync(path, st.atime, mtime ?? st.mtime)
}

/** A new file with the content and times of another (a copy, not a link). */
export function cloneFile(from: string, to: string, mtime?: Date): void {
  const st = statSync(from)
  if (existsSync(to)) unlinkSync(to)
  copyFileSync(from, to)
  utimesSync(to, st.atime, mtime ?? st.mtime)
}

export function setMtime(path: string, mtime: Date): void {
  utimesSync(path, statSync(path).atime, mtime)
}

export function removeTree(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}
