import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parsePatch } from '../../src/publish/diff.ts'
import { OpenApi } from './openapi.ts'

/**
 * A GitHub REST (and minimal GraphQL) API on 127.0.0.1 for running the Action against. Every
 * request is checked against GitHub's OpenAPI description; problems are recorded (and answered
 * 400) so tests can assert there were none. It keeps state (comments, reviews, minimized
 * comments, artifacts) so re-runs can be asserted, and answers faults on demand: 403 (fork
 * token), 404, 422, 5xx, primary and secondary rate limits.
 */

export interface User {
  login: string
  id: number
  type: 'Bot' | 'User'
}

export const BOT: User = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

export interface FakeComment {
  id: number
  node_id: string
  body: string
  user: User
  created_at: string
  updated_at: string
  issue_number: number
}

export interface FakeReviewComment {
  id: number
  review_id: number
  path: string
  line: number
  side: 'LEFT' | 'RIGHT'
  body: string
  commit_id: string
  user: User
}

export interface FakeReview {
  id: number
  body: string
  event: string
  commit_id: string
  user: User
}

export interface FakePull {
  number: number
  headSha: string
  baseSha: string
  baseRef: string
  headRepo: string
  files: Array<{ filename: string; status: string; patch?: string }>
}

export interface FakeArtifact {
  id: number
  name: string
  runId: number
  headSha: string
  zip: Buffer
}

export type Fault = '403' | '404' | '422' | '500' | '502' | 'rate-primary' | 'rate-secondary'

interface FaultRule {
  operationId: string
  fault: Fault
  times: number
}

export interface LoggedRequest {
  method: string
  path: string
  operationId: string | null
  status: number
}

const now = () => new Date().toISOString()

let shared: OpenApi | null = null
/** Loading the 13 MB description takes a moment: one per test process. */
function sharedApi(): OpenApi {
  return (shared ??= new OpenApi())
}

export class FakeGitHub {
  readonly owner: string
  readonly repo: string
  readonly token: string
  readonly api: OpenApi
  readonly comments: FakeComment[] = []
  readonly reviews = new Map<number, FakeReview[]>()
  readonly reviewComments = new Map<number, FakeReviewComment[]>()
  readonly pulls = new Map<number, FakePull>()
  readonly minimized = new Set<string>()
  readonly artifacts: FakeArtifact[] = []
  /** First-parent history per commit, newest first (for repos/list-commits). */
  readonly history = new Map<string, string[]>()
  readonly requests: LoggedRequest[] = []
  readonly violations: string[] = []
  /** The run (id, head commit) that artifacts uploaded through the results service belong to. */
  currentRun = { id: 4242, headSha: '0'.repeat(40) }
  private uploads = new Map<string, { name: string; blocks: Map<string, Buffer>; blob: Buffer | null }>()
  /** The user the token belongs to; GITHUB_TOKEN is the Actions bot. */
  tokenUser: User = BOT
  private faults: FaultRule[] = []
  private nextId = 1000
  private server: Server | null = null
  url = ''

  constructor(opts: { owner?: string; repo?: string; token?: string; api?: OpenApi } = {}) {
    this.api = opts.api ?? sharedApi()
    this.owner = opts.owner ?? 'kernel-org'
    this.repo = opts.repo ?? 'linux'
    this.token = opts.token ?? 'ghs_fakeTokenThatMustNeverBeLogged0123456789'
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this.url
  }

  async stop(): Promise<void> {
    await new Promise<void>(resolve => this.server?.close(() => resolve()))
  }

  /** Answer the next `times` requests of an operation with a fault. */
  fail(operationId: string, fault: Fault, times = 1): void {
    this.faults.push({ operationId, fault, times })
  }

  clearFaults(): void {
    this.faults = []
  }

  addPull(p: FakePull): void {
    this.pulls.set(p.number, p)
  }

  countOf(operationId: string): number {
    return this.requests.filter(r => r.operationId === operationId).length
  }

  writes(): LoggedRequest[] {
    return this.requests.filter(r => r.method !== 'GET')
  }

  private id(): number {
    return this.nextId++
  }

  private full(path: string): string {
    return `${this.url}${path}`
  }

  private userJson(u: User) {
    return {
      login: u.login,
      id: u.id,
      node_id: `U_${u.id}`,
      avatar_url: '',
      gravatar_id: null,
      url: this.full(`/users/${u.login}`),
      html_url: `https://github.com/${u.login}`,
      type: u.type,
      site_admin: false
    }
  }

  private commentJson(c: FakeComment) {
    return {
      id: c.id,
      node_id: c.node_id,
      url: this.full(`/repos/${this.owner}/${this.repo}/issues/comments/${c.id}`),
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${c.issue_number}#issuecomment-${c.id}`,
      issue_url: this.full(`/repos/${this.owner}/${this.repo}/issues/${c.issue_number}`),
      body: c.body,
      user: this.userJson(c.user),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER'
    }
  }

  private page<T>(res: ServerResponse, url: URL, items: T[], wrap?: (page: T[]) => unknown): void {
    const per = Math.min(100, Number(url.searchParams.get('per_page') ?? 30))
    const page = Number(url.searchParams.get('page') ?? 1)
    const slice = items.slice((page - 1) * per, page * per)
    const last = Math.max(1, Math.ceil(items.length / per))
    const headers: Record<string, string> = {}
    if (page < last) {
      const next = new URL(url.toString())
      next.searchParams.set('page', String(page + 1))
      const lastUrl = new URL(url.toString())
      lastUrl.searchParams.set('page', String(last))
      headers.link = `<${this.full(next.pathname + next.search)}>; rel="next", <${this.full(lastUrl.pathname + lastUrl.search)}>; rel="last"`
    }
    this.send(res, 200, wrap ? wrap(slice) : slice, headers)
  }

  private send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
  ): void {
    const text = body === undefined ? '' : JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-github-request-id': `FAKE:${this.requests.length}`,
      ...headers
    })
    res.end(text)
  }

  private error(
    res: ServerResponse,
    status: number,
    message: string,
    headers: Record<string, string> = {}
  ): void {
    this.send(res, status, { message, documentation_url: 'https://docs.github.com/rest' }, headers)
  }

  private faultFor(operationId: string): Fault | null {
    const rule = this.faults.find(f => f.operationId === operationId || f.operationId === '*')
    if (!rule) return null
    if (--rule.times <= 0) this.faults = this.faults.filter(f => f !== rule)
    return rule.fault
  }

  private answerFault(res: ServerResponse, fault: Fault): number {
    const reset = String(Math.floor(Date.now() / 1000) + 1)
    switch (fault) {
      case '403':
        this.error(res, 403, 'Resource not accessible by integration')
        return 403
      case '404':
        this.error(res, 404, 'Not Found')
        return 404
      case '422':
        this.error(res, 422, 'Unprocessable Entity')
        return 422
      case '500':
      case '502':
        this.error(res, Number(fault), 'Server Error')
        return Number(fault)
      case 'rate-primary':
        this.error(res, 403, 'API rate limit exceeded for installation ID 1.', {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': reset
        })
        return 403
      case 'rate-secondary':
        this.error(
          res,
          403,
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          { 'retry-after': '1' }
        )
        return 403
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks)
    const url = new URL(req.url ?? '/', this.url)
    // GitHub Enterprise Server: REST under /api/v3, GraphQL at /api/graphql.
    if (url.pathname.startsWith('/api/v3/')) url.pathname = url.pathname.slice('/api/v3'.length)
    else if (url.pathname === '/api/graphql') url.pathname = '/graphql'
    const method = req.method ?? 'GET'
    const log: LoggedRequest = { method, path: req.url ?? '/', operationId: null, status: 0 }
    this.requests.push(log)
    const finish = (status: number) => (log.status = status)

    if (url.pathname.startsWith('/_blob/')) {
      const a = this.artifacts.find(x => url.pathname === `/_blob/${x.id}.zip`)
      if (!a) return (void finish(404), this.error(res, 404, 'no blob'))
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(a.zip.length) })
      res.end(a.zip)
      return void finish(200)
    }

    // The Actions results service (artifact uploads, this run's artifacts) and its blob store:
    // reached with ACTIONS_RUNTIME_TOKEN, not the GitHub token.
    if (url.pathname.startsWith('/twirp/')) return void finish(this.twirp(url.pathname, raw, res))
    if (url.pathname.startsWith('/_upload/')) return void finish(this.blobPut(method, url, raw, res))

    const auth = req.headers.authorization ?? ''
    if (
      auth !== `token ${this.token}` &&
      auth !== `Bearer ${this.token}` &&
      auth !== `bearer ${this.token}`
    ) {
      this.violations.push(`${method} ${url.pathname}: missing or wrong token`)
      this.error(res, 401, 'Bad credentials')
      return void finish(401)
    }

    let body: unknown = undefined
    if (raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'))
      } catch {
        this.violations.push(`${method} ${url.pathname}: body is not JSON`)
        this.error(res, 400, 'Problems parsing JSON')
        return void finish(400)
      }
    }

    if (url.pathname === '/graphql' && method === 'POST') {
      log.operationId = 'graphql'
      return void finish(this.graphql(res, body))
    }

    const { operation, params, problems } = this.api.check(method, url, body, raw.length > 0)
    log.operationId = operation?.operationId ?? null
    if (problems.length) {
      this.violations.push(...problems)
      this.error(res, operation ? 400 : 404, problems.join('; '))
      return void finish(operation ? 400 : 404)
    }
    if (params.owner !== undefined && (params.owner !== this.owner || params.repo !== this.repo)) {
      this.error(res, 404, 'Not Found')
      return void finish(404)
    }
    const fault = this.faultFor(operation!.operationId)
    if (fault) return void finish(this.answerFault(res, fault))
    finish(this.route(operation!.operationId, params, url, body as Record<string, unknown>, res))
  }

  private twirp(path: string, raw: Buffer, res: ServerResponse): number {
    const method = path.split('/').pop()
    const body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>
    const artifactJson = (a: FakeArtifact) => ({
      workflow_run_backend_id: 'run-backend',
      workflow_job_run_backend_id: 'job-backend',
      database_id: String(a.id),
      name: a.name,
      size: String(a.zip.length),
      created_at: now(),
      digest: `sha256:${createHash('sha256').update(a.zip).digest('hex')}`
    })
    const mine = () => this.artifacts.filter(a => a.runId === this.currentRun.id)
    switch (method) {
      case 'CreateArtifact': {
        const key = String(this.id())
        this.uploads.set(key, { name: String(body.name), blocks: new Map(), blob: null })
        this.send(res, 200, {
          ok: true,
          signed_upload_url: this.full(`/_upload/devstoreaccount1/actions-results/${key}?sig=fake`)
        })
        return 200
      }
      case 'FinalizeArtifact': {
        const up = [...this.uploads.entries()].find(([, u]) => u.name === body.name && u.blob)
        if (!up) return (this.error(res, 404, 'no upload'), 404)
        this.uploads.delete(up[0])
        const a: FakeArtifact = {
          id: this.id(),
          name: up[1].name,
          runId: this.currentRun.id,
          headSha: this.currentRun.headSha,
          zip: up[1].blob!
        }
        this.artifacts.push(a)
        this.send(res, 200, { ok: true, artifact_id: String(a.id) })
        return 200
      }
      case 'ListArtifacts': {
        const id = (body.id_filter as string | undefined) ?? null
        this.send(res, 200, {
          artifacts: mine()
            .filter(a => id === null || String(a.id) === String(id))
            .map(artifactJson)
        })
        return 200
      }
      case 'GetSignedArtifactURL': {
        const a = mine().find(x => x.name === body.name)
        if (!a) return (this.error(res, 404, 'not found'), 404)
        this.send(res, 200, { signed_url: this.full(`/_blob/${a.id}.zip`) })
        return 200
      }
      default:
        this.violations.push(`twirp ${method}: not implemented`)
        return (this.error(res, 501, 'not implemented'), 501)
    }
  }

  /** Azure block blob uploads: Put Block, then Put Block List (the order the SDK sends them). */
  private blobPut(method: string, url: URL, raw: Buffer, res: ServerResponse): number {
    const key = url.pathname.split('/').pop()!
    const up = this.uploads.get(key)
    if (method !== 'PUT' || !up) return (this.error(res, 404, 'no such upload'), 404)
    const comp = url.searchParams.get('comp')
    if (comp === 'block') up.blocks.set(url.searchParams.get('blockid') ?? '', raw)
    else if (comp === 'blocklist') {
      const ids = [...raw.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map(
        m => m[1]!
      )
      up.blob = Buffer.concat(ids.map(id => up.blocks.get(id) ?? Buffer.alloc(0)))
    } else up.blob = raw
    res
      .writeHead(201, {
        etag: '"0x1"',
        'last-modified': new Date().toUTCString(),
        'x-ms-request-id': String(this.requests.length),
        'x-ms-version': '2025-01-05',
        'x-ms-request-server-encrypted': 'true'
      })
      .end()
    return 201
  }

  private graphql(res: ServerResponse, body: unknown): number {
    const b = body as { query?: unknown; variables?: { id?: unknown } }
    if (typeof b?.query !== 'string' || typeof b.variables?.id !== 'string') {
      this.violations.push('graphql: expected { query, variables: { id } }')
      this.error(res, 400, 'bad graphql')
      return 400
    }
    const id = b.variables.id
    if (!this.comments.some(c => c.node_id === id)) {
      this.send(res, 200, {
        data: null,
        errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${id}'` }]
      })
      return 200
    }
    if (/minimizeComment\(/.test(b.query) && !/unminimizeComment\(/.test(b.query)) {
      this.minimized.add(id)
      this.send(res, 200, { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } })
    } else if (/unminimizeComment\(/.test(b.query)) {
      this.minimized.delete(id)
      this.send(res, 200, { data: { unminimizeComment: { unminimizedComment: { isMinimized: false } } } })
    } else {
      this.violations.push(`graphql: unexpected query ${b.query.slice(0, 80)}`)
      this.error(res, 400, 'unexpected query')
      return 400
    }
    return 200
  }

  private pullJson(p: FakePull) {
    const repo = (full: string) => ({
      id: 1,
      node_id: 'R_1',
      name: full.split('/')[1],
      full_name: full,
      owner: this.userJson({ login: full.split('/')[0]!, id: 2, type: 'User' }),
      private: false,
      fork: full !== `${this.owner}/${this.repo}`
    })
    return {
      number: p.number,
      state: 'open',
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${p.number}`,
      head: {
        sha: p.headSha,
        ref: 'topic',
        label: `${p.headRepo.split('/')[0]}:topic`,
        repo: repo(p.headRepo),
        user: this.userJson({ login: p.headRepo.split('/')[0]!, id: 2, type: 'User' })
      },
      base: {
        sha: p.baseSha,
        ref: p.baseRef,
        label: `${this.owner}:${p.baseRef}`,
        repo: repo(`${this.owner}/${this.repo}`),
        user: this.userJson({ login: this.owner, id: 3, type: 'User' })
      }
    }
  }

  private route(
    op: string,
    p: Record<string, string>,
    url: URL,
    body: Record<string, unknown>,
    res: ServerResponse
  ): number {
    const nowIso = now()
    switch (op) {
      case 'users/get-authenticated':
        if (this.tokenUser.type === 'Bot')
          return (this.error(res, 403, 'Resource not accessible by integration'), 403)
        return (this.send(res, 200, this.userJson(this.tokenUser)), 200)
      case 'issues/list-comments': {
        const list = this.comments
          .filter(c => c.issue_number === Number(p.issue_number))
          .map(c => this.commentJson(c))
        return (this.page(res, url, list), 200)
      }
      case 'issues/create-comment': {
        const c: FakeComment = {
          id: this.id(),
          node_id: `IC_${this.nextId}`,
          body: String(body.body),
          user: this.tokenUser,
          created_at: nowIso,
          updated_at: nowIso,
          issue_number: Number(p.issue_number)
        }
        if (c.body.length > 65536)
          return (this.error(res, 422, 'Body is too long (maximum is 65536 characters)'), 422)
        this.comments.push(c)
        return (this.send(res, 201, this.commentJson(c)), 201)
      }
      case 'issues/update-comment': {
        const c = this.comments.find(x => x.id === Number(p.comment_id))
        if (!c) return (this.error(res, 404, 'Not Found'), 404)
        if (String(body.body).length > 65536)
          return (this.error(res, 422, 'Body is too long (maximum is 65536 characters)'), 422)
        if (c.user.login !== this.tokenUser.login)
          return (this.error(res, 403, 'You cannot edit this comment'), 403)
        c.body = String(body.body)
        c.updated_at = nowIso
        return (this.send(res, 200, this.commentJson(c)), 200)
      }
      case 'issues/delete-comment': {
        const i = this.comments.findIndex(x => x.id === Number(p.comment_id))
        if (i < 0) return (this.error(res, 404, 'Not Found'), 404)
        this.comments.splice(i, 1)
        res.writeHead(204).end()
        return 204
      }
      case 'pulls/get': {
        const pr = this.pulls.get(Number(p.pull_number))
        if (!pr) return (this.error(res, 404, 'Not Found'), 404)
        return (this.send(res, 200, this.pullJson(pr)), 200)
      }
      case 'pulls/list-files': {
        const pr = this.pulls.get(Number(p.pull_number))
        if (!pr) return (this.error(res, 404, 'Not Found'), 404)
        const files = pr.files.map(f => ({
          sha: createHash('sha1').update(f.filename).digest('hex'),
          filename: f.filename,
          status: f.status,
          additions: 1,
          deletions: 1,
          changes: 2,
          blob_url: '',
          raw_url: '',
          contents_url: '',
          patch: f.patch
        }))
        return (this.page(res, url, files), 200)
      }
      case 'pulls/list-review-comments': {
        const list = (this.reviewComments.get(Number(p.pull_number)) ?? []).map(c => ({
          id: c.id,
          pull_request_review_id: c.review_id,
          path: c.path,
          line: c.line,
          side: c.side,
          body: c.body,
          commit_id: c.commit_id,
          user: this.userJson(c.user),
          author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER'
        }))
        return (this.page(res, url, list), 200)
      }
      case 'pulls/list-reviews': {
        const list = (this.reviews.get(Number(p.pull_number)) ?? []).map(r => ({
          id: r.id,
          body: r.body,
          state: 'COMMENTED',
          commit_id: r.commit_id,
          user: this.userJson(r.user),
          author_association: r.user.type === 'Bot' ? 'NONE' : 'MEMBER'
        }))
        return (this.page(res, url, list), 200)
      }
      case 'pulls/create-review': {
        const number = Number(p.pull_number)
        const pr = this.pulls.get(number)
        if (!pr) return (this.error(res, 404, 'Not Found'), 404)
        const comments =
          (body.comments as
            Array<{ path: string; line: number; side?: 'LEFT' | 'RIGHT'; body: string }> | undefined) ?? []
        // As GitHub does: one comment outside the diff fails the whole review.
        for (const c of comments) {
          const f = pr.files.find(x => x.filename === c.path)
          const d = f ? parsePatch(f.filename, f.patch) : null
          const side = c.side ?? 'RIGHT'
          if (!d || !(side === 'RIGHT' ? d.right : d.left).has(c.line)) {
            return (
              this.error(
                res,
                422,
                `Unprocessable Entity: "Line could not be resolved" (${c.path}:${c.line} ${side})`
              ),
              422
            )
          }
        }
        const review: FakeReview = {
          id: this.id(),
          body: String(body.body ?? ''),
          event: String(body.event ?? ''),
          commit_id: String(body.commit_id ?? pr.headSha),
          user: this.tokenUser
        }
        this.reviews.set(number, [...(this.reviews.get(number) ?? []), review])
        const stored = comments.map(c => ({
          id: this.id(),
          review_id: review.id,
          path: c.path,
          line: c.line,
          side: c.side ?? 'RIGHT',
          body: c.body,
          commit_id: review.commit_id,
          user: this.tokenUser
        }))
        this.reviewComments.set(number, [...(this.reviewComments.get(number) ?? []), ...stored])
        return (
          this.send(res, 200, {
            id: review.id,
            body: review.body,
            state: 'COMMENTED',
            commit_id: review.commit_id,
            user: this.userJson(review.user)
          }),
          200
        )
      }
      case 'repos/list-commits': {
        const sha = url.searchParams.get('sha') ?? ''
        const list = (this.history.get(sha) ?? []).map(s => ({
          sha: s,
          commit: { message: `commit ${s.slice(0, 7)}` }
        }))
        return (this.page(res, url, list), 200)
      }
      case 'actions/list-workflow-run-artifacts': {
        const list = this.artifacts
          .filter(a => a.runId === Number(p.run_id))
          .map(a => ({
            id: a.id,
            node_id: `MDg_${a.id}`,
            name: a.name,
            size_in_bytes: a.zip.length,
            url: this.full(`/repos/${this.owner}/${this.repo}/actions/artifacts/${a.id}`),
            archive_download_url: this.full(
              `/repos/${this.owner}/${this.repo}/actions/artifacts/${a.id}/zip`
            ),
            expired: false,
            digest: `sha256:${createHash('sha256').update(a.zip).digest('hex')}`,
            created_at: nowIso,
            expires_at: nowIso,
            updated_at: nowIso,
            workflow_run: {
              id: a.runId,
              repository_id: 1,
              head_repository_id: 2,
              head_branch: 'topic',
              head_sha: a.headSha
            }
          }))
        return (this.page(res, url, list, slice => ({ total_count: list.length, artifacts: slice })), 200)
      }
      case 'actions/download-artifact': {
        const a = this.artifacts.find(x => x.id === Number(p.artifact_id))
        if (!a) return (this.error(res, 404, 'Not Found'), 404)
        res.writeHead(302, { location: this.full(`/_blob/${a.id}.zip`) }).end()
        return 302
      }
      default:
        this.violations.push(`${op}: the fake has no handler (the Action should not call it)`)
        return (this.error(res, 501, `not implemented: ${op}`), 501)
    }
  }
}
