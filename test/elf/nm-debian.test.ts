import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { discover } from '../../src/discover/discover.ts'
import { analyzeModules } from '../../src/load/pool.ts'
import { debianRelease, fixtureMissing } from '../support/kernels.ts'

const run = promisify(execFile)

/** nm over many files prints "\n<file>:\n" then that file's lines; split it back per file. */
function splitNm(out: string, root: string): Map<string, string[]> {
  const map = new Map<string, string[]>()
  let cur: string[] | undefined
  for (const line of out.split('\n')) {
    if (line.startsWith(root) && line.endsWith(':')) {
      cur = []
      map.set(line.slice(root.length + 1, -1), cur)
    } else if (line && cur) cur.push(line)
  }
  return map
}

describe('ELF symbol listing on every module of a Debian release', () => {
  it('agrees with nm -S line for line: every name, value, size and type letter, in the order nm prints', async ctx => {
    const rel = debianRelease('new')
    if (!rel) return fixtureMissing('Debian 6.12 release', ctx.skip)
    const layout = discover({ dir: rel.koRoot, modulesDir: rel.koRoot })
    expect(layout.modules.length).toBe(rel.moduleCount)
    const ours = await analyzeModules(layout.modules, { analyzers: ['symbols'], symbolSizes: true })
    let compared = 0
    let lines = 0
    const mismatches: string[] = []
    // nm in batches of 300 files, two at a time.
    const batches: string[][] = []
    for (let i = 0; i < layout.modules.length; i += 300) batches.push(layout.modules.slice(i, i + 300).map(m => m.path))
    const byRel = new Map(ours.map(m => [m.relPath, m]))
    for (let i = 0; i < batches.length; i += 2) {
      const outs = await Promise.all(
        batches.slice(i, i + 2).map(b => run('nm', ['-S', ...b], { maxBuffer: 1 << 30, env: { ...process.env, LC_ALL: 'C' } }))
      )
      for (const { stdout } of outs) {
        for (const [relPath, theirs] of splitNm(stdout, rel.koRoot)) {
          const mine = byRel.get(relPath)
          expect(mine?.error).toBeUndefined()
          // Line for line, in nm's order.
          const a = Buffer.from((mine?.facts.symbols as Uint8Array | undefined) ?? []).toString('utf8').split('\n').filter(Boolean)
          const b = theirs
          compared++
          lines += b.length
          if (a.join('\n') !== b.join('\n')) mismatches.push(relPath)
        }
      }
    }
    expect(mismatches).toEqual([])
    expect(compared).toBe(rel.moduleCount)
    expect(lines).toBeGreaterThan(1_000_000)
  }, 600_000)
})
