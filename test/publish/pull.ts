import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { FakePull } from './fake-github.ts'

const require = createRequire(import.meta.url)

/** A unified diff (git format) as GitHub's PR files list: one entry per file, patch from the first hunk. */
export function filesFromDiff(diff: string): FakePull['files'] {
  const files: FakePull['files'] = []
  const parts = diff.split(/^--- (?:a\/\S+|\/dev\/null)\n\+\+\+ /m).slice(1)
  for (const part of parts) {
    const nl = part.indexOf('\n')
    const name = part.slice(0, nl).replace(/^b\//, '')
    const hunks = part.slice(nl + 1).replace(/\n$/, '')
    files.push({ filename: name, status: 'modified', patch: hunks })
  }
  return files
}

export function diffFile(path: string): FakePull['files'] {
  return filesFromDiff(readFileSync(path, 'utf8'))
}

interface Example {
  name: string
  examples: Array<Record<string, unknown>>
}

/** A real webhook payload from @octokit/webhooks-examples (deep copy). */
export function webhookExample(
  event: string,
  pick: (e: Record<string, unknown>) => boolean
): Record<string, unknown> {
  const all = require('@octokit/webhooks-examples/api.github.com/index.json') as Example[]
  const found = all.find(e => e.name === event)?.examples.find(pick)
  if (!found) throw new Error(`no ${event} example`)
  return structuredClone(found)
}

type Obj = Record<string, unknown>

/** The pull_request "opened" example, pointed at our fake PR (number, head and base commits, fork). */
export function pullRequestEvent(pr: FakePull, owner: string, repo: string): Obj {
  const e = webhookExample('pull_request', x => x.action === 'opened')
  const p = e.pull_request as Obj
  p.number = pr.number
  e.number = pr.number
  const head = p.head as Obj
  const base = p.base as Obj
  head.sha = pr.headSha
  base.sha = pr.baseSha
  base.ref = pr.baseRef
  ;(head.repo as Obj).full_name = pr.headRepo
  ;(base.repo as Obj).full_name = `${owner}/${repo}`
  ;(e.repository as Obj).full_name = `${owner}/${repo}`
  return e
}

/** The workflow_run "completed" example, as the run of a pull_request workflow for `pr`. */
export function workflowRunEvent(pr: FakePull, runId: number, opts: { listsPull?: boolean } = {}): Obj {
  const e = webhookExample('workflow_run', x => x.action === 'completed')
  const run = e.workflow_run as Obj
  run.id = runId
  run.event = 'pull_request'
  run.head_sha = pr.headSha
  run.conclusion = 'failure'
  ;(run.head_repository as Obj).full_name = pr.headRepo
  // GitHub leaves pull_requests empty for runs from forks.
  run.pull_requests = opts.listsPull
    ? [
        {
          number: pr.number,
          id: 1,
          url: '',
          head: { ref: 'topic', sha: pr.headSha, repo: { id: 2, url: '', name: 'linux' } },
          base: { ref: pr.baseRef, sha: pr.baseSha, repo: { id: 1, url: '', name: 'linux' } }
        }
      ]
    : []
  return e
}
