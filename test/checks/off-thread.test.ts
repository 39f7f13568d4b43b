// A module-free check run in a module worker (src/checks/off-thread.ts) on a real kernel:
// Debian's 6.12.117 (stripped vmlinuz, -dbg vmlinux, real System.map) against 6.12.115's
// kallsyms snapshot. What comes back from the worker must be what this thread makes.
import { describe, expect, it } from 'vitest'
import { kallsymsCheck } from '../../src/checks/kallsyms.ts'
import { runCheckOffThread } from '../../src/checks/off-thread.ts'
import { runCheck, snapshotOf } from '../../src/checks/run-check.ts'
import { Build } from '../../src/model/build.ts'
import { openBuild } from '../../src/model/open-build.ts'
import { defaultOptions } from '../../src/model/options.ts'
import { debianRelease, fixtureMissing } from '../support/kernels.ts'

describe('module-free checks in a module worker', () => {
  it('kallsyms of Debian 6.12.117 with a baseline: the same result as in this thread', async ({ skip }) => {
    const oldRel = debianRelease('old')
    const newRel = debianRelease('new')
    if (!oldRel?.dbgSystemMap || !newRel?.dbgSystemMap) return fixtureMissing('Debian 6.12 old/new with -dbg (scripts/kernels/fetch-debian.sh)', skip)
    const options = defaultOptions()
    const base = openBuild({ dir: oldRel.root }, { jobs: 0 })
    const baseline = { info: base.info, label: '6.12.115', data: await snapshotOf(kallsymsCheck, base, options) }
    base.close()
    const full = openBuild({ dir: newRel.root, modulesDir: newRel.koRoot })
    // 40 of its modules: enough for the worker pool, few enough to be quick.
    const build = new Build({ ...full.layout, modules: full.layout.modules.slice(0, 40) }, full.info, full.config, { jobs: 2 })
    const off = await runCheckOffThread(kallsymsCheck, build, options, baseline)
    await build.modules()
    build.close()
    const here = openBuild({ dir: newRel.root, modulesDir: newRel.koRoot }, { jobs: 0 })
    const expected = await runCheck(kallsymsCheck, here, options, await snapshotOf(kallsymsCheck, here, options), baseline)
    here.close()
    expect(off).not.toBeNull()
    expect(off).toEqual(expected)
    expect(off!.result.status).toBe('pass')
    expect(off!.result.summary).toMatch(/^[\d,]+ symbols, embedded table matches System\.map/)
  }, 120_000)
})
