// Every crasher the fuzzer found, replayed through the same target that found it: each must
// now parse or be refused as recorded in test/fixtures/crashers/index.json.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { describeCrash, runInput } from './harness/runner.ts'
import { SeedSource } from './harness/seeds.ts'
import { targetNamed } from './harness/targets.ts'

interface Crasher {
  expect: 'ok' | 'refused'
  /** A regular expression the refusal message must match. */
  message?: string
  cause: string
}

const DIR = join(import.meta.dirname, '../fixtures/crashers')
const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as Record<string, Crasher>
const src = new SeedSource({ real: false })
afterAll(() => src.dispose())

describe('crasher corpus', () => {
  it('lists every file it holds', () => {
    const files = readdirSync(DIR, { withFileTypes: true })
      .filter(d => d.isDirectory())
      .flatMap(d => readdirSync(join(DIR, d.name)).map(f => `${d.name}/${f}`))
    expect(files.sort()).toEqual(Object.keys(index).sort())
  })

  for (const [file, c] of Object.entries(index)) {
    it(`${file}: ${c.expect}`, async () => {
      const t = targetNamed(file.split('/')[0]!)
      const ctx = await t.setup(src)
      const o = await runInput(t, new Uint8Array(readFileSync(join(DIR, file))), ctx)
      if (o.status === 'crash')
        throw new Error(`${file} still crashes ${t.name}: ${describeCrash(o.error, 8)}`)
      expect(o.status).toBe(c.expect)
      if (c.message && o.status === 'refused') expect(o.message).toMatch(new RegExp(c.message))
    })
  }
})
