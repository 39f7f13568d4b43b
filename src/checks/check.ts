import type { Build } from '../model/build.ts'
import type { BuildInfo } from '../model/build-info.ts'
import type { Block, CheckStatus, Finding } from '../model/finding.ts'
import type { ReviewOptions } from '../model/options.ts'

/**
 * One check: a pure function of the parsed build (and the baseline's snapshot) to findings.
 * To add a check: write src/checks/<name>.ts exporting a Check, add it to CHECKS in
 * registry.ts. Nothing else changes.
 */
export interface Check<S = unknown> {
  readonly id: string
  readonly title: string
  /**
   * What a later comparison needs from a build, kept in snapshots (JSON-serialisable, compact).
   * Baselines given as a directory are reduced to the same data, so run() sees one shape.
   */
  snapshot?(build: Build, options: ReviewOptions): Promise<S | null>
  /**
   * Called as soon as the baseline is loaded, while the modules may still be being analyzed:
   * a check can tell the module analyzers what its comparison will not need (Build.hint).
   */
  withBaseline?(build: Build, baseline: Baseline<S>): void
  run(ctx: CheckContext<S>): Promise<CheckOutcome>
  /**
   * Reads no module (never Build.modules() or analyzeAgain()). A review may then run its
   * snapshot() and run() in a module worker with no module left, on a Build of the same
   * layout, while the main thread runs the checks that wait for the modules
   * (src/checks/off-thread.ts). What it returns is sent back, so it must be plain data.
   */
  readonly moduleFree?: boolean
}

export interface Baseline<S = unknown> {
  info: BuildInfo
  /** What the comment says it compared with: a commit, a path, a snapshot file. */
  label: string
  /** This check's part of the baseline snapshot; null when the baseline has none. */
  data: S | null
}

export interface CheckContext<S = unknown> {
  build: Build
  options: ReviewOptions
  /** This check's snapshot of the current build (computed once, shared with snapshot mode). */
  current: S | null
  baseline: Baseline<S> | null
}

export interface CheckOutcome {
  /** Defaults to statusOf(findings); 'skip' when the check had nothing to look at. */
  status?: CheckStatus
  summary: string
  findings: Finding[]
  blocks?: Block[]
  /** Top-level sections this check adds to the JSON report (e.g. `exports`, `modules`). */
  report?: Record<string, unknown>
}

export function skipped(summary: string): CheckOutcome {
  return { status: 'skip', summary, findings: [] }
}

/** A check of any snapshot type, for the registry (each check's S stays private to it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCheck = Check<any>
