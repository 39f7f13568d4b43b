// The per-module time limit of the worker pool: a worker still busy with a module past the limit
// is stopped, that module reported by name, the modules it held handed to a fresh worker. With
// a limit of 0 ms every module a worker holds when the watchdog looks is over it, which makes
// the mechanism run many times over without depending on how fast the machine is.
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ModuleSummary } from '../../src/load/analyzer.ts'
import { analyzeModules } from '../../src/load/pool.ts'
import { LIMITS } from '../../src/load/limits.ts'
import { openBuild } from '../../src/model/open-build.ts'
import { tempDir } from '../support/tmp.ts'
import { kbuildTree } from './tree.ts'

const dir = tempDir('kbr-timeout-')
const names = Array.from({ length: 30 }, (_, i) => `mod_${String(i).padStart(2, '0')}`)
let stopped: ModuleSummary[]
let normal: ModuleSummary[]

beforeAll(async () => {
  const root = kbuildTree(join(dir, 'build'), dir, names)
  const layout = openBuild({ dir: root }).layout
  stopped = await analyzeModules(layout.modules, {}, { jobs: 2, moduleTimeoutMs: 0 })
  normal = await analyzeModules(layout.modules, {}, { jobs: 2 })
}, 300_000)

describe('time limit per module', () => {
  it('is generous by default: every module of a normal build is analyzed', () => {
    expect(LIMITS.maxModuleMillis).toBeGreaterThanOrEqual(60_000)
    expect(normal.map(m => [m.relPath, m.error])).toEqual(names.map(n => [`lib/${n}.ko`, undefined]))
  })

  it('stops a module that runs past it, names it, and goes on with the others', () => {
    expect(stopped.map(m => m.relPath)).toEqual(names.map(n => `lib/${n}.ko`))
    const over = stopped.filter(m => m.error)
    expect(over.length).toBeGreaterThan(0)
    for (const m of over) {
      expect(m.error).toBe(
        `${m.relPath}: analysis did not finish within 0 s (the time limit per module) and was stopped`
      )
    }
    for (const m of stopped.filter(x => !x.error))
      expect(m.facts.modinfo, m.relPath).toMatchObject({ license: 'GPL' })
  })
})
