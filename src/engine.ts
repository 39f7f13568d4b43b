import { statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import type { AnyCheck, Baseline } from './checks/check.ts'
import { runCheckOffThread } from './checks/off-thread.ts'
import { CHECKS } from './checks/registry.ts'
import { runCheck, snapshotOf } from './checks/run-check.ts'
import type { DiscoverInput } from './discover/discover.ts'
import type { Build, BuildAnalysis } from './model/build.ts'
import { InputError } from './model/errors.ts'
import type { CheckResult, Finding } from './model/finding.ts'
import { timing } from './model/timing.ts'
import { openBuild } from './model/open-build.ts'
import { SpareWorkers } from './load/spare-workers.ts'
import type { ReviewOptions } from './model/options.ts'
import { TOOL_VERSION, type Report } from './report/schema.ts'
import { readSnapshot, type Snapshot } from './snapshot/io.ts'

export type { DiscoverInput }
export { timing }

export interface ReviewRequest {
  input: DiscoverInput
  /** A baseline build directory or snapshot file. */
  baseline?: string | null
  /** What reports call the baseline (a commit, a branch); defaults to the path. */
  baselineLabel?: string
  options: ReviewOptions
  /** Worker threads for module analysis (default: one per core). */
  jobs?: number
}

function selectedChecks(options: ReviewOptions): AnyCheck[] {
  if (options.only.length === 0) return [...CHECKS]
  const unknown = options.only.filter(id => !CHECKS.some(c => c.id === id))
  if (unknown.length) throw new InputError('bad-value', '--only', `unknown check ${unknown.join(', ')}; known: ${CHECKS.map(c => c.id).join(', ')}`)
  return CHECKS.filter(c => c.id === 'inventory' || options.only.includes(c.id))
}

/** Each check's snapshot of a build; a failing snapshot() leaves that check's entry out. */
async function snapshotChecks(build: Build, checks: AnyCheck[], options: ReviewOptions): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>()
  await Promise.all(
    checks.map(async c => {
      const snap = await snapshotOf(c, build, options)
      if (snap !== undefined) out.set(c.id, snap)
    })
  )
  return out
}

async function loadBaseline(req: ReviewRequest, checks: AnyCheck[]): Promise<Snapshot | null> {
  if (!req.baseline) return null
  const st = statSync(req.baseline, { throwIfNoEntry: false })
  if (!st) throw new InputError('io', req.baseline, 'baseline: no such file or directory')
  if (st.isFile()) return readSnapshot(req.baseline)
  const base = openBuild({ dir: req.baseline }, jobsOf(req))
  try {
    const parts = await snapshotChecks(base, checks, req.options)
    return toSnapshot(base, parts, req.options.configKey)
  } finally {
    base.close()
  }
}

function jobsOf(req: ReviewRequest) {
  return req.jobs === undefined ? {} : { jobs: req.jobs }
}

function toSnapshot(build: Build, parts: Map<string, unknown>, configKey: string, commit?: string): Snapshot {
  const snap: Snapshot = {
    schemaVersion: 1,
    kind: 'kbuild-review-snapshot',
    configKey,
    createdAt: new Date().toISOString(),
    info: build.info,
    checks: Object.fromEntries(parts)
  }
  if (commit) snap.commit = commit
  return snap
}

/**
 * The build under review, its module workers started before discovery so they boot while the
 * tree is walked (src/load/spare-workers.ts).
 */
function openReviewed(req: ReviewRequest, analysis: BuildAnalysis = {}): Build {
  const spares = req.jobs === 0 ? null : new SpareWorkers(req.jobs ?? availableParallelism())
  try {
    const build = openBuild(req.input, spares ? { ...jobsOf(req), spares } : jobsOf(req), analysis)
    if (spares && build.layout.modules.length === 0) void spares.stop()
    return build
  } catch (err) {
    void spares?.stop()
    throw err
  }
}

export async function takeSnapshot(req: ReviewRequest, meta: { commit?: string } = {}): Promise<Snapshot> {
  const checks = selectedChecks(req.options)
  const build = openReviewed(req)
  try {
    return toSnapshot(build, await snapshotChecks(build, checks, req.options), req.options.configKey, meta.commit)
  } finally {
    build.close()
  }
}

/** Check.withBaseline, whose failure only costs the hint: run() reads the baseline itself. */
function tellBaseline(check: AnyCheck, build: Build, baseline: Baseline): void {
  try {
    check.withBaseline?.(build, baseline)
  } catch {
    // run() reports an unusable baseline as a finding.
  }
}

/** discover -> parse -> checks: the whole review of one build, as the JSON report model. */
export async function review(req: ReviewRequest): Promise<Report> {
  const checks = selectedChecks(req.options)
  // A snapshot file first: read and gunzipped on the libuv pool while this thread walks the
  // build, so its hints reach the module analyzers sooner. (A base build directory is opened
  // after this one: a bad input stops the review before any base module is analyzed.)
  const baselineFile = !!req.baseline && !!statSync(req.baseline, { throwIfNoEntry: false })?.isFile()
  const early = baselineFile ? loadBaseline(req, checks) : null
  early?.catch(() => undefined)
  // Symbol-size tables only for the modules whose size changed (the sizes check asks for them).
  const build = openReviewed(req, { sizeTables: req.baseline ? 'baseline' : 'none' })
  // Start module analysis at once: workers run while vmlinux-based checks use this thread.
  if (build.layout.modules.length) {
    void build.modules().then(
      () => timing(`${build.layout.modules.length} modules analyzed`),
      () => undefined
    )
  }
  const label = req.baselineLabel ?? req.baseline ?? ''
  const baselineFor = (snap: Snapshot, c: AnyCheck): Baseline => ({
    info: snap.info,
    label: snap.commit ? `${label} (${snap.commit})` : label,
    data: (snap.checks[c.id] as unknown) ?? null
  })
  const loading = (early ?? loadBaseline(req, checks)).then(snap => {
    if (snap) for (const c of checks) tellBaseline(c, build, baselineFor(snap, c))
    if (snap) timing('baseline loaded')
    return snap
  })
  // A load failure is thrown by the awaits below.
  loading.catch(() => undefined)
  // A snapshot file is quick to load (a gunzip and a JSON parse, 0.3 s for Debian's 4,230
  // modules): loaded before the checks take this thread, its hints reach the module analyzers
  // before most modules are analyzed. A base build directory is a whole review: not waited for.
  if (baselineFile) await loading.catch(() => undefined)
  const results: CheckResult[] = []
  const extra: Record<string, unknown> = {}
  // Each check runs as soon as its own snapshot and the baseline are there: the checks that do
  // not wait for the modules use this thread while the workers still analyze them. A check that
  // reads no module goes to the first worker to run out of modules instead: it then runs
  // beside the checks that read them, on a core that would otherwise wait for this thread.
  const outcomes = await Promise.all(
    checks.map(async c => {
      const baselineOf = (snap: Snapshot | null) => (snap ? baselineFor(snap, c) : null)
      if (c.moduleFree) {
        const off = await runCheckOffThread(c, build, req.options, baselineOf(await loading))
        if (off) return off
      }
      const [baselineSnap, current] = await Promise.all([loading, snapshotOf(c, build, req.options)])
      return runCheck(c, build, req.options, current, baselineOf(baselineSnap))
    })
  )
  const baselineSnap = await loading
  for (const { result, report } of outcomes) {
    results.push(result)
    Object.assign(extra, report)
  }
  build.close()
  timing('checks done')
  return assembleReport(build, req, results, extra, baselineSnap, label)
}

function assembleReport(
  build: Build,
  req: ReviewRequest,
  checks: CheckResult[],
  extra: Record<string, unknown>,
  baseline: Snapshot | null,
  label: string
): Report {
  const all = checks.flatMap(c => c.findings)
  const count = (s: Finding['severity']) => all.filter(f => f.severity === s).length
  const errors = count('error')
  const warnings = count('warning')
  const artifacts: Record<string, string> = {}
  const l = build.layout
  for (const [k, v] of Object.entries({
    vmlinux: l.vmlinux,
    bootImage: l.bootImage,
    systemMap: l.systemMap,
    symvers: l.symvers,
    config: l.config,
    modulesOrder: l.modulesOrder,
    modulesBuiltin: l.modulesBuiltin,
    modulesBuiltinRanges: l.modulesBuiltinRanges,
    btfBase: l.btfBase,
    modulesDir: l.modulesDir
  })) {
    if (v) artifacts[k] = build.rel(v)
  }
  return {
    ...extra,
    schemaVersion: 1,
    tool: { name: 'kbuild-review', version: TOOL_VERSION },
    configKey: req.options.configKey,
    build: {
      release: build.info.release,
      version: build.info.version,
      arch: build.info.arch,
      layout: build.info.layout,
      root: l.root,
      artifacts
    },
    baseline: baseline ? { label: baseline.commit ? `${label} (${baseline.commit})` : label, release: baseline.info.release } : null,
    verdict: { status: errors ? 'fail' : warnings ? 'warn' : 'pass', errors, warnings, notices: count('notice') },
    checks
  }
}

/** Exit status for the CLI/Action: 1 when findings reach --fail-on. */
export function failsOn(report: Report, failOn: ReviewOptions['failOn']): boolean {
  if (failOn === 'never') return false
  return failOn === 'warning' ? report.verdict.errors + report.verdict.warnings > 0 : report.verdict.errors > 0
}
