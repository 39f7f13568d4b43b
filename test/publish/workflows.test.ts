import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { readSnapshot } from '../../src/snapshot/io.ts'
import { debianRelease, fixtureMissing } from '../support/kernels.ts'
import { FakeGitHub, type FakePull } from './fake-github.ts'
import { diffFile, pullRequestEvent, webhookExample, workflowRunEvent } from './pull.ts'
import { check, makeReport } from './reports.ts'
import { ownStderr, runAction } from './run-action.ts'
import { zip } from './zip.ts'

/**
 * The example workflows (.github/workflows/example-*.yml) and action.yml: what they declare must
 * fit together, and the Action runs with each example's own inputs in the situation it is for.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const WORKFLOWS = join(ROOT, '.github', 'workflows')
const USES = 'kbuild-review/kbuild-review@v1'

type Obj = Record<string, unknown>
interface Step {
  uses?: string
  with?: Record<string, string | number | boolean>
  run?: string
}
interface Job {
  if?: string
  needs?: string
  permissions?: Record<string, string>
  steps: Step[]
  strategy?: { matrix: { include: Array<Record<string, string>> } }
}
interface Workflow {
  name: string
  on: Obj
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
  runs: Obj
}

function workflow(name: string): Workflow {
  return parse(readFileSync(join(WORKFLOWS, name), 'utf8')) as Workflow
}

function ourStep(job: Job): Step {
  const step = job.steps.find(s => s.uses === USES)
  if (!step) throw new Error('no kbuild-review step')
  return step
}

/** A step's `with:` as the runner passes it, `${{ matrix.x }}` resolved from one matrix entry. */
function inputsOf(step: Step, matrix: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(step.with ?? {}))
    out[k] = String(v).replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (_, m: string) => matrix[m] ?? '')
  return out
}

const examples = readdirSync(WORKFLOWS).filter(f => f.startsWith('example-'))

describe('action.yml and the example workflows', () => {
  it('declares every input and output with a description and runs on node24 from dist/index.js', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    for (const [name, i] of Object.entries(action.inputs)) expect(i.description, name).toMatch(/\w{3,}/)
    for (const [name, o] of Object.entries(action.outputs)) expect(o.description, name).toMatch(/\w{3,}/)
    // Every input the code reads and every output it sets is declared.
    const code = ['src/publish/inputs.ts', 'src/main.ts']
      .map(f => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n')
    const read = [...code.matchAll(/(?:get|v|bool|oneOf)\('([a-z-]+)'/g)].map(m => m[1]!)
    const set = [...code.matchAll(/setOutput\('([a-z-]+)'/g)].map(m => m[1]!)
    expect(read.length).toBeGreaterThan(20)
    for (const i of read) expect(Object.keys(action.inputs), i).toContain(i)
    for (const o of set) expect(Object.keys(action.outputs), o).toContain(o)
  })

  it('the examples use only declared inputs, valid modes, and the permissions each mode needs', () => {
    expect(examples.sort()).toEqual([
      'example-fork-analyze.yml',
      'example-fork-publish.yml',
      'example-matrix.yml',
      'example-single.yml',
      'example-snapshots.yml'
    ])
    for (const file of examples) {
      const w = workflow(file)
      for (const [id, job] of Object.entries(w.jobs)) {
        const step = job.steps.find(s => s.uses === USES)
        if (!step) continue
        for (const k of Object.keys(step.with ?? {}))
          expect(Object.keys(action.inputs), `${file} ${id}: ${k}`).toContain(k)
        const mode = String(step.with?.mode ?? 'review')
        const perms = { ...w.permissions, ...job.permissions }
        if (['review', 'aggregate', 'publish'].includes(mode))
          expect(perms['pull-requests'], `${file}: ${mode}`).toBe('write')
        if (mode === 'analyze' || mode === 'snapshot')
          expect(
            Object.values(perms),
            `${file}: ${mode} runs untrusted code or needs no write`
          ).not.toContain('write')
      }
    }
  })

  it('the fork pair: publish is triggered by the analyze workflow, never checks out code, reads artifacts', () => {
    const analyze = workflow('example-fork-analyze.yml')
    const publish = workflow('example-fork-publish.yml')
    expect(Object.keys(analyze.on)).toEqual(['pull_request'])
    expect(publish.on).toEqual({ workflow_run: { workflows: [analyze.name], types: ['completed'] } })
    expect(publish.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' })
    const job = Object.values(publish.jobs)[0]!
    expect(job.steps.every(s => !s.uses?.startsWith('actions/checkout') && !s.run)).toBe(true)
    expect(job.if).toContain("github.event.workflow_run.event == 'pull_request'")
  })

  it('snapshots and pull requests agree on the config key', () => {
    const key = inputsOf(ourStep(workflow('example-snapshots.yml').jobs.snapshot!))['config-key']
    expect(inputsOf(ourStep(workflow('example-single.yml').jobs.review!))).toMatchObject({
      baseline: 'cache',
      'config-key': key
    })
    expect(inputsOf(ourStep(workflow('example-fork-analyze.yml').jobs.analyze!))).toMatchObject({
      baseline: 'cache',
      'config-key': key
    })
    expect(Object.keys(workflow('example-snapshots.yml').on)).toEqual(['push'])
  })

  it('the matrix gives every job its own config key and the aggregate job waits for all', () => {
    const w = workflow('example-matrix.yml')
    const keys = w.jobs.build!.strategy!.matrix.include.map(
      m => inputsOf(ourStep(w.jobs.build!), m)['config-key']
    )
    expect(keys).toEqual(['x86_64-defconfig', 'arm64-defconfig'])
    expect(w.jobs.aggregate!.needs).toBe('build')
    expect(w.jobs.aggregate!.if).toContain('always()')
  })
})

describe('the examples, run', () => {
  const HEAD = '3'.repeat(40)
  const BASE = '4'.repeat(40)
  let fake: FakeGitHub
  let pr: FakePull

  beforeEach(async () => {
    fake = new FakeGitHub()
    await fake.start()
    pr = {
      number: 9,
      headSha: HEAD,
      baseSha: BASE,
      baseRef: 'main',
      headRepo: 'kernel-org/linux',
      files: diffFile(
        fileURLToPath(new URL('../fixtures/publish/debian-6.12.115-117.patch', import.meta.url))
      )
    }
    fake.addPull(pr)
  })

  afterEach(async () => {
    expect(fake.violations).toEqual([])
    await fake.stop()
  })

  const envelope = (key: string, runId: number) => ({
    kind: 'kbuild-review-result',
    schemaVersion: 1,
    repository: 'kernel-org/linux',
    runId,
    pullRequest: { number: 9, headSha: HEAD, baseSha: BASE },
    report: makeReport(key, [
      check('exports', [
        {
          severity: 'warning',
          code: 'export-removed',
          message: 'kvm_inject_emulated_page_fault is no longer exported',
          symbol: 'kvm_inject_emulated_page_fault'
        }
      ])
    ])
  })

  it('example-matrix: the aggregate job merges what actions/download-artifact put in reports/', async () => {
    const w = workflow('example-matrix.yml')
    const workspace = mkdtempSync(join(tmpdir(), 'kbr-ws-'))
    for (const m of w.jobs.build!.strategy!.matrix.include) {
      const key = inputsOf(ourStep(w.jobs.build!), m)['config-key']!
      // download-artifact with `pattern` and no merge: one directory per artifact
      mkdirSync(join(workspace, 'reports', `kbuild-review-${key}`), { recursive: true })
      writeFileSync(
        join(workspace, 'reports', `kbuild-review-${key}`, 'kbuild-review.json'),
        JSON.stringify(envelope(key, 55))
      )
    }
    const r = await runAction({
      fake,
      inputs: inputsOf(ourStep(w.jobs.aggregate!)),
      eventName: 'pull_request',
      payload: pullRequestEvent(pr, fake.owner, fake.repo),
      workspace
    })
    expect(ownStderr(r)).toBe('')
    expect(r.code).toBe(0)
    const sticky = fake.comments.filter(c => c.body.startsWith('<!-- kbuild-review:sticky'))
    expect(sticky).toHaveLength(1)
    expect(sticky[0]!.body).toContain('key=x86_64-defconfig status=warn')
    expect(sticky[0]!.body).toContain('key=arm64-defconfig status=warn')
    // One line comment naming both configs, on the removed export line.
    const rc = fake.reviewComments.get(9)!
    expect(rc).toHaveLength(1)
    expect(rc[0]).toMatchObject({ path: 'arch/x86/kvm/x86.c', side: 'LEFT', line: 972 })
    expect(rc[0]!.body).toContain('no longer exported (`arm64-defconfig`, `x86_64-defconfig`)')
  })

  it('example-fork-publish: posts the analyze run of a fork', async () => {
    pr = { ...pr, headRepo: 'contributor/linux' }
    fake.addPull(pr)
    const zipped = zip({ 'kbuild-review.json': JSON.stringify(envelope('x86_64-defconfig', 808)) })
    fake.artifacts.push({
      id: 1,
      name: 'kbuild-review-x86_64-defconfig',
      runId: 808,
      headSha: HEAD,
      zip: zipped
    })
    const job = workflow('example-fork-publish.yml').jobs.publish!
    const r = await runAction({
      fake,
      inputs: inputsOf(ourStep(job)),
      eventName: 'workflow_run',
      payload: workflowRunEvent(pr, 808)
    })
    expect(ownStderr(r)).toBe('')
    expect(r.code).toBe(0)
    expect(fake.comments).toHaveLength(1)
  })

  function buildWorkspace(root: string): string {
    const ws = mkdtempSync(join(tmpdir(), 'kbr-ws-'))
    symlinkSync(root, join(ws, 'build'))
    return ws
  }

  it('example-single on a real build: no cache service means no baseline, said once, and the review still posts', async ctx => {
    const rel = debianRelease('new')
    if (!rel) return fixtureMissing('Debian 6.12.117 (scripts/kernels/fetch-debian.sh)', ctx.skip)
    const r = await runAction({
      fake,
      inputs: inputsOf(ourStep(workflow('example-single.yml').jobs.review!)),
      eventName: 'pull_request',
      payload: pullRequestEvent(pr, fake.owner, fake.repo),
      workspace: buildWorkspace(rel.root)
    })
    expect(ownStderr(r)).toBe('')
    expect(r.outputs.status).toMatch(/^(pass|warn|fail)$/)
    expect(r.stdout).toMatch(
      /::notice::(could not restore a baseline snapshot|no snapshot for config x86_64-defconfig)/
    )
    expect(r.summary).toContain('`x86_64-defconfig` · Linux 6\\.12\\.117')
  })

  it('example-snapshots on a real build: writes the snapshot for the pushed commit, and a missing cache service is a warning', async ctx => {
    const rel = debianRelease('new')
    if (!rel) return fixtureMissing('Debian 6.12.117 (scripts/kernels/fetch-debian.sh)', ctx.skip)
    const push = webhookExample('push', () => true)
    const sha = '5'.repeat(40)
    const r = await runAction({
      fake,
      inputs: inputsOf(ourStep(workflow('example-snapshots.yml').jobs.snapshot!)),
      eventName: 'push',
      payload: push,
      sha,
      workspace: buildWorkspace(rel.root)
    })
    expect(ownStderr(r)).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/::warning::could not save the snapshot to the Actions cache/)
    expect(existsSync(r.outputs.snapshot!)).toBe(true)
    const snap = await readSnapshot(r.outputs.snapshot!)
    expect(snap).toMatchObject({
      configKey: 'x86_64-defconfig',
      commit: sha,
      info: { release: '6.12.117+deb12-amd64' }
    })
  })
})
