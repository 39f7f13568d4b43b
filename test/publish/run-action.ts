import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FakeGitHub } from './fake-github.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/**
 * The bundle the runner executes (action.yml: runs.main). Until dist/ has the Action, or with
 * KBR_ACTION_ENTRY=src, the sources run directly (Node 24 strips the types).
 */
export function actionEntry(): string {
  const dist = join(ROOT, 'dist', 'index.js')
  return process.env.KBR_ACTION_ENTRY !== 'src' && existsSync(dist) ? dist : join(ROOT, 'src', 'index.ts')
}

/** Input defaults as the runner passes them: every input of action.yml, as INPUT_<NAME>. */
export function actionDefaults(): Record<string, string> {
  const text = readFileSync(join(ROOT, 'action.yml'), 'utf8')
  const inputs = text.slice(text.indexOf('\ninputs:\n'), text.indexOf('\noutputs:\n'))
  const out: Record<string, string> = {}
  let name: string | null = null
  for (const line of inputs.split('\n')) {
    const n = /^ {2}([a-z0-9-]+):\s*$/.exec(line)
    if (n) name = n[1]!
    const d = /^ {4}default:\s*(.*)$/.exec(line)
    if (d && name) out[name] = d[1]!.replace(/^'(.*)'$/, '$1')
  }
  return out
}

export interface ActionResult {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Workflow commands: ::error/::warning/::notice lines. */
  annotations: Array<{ kind: string; props: string; message: string }>
}

export interface RunOptions {
  fake: FakeGitHub
  inputs: Record<string, string>
  eventName: string
  payload: unknown
  env?: Record<string, string>
  workspace?: string
  sha?: string
  runId?: number
  /** Give the step the Actions results service (artifacts), served by the fake. */
  artifactService?: boolean
}

/** An unsigned JWT with the scope claim @actions/artifact reads its backend ids from. */
function runtimeToken(): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: 'Actions.GenericRead Actions.Results:run-backend:job-backend' })}.`
}

/** stderr without Node's deprecation warnings about dependencies (unzip-stream uses Buffer()). */
export function ownStderr(r: ActionResult): string {
  return r.stderr
    .split('\n')
    .filter(l => l && !/DeprecationWarning|--trace-deprecation/.test(l))
    .join('\n')
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!
  return out
}

/** Runs the Action as the runner does: a node process with INPUT_* and GITHUB_* variables. */
export async function runAction(o: RunOptions): Promise<ActionResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kbr-action-'))
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(o.payload))
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state')
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const inputs = { ...actionDefaults(), 'github-token': o.fake.token, ...o.inputs }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: join(dir, 'runner-temp'),
    GITHUB_WORKSPACE: o.workspace ?? dir,
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${o.fake.owner}/${o.fake.repo}`,
    GITHUB_REPOSITORY_OWNER: o.fake.owner,
    GITHUB_SHA: o.sha ?? '0'.repeat(40),
    GITHUB_REF: 'refs/pull/1/merge',
    GITHUB_RUN_ID: String(o.runId ?? 4242),
    GITHUB_API_URL: o.fake.url,
    GITHUB_GRAPHQL_URL: `${o.fake.url}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    NO_PROXY: '127.0.0.1,localhost',
    ...files,
    ...(o.artifactService
      ? { ACTIONS_RUNTIME_TOKEN: runtimeToken(), ACTIONS_RESULTS_URL: `${o.fake.url}/` }
      : {}),
    ...o.env
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
  const child = spawn(process.execPath, [actionEntry()], {
    cwd: env.GITHUB_WORKSPACE,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number>(resolve => child.on('close', c => resolve(c ?? -1)))
  const annotations = [...stdout.matchAll(/^::(error|warning|notice)( [^:]*)?::(.*)$/gm)].map(m => ({
    kind: m[1]!,
    props: (m[2] ?? '').trim(),
    message: m[3]!
  }))
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    annotations
  }
}
