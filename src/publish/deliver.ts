import { describeError } from '../model/errors.ts'
import { codeSpan } from '../report/escape.ts'
import { COMMENT_LIMIT, renderSection, sectionMeta } from '../report/markdown.ts'
import type { Report } from '../report/schema.ts'
import { artifactName } from './artifacts.ts'
import type { GitHub } from './client.ts'
import { postReview, type ReviewResult } from './review.ts'
import type { Section } from './sections.ts'
import { upsertSticky, type OnClean, type StickyResult } from './sticky.ts'

export interface PullTarget {
  owner: string
  repo: string
  number: number
  headSha: string
}

export interface DeliverOptions {
  comment: boolean
  reviewComments: boolean
  onClean: OnClean
  workspace: string
  log: (m: string) => void
}

export interface Delivery {
  comment: StickyResult | null
  review: ReviewResult | null
  /** What went wrong, each as one line a maintainer can act on. */
  problems: string[]
  /** The token may not write to the PR (fork pull requests get a read-only token). */
  readOnly: boolean
}

/** Where the full report is, for truncation notes. */
export function fullReportAt(configKeys: readonly string[]): string {
  // Config keys of a publish run come from the fork's artifacts: code spans, never raw.
  const names = configKeys.map(k => codeSpan(artifactName(k))).join(', ')
  return `the job summary and the report artifact${configKeys.length > 1 ? 's' : ''} ${names}`
}

/** Our config sections, each rendered within a fair share of the comment. */
export function sectionsOf(reports: readonly Report[]): Section[] {
  const share = Math.floor((COMMENT_LIMIT - 400) / Math.max(1, reports.length))
  return reports.map(r => ({
    meta: sectionMeta(r),
    text: renderSection(r, share, { fullReportAt: fullReportAt([r.configKey]) })
  }))
}

/** One line for a failed GitHub request: what happened and what to do. */
export function explain(err: unknown, what: string): { line: string; readOnly: boolean } {
  const status = (err as { status?: number }).status
  const msg = describeError(err)
  if (status === 403 && /rate limit/i.test(msg))
    return { line: `${what}: GitHub rate limit reached and did not reset in time (${msg})`, readOnly: false }
  if (status === 403 || status === 401)
    return {
      line: `${what}: the token may not write to this pull request (${status}: ${msg}). Pull requests from forks get a read-only token: use mode: analyze with a mode: publish workflow (docs/ACTION.md), or grant pull-requests: write`,
      readOnly: true
    }
  if (status === 404)
    return {
      line: `${what}: not found (404: ${msg}); the token may lack access to this repository`,
      readOnly: true
    }
  if (status === 422) return { line: `${what}: GitHub refused the request (422: ${msg})`, readOnly: false }
  if (status && status >= 500)
    return { line: `${what}: GitHub kept failing (${status}: ${msg}) after retries`, readOnly: false }
  return { line: `${what}: ${msg}`, readOnly: false }
}

/**
 * The summary comment and the review on a PR. Failures do not throw: they come back as
 * problems, so the caller still has the job summary and decides whether the step fails.
 */
export async function deliverToPullRequest(
  gh: GitHub,
  t: PullTarget,
  reports: readonly Report[],
  o: DeliverOptions
): Promise<Delivery> {
  const d: Delivery = { comment: null, review: null, problems: [], readOnly: false }
  const keys = reports.map(r => r.configKey)
  if (o.comment) {
    try {
      d.comment = await upsertSticky(
        gh,
        { owner: t.owner, repo: t.repo, issueNumber: t.number },
        sectionsOf(reports),
        {
          onClean: o.onClean,
          limit: COMMENT_LIMIT,
          fullReportAt: fullReportAt(keys),
          log: o.log
        }
      )
    } catch (err) {
      const e = explain(err, 'summary comment')
      d.problems.push(e.line)
      d.readOnly ||= e.readOnly
    }
  }
  // A read-only token would fail the review the same way: one clear notice is enough.
  if (o.reviewComments && !d.readOnly) {
    try {
      d.review = await postReview(
        gh,
        { owner: t.owner, repo: t.repo, pullNumber: t.number, headSha: t.headSha },
        reports,
        { workspace: o.workspace, log: o.log }
      )
    } catch (err) {
      const e = explain(err, 'review comments')
      d.problems.push(e.line)
      d.readOnly ||= e.readOnly
    }
  }
  return d
}
