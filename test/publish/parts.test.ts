import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../../src/publish/client.ts'
import { parseExportLine, parsePatch, PullDiff } from '../../src/publish/diff.ts'
import { parseEnvelope } from '../../src/publish/envelope.ts'
import { planReview } from '../../src/publish/review.ts'
import { composeComment, mergeSections, parseSections } from '../../src/publish/sections.ts'
import { findBaseline, saveSnapshot, snapshotKey, type SnapshotStore } from '../../src/publish/snapshots.ts'
import { checkEnvelopes } from '../../src/publish/verify.ts'
import { renderSection } from '../../src/report/markdown.ts'
import type { Snapshot } from '../../src/snapshot/io.ts'
import { FakeGitHub } from './fake-github.ts'
import { check, hugeReport, makeReport } from './reports.ts'

describe('PR diff lines', () => {
  const patch =
    '@@ -10,4 +10,5 @@ int f(void)\n ctx1\n-EXPORT_SYMBOL(old_sym);\n+EXPORT_SYMBOL_NS_GPL(new_sym, "NS");\n+EXPORT_PER_CPU_SYMBOL(pcpu_sym);\n \n ctx2\n\\ No newline at end of file'

  it('numbers both sides like GitHub and finds the export macros', () => {
    const d = parsePatch('lib/x.c', patch)
    expect([...d.right]).toEqual([10, 11, 12, 13, 14])
    expect([...d.left]).toEqual([10, 11, 12, 13])
    expect(d.exports).toEqual([
      { macro: 'EXPORT_SYMBOL', symbol: 'old_sym', side: 'LEFT', line: 11 },
      { macro: 'EXPORT_SYMBOL_NS_GPL', symbol: 'new_sym', side: 'RIGHT', line: 11 },
      { macro: 'EXPORT_PER_CPU_SYMBOL', symbol: 'pcpu_sym', side: 'RIGHT', line: 12 }
    ])
  })

  it('knows the 6.12 and 7.2 export macros and nothing else', () => {
    expect(parseExportLine('EXPORT_SYMBOL_GPL_FOR_MODULES(kvm_x, "kvm,kvm-intel");')).toEqual({
      macro: 'EXPORT_SYMBOL_GPL_FOR_MODULES',
      symbol: 'kvm_x'
    })
    expect(parseExportLine('EXPORT_SYMBOL_FOR_MODULES(kvm_y, "kvm");')).toEqual({
      macro: 'EXPORT_SYMBOL_FOR_MODULES',
      symbol: 'kvm_y'
    })
    expect(parseExportLine('#define EXPORT_SYMBOL(sym)')).toEqual({ macro: 'EXPORT_SYMBOL', symbol: 'sym' })
    expect(parseExportLine('MY_EXPORT_SYMBOL(x);')).toBeNull()
    expect(parseExportLine('EXPORT_SYMBOL_GPLX(x);')).toBeNull()
  })

  it('matches local paths to PR files by the longest suffix', () => {
    const diff = new PullDiff([
      { filename: 'android/abi_gki_aarch64', patch: '@@ -1 +1 @@\n-a\n+b' },
      { filename: 'abi_gki_aarch64', patch: '@@ -1 +1 @@\n-a\n+b' }
    ])
    expect(diff.fileFor('/home/runner/work/linux/linux/android/abi_gki_aarch64')?.path).toBe(
      'android/abi_gki_aarch64'
    )
    expect(diff.fileFor('./abi_gki_aarch64')?.path).toBe('abi_gki_aarch64')
    expect(diff.fileFor('/x/other_abi_gki_aarch64')).toBeNull()
  })

  it('merges the same finding from several configs into one line comment', () => {
    const diff = new PullDiff([{ filename: 'lib/x.c', patch }])
    const f = {
      severity: 'error' as const,
      code: 'export-removed',
      message: 'old_sym is no longer exported',
      symbol: 'old_sym'
    }
    const plan = planReview(
      [makeReport('x86_64', [check('exports', [f])]), makeReport('arm64', [check('exports', [f])])],
      diff,
      '/w'
    )
    expect(plan.lines).toHaveLength(1)
    expect(plan.lines[0]).toMatchObject({
      path: 'lib/x.c',
      side: 'LEFT',
      line: 11,
      notes: [{ configs: ['x86_64', 'arm64'] }]
    })
  })
})

describe('comment sections', () => {
  const ctx = { fullReportAt: 'x' }
  const section = (key: string, n: number) => {
    const r =
      n > 100
        ? hugeReport(key, n)
        : makeReport(key, [
            check(
              'exports',
              Array.from({ length: n }, (_, i) => ({
                severity: 'warning' as const,
                code: 'c',
                message: `m${i}`
              }))
            )
          ])
    return { meta: { key, ...r.verdict }, text: renderSection(r, 30_000, ctx) }
  }

  it('round-trips through the comment body, keys with odd characters included', () => {
    const a = section('x86_64 defconfig -->', 2)
    const b = section('arm64/gki', 0)
    const body = composeComment([a, b], 65_536, new Set(), 'x')
    const parsed = parseSections(body)
    expect(parsed.map(s => s.meta.key)).toEqual(['x86_64 defconfig -->', 'arm64/gki'])
    expect(parsed[0]!.text).toBe(a.text)
  })

  it('cuts other configs to stubs before ours when the comment would be too long', () => {
    const theirs = [section('a', 2500), section('b', 2500)]
    const ours = section('c', 2500)
    const all = mergeSections(theirs, [ours])
    const body = composeComment(all, 65_536, new Set(['c']), 'the job summary')
    expect(body.length).toBeLessThanOrEqual(65_536)
    const parsed = parseSections(body)
    expect(parsed.map(s => s.meta.key)).toEqual(['a', 'b', 'c'])
    expect(parsed[2]!.text).toBe(ours.text)
    expect(parsed[0]!.text).toContain('Details left out to fit the comment')
  })

  it('a build string cannot forge a section marker', () => {
    const r = makeReport('k', [
      check(
        'exports',
        [
          {
            severity: 'error',
            code: 'c',
            message:
              'x\n<!-- kbuild-review:end -->\n<!-- kbuild-review:section key=evil status=pass errors=0 warnings=0 notices=0 -->'
          }
        ],
        { blocks: [{ kind: 'code', text: '<!-- kbuild-review:end -->' }] }
      )
    ])
    const body = composeComment(
      [{ meta: { key: 'k', ...r.verdict }, text: renderSection(r, 30_000, ctx) }],
      65_536,
      new Set(),
      'x'
    )
    expect(parseSections(body).map(s => s.meta.key)).toEqual(['k'])
  })
})

describe('fork artifacts', () => {
  const envelope = (over: Record<string, unknown> = {}) =>
    JSON.stringify({
      kind: 'kbuild-review-result',
      schemaVersion: 1,
      repository: 'o/r',
      runId: 5,
      pullRequest: { number: 3, headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40) },
      report: makeReport('k', []),
      ...over
    })
  const run = {
    id: 5,
    event: 'pull_request',
    headSha: 'a'.repeat(40),
    headRepo: 'fork/r',
    pullRequests: [],
    conclusion: 'success'
  }

  it('recounts the verdict instead of believing it', () => {
    const lying = makeReport('k', [check('exports', [{ severity: 'error', code: 'c', message: 'm' }])])
    lying.verdict = { status: 'pass', errors: 0, warnings: 0, notices: 0 }
    expect(parseEnvelope(envelope({ report: lying }), 'a.json').report.verdict).toEqual({
      status: 'fail',
      errors: 1,
      warnings: 0,
      notices: 0
    })
  })

  it('checks repository, run, head commit and pull request', () => {
    const ok = parseEnvelope(envelope(), 'a.json')
    expect(checkEnvelopes({ owner: 'o', repo: 'r' }, run, [ok])).toBe(3)
    expect(() => checkEnvelopes({ owner: 'o', repo: 'x' }, run, [ok])).toThrow(/claims repository o\/r/)
    expect(() => checkEnvelopes({ owner: 'o', repo: 'r' }, { ...run, id: 6 }, [ok])).toThrow(/claims run 5/)
    expect(() => checkEnvelopes({ owner: 'o', repo: 'r' }, { ...run, pullRequests: [4] }, [ok])).toThrow(
      /the run was for #4/
    )
    const other = parseEnvelope(
      envelope({ pullRequest: { number: 9, headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40) } }),
      'b.json'
    )
    expect(() => checkEnvelopes({ owner: 'o', repo: 'r' }, run, [ok, other])).toThrow(/another artifact #3/)
  })

  it('rejects what is not an envelope', () => {
    expect(() => parseEnvelope('{"kind":"x"}', 'a.json')).toThrow(/not a kbuild-review result/)
    expect(() =>
      parseEnvelope(
        envelope({ pullRequest: { number: 3, headSha: 'zz', baseSha: 'b'.repeat(40) } }),
        'a.json'
      )
    ).toThrow(/40 hex digits/)
  })
})

describe('baseline snapshots from the cache', () => {
  let fake: FakeGitHub
  const storeDir = mkdtempSync(join(tmpdir(), 'kbr-store-'))
  /** The Actions cache's contract (first existing key wins), kept in a directory. */
  const store: SnapshotStore = {
    async save(dir, key) {
      cpSync(dir, join(storeDir, key), { recursive: true })
    },
    async restore(dir, keys) {
      for (const k of keys) {
        if (existsSync(join(storeDir, k))) {
          cpSync(join(storeDir, k), dir, { recursive: true })
          return k
        }
      }
      return null
    }
  }
  const sha = (c: string) => c.repeat(40)
  const snap = (commit: string): Snapshot => ({
    schemaVersion: 1,
    kind: 'kbuild-review-snapshot',
    configKey: 'x86_64-defconfig',
    createdAt: new Date().toISOString(),
    commit,
    info: {
      release: '6.12.117',
      version: { major: 6, minor: 12, patch: 117 },
      arch: 'x86_64',
      layout: 'kbuild',
      config: {}
    },
    checks: {}
  })

  beforeAll(async () => {
    fake = new FakeGitHub()
    await fake.start()
    fake.history.set(sha('1'), [sha('1'), sha('2'), sha('3'), sha('4')])
  })
  afterAll(async () => {
    expect(fake.violations).toEqual([])
    await fake.stop()
  })

  it('takes the nearest older snapshot on the base branch and says which', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'kbr-temp-'))
    mkdirSync(temp, { recursive: true })
    expect(await saveSnapshot(store, temp, snap(sha('3')), sha('3'))).toBe(
      snapshotKey('x86_64-defconfig', sha('3'))
    )
    await saveSnapshot(store, temp, snap(sha('4')), sha('4'))
    const gh = createClient({ token: fake.token, baseUrl: fake.url })
    const logs: string[] = []
    const req = {
      owner: fake.owner,
      repo: fake.repo,
      configKey: 'x86_64-defconfig',
      baseSha: sha('1'),
      baseRef: 'main',
      depth: 50,
      tempDir: temp
    }
    const found = await findBaseline(gh, store, req, m => logs.push(m))
    expect(found).toMatchObject({ commit: sha('3'), distance: 2 })
    expect(found!.label).toBe(
      'the nearest older snapshot on main, 2 commits before the base 111111111111 (which has none)'
    )

    await saveSnapshot(store, temp, snap(sha('1')), sha('1'))
    expect(await findBaseline(gh, store, req, m => logs.push(m))).toMatchObject({
      commit: sha('1'),
      distance: 0,
      label: 'the snapshot of the base commit on main'
    })
    expect(await findBaseline(gh, store, { ...req, configKey: 'arm64' }, m => logs.push(m))).toBeNull()
    expect(logs.at(-1)).toContain(
      'no snapshot for config arm64 at the base 111111111111 or the 3 commits before it'
    )
  })
})
