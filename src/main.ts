import * as core from '@actions/core'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { failsOn, review, takeSnapshot, type ReviewRequest } from './engine.ts'
import { describeError, InputError } from './model/errors.ts'
import { defaultOptions } from './model/options.ts'
import { codeSpan } from './report/escape.ts'
import { renderJson } from './report/json.ts'
import type { Report } from './report/schema.ts'
import { renderText } from './report/text.ts'
import { annotate } from './publish/annotations.ts'
import {
  artifactName,
  artifactServiceAvailable,
  downloadCurrentRunEnvelopes,
  downloadRunEnvelopes,
  findReportFiles,
  uploadEnvelope
} from './publish/artifacts.ts'
import { createClient, type GitHub } from './publish/client.ts'
import { readContext, type RunContext } from './publish/context.ts'
import { deliverToPullRequest, explain, type PullTarget } from './publish/deliver.ts'
import { parseReportOrEnvelope, type ResultEnvelope } from './publish/envelope.ts'
import { readInputs, type ActionInputs } from './publish/inputs.ts'
import { actionsCache, findBaseline, saveSnapshot } from './publish/snapshots.ts'
import { writeJobSummary } from './publish/summary.ts'
import { verifyEnvelopes } from './publish/verify.ts'

/**
 * The Action: reads inputs, dispatches on `mode`, and has one error path that fails the step
 * for anything thrown. Reports are never lost: the job summary and the log always get them,
 * whatever happens to the PR comment.
 */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs(name => core.getInput(name))
    if (inputs.token) core.setSecret(inputs.token)
    const ctx = readContext()
    const gh = inputs.token
      ? createClient({ token: inputs.token, baseUrl: ctx.apiUrl, log: m => core.info(m) })
      : null
    switch (inputs.mode) {
      case 'review':
      case 'analyze':
        return await reviewMode(inputs, ctx, gh)
      case 'publish':
        return await publishMode(inputs, ctx, gh)
      case 'aggregate':
        return await aggregateMode(inputs, ctx, gh)
      case 'snapshot':
        return await snapshotMode(inputs, ctx)
    }
  } catch (err) {
    core.setFailed(describeError(err))
  }
}

function request(
  inputs: ActionInputs,
  baseline: string | null,
  baselineLabel: string | undefined
): ReviewRequest {
  const input: ReviewRequest['input'] = { dir: inputs.buildDir }
  if (inputs.vmlinux) input.vmlinux = inputs.vmlinux
  if (inputs.systemMap) input.systemMap = inputs.systemMap
  if (inputs.moduleSymvers) input.symvers = inputs.moduleSymvers
  if (inputs.modulesDir) input.modulesDir = inputs.modulesDir
  if (inputs.btfBase) input.btfBase = inputs.btfBase
  if (inputs.kernelConfig) input.config = inputs.kernelConfig
  const req: ReviewRequest = {
    input,
    baseline,
    options: defaultOptions({
      symbolLists: inputs.symbolLists,
      extraModules: inputs.extraModules,
      strictSymbolList: inputs.strictSymbolList,
      btfBaseRef: inputs.btfBaseRef,
      sizeBudget: inputs.sizeBudget || null,
      failOn: inputs.failOn,
      configKey: inputs.configKey
    })
  }
  if (baselineLabel) req.baselineLabel = baselineLabel
  return req
}

/** `baseline: cache` on a PR: the snapshot of the base commit or its nearest ancestor. */
async function resolveBaseline(
  inputs: ActionInputs,
  ctx: RunContext,
  gh: GitHub | null,
  notices: string[]
): Promise<{ path: string | null; label?: string }> {
  if (inputs.baseline !== 'cache') return { path: inputs.baseline || null }
  const pr = ctx.pullRequest
  if (!pr) {
    notices.push(
      'baseline: cache needs a pull_request event (the base commit comes from it); reviewing without a baseline.'
    )
    return { path: null }
  }
  try {
    const found = await findBaseline(
      gh,
      actionsCache,
      {
        owner: ctx.owner,
        repo: ctx.repo,
        configKey: inputs.configKey,
        baseSha: pr.baseSha,
        baseRef: pr.baseRef,
        depth: inputs.baselineDepth,
        tempDir: ctx.tempDir
      },
      m => notices.push(m)
    )
    if (found) core.info(`baseline: ${found.label} (${found.commit})`)
    return found ? { path: found.file, label: found.label } : { path: null }
  } catch (err) {
    notices.push(
      `could not restore a baseline snapshot from the Actions cache (${describeError(err)}); reviewing without a baseline.`
    )
    return { path: null }
  }
}

async function writeReport(report: Report, ctx: RunContext): Promise<string> {
  const dir = join(ctx.tempDir, 'kbuild-review', artifactName(report.configKey))
  await mkdir(dir, { recursive: true })
  const file = join(dir, 'report.json')
  await writeFile(file, renderJson(report))
  return file
}

function setOutputs(reports: readonly Report[], reportPath: string | null): void {
  const sum = (k: 'errors' | 'warnings' | 'notices') => reports.reduce((n, r) => n + r.verdict[k], 0)
  const status = reports.some(r => r.verdict.status === 'fail')
    ? 'fail'
    : reports.some(r => r.verdict.status === 'warn')
      ? 'warn'
      : 'pass'
  if (reportPath) core.setOutput('report', reportPath)
  core.setOutput('status', status)
  core.setOutput('errors', sum('errors'))
  core.setOutput('warnings', sum('warnings'))
  core.setOutput('notices', sum('notices'))
}

function envelopeOf(report: Report, ctx: RunContext): ResultEnvelope {
  const pr = ctx.pullRequest
  return {
    kind: 'kbuild-review-result',
    schemaVersion: 1,
    repository: `${ctx.owner}/${ctx.repo}`,
    runId: ctx.runId,
    pullRequest: pr ? { number: pr.number, headSha: pr.headSha, baseSha: pr.baseSha } : null,
    report
  }
}

function pullTarget(ctx: RunContext, number: number, headSha: string): PullTarget {
  return { owner: ctx.owner, repo: ctx.repo, number, headSha }
}

/** Summary, annotations, log: the places a report always reaches. */
async function deliverLocally(
  reports: readonly Report[],
  inputs: ActionInputs,
  ctx: RunContext,
  notices: readonly string[]
): Promise<void> {
  for (const r of reports) core.info(renderText(r))
  for (const n of notices) core.notice(n)
  const wrote = await writeJobSummary(
    reports,
    notices,
    `the report artifact${reports.length > 1 ? 's' : ''} ${reports.map(r => codeSpan(artifactName(r.configKey))).join(', ')}`
  )
  if (!wrote) core.info('no job summary file (GITHUB_STEP_SUMMARY unset): the report is in the log above')
  if (inputs.annotations) annotate(reports, ctx.workspace)
}

async function reviewMode(inputs: ActionInputs, ctx: RunContext, gh: GitHub | null): Promise<void> {
  const notices: string[] = []
  const baseline = await resolveBaseline(inputs, ctx, gh, notices)
  const report = await review(request(inputs, baseline.path, baseline.label))
  const reportPath = await writeReport(report, ctx)
  setOutputs([report], reportPath)

  let uploaded = false
  if (inputs.mode === 'analyze' || inputs.uploadArtifact) {
    if (artifactServiceAvailable()) {
      try {
        const a = await uploadEnvelope(envelopeOf(report, ctx), ctx.tempDir)
        core.info(`report uploaded as artifact ${a.name}`)
        uploaded = true
      } catch (err) {
        notices.push(`could not upload the report artifact: ${describeError(err)}`)
      }
    } else notices.push(`no artifact service in this environment: the report is at ${reportPath}`)
  }

  if (inputs.mode === 'review' && ctx.pullRequest && (inputs.comment || inputs.reviewComments)) {
    if (!gh) notices.push('no github-token: the report is in the job summary and the log only.')
    else {
      const pr = ctx.pullRequest
      const d = await deliverToPullRequest(gh, pullTarget(ctx, pr.number, pr.headSha), [report], {
        comment: inputs.comment,
        reviewComments: inputs.reviewComments,
        onClean: inputs.commentOnClean,
        workspace: ctx.workspace,
        log: m => core.info(m)
      })
      if (d.comment?.url) core.setOutput('comment-url', d.comment.url)
      if (d.comment) core.info(`summary comment: ${d.comment.action}`)
      if (d.review)
        core.info(
          `review: ${d.review.action} (${d.review.lineComments} line comments, ${d.review.bodyItems} in the body)`
        )
      for (const p of d.problems) notices.push(`${p}. The report is in this job summary and the log.`)
    }
  }
  await deliverLocally([report], inputs, ctx, notices)
  if (inputs.mode === 'analyze' && !uploaded)
    throw new Error(
      'mode: analyze could not upload the report artifact, so a publish job will find nothing (see the notices above)'
    )
  if (failsOn(report, inputs.failOn))
    core.setFailed(
      `kbuild-review: ${report.verdict.errors} errors, ${report.verdict.warnings} warnings (fail-on: ${inputs.failOn})`
    )
}

async function publishMode(inputs: ActionInputs, ctx: RunContext, gh: GitHub | null): Promise<void> {
  const run = ctx.workflowRun
  if (ctx.eventName !== 'workflow_run' || !run)
    throw new InputError(
      'refused',
      'mode: publish',
      `runs on workflow_run events (this is ${ctx.eventName || 'no event'})`
    )
  if (run.event !== 'pull_request') {
    core.info(`the triggering run was for a ${run.event} event, not a pull request: nothing to publish`)
    return
  }
  if (!gh)
    throw new InputError(
      'refused',
      'mode: publish',
      'needs github-token with actions: read and pull-requests: write'
    )
  const envelopes = await downloadRunEnvelopes(
    gh,
    inputs.token,
    { owner: ctx.owner, repo: ctx.repo, runId: run.id, headSha: run.headSha },
    join(ctx.tempDir, 'kbuild-review', 'download')
  )
  if (envelopes.length === 0) {
    core.warning(
      `run ${run.id} uploaded no kbuild-review report artifact (did its analyze step run?): nothing to publish`
    )
    return
  }
  const verdict = await verifyEnvelopes(gh, ctx, run, envelopes)
  // One report per config key (a re-run job's artifact replaces the older one).
  const reports = [...new Map(envelopes.map(e => [e.report.configKey, e.report])).values()]
  setOutputs(reports, null)
  if (verdict.kind === 'stale') {
    core.notice(verdict.reason)
    await deliverLocally(reports, inputs, ctx, [verdict.reason])
    return
  }
  const d = await deliverToPullRequest(gh, pullTarget(ctx, verdict.number, run.headSha), reports, {
    comment: inputs.comment,
    reviewComments: inputs.reviewComments,
    onClean: inputs.commentOnClean,
    workspace: ctx.workspace,
    log: m => core.info(m)
  })
  if (d.comment?.url) core.setOutput('comment-url', d.comment.url)
  if (d.comment) core.info(`summary comment on #${verdict.number}: ${d.comment.action}`)
  if (d.review)
    core.info(`review on #${verdict.number}: ${d.review.action} (${d.review.lineComments} line comments)`)
  await deliverLocally(reports, { ...inputs, annotations: false }, ctx, d.problems)
  // Publishing is this job's only purpose: failing to publish fails it (the reports are in its summary).
  if (d.problems.length)
    throw new Error(`could not publish to pull request #${verdict.number}: ${d.problems.join('; ')}`)
}

async function readReportsDir(path: string): Promise<ResultEnvelope[] | Report[]> {
  const files = await findReportFiles(path)
  const parsed = await Promise.all(files.map(async f => parseReportOrEnvelope(await readFile(f, 'utf8'), f)))
  return parsed as ResultEnvelope[] | Report[]
}

async function aggregateMode(inputs: ActionInputs, ctx: RunContext, gh: GitHub | null): Promise<void> {
  const items = inputs.reports
    ? await readReportsDir(inputs.reports)
    : artifactServiceAvailable()
      ? await downloadCurrentRunEnvelopes(join(ctx.tempDir, 'kbuild-review', 'aggregate'))
      : []
  const all = (items as Array<ResultEnvelope | Report>).map(x =>
    'kind' in x && x.kind === 'kbuild-review-result' ? (x as ResultEnvelope).report : (x as Report)
  )
  // One report per config key: a re-run job's newer artifact replaces the older one.
  const byKey = new Map(all.map(r => [r.configKey, r]))
  const reports = [...byKey.values()]
  if (reports.length === 0)
    throw new InputError(
      'io',
      inputs.reports || 'artifacts of this run',
      'no kbuild-review reports found to aggregate'
    )
  setOutputs(reports, null)
  const notices: string[] = []
  const pr = ctx.pullRequest
  if (pr && gh && (inputs.comment || inputs.reviewComments)) {
    const d = await deliverToPullRequest(gh, pullTarget(ctx, pr.number, pr.headSha), reports, {
      comment: inputs.comment,
      reviewComments: inputs.reviewComments,
      onClean: inputs.commentOnClean,
      workspace: ctx.workspace,
      log: m => core.info(m)
    })
    if (d.comment?.url) core.setOutput('comment-url', d.comment.url)
    if (d.comment) core.info(`summary comment: ${d.comment.action} (${reports.length} configs)`)
    for (const p of d.problems) notices.push(`${p}. The reports are in this job summary.`)
  }
  await deliverLocally(reports, inputs, ctx, notices)
  const failing = reports.filter(r => failsOn(r, inputs.failOn))
  if (failing.length)
    core.setFailed(
      `kbuild-review: findings in ${failing.map(r => r.configKey).join(', ')} (fail-on: ${inputs.failOn})`
    )
}

async function snapshotMode(inputs: ActionInputs, ctx: RunContext): Promise<void> {
  const snap = await takeSnapshot(request(inputs, null, undefined), ctx.sha ? { commit: ctx.sha } : {})
  try {
    const key = await saveSnapshot(actionsCache, ctx.tempDir, snap, ctx.sha)
    core.info(`snapshot of ${inputs.configKey} at ${ctx.sha} saved to the Actions cache as ${key}`)
    core.setOutput('snapshot-key', key)
  } catch (err) {
    // A cache entry for this key already exists (re-run), or the cache service is unavailable.
    core.warning(`could not save the snapshot to the Actions cache: ${explain(err, 'cache').line}`)
  }
  const file = join(ctx.tempDir, 'kbuild-review-snapshot', 'snapshot.json.gz')
  core.setOutput('snapshot', file)
}
