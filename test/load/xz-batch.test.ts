import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ModuleFile } from '../../src/discover/layout.ts'
import { decodeXzBatch, systemXz, type Decoded } from '../../src/load/xz-batch.ts'
import { xzUncompressedSize } from '../../src/load/xz-index.ts'
import { tempDir } from '../support/tmp.ts'

const dir = tempDir()

function makeModules(n: number): { modules: Array<{ index: number; module: ModuleFile }>; payloads: Buffer[] } {
  const payloads: Buffer[] = []
  const modules = Array.from({ length: n }, (_, i) => {
    const payload = Buffer.from(`module ${i} `.repeat(1000 + i * 37))
    payloads.push(payload)
    const path = join(dir, `m${i}.ko.xz`)
    writeFileSync(path, execFileSync('xz', ['-c', i % 3 === 0 ? '--check=crc32' : '--check=crc64'], { input: payload }))
    return { index: 100 + i, module: { name: `m${i}`, path, relPath: `m${i}.ko.xz`, compression: 'xz' as const } }
  })
  return { modules, payloads }
}

async function decodeAll(modules: Array<{ index: number; module: ModuleFile }>): Promise<Decoded[]> {
  const out: Decoded[] = []
  await decodeXzBatch(modules, d => out.push(d))
  return out
}

describe('xz index and batch decoding through the system xz', () => {
  it('reads the uncompressed size from the index, also of concatenated streams', () => {
    const a = execFileSync('xz', ['-c'], { input: Buffer.alloc(12345, 1) })
    const b = execFileSync('xz', ['-c'], { input: Buffer.alloc(999, 2) })
    expect(xzUncompressedSize(a, 'a.xz')).toBe(12345)
    expect(xzUncompressedSize(Buffer.concat([a, Buffer.alloc(8), b]), 'ab.xz')).toBe(12345 + 999)
    expect(() => xzUncompressedSize(a.subarray(0, a.length - 3), 'cut.xz')).toThrow(/^cut\.xz: /)
  })

  it('cuts the output exactly at each file, in order', async ctx => {
    if (!systemXz()) return ctx.skip()
    const { modules, payloads } = makeModules(12)
    const out = await decodeAll(modules)
    expect(out.map(d => d.index)).toEqual(modules.map(m => m.index))
    out.forEach((d, i) => expect(Buffer.from(d.bytes!)).toEqual(payloads[i]))
  })

  it('never hands out a corrupt file: the rest goes back for one-by-one decoding', async ctx => {
    if (!systemXz()) return ctx.skip()
    const { modules, payloads } = makeModules(8)
    const bad = modules[4]!.module.path
    const bytes = readFileSync(bad)
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x55
    writeFileSync(bad, bytes)
    const out = await decodeAll(modules)
    expect(out.map(d => d.index)).toEqual(modules.map(m => m.index))
    for (let i = 0; i < 8; i++) {
      if (out[i]!.bytes) expect(Buffer.from(out[i]!.bytes!)).toEqual(payloads[i])
    }
    expect(out[4]!.bytes).toBeUndefined()
    expect(out.slice(0, 4).every(d => d.bytes)).toBe(true)
  })
})
