import { DefaultArtifactClient } from '@actions/artifact'
import { lstat, mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { InputError } from '../model/errors.ts'
import type { GitHub } from './client.ts'
import { ENVELOPE_FILE, parseEnvelope, type ResultEnvelope } from './envelope.ts'

/** Report artifacts are named kbuild-review-<config key>, one per analyze or matrix job. */
export const ARTIFACT_PREFIX = 'kbuild-review-'
const MAX_ARTIFACT_BYTES = 64 * 1024 * 1024

/** Artifact names may not contain " : < > | * ? \ / or line breaks. */
export function artifactName(configKey: string): string {
  // eslint-disable-next-line no-control-regex
  return ARTIFACT_PREFIX + configKey.replace(/["':<>|*?\\/\u0000-\u001f\s]/g, '_')
}

/** True when the runner gave this step the artifact service (ACTIONS_RUNTIME_TOKEN etc.). */
export function artifactServiceAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env.ACTIONS_RUNTIME_TOKEN && !!env.ACTIONS_RESULTS_URL
}

export async function uploadEnvelope(
  envelope: ResultEnvelope,
  tempDir: string,
  retentionDays?: number
): Promise<{ name: string; id: number | null }> {
  const name = artifactName(envelope.report.configKey)
  const dir = join(tempDir, 'kbuild-review', 'upload', name)
  await mkdir(dir, { recursive: true })
  const file = join(dir, ENVELOPE_FILE)
  await writeFile(file, JSON.stringify(envelope))
  const res = await new DefaultArtifactClient().uploadArtifact(
    name,
    [file],
    dir,
    retentionDays ? { retentionDays } : {}
  )
  return { name, id: res.id ?? null }
}

/** Reads the envelope out of a downloaded artifact directory: that one regular file only. */
export async function readEnvelopeFrom(dir: string, what: string): Promise<ResultEnvelope> {
  const file = join(dir, ENVELOPE_FILE)
  const st = await lstat(file).catch(() => null)
  if (!st || !st.isFile()) throw new InputError('not-a-file', what, `has no regular file ${ENVELOPE_FILE}`)
  if (st.size > MAX_ARTIFACT_BYTES)
    throw new InputError('too-large', what, `${ENVELOPE_FILE} is ${st.size} bytes`)
  return parseEnvelope(await readFile(file, 'utf8'), `${what}/${ENVELOPE_FILE}`)
}

export interface RunArtifact {
  id: number
  name: string
  size: number
  digest: string | null
  runId: number | null
  headSha: string | null
}

/** Report artifacts of a workflow run, through the REST API (works for other runs). */
export async function listRunArtifacts(
  gh: GitHub,
  owner: string,
  repo: string,
  runId: number
): Promise<RunArtifact[]> {
  const all = await gh.paginate(gh.rest.actions.listWorkflowRunArtifacts, {
    owner,
    repo,
    run_id: runId,
    per_page: 100
  })
  return all
    .filter(a => a.name.startsWith(ARTIFACT_PREFIX) && !a.expired)
    .map(a => ({
      id: a.id,
      name: a.name,
      size: a.size_in_bytes,
      digest: (a as { digest?: string | null }).digest ?? null,
      runId: a.workflow_run?.id ?? null,
      headSha: a.workflow_run?.head_sha ?? null
    }))
}

/**
 * Downloads the report artifacts of another workflow run (the analyze run of a fork PR) with
 * the artifact API, checking each one's digest and that GitHub lists it under that run and
 * head commit.
 */
export async function downloadRunEnvelopes(
  gh: GitHub,
  token: string,
  target: { owner: string; repo: string; runId: number; headSha: string },
  dir: string
): Promise<ResultEnvelope[]> {
  const artifacts = await listRunArtifacts(gh, target.owner, target.repo, target.runId)
  const client = new DefaultArtifactClient()
  const out: ResultEnvelope[] = []
  for (const a of artifacts) {
    if (a.runId !== null && a.runId !== target.runId)
      throw new InputError('refused', a.name, `belongs to run ${a.runId}, not ${target.runId}`)
    if (a.headSha !== null && a.headSha !== target.headSha)
      throw new InputError('refused', a.name, `was built from ${a.headSha}, not ${target.headSha}`)
    if (a.size > MAX_ARTIFACT_BYTES) throw new InputError('too-large', a.name, `${a.size} bytes`)
    const path = join(dir, String(a.id))
    await mkdir(path, { recursive: true })
    const res = await client.downloadArtifact(a.id, {
      path,
      ...(a.digest ? { expectedHash: a.digest } : {}),
      findBy: {
        token,
        workflowRunId: target.runId,
        repositoryOwner: target.owner,
        repositoryName: target.repo
      }
    })
    if (res.digestMismatch)
      throw new InputError('refused', a.name, 'digest does not match what GitHub recorded at upload')
    out.push(await readEnvelopeFrom(path, `artifact ${a.name}`))
  }
  return out
}

/** Report artifacts of the current run (matrix jobs before an aggregate job). */
export async function downloadCurrentRunEnvelopes(dir: string): Promise<ResultEnvelope[]> {
  const client = new DefaultArtifactClient()
  const { artifacts } = await client.listArtifacts({ latest: true })
  const out: ResultEnvelope[] = []
  for (const a of artifacts.filter(x => x.name.startsWith(ARTIFACT_PREFIX))) {
    const path = join(dir, String(a.id))
    await mkdir(path, { recursive: true })
    await client.downloadArtifact(a.id, { path })
    out.push(await readEnvelopeFrom(path, `artifact ${a.name}`))
  }
  return out
}

/** Report or envelope files in a directory tree (reports downloaded by actions/download-artifact). */
export async function findReportFiles(root: string): Promise<string[]> {
  const st = await lstat(root).catch(() => null)
  if (!st) throw new InputError('io', root, 'reports: no such file or directory')
  const out: string[] = []
  if (st.isFile()) out.push(root)
  else {
    for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
      if (e.isFile() && e.name.endsWith('.json')) out.push(join(e.parentPath, e.name))
    }
  }
  // Reports come from other jobs' artifacts: bounded like a downloaded envelope before anyone reads them.
  for (const f of out) {
    const size = (await lstat(f)).size
    if (size > MAX_ARTIFACT_BYTES) throw new InputError('too-large', f, `${size} bytes is more than a report can be (${MAX_ARTIFACT_BYTES})`)
  }
  return out.sort()
}
