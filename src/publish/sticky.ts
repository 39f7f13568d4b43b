import { STICKY_MARKER } from '../report/markdown.ts'
import type { GitHub } from './client.ts'
import { allClean, composeComment, isSticky, mergeSections, parseSections, type Section } from './sections.ts'

export type OnClean = 'update' | 'delete' | 'collapse'

export interface StickyTarget {
  owner: string
  repo: string
  issueNumber: number
}

export interface StickyOptions {
  onClean: OnClean
  limit: number
  fullReportAt: string
  log: (message: string) => void
  /** Pause between attempts when another job changed the comment under us (ms). */
  settleMs?: number
}

export interface StickyResult {
  action: 'created' | 'updated' | 'unchanged' | 'deleted' | 'collapsed' | 'skipped'
  url: string | null
  commentId: number | null
}

interface Comment {
  id: number
  node_id: string
  body?: string | null
  html_url: string
  user: { login: string; type: string } | null
}

const COLLAPSED_MARKER = '<!-- kbuild-review:sticky collapsed -->'

/** Our comments: the marker opens the body (a quote or reply does not) and a bot or we wrote it. */
async function findOurs(
  gh: GitHub,
  t: StickyTarget,
  self: { login: string | null | undefined }
): Promise<Comment[]> {
  const all = (await gh.paginate(gh.rest.issues.listComments, {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.issueNumber,
    per_page: 100
  })) as Comment[]
  const marked = all.filter(c => isSticky(c.body))
  const out: Comment[] = []
  for (const c of marked) {
    if (c.user?.type === 'Bot') out.push(c)
    else {
      if (self.login === undefined) {
        // Installation tokens (GITHUB_TOKEN) cannot read /user; personal tokens can.
        self.login = await gh.rest.users.getAuthenticated().then(
          r => r.data.login,
          () => null
        )
      }
      if (c.user && c.user.login === self.login) out.push(c)
    }
  }
  return out.sort((a, b) => a.id - b.id)
}

async function setMinimized(gh: GitHub, nodeId: string, minimized: boolean): Promise<void> {
  if (minimized) {
    await gh.graphql(
      'mutation($id: ID!) { minimizeComment(input: { subjectId: $id, classifier: RESOLVED }) { minimizedComment { isMinimized } } }',
      { id: nodeId }
    )
  } else {
    await gh.graphql(
      'mutation($id: ID!) { unminimizeComment(input: { subjectId: $id }) { unminimizedComment { isMinimized } } }',
      { id: nodeId }
    )
  }
}

function sameSections(body: string, ours: readonly Section[]): boolean {
  const now = parseSections(body)
  const same = (a: Section['meta'], b: Section['meta']) =>
    a.key === b.key &&
    a.status === b.status &&
    a.errors === b.errors &&
    a.warnings === b.warnings &&
    a.notices === b.notices
  return ours.every(o => now.some(s => same(s.meta, o.meta)))
}

/**
 * Creates or updates the one summary comment of a PR with our config sections. Matrix jobs may
 * race: after writing, the comment is read back, and when another job's write dropped our
 * section the merge is redone (a few times at most). Nothing is written when the body would
 * not change; nothing is created when all is clean.
 */
export async function upsertSticky(
  gh: GitHub,
  t: StickyTarget,
  ours: readonly Section[],
  o: StickyOptions
): Promise<StickyResult> {
  const self: { login: string | null | undefined } = { login: undefined }
  const keys = new Set(ours.map(s => s.meta.key))
  const settle = o.settleMs ?? 1500
  let last: StickyResult = { action: 'skipped', url: null, commentId: null }
  for (let attempt = 0; attempt < 4; attempt++) {
    if (attempt > 0) await new Promise(r => setTimeout(r, settle * (0.5 + Math.random())))
    const found = await findOurs(gh, t, self)
    const current = found[0]
    const sections = mergeSections(current?.body ? parseSections(current.body) : [], ours)
    const clean = allClean(sections)
    if (!current) {
      if (clean) return { action: 'skipped', url: null, commentId: null }
      const body = composeComment(sections, o.limit, keys, o.fullReportAt)
      const { data } = await gh.rest.issues.createComment({
        owner: t.owner,
        repo: t.repo,
        issue_number: t.issueNumber,
        body
      })
      last = { action: 'created', url: data.html_url, commentId: data.id }
    } else if (clean && o.onClean === 'delete') {
      await gh.rest.issues.deleteComment({ owner: t.owner, repo: t.repo, comment_id: current.id })
      return { action: 'deleted', url: null, commentId: current.id }
    } else {
      const collapse = clean && o.onClean === 'collapse'
      let body = composeComment(sections, o.limit, keys, o.fullReportAt)
      if (collapse) body = COLLAPSED_MARKER + body.slice(STICKY_MARKER.length)
      const wasCollapsed = current.body?.startsWith(COLLAPSED_MARKER) ?? false
      if (body === current.body) return { action: 'unchanged', url: current.html_url, commentId: current.id }
      await gh.rest.issues.updateComment({ owner: t.owner, repo: t.repo, comment_id: current.id, body })
      if (collapse && !wasCollapsed) await setMinimized(gh, current.node_id, true)
      if (!collapse && wasCollapsed) await setMinimized(gh, current.node_id, false)
      last = { action: collapse ? 'collapsed' : 'updated', url: current.html_url, commentId: current.id }
    }
    // Read back: a concurrent job may have created a second comment or overwritten ours.
    const after = await findOurs(gh, t, self)
    const winner = after[0]
    if (winner && winner.id !== last.commentId && last.action === 'created') {
      o.log(`another job created the summary comment at the same time; merging into ${winner.html_url}`)
      await gh.rest.issues.deleteComment({ owner: t.owner, repo: t.repo, comment_id: last.commentId! })
      continue
    }
    if (winner && sameSections(winner.body ?? '', ours)) return last
    o.log('the summary comment was changed by another job while we wrote it; merging again')
  }
  o.log('the summary comment kept changing under concurrent writers; our last write may have been replaced')
  return last
}
