import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '../../src/report/schema.ts'
import { debianRelease, fixtureMissing } from '../support/kernels.ts'
import { FakeGitHub, type FakePull } from './fake-github.ts'
import { diffFile, pullRequestEvent, workflowRunEvent } from './pull.ts'
import { ownStderr, runAction } from './run-action.ts'

/**
 * The Action end to end on real builds: Debian's 6.12.117 reviewed against 6.12.115 as a pull
 * request whose diff has the export change between them (test/fixtures/publish). The export
 * finding must land as a line comment on the removed EXPORT_SYMBOL_GPL line.
 */

const PATCH = fileURLToPath(new URL('../fixtures/publish/debian-6.12.115-117.patch', import.meta.url))

describe('review mode on Debian 6.12.115 -> 6.12.117', () => {
  const oldRel = debianRelease('old')
  const newRel = debianRelease('new')
  let fake: FakeGitHub
  let pr: FakePull

  beforeAll(async () => {
    fake = new FakeGitHub()
    await fake.start()
    pr = {
      number: 12,
      headSha: 'e'.repeat(40),
      baseSha: 'f'.repeat(40),
      baseRef: 'debian/6.12',
      headRepo: 'kernel-org/linux',
      files: diffFile(PATCH)
    }
    fake.addPull(pr)
  })

  afterAll(async () => {
    expect(fake.violations).toEqual([])
    await fake.stop()
  })

  const review = () =>
    runAction({
      fake,
      inputs: {
        'build-dir': newRel!.root,
        baseline: oldRel!.root,
        'config-key': 'amd64',
        'fail-on': 'warning'
      },
      eventName: 'pull_request',
      payload: pullRequestEvent(pr, fake.owner, fake.repo)
    })

  it('comments on the removed export line, summarises in one comment, and fails on warnings', async ctx => {
    if (!oldRel || !newRel)
      return fixtureMissing('Debian 6.12.115 and 6.12.117 (scripts/kernels/fetch-debian.sh)', ctx.skip)
    const r = await review()
    expect(ownStderr(r)).toBe('')
    const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8')) as Report
    const removed = report.checks
      .flatMap(c => c.findings)
      .filter(f => f.code === 'export-removed')
      .map(f => f.symbol)
    expect(removed).toContain('kvm_inject_emulated_page_fault')
    expect(r.outputs.status).toBe(report.verdict.status)
    expect(r.code).toBe(report.verdict.errors + report.verdict.warnings > 0 ? 1 : 0)

    const comments = fake.comments.filter(c => c.body.startsWith('<!-- kbuild-review:sticky'))
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toContain('kvm\\_inject\\_emulated\\_page\\_fault is no longer exported')
    expect(comments[0]!.body).toContain('`amd64` · Linux 6\\.12\\.117\\+deb12\\-amd64 x86\\_64')

    const rc = fake.reviewComments.get(12) ?? []
    const onExport = rc.find(c => c.path === 'arch/x86/kvm/x86.c' && c.side === 'LEFT' && c.line === 972)
    expect(onExport?.body).toContain('kvm\\_inject\\_emulated\\_page\\_fault is no longer exported')
    // Every line comment is on a line of the diff (the fake answers 422 otherwise).
    expect(fake.requests.filter(q => q.operationId === 'pulls/create-review').map(q => q.status)).toEqual([
      200
    ])
    expect(r.summary).toContain('kvm\\_inject\\_emulated\\_page\\_fault')
  })

  it('a re-run on the same pull request writes nothing new', async ctx => {
    if (!oldRel || !newRel)
      return fixtureMissing('Debian 6.12.115 and 6.12.117 (scripts/kernels/fetch-debian.sh)', ctx.skip)
    const before = fake.requests.length
    await review()
    expect(fake.requests.slice(before).filter(q => q.method !== 'GET')).toEqual([])
    expect(fake.comments).toHaveLength(1)
  })
})

describe('the fork-safe pair on Debian 6.12.115 -> 6.12.117', () => {
  const oldRel = debianRelease('old')
  const newRel = debianRelease('new')
  let fake: FakeGitHub

  beforeAll(async () => {
    fake = new FakeGitHub()
    await fake.start()
  })

  afterAll(async () => {
    expect(fake.violations).toEqual([])
    await fake.stop()
  })

  it('analyze uploads the report with a read-only token; publish verifies it and posts', async ctx => {
    if (!oldRel || !newRel)
      return fixtureMissing('Debian 6.12.115 and 6.12.117 (scripts/kernels/fetch-debian.sh)', ctx.skip)
    const pr: FakePull = {
      number: 21,
      headSha: '1'.repeat(40),
      baseSha: '2'.repeat(40),
      baseRef: 'main',
      headRepo: 'contributor/linux',
      files: diffFile(PATCH)
    }
    fake.addPull(pr)
    fake.currentRun = { id: 31337, headSha: pr.headSha }
    // The fork's token may not write: every write would be refused.
    fake.fail('issues/create-comment', '403', 5)
    const analyze = await runAction({
      fake,
      inputs: { mode: 'analyze', 'build-dir': newRel.root, baseline: oldRel.root, 'config-key': 'amd64' },
      eventName: 'pull_request',
      payload: pullRequestEvent(pr, fake.owner, fake.repo),
      runId: 31337,
      artifactService: true
    })
    expect(ownStderr(analyze)).toBe('')
    expect(analyze.stdout).toContain('report uploaded as artifact kbuild-review-amd64')
    expect(
      fake.writes().filter(q => !q.path.startsWith('/twirp/') && !q.path.startsWith('/_upload/'))
    ).toEqual([])
    expect(fake.artifacts.map(a => a.name)).toEqual(['kbuild-review-amd64'])
    fake.clearFaults()

    const publish = await runAction({
      fake,
      inputs: { mode: 'publish' },
      eventName: 'workflow_run',
      payload: workflowRunEvent(pr, 31337),
      runId: 31400
    })
    expect(ownStderr(publish)).toBe('')
    expect(publish.code).toBe(0)
    const sticky = fake.comments.filter(c => c.body.startsWith('<!-- kbuild-review:sticky'))
    expect(sticky).toHaveLength(1)
    expect(sticky[0]!.body).toContain('kvm\\_inject\\_emulated\\_page\\_fault is no longer exported')
    expect(
      (fake.reviewComments.get(21) ?? []).some(
        c => c.path === 'arch/x86/kvm/x86.c' && c.side === 'LEFT' && c.line === 972
      )
    ).toBe(true)
  })
})
