// Property tests over every parser with a short budget (the long run is scripts/fuzz.ts).
// Each input is a seed (real kernel files when the fixtures are in the cache, synthetic ones
// always) mutated by a PRNG seeded from fast-check: it must parse or be refused with an
// InputError. KBR_FUZZ_RUNS sets the inputs per parser, KBR_FUZZ_SEED the fast-check seed.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Seed } from './harness/mutate.ts'
import { describeCrash, makeInput, runInput, seedPicker } from './harness/runner.ts'
import { SeedSource } from './harness/seeds.ts'
import { TARGETS, type FuzzTarget } from './harness/targets.ts'

const RUNS = Number(process.env.KBR_FUZZ_RUNS ?? 120)
const FC_SEED = Number(process.env.KBR_FUZZ_SEED ?? 20240601)
/** Seeds above this size stay out of the short run (a whole boot image takes seconds). */
const MAX_SEED_BYTES = 4 << 20

const src = new SeedSource()
afterAll(() => src.dispose())

async function mustNotCrash(t: FuzzTarget, input: Uint8Array, ctx: unknown, what: string): Promise<void> {
  const o = await runInput(t, input, ctx)
  if (o.status === 'crash') throw new Error(`${t.name}: ${what}: ${describeCrash(o.error, 6)}`)
}

for (const t of TARGETS) {
  describe(`fuzz ${t.name}`, () => {
    let seeds: Seed[] = []
    let ctx: unknown
    let pick: ReturnType<typeof seedPicker>

    beforeAll(async () => {
      seeds = (await t.seeds(src)).filter(s => s.bytes.length <= MAX_SEED_BYTES)
      ctx = await t.setup(src)
      pick = seedPicker(seeds)
    })

    it('reads every seed as it is', async () => {
      expect(seeds.length).toBeGreaterThan(0)
      for (const s of seeds) {
        const o = await runInput(t, s.bytes, ctx)
        expect({ seed: s.name, ...o }).toEqual({ seed: s.name, status: 'ok' })
      }
    })

    it('parses or refuses mutated seeds', async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 0x7fffffff }), async r => {
          const { seed, input } = makeInput(t, seeds, pick, r)
          await mustNotCrash(t, input, ctx, `seed ${seeds[seed]!.name}, rng ${r}`)
        }),
        { numRuns: RUNS, seed: FC_SEED, endOnFailure: true }
      )
    })

    if (t.mutation === 'bytes') {
      it('parses or refuses random bytes', async () => {
        await fc.assert(
          fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async input => {
            await mustNotCrash(t, input, ctx, 'random bytes')
          }),
          { numRuns: Math.ceil(RUNS / 4), seed: FC_SEED }
        )
      })
    } else {
      it('parses or refuses random text', async () => {
        await fc.assert(
          fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 2048 }), async s => {
            await mustNotCrash(t, new Uint8Array(Buffer.from(s, 'utf8')), ctx, 'random text')
          }),
          { numRuns: Math.ceil(RUNS / 4), seed: FC_SEED }
        )
      })
    }
  })
}
