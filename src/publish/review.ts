import { createHash } from 'node:crypto'
import { isAbsolute, join } from 'node:path'
import type { Finding, Severity } from '../model/finding.ts'
import { codeSpan, escapeText } from '../report/escape.ts'
import type { Report } from '../report/schema.ts'
import type { GitHub } from './client.ts'
import { PullDiff, type PullFile, type Side } from './diff.ts'

/**
 * The PR review: line comments where the reviewer is looking (the symbol-list lines behind a
 * finding, the EXPORT_SYMBOL* lines the PR adds, removes or changes), only on lines inside the
 * PR's diff; located findings outside it go into the review body. Every comment carries a hidden
 * signature so re-runs post only what is new.
 */

export interface ReviewTarget {
  owner: string
  repo: string
  pullNumber: number
  headSha: string
}

export interface ReviewOptions {
  workspace: string
  log: (message: string) => void
}

export interface ReviewResult {
  action: 'posted' | 'unchanged' | 'nothing' | 'stale'
  lineComments: number
  bodyItems: number
}

interface Note {
  severity: Severity
  text: string
  configs: string[]
}

interface LineItem {
  path: string
  side: Side
  line: number
  notes: Note[]
}

interface BodyItem {
  where: string
  notes: Note[]
}

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' }
const MAX_LINE_COMMENTS = 50
const MAX_BODY_ITEMS = 100
const RC_MARKER = /<!-- kbuild-review:rc sig=([0-9a-f]{16}) -->/
const REVIEW_MARKER = /<!-- kbuild-review:review sig=([0-9a-f]{16}) -->/

function addNote(notes: Note[], f: Finding, configKey: string): void {
  const same = notes.find(n => n.text === f.message && n.severity === f.severity)
  if (same) {
    if (!same.configs.includes(configKey)) same.configs.push(configKey)
  } else notes.push({ severity: f.severity, text: f.message, configs: [configKey] })
}

function candidates(file: string, r: Report, workspace: string): string[] {
  if (isAbsolute(file)) return [file]
  return [join(r.build.root, file), join(workspace, file), file]
}

export interface ReviewPlan {
  lines: LineItem[]
  body: BodyItem[]
}

/** Pure: which findings go on which diff line, and which into the review body. */
export function planReview(reports: readonly Report[], diff: PullDiff, workspace: string): ReviewPlan {
  const lines = new Map<string, LineItem>()
  const body = new Map<string, BodyItem>()
  const onLine = (path: string, side: Side, line: number) => {
    const k = `${path}\0${side}\0${line}`
    let item = lines.get(k)
    if (!item) lines.set(k, (item = { path, side, line, notes: [] }))
    return item.notes
  }
  const inBody = (where: string) => {
    let item = body.get(where)
    if (!item) body.set(where, (item = { where, notes: [] }))
    return item.notes
  }
  for (const r of reports) {
    for (const c of r.checks) {
      for (const f of c.findings) {
        if (f.file && f.line) {
          const file = candidates(f.file, r, workspace)
            .map(p => diff.fileFor(p))
            .find(d => d !== null)
          if (file && file.right.has(f.line)) addNote(onLine(file.path, 'RIGHT', f.line), f, r.configKey)
          else addNote(inBody(`${file?.path ?? f.file}:${f.line}`), f, r.configKey)
        } else if (f.symbol) {
          const at = diff.exportLinesOf(f.symbol)[0]
          if (at) addNote(onLine(at.path, at.side, at.line), f, r.configKey)
        }
      }
    }
  }
  const sorted = [...lines.values()].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line)
  // Past the cap, line comments move to the body rather than being lost.
  for (const extra of sorted.splice(MAX_LINE_COMMENTS)) {
    for (const n of extra.notes) inBody(`${extra.path}:${extra.line}`).push(n)
  }
  return { lines: sorted, body: [...body.values()].sort((a, b) => a.where.localeCompare(b.where)) }
}

function sig(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16)
}

function noteMd(n: Note, multi: boolean): string {
  const configs = multi ? ` (${n.configs.map(k => codeSpan(k)).join(', ')})` : ''
  return `${ICON[n.severity]} ${escapeText(n.text)}${configs}`
}

function lineSig(l: LineItem): string {
  // The line number is left out: a later push that moves the line is not a new finding.
  return sig([l.path, l.side, ...l.notes.map(n => `${n.severity}:${n.text}`).sort()])
}

function lineBody(l: LineItem, multi: boolean): string {
  return `<!-- kbuild-review:rc sig=${lineSig(l)} -->\n${l.notes.map(n => noteMd(n, multi)).join('\n\n')}\n`
}

function bodySig(items: readonly BodyItem[]): string {
  return sig(items.flatMap(b => [b.where, ...b.notes.map(n => `${n.severity}:${n.text}`).sort()]))
}

/** The review body; `plan.body` lists the located findings outside the diff (empty once posted). */
function reviewBody(plan: ReviewPlan, multi: boolean, lineCount: number, s: string): string {
  const out = [`<!-- kbuild-review:review sig=${s} -->`]
  if (lineCount)
    out.push(
      `kbuild-review left ${lineCount === 1 ? 'a comment' : `${lineCount} comments`} on lines of this pull request.`
    )
  if (plan.body.length) {
    out.push('', 'Findings on lines outside the diff of this pull request:', '')
    for (const b of plan.body.slice(0, MAX_BODY_ITEMS))
      out.push(`- ${codeSpan(b.where)}: ${b.notes.map(n => noteMd(n, multi)).join('; ')}`)
    if (plan.body.length > MAX_BODY_ITEMS)
      out.push(
        `- *… and ${plan.body.length - MAX_BODY_ITEMS} more: see the summary comment and the job summary.*`
      )
  }
  return out.join('\n').slice(0, 60_000) + '\n'
}

function trusted(user: { type?: string } | null | undefined, association: string | undefined): boolean {
  return (
    user?.type === 'Bot' ||
    association === 'OWNER' ||
    association === 'MEMBER' ||
    association === 'COLLABORATOR'
  )
}

export async function fetchDiff(gh: GitHub, t: ReviewTarget): Promise<PullDiff> {
  const files = (await gh.paginate(gh.rest.pulls.listFiles, {
    owner: t.owner,
    repo: t.repo,
    pull_number: t.pullNumber,
    per_page: 100
  })) as PullFile[]
  return new PullDiff(files)
}

/** Posts one review (event COMMENT) with what is new since the last run; nothing when nothing is. */
export async function postReview(
  gh: GitHub,
  t: ReviewTarget,
  reports: readonly Report[],
  o: ReviewOptions
): Promise<ReviewResult> {
  const { data: pr } = await gh.rest.pulls.get({ owner: t.owner, repo: t.repo, pull_number: t.pullNumber })
  if (pr.head.sha !== t.headSha) {
    o.log(
      `pull request #${t.pullNumber} moved on to ${pr.head.sha.slice(0, 12)} since ${t.headSha.slice(0, 12)} was built: no line comments (the newer run will post them)`
    )
    return { action: 'stale', lineComments: 0, bodyItems: 0 }
  }
  const diff = await fetchDiff(gh, t)
  const plan = planReview(reports, diff, o.workspace)
  if (plan.lines.length === 0 && plan.body.length === 0)
    return { action: 'nothing', lineComments: 0, bodyItems: 0 }
  const multi = new Set(reports.map(r => r.configKey)).size > 1

  const posted = new Set<string>()
  const comments = (await gh.paginate(gh.rest.pulls.listReviewComments, {
    owner: t.owner,
    repo: t.repo,
    pull_number: t.pullNumber,
    per_page: 100
  })) as Array<{
    body: string
    user: { type?: string } | null
    author_association?: string
  }>
  for (const c of comments) {
    const m = RC_MARKER.exec(c.body)
    if (m && trusted(c.user, c.author_association)) posted.add(m[1]!)
  }
  const fresh = plan.lines.filter(l => !posted.has(lineSig(l)))
  const sigOfBody = bodySig(plan.body)
  let bodySeen = plan.body.length === 0
  if (!bodySeen) {
    const reviews = (await gh.paginate(gh.rest.pulls.listReviews, {
      owner: t.owner,
      repo: t.repo,
      pull_number: t.pullNumber,
      per_page: 100
    })) as Array<{
      body: string | null
      user: { type?: string } | null
      author_association?: string
    }>
    bodySeen = reviews.some(
      r => REVIEW_MARKER.exec(r.body ?? '')?.[1] === sigOfBody && trusted(r.user, r.author_association)
    )
  }
  if (fresh.length === 0 && bodySeen)
    return { action: 'unchanged', lineComments: 0, bodyItems: plan.body.length }
  const body = reviewBody({ lines: fresh, body: bodySeen ? [] : plan.body }, multi, fresh.length, sigOfBody)

  const review = {
    owner: t.owner,
    repo: t.repo,
    pull_number: t.pullNumber,
    commit_id: t.headSha,
    event: 'COMMENT' as const,
    body,
    comments: fresh.map(l => ({ path: l.path, line: l.line, side: l.side, body: lineBody(l, multi) }))
  }
  try {
    await gh.rest.pulls.createReview(review)
  } catch (err) {
    if ((err as { status?: number }).status !== 422 || fresh.length === 0) throw err
    // Should not happen (every line was checked against the diff); keep the findings anyway.
    o.log(
      `GitHub refused the line comments (422: ${(err as Error).message}); posting them in the review body instead`
    )
    const moved: ReviewPlan = {
      lines: [],
      body: [...plan.body, ...fresh.map(l => ({ where: `${l.path}:${l.line}`, notes: l.notes }))]
    }
    await gh.rest.pulls.createReview({
      ...review,
      body: reviewBody(moved, multi, 0, bodySig(moved.body)),
      comments: []
    })
    return { action: 'posted', lineComments: 0, bodyItems: moved.body.length }
  }
  return { action: 'posted', lineComments: fresh.length, bodyItems: bodySeen ? 0 : plan.body.length }
}
