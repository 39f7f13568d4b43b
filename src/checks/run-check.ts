import type { Build } from '../model/build.ts'
import { describeError, InputError } from '../model/errors.ts'
import { statusOf, type CheckResult, type Finding } from '../model/finding.ts'
import type { ReviewOptions } from '../model/options.ts'
import { timing } from '../model/timing.ts'
import { nextTurn } from '../model/turns.ts'
import type { AnyCheck, Baseline, CheckOutcome } from './check.ts'

/** What one check adds to a report: its result, and the top-level sections it contributes. */
export interface CheckRun {
  result: CheckResult
  report: Record<string, unknown>
}

/** One check's snapshot; undefined when it has none or it failed. */
export async function snapshotOf(check: AnyCheck, build: Build, options: ReviewOptions): Promise<unknown> {
  if (!check.snapshot) return undefined
  try {
    await nextTurn()
    const snap = await check.snapshot(build, options)
    timing(`snapshot ${check.id} of ${build.layout.root} done`)
    return snap
  } catch {
    // run() reports the same input error as a finding; the snapshot just lacks this part.
    return undefined
  }
}

/** Runs a check; an input error becomes its failing finding, any other error a crash notice. */
export async function runCheck(check: AnyCheck, build: Build, options: ReviewOptions, current: unknown, baseline: Baseline | null): Promise<CheckRun> {
  let outcome: CheckOutcome
  try {
    await nextTurn()
    outcome = await check.run({ build, options, current: current ?? null, baseline })
  } catch (err) {
    const finding: Finding =
      err instanceof InputError
        ? { severity: 'error', code: 'input-error', message: err.message, file: err.file }
        : { severity: 'warning', code: 'check-crashed', message: `the ${check.id} check stopped: ${describeError(err)}` }
    outcome = { status: err instanceof InputError ? 'fail' : 'skip', summary: finding.message, findings: [finding] }
  }
  timing(`check ${check.id} done`)
  const result: CheckResult = {
    id: check.id,
    title: check.title,
    status: outcome.status ?? statusOf(outcome.findings),
    summary: outcome.summary,
    findings: outcome.findings,
    blocks: outcome.blocks ?? []
  }
  return { result, report: outcome.report ?? {} }
}
