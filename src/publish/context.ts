import { readFileSync } from 'node:fs'
import { InputError } from '../model/errors.ts'

/** The pull request a run is about, as GitHub's event payload says (trusted: GitHub wrote it). */
export interface PullRequestRef {
  number: number
  headSha: string
  baseSha: string
  baseRef: string
  /** owner/name of the head repository; differs from the base repository for forks. */
  headRepo: string | null
}

/** The run that triggered a `workflow_run` event (the analyze run a publish job serves). */
export interface TriggeringRun {
  id: number
  event: string
  headSha: string
  headRepo: string | null
  /** Empty for pull requests from forks (GitHub leaves them out). */
  pullRequests: number[]
  conclusion: string | null
}

export interface RunContext {
  eventName: string
  owner: string
  repo: string
  /** GITHUB_SHA: the commit the workflow ran on. */
  sha: string
  ref: string
  runId: number
  apiUrl: string
  serverUrl: string
  workspace: string
  tempDir: string
  pullRequest: PullRequestRef | null
  workflowRun: TriggeringRun | null
}

type Json = Record<string, unknown>

function obj(v: unknown): Json | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null
}

function pullRequestOf(pr: Json | null): PullRequestRef | null {
  if (!pr) return null
  const head = obj(pr.head)
  const base = obj(pr.base)
  const number = pr.number
  const headSha = str(head?.sha)
  const baseSha = str(base?.sha)
  if (typeof number !== 'number' || !headSha || !baseSha) return null
  return {
    number,
    headSha,
    baseSha,
    baseRef: str(base?.ref) ?? '',
    headRepo: str(obj(head?.repo)?.full_name)
  }
}

function workflowRunOf(run: Json | null): TriggeringRun | null {
  if (!run || typeof run.id !== 'number') return null
  const prs = Array.isArray(run.pull_requests) ? run.pull_requests : []
  return {
    id: run.id,
    event: str(run.event) ?? '',
    headSha: str(run.head_sha) ?? '',
    headRepo: str(obj(run.head_repository)?.full_name),
    pullRequests: prs.map(p => obj(p)?.number).filter((n): n is number => typeof n === 'number'),
    conclusion: str(run.conclusion)
  }
}

/** Everything the Action needs from the runner's environment and the event payload. */
export function readContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  let payload: Json = {}
  const eventPath = env.GITHUB_EVENT_PATH
  if (eventPath) {
    try {
      payload = obj(JSON.parse(readFileSync(eventPath, 'utf8'))) ?? {}
    } catch (err) {
      throw new InputError('bad-value', eventPath, `cannot read the event payload: ${(err as Error).message}`)
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    runId: Number(env.GITHUB_RUN_ID ?? 0),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    tempDir: env.RUNNER_TEMP || '/tmp',
    pullRequest: pullRequestOf(obj(payload.pull_request)),
    workflowRun: workflowRunOf(obj(payload.workflow_run))
  }
}
