import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PullDiff } from '../../src/publish/diff.ts'
import type { Report } from '../../src/report/schema.ts'
import { fixtureMissing, kernelBuild, type KernelVersion } from '../support/kernels.ts'
import { FakeGitHub, type FakePull } from './fake-github.ts'
import { diffFile, pullRequestEvent } from './pull.ts'
import { ownStderr, runAction } from './run-action.ts'

/**
 * The Action on the fixture kernels (scripts/kernels/build.sh): the head tree reviewed against
 * the base tree, as a pull request whose diff is the head patch that made the difference
 * (test/fixtures/kernels/head-<ver>.patch). Its planted export changes must come back as line
 * comments on their EXPORT_SYMBOL* lines.
 */

for (const ver of ['6.12', '7.2'] as KernelVersion[]) {
  describe(`review mode on the ${ver} fixture kernels`, () => {
    const build = kernelBuild(ver)
    let fake: FakeGitHub
    let pr: FakePull

    beforeAll(async () => {
      fake = new FakeGitHub()
      await fake.start()
    })

    afterAll(async () => {
      expect(fake.violations).toEqual([])
      await fake.stop()
    })

    it('puts export findings on the EXPORT_SYMBOL lines the head patch changes', async ctx => {
      if (!build?.head.patch)
        return fixtureMissing(`${ver} base and head builds (scripts/kernels/build.sh ${ver})`, ctx.skip)
      pr = {
        number: 30,
        headSha: '6'.repeat(40),
        baseSha: '7'.repeat(40),
        baseRef: 'main',
        headRepo: 'kernel-org/linux',
        files: diffFile(build.head.patch)
      }
      fake.addPull(pr)
      const r = await runAction({
        fake,
        inputs: {
          'build-dir': build.head.obj,
          baseline: build.base.obj,
          'config-key': `x86_64-${ver}`,
          'fail-on': 'never'
        },
        eventName: 'pull_request',
        payload: pullRequestEvent(pr, fake.owner, fake.repo)
      })
      expect(ownStderr(r)).toBe('')
      expect(r.code).toBe(0)
      const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8')) as Report
      const diff = new PullDiff(pr.files)
      const located = report.checks
        .flatMap(c => c.findings)
        .filter(f => f.symbol && !f.file && diff.exportLinesOf(f.symbol).length > 0)
      // The patch removes the export of textsearch_find_continuous: at least that is found.
      expect(located.map(f => f.symbol)).toContain('textsearch_find_continuous')
      const comments = fake.reviewComments.get(30) ?? []
      for (const f of located) {
        const at = diff.exportLinesOf(f.symbol!)[0]!
        const c = comments.find(x => x.path === at.path && x.side === at.side && x.line === at.line)
        expect(c?.body, `${f.symbol} at ${at.path}:${at.line}`).toBeDefined()
      }
      expect(fake.requests.filter(q => q.operationId === 'pulls/create-review').map(q => q.status)).toEqual([
        200
      ])
      expect(fake.comments.filter(c => c.body.startsWith('<!-- kbuild-review:sticky'))).toHaveLength(1)
    })
  })
}
