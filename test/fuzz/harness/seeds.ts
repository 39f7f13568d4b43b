import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ElfFile } from '../../../src/elf/elf.ts'
import { splitSignature } from '../../../src/load/signature.ts'
import { debianRelease, kernelBuild, type DebianRelease, type KernelBuild } from '../../support/kernels.ts'
import type { Seed } from './mutate.ts'

/**
 * Where seeds come from. Real ones from the kernel fixtures in the cache (Debian 6.12 packages,
 * the small 6.12/7.2 builds), when present; synthetic ones made here (compiled objects,
 * hand-written BTF and text in each format) always, so CI without kernels still fuzzes.
 */
export class SeedSource {
  readonly real: boolean
  readonly debian: DebianRelease | null
  readonly kernels: KernelBuild[]
  private tmp: string | undefined
  private readonly cache = new Map<string, unknown>()

  constructor(opts: { real?: boolean } = {}) {
    this.real = opts.real ?? true
    this.debian = this.real ? debianRelease('new') : null
    this.kernels = this.real
      ? (['6.12', '7.2'] as const).map(v => kernelBuild(v)).filter(k => k !== null)
      : []
  }

  memo<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make())
    return this.cache.get(key) as T
  }

  /** Removes the scratch directory now (tests call this; the long run relies on the exit hook). */
  dispose(): void {
    if (this.tmp) rmSync(this.tmp, { recursive: true, force: true })
    this.tmp = undefined
    this.cache.clear()
  }

  /** A scratch directory, removed when the process exits. */
  tmpDir(): string {
    if (!this.tmp) {
      const dir = mkdtempSync(join(tmpdir(), 'kbr-fuzz-'))
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
      this.tmp = dir
    }
    return this.tmp
  }

  /** Kernel build trees (base and head of each fixture kernel). */
  trees() {
    return this.kernels.flatMap(k => [k.base, k.head])
  }

  /** Real modules, decompressed, signature trailer kept: small ones (fast to mutate), spread over the tree. */
  realModules(max: number, minBytes = 3_000, maxBytes = 40_000): Seed[] {
    return this.memo(`modules:${max}:${minBytes}:${maxBytes}`, () => {
      const out: Seed[] = []
      for (const t of this.trees()) {
        const small = t.modules.filter(m => existsSync(m.path) && statSync(m.path).size <= 4 * maxBytes)
        for (const m of small.slice(0, 6)) out.push(seedFile(m.path, `${t.release}/${m.name}`))
        if (t.ext.ko && existsSync(t.ext.ko)) out.push(seedFile(t.ext.ko, `${t.release}/ext`))
      }
      if (this.debian) {
        const files = walk(this.debian.koRoot, n => n.endsWith('.ko'))
          .map(p => ({ p, size: statSync(p).size }))
          .filter(f => f.size >= minBytes && f.size <= maxBytes)
        for (const f of spread(files, Math.max(0, max - out.length)))
          out.push(seedFile(f.p, f.p.slice(this.debian.koRoot.length + 1)))
      }
      return out.slice(0, Math.max(max, out.length))
    })
  }

  /** Real compressed modules as shipped (.ko.xz), small ones. */
  realCompressedModules(max: number): Seed[] {
    if (!this.debian) return []
    const files = walk(this.debian.modulesDir, n => n.endsWith('.ko.xz'))
      .map(p => ({ p, size: statSync(p).size }))
      .filter(f => f.size <= 16_000)
    return spread(files, max).map(f => seedFile(f.p, f.p.slice(this.debian!.modulesDir.length + 1)))
  }

  /** A section of a real ELF (e.g. .BTF of the headers package's BTF-only vmlinux). */
  section(path: string, name: string): Uint8Array | null {
    return this.memo(`section:${path}:${name}`, () => {
      if (!existsSync(path)) return null
      const raw = readFileSync(path)
      const elf = ElfFile.fromBytes(splitSignature(raw).elf, path)
      const s = elf.section(name)
      return s ? elf.data(s).slice() : null
    })
  }

  /** The BTF vmlinux the modules were generated against (Debian headers' vmlinux, else a fixture build's). */
  vmlinuxBtf(): { name: string; bytes: Uint8Array } | null {
    if (this.debian?.btfVmlinux) {
      const b = this.section(this.debian.btfVmlinux, '.BTF')
      if (b) return { name: `debian ${this.debian.release} vmlinux .BTF`, bytes: b }
    }
    for (const t of this.trees()) {
      const b = this.section(t.vmlinux, '.BTF')
      if (b) return { name: `${t.release} vmlinux .BTF`, bytes: b }
    }
    return null
  }

  /** Text windows of a real file: the head, the tail and a few from the middle, `lines` lines each. */
  textWindows(path: string | null | undefined, name: string, lines: number, count: number): Seed[] {
    if (!path || !existsSync(path)) return []
    const all = readFileSync(path, 'latin1').split('\n')
    const out: Seed[] = []
    const starts = new Set<number>([0, Math.max(0, all.length - lines)])
    for (let i = 1; i < count - 1; i++) starts.add(Math.floor((all.length * i) / count))
    for (const s of starts) {
      const text = all.slice(s, s + lines).join('\n') + (s + lines < all.length ? '\n' : '')
      out.push({ name: `${name}@${s + 1}`, bytes: new Uint8Array(Buffer.from(text, 'latin1')), real: true })
    }
    return out
  }

  /** A whole small real file. */
  file(path: string | null | undefined, name: string, maxBytes = 2 << 20): Seed[] {
    if (!path || !existsSync(path) || statSync(path).size > maxBytes) return []
    return [seedFile(path, name)]
  }

  /** Compiles C with the system compiler; null when there is none. */
  compile(name: string, source: string, flags: string[] = []): Uint8Array | null {
    return this.memo(`cc:${name}:${flags.join(' ')}`, () => {
      const dir = this.tmpDir()
      const c = join(dir, `${name}.c`)
      const o = join(dir, `${name}.o`)
      try {
        writeFileSync(c, source)
        execFileSync('cc', ['-c', '-O1', ...flags, '-o', o, c], { stdio: 'ignore' })
        return new Uint8Array(readFileSync(o))
      } catch {
        return null
      }
    })
  }
}

function seedFile(path: string, name: string): Seed {
  return { name, bytes: new Uint8Array(readFileSync(path)), real: true }
}

function walk(dir: string, want: (name: string) => boolean): string[] {
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
      const p = join(d, e.name)
      if (e.isDirectory()) stack.push(p)
      else if (e.isFile() && want(e.name)) out.push(p)
    }
  }
  return out.sort()
}

/** `max` items spread evenly over a sorted list (deterministic). */
export function spread<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items]
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]!)
}

export function textSeed(name: string, text: string): Seed {
  return { name, bytes: new Uint8Array(Buffer.from(text, 'utf8')) }
}
