import * as cache from '@actions/cache'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { markerValue } from '../report/escape.ts'
import { readSnapshot, writeSnapshot, type Snapshot } from '../snapshot/io.ts'
import type { GitHub } from './client.ts'

/**
 * Baselines without a second build: `mode: snapshot` on pushes to the base branch stores the
 * build's snapshot in the Actions cache under config key + commit; a PR restores the snapshot of
 * its base commit, else of the nearest ancestor that has one (first-parent history of the base
 * branch as the API lists it). Caches saved on the base branch are readable from PRs into it.
 */

export const SNAPSHOT_FILE = 'snapshot.json.gz'

export function snapshotKey(configKey: string, sha: string): string {
  return `kbuild-review-snapshot-v1-${markerValue(configKey)}-${sha}`
}

/** Where snapshots are stored; the Actions cache on a runner, a directory in tests. */
export interface SnapshotStore {
  /** Stores `dir` (holding SNAPSHOT_FILE) under key. */
  save(dir: string, key: string): Promise<void>
  /** Restores the first key that exists into `dir`; returns it, or null. */
  restore(dir: string, keys: readonly string[]): Promise<string | null>
}

function requireCacheService(): void {
  if (!cache.isFeatureAvailable())
    throw new Error(
      'the Actions cache service is not available to this step (not running on a GitHub runner?)'
    )
}

export const actionsCache: SnapshotStore = {
  async save(dir, key) {
    requireCacheService()
    // saveCache reports most failures as a warning and -1 rather than throwing.
    if ((await cache.saveCache([dir], key)) === -1)
      throw new Error(`the cache did not store ${key} (an entry with that key may exist already)`)
  },
  async restore(dir, keys) {
    requireCacheService()
    // The cache service takes 10 keys per lookup; each full-SHA key matches only its commit.
    for (let i = 0; i < keys.length; i += 10) {
      const batch = keys.slice(i, i + 10)
      const hit = await cache.restoreCache([dir], batch[0]!, batch.slice(1))
      if (hit) return hit
    }
    return null
  }
}

export function snapshotDir(tempDir: string): string {
  return join(tempDir, 'kbuild-review-snapshot')
}

export async function saveSnapshot(
  store: SnapshotStore,
  tempDir: string,
  snap: Snapshot,
  sha: string
): Promise<string> {
  const dir = snapshotDir(tempDir)
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  await writeSnapshot(join(dir, SNAPSHOT_FILE), snap)
  const key = snapshotKey(snap.configKey, sha)
  await store.save(dir, key)
  return key
}

export interface FoundBaseline {
  file: string
  commit: string
  /** What the comment says it compared with. */
  label: string
  /** Commits between the snapshot and the base (0: the base itself). */
  distance: number
}

/**
 * The snapshot for a PR's base: the base commit's own, else the nearest older one among the
 * `depth` commits before it. Null (with the reason logged) when there is none.
 */
export async function findBaseline(
  gh: GitHub | null,
  store: SnapshotStore,
  req: {
    owner: string
    repo: string
    configKey: string
    baseSha: string
    baseRef: string
    depth: number
    tempDir: string
  },
  log: (m: string) => void
): Promise<FoundBaseline | null> {
  let history = [req.baseSha]
  if (gh && req.depth > 1) {
    try {
      const { data } = await gh.rest.repos.listCommits({
        owner: req.owner,
        repo: req.repo,
        sha: req.baseSha,
        per_page: Math.min(100, req.depth)
      })
      const shas = data.map(c => c.sha)
      if (shas[0] === req.baseSha) history = shas
    } catch (err) {
      log(
        `could not list the history of ${req.baseSha.slice(0, 12)} (${(err as Error).message}); looking for the base commit's snapshot only`
      )
    }
  }
  const dir = snapshotDir(req.tempDir)
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const keys = history.map(sha => snapshotKey(req.configKey, sha))
  const hit = await store.restore(dir, keys)
  if (!hit) {
    log(
      `no snapshot for config ${req.configKey} at the base ${req.baseSha.slice(0, 12)} or the ${history.length - 1} commits before it: run mode: snapshot on pushes to ${req.baseRef || 'the base branch'}`
    )
    return null
  }
  const distance = keys.indexOf(hit)
  const commit = history[distance]!
  const file = join(dir, SNAPSHOT_FILE)
  const snap = await readSnapshot(file)
  if (snap.configKey !== req.configKey || (snap.commit && snap.commit !== commit)) {
    log(`the cached snapshot under ${hit} is for ${snap.configKey}@${snap.commit ?? '?'}: ignored`)
    return null
  }
  const branch = req.baseRef || 'the base branch'
  const label =
    distance === 0
      ? `the snapshot of the base commit on ${branch}`
      : `the nearest older snapshot on ${branch}, ${distance} commit${distance === 1 ? '' : 's'} before the base ${req.baseSha.slice(0, 12)} (which has none)`
  return { file, commit, label, distance }
}
