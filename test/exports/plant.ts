// Plants defects into copies of real fixture kernel artifacts: a build whose whitelist,
// Module.symvers or autoksyms.h is replaced (the rest of the tree stays the real one), and
// module files with bytes of one section rewritten in place.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join } from 'node:path'
import { discover } from '../../src/discover/discover.ts'
import { ElfFile } from '../../src/elf/elf.ts'
import { Build } from '../../src/model/build.ts'
import type { KernelVersion } from '../../src/model/build-info.ts'
import { buildInfo } from '../../src/model/open-build.ts'
import { parseKconfig } from '../../src/parse/kconfig.ts'

export interface Plant {
  /** Contents of the CONFIG_UNUSED_KSYMS_WHITELIST file the build sees. */
  whitelist?: string
  /** Rewrites Module.symvers. */
  symvers?: (text: string) => string
  /** include/generated/autoksyms.h (≤6.4 builds). */
  autoksyms?: string
  /** Pretend the tree is this kernel version (to read the lists as that kernel does). */
  version?: KernelVersion
}

/**
 * The object tree `obj` as a Build whose root is a fresh directory under `parent` holding the
 * planted files; vmlinux, modules and .config stay those of the real tree. The whitelist goes
 * where the .config names it, relative to the (new) object tree.
 */
export function plantedBuild(obj: string, parent: string, p: Plant): Build {
  const real = discover({ dir: obj })
  const root = mkdtempSync(join(parent, 'tree-'))
  const layout = { ...real, root, sourceDir: root }
  const config = parseKconfig(readFileSync(real.config!, 'utf8'))
  const setting = config.get('UNUSED_KSYMS_WHITELIST')
  if (setting && !isAbsolute(setting)) {
    const wl = p.whitelist ?? readFileSync(join(obj, setting), 'utf8')
    write(join(root, setting), wl)
  }
  if (p.symvers) {
    layout.symvers = join(root, 'Module.symvers')
    write(layout.symvers, p.symvers(readFileSync(real.symvers!, 'utf8')))
  }
  if (p.autoksyms !== undefined) {
    layout.autoksyms = join(root, 'include/generated/autoksyms.h')
    write(layout.autoksyms, p.autoksyms)
  }
  const info = buildInfo(layout, config)
  if (p.version) info.version = p.version
  return new Build(layout, info, config)
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}

/** Replaces `from` by `to` (same length) at its first place inside `section` of the ELF at `src`. */
export function patchSection(bytes: Buffer, section: string, from: string | Buffer, to: string | Buffer): Buffer {
  const a = typeof from === 'string' ? Buffer.from(from, 'latin1') : from
  const b = typeof to === 'string' ? Buffer.from(to, 'latin1') : to
  if (a.length !== b.length) throw new Error('patchSection: replacement must keep the length')
  const elf = ElfFile.fromBytes(bytes, 'patched')
  const sec = elf.section(section)
  if (!sec) throw new Error(`patchSection: no section ${section}`)
  const at = bytes.subarray(sec.offset, sec.offset + sec.size).indexOf(a)
  if (at < 0) throw new Error(`patchSection: ${JSON.stringify(a.toString('latin1'))} not in ${section}`)
  const out = Buffer.from(bytes)
  b.copy(out, sec.offset + at)
  return out
}

/** Writes `bytes` as `<dir>/<name>` (a fresh directory of out-of-tree modules) and returns the dir. */
export function moduleDir(parent: string, name: string, bytes: Buffer): string {
  const dir = mkdtempSync(join(parent, 'extra-'))
  writeFileSync(join(dir, name), bytes)
  return dir
}
