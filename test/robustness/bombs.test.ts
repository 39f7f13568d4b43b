// Decompression bombs among real-shaped modules of an installed layout: each bomb is refused
// with a message naming its file and the limit, and every other module is still analyzed
// (through the worker pool and, with 24+ .xz modules, the batched system-xz path too).
import { gzipSync, zstdCompressSync } from 'node:zlib'
import { execFileSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { review } from '../../src/engine.ts'
import { LIMITS } from '../../src/load/limits.ts'
import { defaultOptions } from '../../src/model/options.ts'
import { openBuild } from '../../src/model/open-build.ts'
import type { ModuleSummary } from '../../src/load/analyzer.ts'
import type { Report } from '../../src/report/schema.ts'
import { tempDir } from '../support/tmp.ts'
import { gzipBomb, xzBomb, zstdBomb } from './bombs.ts'
import { cli, CONFIG, findings, modPath, moduleObject, RELEASE, writeTree } from './tree.ts'

const GiB = 2 ** 30
const dir = tempDir('kbr-bombs-')
const root = `${dir}/tree`
const BOMBS = {
  'kernel/lib/zz_bomb_xz.ko.xz':
    new RegExp(`xz data expands beyond the ${LIMITS.maxDecompressedBytes}-byte limit \\(its index declares 4294967296 bytes\\)`),
  // Its index claims 4 KiB per block: refused as soon as the output outgrows that.
  'kernel/lib/good_12z_bomb_lying_index.ko.xz': /corrupt xz data|expands beyond/,
  'kernel/drivers/bomb_zst.ko.zst': new RegExp(`zstd data expands beyond the ${LIMITS.maxDecompressedBytes}-byte limit`),
  'kernel/drivers/bomb_gz.ko.gz': new RegExp(`gzip data expands beyond the ${LIMITS.maxDecompressedBytes}-byte limit`)
} as const

let build: ReturnType<typeof openBuild>
let modules: ModuleSummary[]
let report: Report
const good: string[] = []

beforeAll(async () => {
  const obj = moduleObject(dir, 'good')
  const files: Record<string, Uint8Array | string> = { [`boot/config-${RELEASE}`]: CONFIG }
  const xz = execFileSync('xz', ['-c', '--check=crc32'], { input: obj })
  for (let i = 0; i < 30; i++) {
    const rel = `kernel/lib/good_${String(i).padStart(2, '0')}.ko.xz`
    files[modPath(rel)] = xz
    good.push(rel)
  }
  files[modPath('kernel/drivers/good_zst.ko.zst')] = zstdCompressSync(obj)
  files[modPath('kernel/drivers/good_gz.ko.gz')] = gzipSync(obj)
  files[modPath('kernel/drivers/good_plain.ko')] = obj
  good.push('kernel/drivers/good_zst.ko.zst', 'kernel/drivers/good_gz.ko.gz', 'kernel/drivers/good_plain.ko')
  files[modPath('kernel/lib/zz_bomb_xz.ko.xz')] = xzBomb(4 * GiB)
  files[modPath('kernel/lib/good_12z_bomb_lying_index.ko.xz')] = xzBomb(4 * GiB, 4096)
  files[modPath('kernel/drivers/bomb_zst.ko.zst')] = zstdBomb(4 * GiB)
  files[modPath('kernel/drivers/bomb_gz.ko.gz')] = gzipBomb(LIMITS.maxDecompressedBytes + (64 << 20))
  writeTree(root, files)
  build = openBuild({ dir: root }, { jobs: 2 })
  modules = await build.modules()
  report = await review({ input: { dir: root }, options: defaultOptions(), jobs: 2 })
}, 300_000)

describe('decompression bombs', () => {
  it('are small files that expand to gigabytes', () => {
    expect(build.layout.modules).toHaveLength(good.length + Object.keys(BOMBS).length)
    expect(xzBomb(4 * GiB).length).toBeLessThan(1 << 20)
    expect(zstdBomb(4 * GiB).length).toBeLessThan(1 << 20)
  })

  it('are each refused with the file and the limit named', () => {
    for (const [rel, message] of Object.entries(BOMBS)) {
      const m = modules.find(x => x.relPath === rel)
      expect(m?.error, rel).toMatch(new RegExp(`^${rel.replaceAll('.', '\\.')}: `))
      expect(m?.error, rel).toMatch(message)
    }
  })

  it('do not hide the other modules: every good module is read in full', () => {
    for (const rel of good) {
      const m = modules.find(x => x.relPath === rel)!
      expect({ rel, error: m.error }).toEqual({ rel, error: undefined })
      expect(m.elfBytes, rel).toBeGreaterThan(1000)
      expect(Object.keys(m.factErrors), rel).toEqual([])
      expect(m.facts.modinfo, rel).toMatchObject({ license: 'GPL' })
    }
  })

  it('become one error finding each in the review, with paths relative to the build root', () => {
    const unreadable = findings(report).filter(f => f.code === 'module-unreadable')
    expect(unreadable.map(f => f.file).sort()).toEqual(Object.keys(BOMBS).sort())
    for (const f of unreadable) expect(f.severity).toBe('error')
    for (const f of findings(report)) if (f.file) expect(f.file.startsWith('/'), f.file).toBe(false)
  })

  it('make the CLI fail with the refusals listed and the other checks still run', () => {
    const r = cli(['check', root, '--format', 'json', '--jobs', '2'])
    expect(r.status).toBe(1)
    const json = JSON.parse(r.stdout) as Report
    expect(findings(json).filter(f => f.code === 'module-unreadable')).toHaveLength(Object.keys(BOMBS).length)
    expect(json.checks.map(c => c.id)).toEqual(report.checks.map(c => c.id))
  })
})
