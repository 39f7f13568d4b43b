import { checkJsonShape } from '../model/json-shape.ts'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { gunzip, gzipSync } from 'node:zlib'

const gunzipAsync = promisify(gunzip)
import type { BuildInfo } from '../model/build-info.ts'
import { InputError } from '../model/errors.ts'
import { LIMITS } from '../load/limits.ts'
import { gunzipChunkSize } from '../bytes/zlib-chunk.ts'

/**
 * Everything a later comparison needs from one build: each check's snapshot() output under its
 * id. Versioned JSON, gzip when the file name ends in .gz.
 */
export interface Snapshot {
  schemaVersion: 1
  kind: 'kbuild-review-snapshot'
  configKey: string
  createdAt: string
  commit?: string
  info: BuildInfo
  checks: Record<string, unknown>
}

export async function writeSnapshot(path: string, s: Snapshot): Promise<void> {
  const json = JSON.stringify(s)
  // Synchronous like the gzip before it; node:fs/promises would cost every CLI start ~3 ms.
  writeFileSync(path, path.endsWith('.gz') ? gzipSync(json) : json)
}

export async function parseSnapshot(bytes: Uint8Array, file: string): Promise<Snapshot> {
  let data: Uint8Array = bytes
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      // Not gunzipSync: Node 24's sync form leaks its stream and buffer when the data is corrupt.
      data = await gunzipAsync(bytes, { maxOutputLength: LIMITS.maxTextBytes, chunkSize: gunzipChunkSize(bytes, LIMITS.maxTextBytes) })
    } catch (err) {
      throw new InputError('bad-value', file, `corrupt gzip: ${(err as Error).message}`)
    }
  }
  let value: unknown
  // A view, not a copy: a distro snapshot is 16 MB of JSON.
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8')
  checkJsonShape(text, file, 'snapshot')
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw new InputError('bad-value', file, `not a snapshot: ${(err as Error).message}`)
  }
  const s = value as Partial<Snapshot>
  if (!s || typeof s !== 'object' || s.kind !== 'kbuild-review-snapshot') {
    throw new InputError('bad-magic', file, 'not a kbuild-review snapshot (no "kind": "kbuild-review-snapshot")')
  }
  if (s.schemaVersion !== 1) throw new InputError('unsupported', file, `snapshot schema version ${JSON.stringify(s.schemaVersion ?? null).slice(0, 40)}, this tool reads 1`)
  if (!s.info || typeof s.info !== 'object' || !s.checks || typeof s.checks !== 'object' || Array.isArray(s.checks)) {
    throw new InputError('bad-value', file, 'snapshot lacks "info" or "checks"')
  }
  return s as Snapshot
}

/**
 * Reads and parses a snapshot file. The read is synchronous (a few milliseconds for a distro's
 * 4.5 MB) so that the gunzip is under way on the libuv pool when this returns: the caller goes
 * on walking the build meanwhile.
 */
export async function readSnapshot(path: string): Promise<Snapshot> {
  let bytes: Buffer
  try {
    const { size } = statSync(path)
    if (size > LIMITS.maxTextBytes) throw new InputError('too-large', path, `${size} bytes is more than a snapshot can be`)
    bytes = readFileSync(path)
  } catch (err) {
    if (err instanceof InputError) throw err
    throw new InputError('io', path, `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`)
  }
  return parseSnapshot(bytes, path)
}
