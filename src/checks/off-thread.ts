import type { BuildLayout } from '../discover/layout.ts'
import type { SideJob } from '../load/side-jobs.ts'
import { Build } from '../model/build.ts'
import type { BuildInfo } from '../model/build-info.ts'
import type { ReviewOptions } from '../model/options.ts'
import { timing } from '../model/timing.ts'
import type { Kconfig } from '../parse/kconfig.ts'
import type { AnyCheck, Baseline } from './check.ts'
import { CHECKS } from './registry.ts'
import { runCheck, snapshotOf, type CheckRun } from './run-check.ts'

const KIND = 'check'

/** What a worker needs to run a module-free check: the build without its module list. */
interface CheckJob {
  check: string
  layout: BuildLayout
  info: BuildInfo
  config: Kconfig | null
  options: ReviewOptions
  baseline: Baseline | null
}

/**
 * A module-free check (Check.moduleFree), snapshot and run, in a module worker that has no
 * module left, while this thread runs the checks that read the modules. Null when no worker
 * takes it or it could not be sent there: the caller runs it itself, as it would anyway.
 */
export async function runCheckOffThread(check: AnyCheck, build: Build, options: ReviewOptions, baseline: Baseline | null): Promise<CheckRun | null> {
  if (!check.moduleFree) return null
  const input: CheckJob = { check: check.id, layout: { ...build.layout, modules: [] }, info: build.info, config: build.config, options, baseline }
  try {
    return (await build.offThread({ kind: KIND, input })) as CheckRun | null
  } catch {
    return null
  }
}

/** A side job in a module worker (src/load/module-worker.ts): the check it names, on the build it describes. */
export async function runSideJob(job: SideJob): Promise<CheckRun> {
  if (job.kind !== KIND) throw new Error(`unknown side job "${job.kind}"`)
  const input = job.input as CheckJob
  const check = CHECKS.find(c => c.id === input.check)
  if (!check) throw new Error(`unknown check "${input.check}"`)
  timing(`check ${check.id} started in a module worker`)
  const build = new Build(input.layout, input.info, input.config, { jobs: 0 })
  try {
    const current = await snapshotOf(check, build, input.options)
    return await runCheck(check, build, input.options, current, input.baseline)
  } finally {
    build.close()
  }
}
