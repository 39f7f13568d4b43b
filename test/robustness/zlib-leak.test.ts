// Node 24's gunzipSync/zstdDecompressSync leave their stream open when the data is corrupt; it
// is freed only by finalizers after later collections, and until then each call holds about
// 60 KiB (1.25 GB after 20,000 corrupt gzips in a row: the fuzz run of `decompress` grew to
// 1.5 GB this way). A PR's corrupt .ko.gz/.ko.zst or snapshot must cost nothing once refused.
// Measured in a fresh process, as the fuzzer's children run: many refusals in a row.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const script = `
import { gzipSync, zstdCompressSync } from 'node:zlib'
import { decompress } from ${JSON.stringify(fileURLToPath(new URL('../../src/load/decompress.ts', import.meta.url)))}
import { parseSnapshot } from ${JSON.stringify(fileURLToPath(new URL('../../src/snapshot/io.ts', import.meta.url)))}
const corrupt = b => { const c = Buffer.from(b); c[c.length >> 1] ^= 0xff; return c }
const gz = corrupt(gzipSync(Buffer.alloc(100000, 7)))
const zst = corrupt(zstdCompressSync(Buffer.alloc(100000, 7)))
const snap = corrupt(gzipSync(Buffer.from('{"kind":"kbuild-review-snapshot"}'.padEnd(100000))))
const grown = {}
let refused = 0
for (const [what, times, refuse] of [
  ['gzip', 5000, () => decompress(gz, 'gzip', 'm.ko.gz')],
  ['zstd', 20000, () => decompress(zst, 'zstd', 'm.ko.zst')],
  ['snapshot', 5000, () => parseSnapshot(snap, 's.json.gz')]
]) {
  globalThis.gc()
  const before = process.memoryUsage().external
  for (let i = 0; i < times; i++) await Promise.resolve().then(refuse).catch(() => refused++)
  grown[what] = process.memoryUsage().external - before
}
console.log(JSON.stringify({ refused, grown }))
`

describe('refused compressed data', () => {
  it('leaves no memory behind', () => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' })
    const { refused, grown } = JSON.parse(out) as { refused: number; grown: Record<string, number> }
    expect(refused).toBe(30_000)
    // Held at the end of each run (no forced collection), the sync forms: gzip about 500 MB,
    // zstd about 300 MB, snapshots about 500 MB. Refusals that let go: a few tens of MB.
    for (const what of ['gzip', 'zstd', 'snapshot']) expect(grown[what], what).toBeLessThan(128 << 20)
  }, 60_000)
})
