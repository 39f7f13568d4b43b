// Helpers for the size tests: the reference tools run over the same files.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { classRecord } from '../../src/sizes/module-classes.ts'
import { moduleFileClassSizes } from '../../src/sizes/module-file-sizes.ts'
import { kernelBuild } from '../support/kernels.ts'

/**
 * scripts/bloat-o-meter of a kernel source tree the fixtures extracted (6.12 first), or
 * $KBR_BLOAT_O_METER. Null when there is none (or no python3 to run it).
 */
export function bloatOMeter(): string | null {
  const candidates = [process.env.KBR_BLOAT_O_METER, ...(['6.12', '7.2'] as const).map(v => kernelBuild(v)?.base.src)]
    .filter((p): p is string => !!p)
    .map(p => (p.endsWith('bloat-o-meter') ? p : join(p, 'scripts', 'bloat-o-meter')))
  const script = candidates.find(p => existsSync(p))
  if (!script) return null
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' })
  } catch {
    return null
  }
  return script
}

/** bloat-o-meter's output lines for two files (`-c` or default mode). */
export function runBloatOMeter(script: string, a: string, b: string, categorize: boolean): string[] {
  const out = execFileSync('python3', [script, ...(categorize ? ['-c'] : []), a, b], { maxBuffer: 256 << 20 }).toString()
  return out.split('\n').slice(0, -1)
}

export interface SizeARow {
  name: string
  size: number
}

/** `size -A` rows of one file (section, size), Total excluded. */
export function sizeA(path: string): SizeARow[] {
  const out: SizeARow[] = []
  for (const line of execFileSync('size', ['-A', '-d', path], { maxBuffer: 64 << 20 }).toString().split('\n').slice(2)) {
    const m = /^(\S+)\s+(\d+)\s+\d+$/.exec(line)
    if (m && m[1] !== 'Total') out.push({ name: m[1]!, size: Number(m[2]) })
  }
  return out
}

/** `readelf -SW` flags per section name (first of duplicates), e.g. ".text" -> "AX". */
export function readelfFlags(path: string): Map<string, { type: string; flags: string }> {
  const out = new Map<string, { type: string; flags: string }>()
  for (const line of execFileSync('readelf', ['-SW', path], { maxBuffer: 64 << 20 }).toString().split('\n')) {
    // [Nr] Name Type Address Off Size ES Flg Lk Inf Al: Flg is empty for non-alloc sections.
    const m = /^\s*\[\s*\d+\]\s+(\S+)\s+(\S+)\s+[0-9a-f]+\s+[0-9a-f]+\s+[0-9a-f]+\s+[0-9a-f]+\s+([A-Za-z]*)\s+\d+\s+\d+\s+\d+$/.exec(line)
    if (m && !out.has(m[1]!)) out.set(m[1]!, { type: m[2]!, flags: m[3]! })
  }
  return out
}

/** `size -A -d` over many files in one run: file -> section -> size. */
export function sizeAll(files: string[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>()
  const text = execFileSync('size', ['-A', '-d', ...files], { maxBuffer: 512 << 20 }).toString()
  let cur: Map<string, number> | null = null
  for (const line of text.split('\n')) {
    const head = /^(\S.*)\s+:$/.exec(line)
    if (head) {
      cur = new Map()
      out.set(head[1]!.trim(), cur)
      continue
    }
    const m = /^(\S+)\s+(\d+)\s+\d+$/.exec(line)
    if (cur && m && m[1] !== 'Total' && !cur.has(m[1]!)) cur.set(m[1]!, Number(m[2]))
  }
  return out
}

/** Berkeley `size` (text, data, bss) over many files in one run. */
export function sizeBerkeley(files: string[]): Map<string, [number, number, number]> {
  const out = new Map<string, [number, number, number]>()
  for (const line of execFileSync('size', files, { maxBuffer: 512 << 20 }).toString().split('\n').slice(1)) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+\d+\s+[0-9a-f]+\s+(.+)$/.exec(line)
    if (m) out.set(m[4]!, [Number(m[1]), Number(m[2]), Number(m[3])])
  }
  return out
}

/**
 * One module's classes against size(1): size counts read-only SHF_ALLOC bytes as text (the
 * loader's text and rodata, init or not, plus .modinfo and __versions, which it drops) and the
 * writable ones as data and bss.
 */
export function expectSizeAgreement(f: string, berkeley: [number, number, number], secs: Map<string, number>): void {
  const c = classRecord(moduleFileClassSizes(f).classes)
  const [text, data, bss] = berkeley
  const dropped = (secs.get('.modinfo') ?? 0) + (secs.get('__versions') ?? 0)
  expect(c.text + c.rodata + c.initText + c.initRodata + dropped, f).toBe(text)
  expect(c.roAfterInit + c.data + c.bss + c.initData + c.percpu, f).toBe(data + bss)
  expect(c.bss, f).toBe(secs.get('.bss') ?? 0)
  expect(c.percpu, f).toBe(secs.get('.data..percpu') ?? 0)
  expect(c.roAfterInit, f).toBe((secs.get('.data..ro_after_init') ?? 0) + (secs.get('__jump_table') ?? 0))
}
