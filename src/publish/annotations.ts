import * as core from '@actions/core'
import { isAbsolute, join, relative } from 'node:path'
import type { Finding, Severity } from '../model/finding.ts'
import type { Report } from '../report/schema.ts'

/**
 * GitHub shows at most 10 error and 10 warning annotations per step (and 50 per job); more are
 * dropped silently, so we stop at the limit and say how many were left out.
 */
export const ANNOTATIONS_PER_KIND = 10

/** A finding's file as a workspace-relative path (what annotations attach to), if inside it. */
function workspacePath(f: Finding, r: Report, workspace: string): string | undefined {
  if (!f.file) return undefined
  const abs = isAbsolute(f.file) ? f.file : join(r.build.root, f.file)
  const rel = relative(workspace, abs)
  return rel.startsWith('..') || isAbsolute(rel) ? undefined : rel
}

export function annotate(reports: readonly Report[], workspace: string): { emitted: number; left: number } {
  const used: Record<Severity, number> = { error: 0, warning: 0, notice: 0 }
  let left = 0
  for (const r of reports) {
    for (const c of r.checks) {
      for (const f of c.findings) {
        if (used[f.severity] >= ANNOTATIONS_PER_KIND) {
          left++
          continue
        }
        used[f.severity]++
        const file = workspacePath(f, r, workspace)
        const props: core.AnnotationProperties = { title: `kbuild-review ${r.configKey}: ${c.title}` }
        if (file) props.file = file
        if (file && f.line) props.startLine = f.line
        const send =
          f.severity === 'error' ? core.error : f.severity === 'warning' ? core.warning : core.notice
        send(f.message, props)
      }
    }
  }
  if (left)
    core.info(
      `${left} more findings were not annotated (GitHub shows ${ANNOTATIONS_PER_KIND} per kind and step): see the job summary`
    )
  return { emitted: used.error + used.warning + used.notice, left }
}
