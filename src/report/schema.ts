import type { KernelVersion } from '../model/build-info.ts'
import type { CheckResult, CheckStatus } from '../model/finding.ts'

/**
 * The JSON report, schema version 1 (documented in ARCHITECTURE.md). Checks may add
 * top-level sections (`exports`, `modules`); consumers ignore sections they do not know.
 */
export interface Report {
  schemaVersion: 1
  tool: { name: 'kbuild-review'; version: string }
  configKey: string
  build: {
    release: string | null
    version: KernelVersion | null
    arch: string | null
    layout: string
    root: string
    /** Artifact name -> path relative to the root (or as given). */
    artifacts: Record<string, string>
  }
  baseline: { label: string; release: string | null } | null
  verdict: { status: Exclude<CheckStatus, 'skip'>; errors: number; warnings: number; notices: number }
  checks: CheckResult[]
  [section: string]: unknown
}

export const TOOL_VERSION = '0.1.0'
