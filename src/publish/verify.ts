import { InputError } from '../model/errors.ts'
import type { GitHub } from './client.ts'
import type { RunContext, TriggeringRun } from './context.ts'
import type { ResultEnvelope } from './envelope.ts'

export type Verdict = { kind: 'ok'; number: number } | { kind: 'stale'; reason: string }

/**
 * Pure part: the artifacts must say they come from the triggering run (GitHub's workflow_run
 * payload is the trusted side), of this repository, for one pull request at the run's head
 * commit. Throws with the first mismatch.
 */
export function checkEnvelopes(
  ctx: Pick<RunContext, 'owner' | 'repo'>,
  run: TriggeringRun,
  envelopes: readonly ResultEnvelope[]
): number {
  const repo = `${ctx.owner}/${ctx.repo}`
  let number: number | null = null
  for (const e of envelopes) {
    const what = `report artifact for ${e.report.configKey}`
    if (e.repository !== repo)
      throw new InputError('refused', what, `claims repository ${e.repository}, this is ${repo}`)
    if (e.runId !== run.id)
      throw new InputError('refused', what, `claims run ${e.runId}, the triggering run is ${run.id}`)
    if (!e.pullRequest) throw new InputError('refused', what, 'names no pull request')
    if (e.pullRequest.headSha !== run.headSha)
      throw new InputError(
        'refused',
        what,
        `claims head ${e.pullRequest.headSha}, the run built ${run.headSha}`
      )
    if (number !== null && e.pullRequest.number !== number)
      throw new InputError(
        'refused',
        what,
        `claims pull request #${e.pullRequest.number}, another artifact #${number}`
      )
    number = e.pullRequest.number
  }
  if (number === null) throw new InputError('refused', 'report artifacts', 'none to verify')
  // GitHub lists the run's pull requests except for forks; when it does, ours must be there.
  if (run.pullRequests.length && !run.pullRequests.includes(number)) {
    throw new InputError(
      'refused',
      'report artifacts',
      `claim pull request #${number}, the run was for #${run.pullRequests.join(', #')}`
    )
  }
  return number
}

/**
 * Full check before posting: the pull request the artifacts name must, according to the API,
 * have the run's head commit from the run's head repository. A PR that moved on is stale (its
 * newer run will publish), not an error.
 */
export async function verifyEnvelopes(
  gh: GitHub,
  ctx: RunContext,
  run: TriggeringRun,
  envelopes: readonly ResultEnvelope[]
): Promise<Verdict> {
  const number = checkEnvelopes(ctx, run, envelopes)
  const { data: pr } = await gh.rest.pulls.get({ owner: ctx.owner, repo: ctx.repo, pull_number: number })
  const headRepo = pr.head.repo?.full_name ?? null
  if (run.headRepo && headRepo && headRepo !== run.headRepo) {
    throw new InputError(
      'refused',
      `pull request #${number}`,
      `comes from ${headRepo}, the run built ${run.headRepo}`
    )
  }
  if (pr.base.repo.full_name !== `${ctx.owner}/${ctx.repo}`)
    throw new InputError('refused', `pull request #${number}`, `targets ${pr.base.repo.full_name}`)
  if (pr.head.sha !== run.headSha) {
    return {
      kind: 'stale',
      reason: `pull request #${number} moved on to ${pr.head.sha.slice(0, 12)} since run ${run.id} built ${run.headSha.slice(0, 12)}: not publishing (the newer run will)`
    }
  }
  return { kind: 'ok', number }
}
