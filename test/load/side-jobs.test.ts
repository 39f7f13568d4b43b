// Side jobs: work a module worker takes once it has no module left (a check that reads no
// module). Taken after the modules, answered by the worker, left to the caller (null) when no
// worker will take it; the modules' results never wait for it.
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { kallsymsCheck } from '../../src/checks/kallsyms.ts'
import { runCheck, snapshotOf, type CheckRun } from '../../src/checks/run-check.ts'
import type { ModuleFile } from '../../src/discover/layout.ts'
import { analyzeModules } from '../../src/load/pool.ts'
import { SideJobs, type SideJob } from '../../src/load/side-jobs.ts'
import type { Build } from '../../src/model/build.ts'
import { openBuild } from '../../src/model/open-build.ts'
import { defaultOptions } from '../../src/model/options.ts'
import { kbuildTree } from '../robustness/tree.ts'
import { tempDir } from '../support/tmp.ts'

const dir = tempDir('kbr-side-')
const names = Array.from({ length: 30 }, (_, i) => `side_${String(i).padStart(2, '0')}`)
let build: Build
let modules: ModuleFile[]

beforeAll(() => {
  // A System.map whose kallsyms check has something to say (a one-pass build without passes).
  const systemMap = 'ffffffff81000000 T _stext\nffffffff81000010 T start_kernel\nffffffff82000000 D _sdata\n'
  const root = kbuildTree(join(dir, 'build'), dir, names, { 'System.map': systemMap })
  build = openBuild({ dir: root })
  modules = build.layout.modules
}, 300_000)

function checkJob(check: string): SideJob {
  return { kind: 'check', input: { check, layout: { ...build.layout, modules: [] }, info: build.info, config: build.config, options: defaultOptions(), baseline: null } }
}

describe('SideJobs', () => {
  it('hands jobs out oldest first and tells its listeners of each', async () => {
    const jobs = new SideJobs()
    let told = 0
    const stop = jobs.onSubmit(() => told++)
    const a = jobs.submit({ kind: 'a', input: 1 })
    const b = jobs.submit({ kind: 'b', input: 2 })
    stop()
    void jobs.submit({ kind: 'c', input: 3 })
    expect(told).toBe(2)
    const first = jobs.take()!
    expect(first.job.kind).toBe('a')
    first.resolve('done')
    expect(await a).toBe('done')
    expect(jobs.take()!.job.kind).toBe('b')
    jobs.close()
    // Taken but unanswered: still the taker's to settle. Not taken: null.
    expect(jobs.take()).toBeUndefined()
    expect(await jobs.submit({ kind: 'd', input: 4 })).toBeNull()
    void b
  })

  it('resolves the jobs nobody took to null when closed', async () => {
    const jobs = new SideJobs()
    const a = jobs.submit({ kind: 'a', input: 1 })
    jobs.close()
    expect(await a).toBeNull()
  })
})

describe('side jobs in the worker pool', () => {
  it('runs a check in a worker once the modules are done, the same as in this thread', async () => {
    const jobs = new SideJobs()
    const side = jobs.submit(checkJob('kallsyms'))
    const summaries = await analyzeModules(modules, {}, { jobs: 2, sideJobs: jobs })
    // The modules came back first; the worker on the side job was kept until it answered.
    expect(summaries.map(s => [s.relPath, s.error])).toEqual(names.map(n => [`lib/${n}.ko`, undefined]))
    const off = (await side) as CheckRun
    expect(off).not.toBeNull()
    const here = await runCheck(kallsymsCheck, build, defaultOptions(), await snapshotOf(kallsymsCheck, build, defaultOptions()), null)
    expect(off).toEqual(here)
    expect(off.result.summary).toMatch(/3 symbols/)
  })

  it('passes on what failed in the worker', async () => {
    const jobs = new SideJobs()
    const failure = (job: SideJob) => jobs.submit(job).then(() => null, (err: Error) => err.message)
    const unknownKind = failure({ kind: 'nope', input: null })
    const unknownCheck = failure(checkJob('no-such-check'))
    await analyzeModules(modules, {}, { jobs: 2, sideJobs: jobs })
    expect(await unknownKind).toBe('unknown side job "nope"')
    expect(await unknownCheck).toBe('unknown check "no-such-check"')
  })

  it('leaves a job to its caller when no worker takes it', async () => {
    const inThread = new SideJobs()
    const a = inThread.submit(checkJob('kallsyms'))
    await analyzeModules(modules, {}, { jobs: 0, sideJobs: inThread })
    expect(await a).toBeNull()
    const after = new SideJobs()
    await analyzeModules(modules, {}, { jobs: 2, sideJobs: after })
    expect(await after.submit(checkJob('kallsyms'))).toBeNull()
  })

  it('is what Build.offThread does with a module-free check', async () => {
    const b = openBuild({ dir: build.layout.root })
    const off = (await b.offThread(checkJob('kallsyms'))) as CheckRun | null
    await b.modules()
    expect(off?.result.id).toBe('kallsyms')
    // No workers for a build analyzed in this thread: the caller runs it.
    const here = openBuild({ dir: build.layout.root }, { jobs: 0 })
    expect(await here.offThread(checkJob('kallsyms'))).toBeNull()
  })
})
