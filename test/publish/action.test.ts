import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Finding } from '../../src/model/finding.ts'
import { COMMENT_LIMIT } from '../../src/report/markdown.ts'
import type { Report } from '../../src/report/schema.ts'
import { FakeGitHub, type FakePull } from './fake-github.ts'
import { diffFile, pullRequestEvent, workflowRunEvent } from './pull.ts'
import { check, hugeReport, makeReport } from './reports.ts'
import { ownStderr, runAction } from './run-action.ts'
import { zip } from './zip.ts'

const HEAD_PATCH = fileURLToPath(new URL('../fixtures/kernels/head-6.12.patch', import.meta.url))
const HEAD = 'a'.repeat(40)
const BASE = 'b'.repeat(40)

/** The fixture kernels' head patch plus a symbol-list change, as GitHub lists the PR's files. */
function pull(headRepo = 'kernel-org/linux'): FakePull {
  const files = diffFile(HEAD_PATCH)
  files.push({
    filename: 'android/abi_gki_x86_64',
    status: 'modified',
    patch:
      '@@ -1,5 +1,5 @@\n-textsearch_find_continuous\n+kallsyms_lookup_name\n textsearch_prepare\n textsearch_destroy\n crc32_be\n crc32_le'
  })
  return { number: 7, headSha: HEAD, baseSha: BASE, baseRef: 'main', headRepo, files }
}

const SYMBOL_LIST_FINDING: Finding = {
  severity: 'error',
  code: 'symbol-list-not-exported',
  message: 'kallsyms_lookup_name is in the symbol list but not exported by the build',
  symbol: 'kallsyms_lookup_name',
  file: 'android/abi_gki_x86_64',
  line: 1
}

function reviewReport(key = 'x86_64-defconfig'): Report {
  return makeReport(key, [
    check('symbol-list', [
      SYMBOL_LIST_FINDING,
      {
        severity: 'warning',
        code: 'symbol-list-stale',
        message: 'crc32_le is listed but unused',
        symbol: 'crc32_le',
        file: 'android/abi_gki_x86_64',
        line: 40
      }
    ]),
    check('exports', [
      {
        severity: 'error',
        code: 'export-removed-still-imported',
        message: 'removed export textsearch_find_continuous is still imported by vendor module ts_vendor.ko',
        symbol: 'textsearch_find_continuous',
        module: 'ts_vendor.ko'
      },
      {
        severity: 'warning',
        code: 'export-now-gpl-only',
        message: 'crc32_be is now GPL-only: breaks non-GPL importers (vendor.ko)',
        symbol: 'crc32_be'
      },
      {
        severity: 'notice',
        code: 'export-unrelated',
        message: 'do_something is exported but unused',
        symbol: 'do_something'
      }
    ])
  ])
}

function reportsDir(reports: Report[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'kbr-reports-'))
  reports.forEach((r, i) => {
    mkdirSync(join(dir, `job${i}`), { recursive: true })
    writeFileSync(join(dir, `job${i}`, 'report.json'), JSON.stringify(r))
  })
  return dir
}

let fake: FakeGitHub
let pr: FakePull

beforeEach(async () => {
  fake = new FakeGitHub()
  await fake.start()
  pr = pull()
  fake.addPull(pr)
})

afterEach(async () => {
  expect(fake.violations).toEqual([])
  await fake.stop()
})

function aggregate(reports: Report[], inputs: Record<string, string> = {}) {
  return runAction({
    fake,
    inputs: { mode: 'aggregate', reports: reportsDir(reports), 'fail-on': 'never', ...inputs },
    eventName: 'pull_request',
    payload: pullRequestEvent(pr, fake.owner, fake.repo)
  })
}

function stickies() {
  return fake.comments.filter(c => c.body.startsWith('<!-- kbuild-review:sticky'))
}

describe('publishing to a pull request', () => {
  it('posts one summary comment and a review whose line comments sit on the diff lines behind the findings', async () => {
    const r = await aggregate([reviewReport()])
    expect(ownStderr(r)).toBe('')
    expect(r.code).toBe(0)
    expect(stickies()).toHaveLength(1)
    const body = stickies()[0]!.body
    expect(body).toContain('## ❌ kbuild-review: problems found, 2 errors, 2 warnings, 1 notice')
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)

    const reviews = fake.reviews.get(7)!
    expect(reviews).toHaveLength(1)
    expect(reviews[0]!.event).toBe('COMMENT')
    expect(reviews[0]!.commit_id).toBe(HEAD)
    const rc = fake.reviewComments
      .get(7)!
      .map(c => ({ path: c.path, line: c.line, side: c.side, first: c.body.split('\n')[1] }))
    expect(rc).toEqual([
      {
        path: 'android/abi_gki_x86_64',
        line: 1,
        side: 'RIGHT',
        first: expect.stringContaining('kallsyms\\_lookup\\_name is in the symbol list')
      },
      // EXPORT_SYMBOL(crc32_be) -> EXPORT_SYMBOL_GPL(crc32_be): the added line, new numbering
      { path: 'lib/crc32.c', line: 344, side: 'RIGHT', first: expect.stringContaining('now GPL\\-only') },
      // the removed EXPORT_SYMBOL(textsearch_find_continuous): the old side
      {
        path: 'lib/textsearch.c',
        line: 243,
        side: 'LEFT',
        first: expect.stringContaining('still imported by vendor module')
      }
    ])
    // The finding on a line outside the diff goes into the review body instead.
    expect(reviews[0]!.body).toContain('`android/abi_gki_x86_64:40`')
    expect(reviews[0]!.body).not.toContain('do\\_something')
    expect(r.summary).toContain('kbuild-review: problems found')
    expect(r.outputs.status).toBe('fail')
    expect(r.outputs.errors).toBe('2')
    expect(r.outputs['comment-url']).toMatch(/#issuecomment-\d+$/)
  })

  it('re-running updates nothing when nothing changed, and the same comment when something did', async () => {
    await aggregate([reviewReport()])
    const before = fake.requests.length
    const again = await aggregate([reviewReport()])
    expect(again.code).toBe(0)
    const rerun = fake.requests.slice(before)
    expect(rerun.filter(q => q.method !== 'GET')).toEqual([])
    expect(fake.reviews.get(7)).toHaveLength(1)
    expect(fake.reviewComments.get(7)).toHaveLength(3)

    const fixed = makeReport('x86_64-defconfig', [check('symbol-list', [SYMBOL_LIST_FINDING])])
    await aggregate([fixed])
    expect(stickies()).toHaveLength(1)
    expect(stickies()[0]!.body).toContain('1 error')
    expect(stickies()[0]!.body).not.toContain('crc32')
    // The one remaining line finding was commented already: no new review.
    expect(fake.reviews.get(7)).toHaveLength(1)
  })

  it('a second config adds its section to the same comment', async () => {
    await aggregate([reviewReport('x86_64-defconfig')])
    await aggregate([
      makeReport('arm64-gki', [
        check('exports', [{ severity: 'warning', code: 'w', message: 'arm64 only warning' }])
      ])
    ])
    expect(stickies()).toHaveLength(1)
    const body = stickies()[0]!.body
    expect(body.match(/<!-- kbuild-review:section key=/g)).toHaveLength(2)
    expect(body).toContain('key=arm64-gki status=warn')
    expect(body).toContain('key=x86_64-defconfig status=fail')
    expect(body).toContain('in 2 configs')
    // Re-running the first config replaces its own section only.
    await aggregate([makeReport('x86_64-defconfig', [])])
    const after = stickies()[0]!.body
    expect(after).toContain('key=x86_64-defconfig status=pass')
    expect(after).toContain('key=arm64-gki status=warn')
    expect(after).toContain('## ⚠️ kbuild-review: warnings, 1 warning in 2 configs')
  })

  it('aggregates matrix reports into one comment with one section per config and one verdict', async () => {
    const r = await aggregate([reviewReport('x86_64-defconfig'), makeReport('arm64-gki', [])], {
      'fail-on': 'error'
    })
    expect(r.code).toBe(1)
    expect(stickies()).toHaveLength(1)
    expect(stickies()[0]!.body.match(/^### /gm)).toHaveLength(2)
    expect(stickies()[0]!.body.split('\n')[1]).toMatch(/^## ❌ .* in 2 configs$/)
    expect(r.stdout).toContain('::error::kbuild-review: findings in x86_64-defconfig (fail-on: error)')
  })

  it('truncates a 200,000-character report to the comment limit, pointing at the job summary and the artifact', async () => {
    const huge = hugeReport('x86_64-allmodconfig', 3000)
    const r = await aggregate([huge])
    expect(r.code).toBe(0)
    const body = stickies()[0]!.body
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body.length).toBeGreaterThan(60_000)
    expect(body).toContain(
      'truncated to fit: the full report is in the job summary and the report artifact `kbuild-review-x86_64-allmodconfig`'
    )
    expect(r.summary.length).toBeGreaterThan(200_000)
    // GitHub shows 10 annotations of each kind per step: the rest are counted, not sent.
    expect(r.annotations.filter(a => a.kind === 'error')).toHaveLength(10)
    expect(r.annotations.filter(a => a.kind === 'warning')).toHaveLength(10)
    expect(r.stdout).toContain('2980 more findings were not annotated')
  })

  it('stays quiet on a clean build, and deletes or collapses its comment when findings are fixed', async () => {
    await aggregate([makeReport('k', [])])
    expect(fake.comments).toHaveLength(0)
    expect(fake.reviews.size).toBe(0)

    await aggregate([
      makeReport('k', [check('exports', [{ severity: 'error', code: 'e', message: 'broken' }])])
    ])
    expect(stickies()).toHaveLength(1)
    await aggregate([makeReport('k', [])], { 'comment-on-clean': 'collapse' })
    expect(stickies()).toHaveLength(1)
    expect(fake.minimized.has(stickies()[0]!.node_id)).toBe(true)
    await aggregate([
      makeReport('k', [check('exports', [{ severity: 'error', code: 'e', message: 'broken again' }])])
    ])
    expect(fake.minimized.size).toBe(0)
    await aggregate([makeReport('k', [])], { 'comment-on-clean': 'delete' })
    expect(fake.comments).toHaveLength(0)
  })

  it('finds its comment over all pages and ignores look-alikes from users', async () => {
    const user = { login: 'mallory', id: 5, type: 'User' as const }
    for (let i = 0; i < 150; i++) {
      fake.comments.push({
        id: i + 1,
        node_id: `IC_x${i}`,
        body: i === 3 ? '<!-- kbuild-review:sticky -->\nfake' : `comment ${i}`,
        user,
        created_at: '',
        updated_at: '',
        issue_number: 7
      })
    }
    await aggregate([reviewReport()])
    const ours = stickies().filter(c => c.user.type === 'Bot')
    expect(ours).toHaveLength(1)
    await aggregate([
      makeReport('x86_64-defconfig', [
        check('exports', [{ severity: 'error', code: 'e', message: 'changed' }])
      ])
    ])
    expect(stickies().filter(c => c.user.type === 'Bot')).toHaveLength(1)
    expect(fake.comments.find(c => c.id === 4)!.body).toBe('<!-- kbuild-review:sticky -->\nfake')
    expect(
      fake.requests.filter(q => q.operationId === 'issues/list-comments' && q.path.includes('page=2')).length
    ).toBeGreaterThan(0)
  })

  it('never logs the token', async () => {
    const r = await aggregate([reviewReport()])
    // The one place it may appear is the command that tells the runner to mask it.
    const stdout = r.stdout.replace(`::add-mask::${fake.token}\n`, '')
    expect(r.stdout).toContain(`::add-mask::${fake.token}`)
    for (const text of [stdout, r.stderr, r.summary, JSON.stringify(r.outputs)])
      expect(text).not.toContain(fake.token)
  })
})

describe('when GitHub says no', () => {
  it('a read-only token (fork PR) degrades to the job summary with a clear notice, not a failed job', async () => {
    fake.fail('issues/list-comments', '403', 10)
    const r = await aggregate([reviewReport()])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/::notice::summary comment: the token may not write to this pull request \(403/)
    expect(r.stdout).toContain('mode: analyze with a mode: publish workflow')
    expect(r.summary).toContain('kbuild-review: problems found')
    // One clear notice: the review is not attempted with a token that cannot write.
    expect(fake.countOf('pulls/create-review')).toBe(0)
  })

  it('retries 5xx and posts', async () => {
    fake.fail('issues/list-comments', '502', 2)
    const r = await aggregate([reviewReport()])
    expect(r.code).toBe(0)
    expect(stickies()).toHaveLength(1)
    expect(
      fake.requests.filter(q => q.operationId === 'issues/list-comments' && q.status === 502)
    ).toHaveLength(2)
  })

  it('a server that keeps failing leaves the report in the job summary and says so', async () => {
    fake.fail('issues/create-comment', '500', 10)
    const r = await aggregate([reviewReport()])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/::notice::summary comment: GitHub kept failing \(500/)
    expect(r.summary).toContain('kbuild-review: problems found')
  })

  it('waits out primary and secondary rate limits', async () => {
    fake.fail('issues/create-comment', 'rate-primary', 1)
    fake.fail('pulls/create-review', 'rate-secondary', 1)
    const r = await aggregate([reviewReport()])
    expect(r.code).toBe(0)
    expect(stickies()).toHaveLength(1)
    expect(fake.reviews.get(7)).toHaveLength(1)
    expect(r.stdout).toMatch(/GitHub primary rate limit on POST .*: retrying/)
    expect(r.stdout).toMatch(/GitHub secondary rate limit on POST .*: retrying/)
  })

  it('a 422 on the review moves the line comments into the body', async () => {
    fake.fail('pulls/create-review', '422', 1)
    const r = await aggregate([reviewReport()])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('GitHub refused the line comments (422')
    const reviews = fake.reviews.get(7)!
    expect(reviews).toHaveLength(1)
    expect(reviews[0]!.body).toContain('`lib/crc32.c:344`')
    expect(fake.reviewComments.get(7) ?? []).toEqual([])
  })

  it('a pull request that is not there (404) is a notice and the summary still has the report', async () => {
    fake.fail('pulls/get', '404', 1)
    const r = await aggregate([reviewReport()])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/::notice::review comments: not found \(404/)
    expect(stickies()).toHaveLength(1)
    expect(r.summary).toContain('problems found')
  })
})

describe('fork pull requests: publish from the analyze run', () => {
  const RUN = 99001

  function artifact(report: Report, overrides: Record<string, unknown> = {}) {
    const envelope = {
      kind: 'kbuild-review-result',
      schemaVersion: 1,
      repository: 'kernel-org/linux',
      runId: RUN,
      pullRequest: { number: 7, headSha: HEAD, baseSha: BASE },
      report,
      ...overrides
    }
    fake.artifacts.push({
      id: 500 + fake.artifacts.length,
      name: `kbuild-review-${report.configKey}`,
      runId: RUN,
      headSha: HEAD,
      zip: zip({ 'kbuild-review.json': JSON.stringify(envelope) })
    })
  }

  function publish(listsPull = false) {
    return runAction({
      fake,
      inputs: { mode: 'publish' },
      eventName: 'workflow_run',
      payload: workflowRunEvent(pr, RUN, { listsPull }),
      runId: 123
    })
  }

  beforeEach(() => {
    pr = pull('contributor/linux')
    fake.addPull(pr)
  })

  it('downloads the artifacts with the artifact API, verifies them and posts one comment for all configs', async () => {
    artifact(reviewReport('x86_64-defconfig'))
    artifact(makeReport('arm64-gki', []))
    const r = await publish()
    expect(ownStderr(r)).toBe('')
    expect(r.code).toBe(0)
    expect(fake.countOf('actions/download-artifact')).toBe(2)
    expect(stickies()).toHaveLength(1)
    expect(stickies()[0]!.body).toContain('in 2 configs')
    expect(fake.reviewComments.get(7)).toHaveLength(3)
  })

  it('refuses an artifact that claims another head commit', async () => {
    artifact(reviewReport(), { pullRequest: { number: 7, headSha: 'c'.repeat(40), baseSha: BASE } })
    const r = await publish()
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`claims head ${'c'.repeat(40)}, the run built ${HEAD}`)
    expect(fake.writes()).toEqual([])
  })

  it('refuses an artifact that claims another pull request', async () => {
    fake.addPull({ ...pull('someone/else'), number: 8 })
    artifact(reviewReport(), { pullRequest: { number: 8, headSha: HEAD, baseSha: BASE } })
    const r = await publish()
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('comes from someone/else, the run built contributor/linux')
    expect(fake.writes()).toEqual([])
  })

  it('does not publish for a pull request that moved on', async () => {
    artifact(reviewReport())
    fake.pulls.set(7, { ...pr, headSha: 'd'.repeat(40) })
    const r = await publish()
    expect(r.stdout).toContain('moved on to dddddddddddd')
    expect(r.code).toBe(0)
    expect(fake.writes()).toEqual([])
  })

  it('renders hostile names from a fork artifact inert: no links, mentions or broken markup', async () => {
    const key = 'x`</details>@mallory [a](http://evil.example) #1'
    artifact(
      makeReport(key, [
        check('exports', [
          {
            severity: 'error',
            code: 'e',
            message: '@torvalds <img src=x> [x](http://evil.example)',
            symbol: 'crc32_be',
            module: '`</summary>`'
          }
        ])
      ])
    )
    const r = await publish()
    expect(r.code).toBe(0)
    const bodies = [stickies()[0]!.body, ...fake.reviewComments.get(7)!.map(c => c.body), r.summary]
    for (const body of bodies) {
      const out = micromark(body, {
        allowDangerousHtml: true,
        extensions: [gfm()],
        htmlExtensions: [gfmHtml()]
      })
      expect(out).not.toMatch(/<a\b|<img\b/)
      expect(out.replace(/<code>[\s\S]*?<\/code>/g, '')).not.toMatch(/@(mallory|torvalds)|#1\b/)
      expect(out.match(/<details>/g)?.length ?? 0).toBe(out.match(/<\/details>/g)?.length ?? 0)
    }
  })

  it('rejects a malformed report instead of rendering it', async () => {
    const bad = reviewReport() as unknown as { checks: Array<{ findings: unknown[] }> }
    bad.checks[0]!.findings.push({ severity: 'error', code: 'x', message: { toString: 1 } })
    artifact(bad as unknown as Report)
    const r = await publish()
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('report.checks[0].findings[2].message: expected a string')
    expect(fake.writes()).toEqual([])
  })
})

describe('aggregate without a reports directory', () => {
  it("downloads this run's kbuild-review-* artifacts through the results service", async () => {
    fake.currentRun = { id: 777, headSha: HEAD }
    for (const r of [reviewReport('x86_64-defconfig'), makeReport('arm64-gki', [])]) {
      const envelope = {
        kind: 'kbuild-review-result',
        schemaVersion: 1,
        repository: 'kernel-org/linux',
        runId: 777,
        pullRequest: { number: 7, headSha: HEAD, baseSha: BASE },
        report: r
      }
      fake.artifacts.push({
        id: 600 + fake.artifacts.length,
        name: `kbuild-review-${r.configKey}`,
        runId: 777,
        headSha: HEAD,
        zip: zip({ 'kbuild-review.json': JSON.stringify(envelope) })
      })
    }
    fake.artifacts.push({ id: 699, name: 'coverage', runId: 777, headSha: HEAD, zip: zip({ 'x.txt': 'x' }) })
    const r = await runAction({
      fake,
      inputs: { mode: 'aggregate', 'fail-on': 'never' },
      eventName: 'pull_request',
      payload: pullRequestEvent(pr, fake.owner, fake.repo),
      runId: 777,
      artifactService: true
    })
    expect(ownStderr(r)).toBe('')
    expect(r.code).toBe(0)
    expect(stickies()).toHaveLength(1)
    expect(stickies()[0]!.body).toContain('in 2 configs')
  })
})

describe('concurrency and the network path', () => {
  it('two matrix jobs publishing at the same moment end with one comment holding both sections', async () => {
    const [a, b] = await Promise.all([
      aggregate([reviewReport('x86_64-defconfig')]),
      aggregate([
        makeReport('arm64-gki', [
          check('exports', [{ severity: 'warning', code: 'w', message: 'arm64 warning' }])
        ])
      ])
    ])
    expect([a.code, b.code]).toEqual([0, 0])
    expect(stickies()).toHaveLength(1)
    const keys = [...stickies()[0]!.body.matchAll(/kbuild-review:section key=(\S+)/g)].map(m => m[1])
    expect(keys).toEqual(['arm64-gki', 'x86_64-defconfig'])
  })

  it('works against GitHub Enterprise Server paths (GITHUB_API_URL ending in /api/v3)', async () => {
    const ghes = (extra: Record<string, string>, reports: Report[]) =>
      runAction({
        fake,
        inputs: { mode: 'aggregate', reports: reportsDir(reports), 'fail-on': 'never', ...extra },
        eventName: 'pull_request',
        payload: pullRequestEvent(pr, fake.owner, fake.repo),
        env: {
          GITHUB_API_URL: `${fake.url}/api/v3`,
          GITHUB_GRAPHQL_URL: `${fake.url}/api/graphql`,
          GITHUB_SERVER_URL: 'https://ghes.example'
        }
      })
    expect((await ghes({}, [reviewReport()])).code).toBe(0)
    expect((await ghes({ 'comment-on-clean': 'collapse' }, [makeReport('x86_64-defconfig', [])])).code).toBe(
      0
    )
    expect(stickies()).toHaveLength(1)
    expect(fake.minimized.size).toBe(1)
    expect(fake.requests.every(q => q.path.startsWith('/api/') || q.path.startsWith('/_'))).toBe(true)
  })

  it('goes through HTTP_PROXY when one is set', async () => {
    const seen: string[] = []
    const proxy = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`)
      const up = httpRequest(req.url!, { method: req.method, headers: req.headers }, upRes => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers)
        upRes.pipe(res)
      })
      req.pipe(up)
    })
    await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve))
    const port = (proxy.address() as AddressInfo).port
    try {
      const r = await runAction({
        fake,
        inputs: { mode: 'aggregate', reports: reportsDir([reviewReport()]), 'fail-on': 'never' },
        eventName: 'pull_request',
        payload: pullRequestEvent(pr, fake.owner, fake.repo),
        env: { HTTP_PROXY: `http://127.0.0.1:${port}`, NO_PROXY: '' }
      })
      expect(r.code).toBe(0)
      expect(stickies()).toHaveLength(1)
      expect(seen).toContain(`POST ${fake.url}/repos/kernel-org/linux/issues/7/comments`)
    } finally {
      await new Promise<void>(resolve => proxy.close(() => resolve()))
    }
  })
})
