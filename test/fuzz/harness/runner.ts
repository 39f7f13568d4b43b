import { InputError } from '../../../src/model/errors.ts'
import { mutate, type Seed } from './mutate.ts'
import { Rng } from './rng.ts'
import type { FuzzTarget } from './targets.ts'

/**
 * The oracle shared by the vitest properties and the long run: an input either parses, or is
 * refused with an InputError; anything else thrown is a crash.
 */
export type Outcome =
  { status: 'ok' } | { status: 'refused'; message: string } | { status: 'crash'; error: unknown }

export async function runInput(t: FuzzTarget, input: Uint8Array, ctx: unknown): Promise<Outcome> {
  try {
    await t.run(input, ctx)
    return { status: 'ok' }
  } catch (err) {
    if (err instanceof InputError) return { status: 'refused', message: err.message }
    return { status: 'crash', error: err }
  }
}

/** Cumulative weights for picking a seed (large seeds carry small weights). */
export function seedPicker(seeds: readonly Seed[]): (rng: Rng) => number {
  const cum: number[] = []
  let total = 0
  for (const s of seeds) cum.push((total += s.weight ?? 1))
  return rng => {
    const x = (rng.next() / 0x100000000) * total
    let lo = 0
    let hi = cum.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cum[mid]! > x) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

/** The input for one (rng seed) case: deterministic, so two numbers reproduce it. */
export function makeInput(
  t: FuzzTarget,
  seeds: readonly Seed[],
  pick: (rng: Rng) => number,
  rngSeed: number
): { seed: number; input: Uint8Array } {
  const rng = new Rng(rngSeed)
  const i = pick(rng)
  // One input in 64 is the seed as it is (the parser must also take every real file).
  if (rng.int(64) === 0) return { seed: i, input: seeds[i]!.bytes }
  return { seed: i, input: mutate(t.mutation, seeds[i]!, rng, seeds) }
}

/** A one-line description of a crash: the error and the first frames of its stack. */
export function describeCrash(err: unknown, frames = 4): string {
  if (err instanceof Error) {
    const stack = (err.stack ?? '')
      .split('\n')
      .slice(1, 1 + frames)
      .map(s => s.trim())
    return `${err.name}: ${clip(err.message)}${stack.length ? ` [${stack.join(' | ')}]` : ''}`
  }
  return `thrown non-Error: ${clip(String(err))}`
}

/** Where a crash happened (first stack frame inside src/), to group crashes with one cause. */
export function crashSite(err: unknown): string {
  const stack = err instanceof Error ? (err.stack ?? '') : ''
  const frame = stack.split('\n').find(l => l.includes('/src/'))
  const m = frame ? /\/(src\/[^:)]+:\d+)/.exec(frame) : null
  const name = err instanceof Error ? err.name : typeof err
  return `${name} at ${m ? m[1] : 'unknown'}`
}

function clip(s: string, max = 240): string {
  return s.length > max ? `${s.slice(0, max)}... (${s.length} characters)` : s
}
