import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortNames } from '../../src/elf/sort-names.ts'

/** A string table holding `names` (UTF-8, NUL-terminated) and where each one starts and ends. */
function table(names: string[]) {
  const parts: Buffer[] = [Buffer.from([0])]
  const starts = new Int32Array(names.length)
  const ends = new Int32Array(names.length)
  let at = 1
  names.forEach((n, i) => {
    const b = Buffer.from(n, 'utf8')
    starts[i] = at
    ends[i] = at + b.length
    parts.push(b, Buffer.from([0]))
    at += b.length + 1
  })
  return { strings: Buffer.concat(parts), starts, ends }
}

/** The reference: strcmp order of the UTF-8 bytes, a stable sort keeping index order for ties. */
function reference(names: string[]): number[] {
  const bytes = names.map(n => Buffer.from(n, 'utf8'))
  return names.map((_, i) => i).sort((a, b) => Buffer.compare(bytes[a]!, bytes[b]!) || a - b)
}

// Names drawn from few letters and shared prefixes: long common prefixes, many exact ties.
const name = fc.oneof(
  fc.constantFrom('', '__ksymtab_', '__UNIQUE_ID_', 'init_', 'caf\u00e9', '\u00ff', 'a', 'ab', 'b'),
  fc
    .tuple(fc.constantFrom('', '__ksymtab_', '__UNIQUE_ID_modinfo', 'x'), fc.stringMatching(/^[abAB_\u00e9]{0,6}$/))
    .map(([p, s]) => p + s)
)

describe('sortNames', () => {
  it('orders names as strcmp over their bytes, equal names in index order', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 40, maxLength: 400 }), names => {
        const { strings, starts, ends } = table(names)
        expect(Array.from(sortNames(strings, starts, ends, names.length))).toEqual(reference(names))
      }),
      { numRuns: 400 }
    )
  })

  it('sorts only the first `count` entries', () => {
    const { strings, starts, ends } = table(['b', 'a', 'c'])
    expect(Array.from(sortNames(strings, starts, ends, 2))).toEqual([1, 0])
  })
})
