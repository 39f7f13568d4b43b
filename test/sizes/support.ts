// Helpers for the size tests: the reference tools run over the same files.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
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
