// The packed comparison (verify-packed.ts) against expectedTable's objects: on maps made to hit
// every rule of kallsyms.c's selection and order, both must keep the same lines in the same
// order and count the same drops, and any change to the table must send verifyTable to the
// entry-by-entry comparison. Real kernels go through both in debian.test.ts.
import { describe, expect, it } from 'vitest'
import { expectedTable, type KallsymsOptions } from '../../src/kallsyms/expected.ts'
import { formatSystemMap, parseSystemMap, type MapSymbol } from '../../src/kallsyms/system-map.ts'
import type { DecodedTable, KallsymsEntry } from '../../src/kallsyms/table.ts'
import { matchPacked } from '../../src/kallsyms/verify-packed.ts'
import { verifyTable } from '../../src/kallsyms/verify-table.ts'
import type { KernelVersion } from '../../src/model/build-info.ts'

/** A decoded table holding exactly these entries. */
function tableOf(entries: readonly KallsymsEntry[]): DecodedTable {
  const names = Buffer.from(entries.map(e => e.name + '\0').join(''), 'latin1')
  const nameAt = new Uint32Array(entries.length)
  const types = new Uint8Array(entries.length)
  const words = new Uint32Array(2 * entries.length)
  let at = 0
  entries.forEach((e, i) => {
    nameAt[i] = at
    at += Buffer.byteLength(e.name, 'latin1') + 1
    types[i] = e.type.charCodeAt(0)
    words[2 * i] = Number(e.addr & 0xffffffffn)
    words[2 * i + 1] = Number(e.addr >> 32n)
  })
  const layout = {
    numSyms: 0,
    names: 0,
    markers: 0,
    tokenTable: 0,
    tokenIndex: 0,
    addresses: 0,
    relativeBase: null,
    seqsOfNames: null,
    mode: 'base-relative',
    foundBy: 'scan'
  } as const
  return {
    layout,
    count: entries.length,
    entries: entries.map(e => ({ ...e })),
    relativeBase: null,
    seqs: null,
    issues: [],
    bytes: 0,
    packed: { names, nameAt, types, words }
  }
}

/** mulberry32: the same maps on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const NAMES = [
  '_stext',
  '_etext',
  '_sinittext',
  '_einittext',
  '__per_cpu_start',
  '__per_cpu_end',
  '__start_set',
  '__stop_set',
  '__end_x',
  'probe_start',
  'ring_end',
  'kallsyms_names',
  'kallsyms_num_syms',
  '__efistub_f',
  'f_veneer',
  'a.long_branch.b',
  '_SDA_BASE_',
  '__gp',
  'text_size',
  '___triple',
  '__double',
  '_single',
  'plain',
  'other',
  'x'.repeat(600)
]
const TYPES = ['T', 't', 'W', 'w', 'D', 'd', 'R', 'r', 'B', 'b', 'A', 'a', 'U', 'u', 'N', 'n', 'V', 'v']
const ADDRS = [
  0x0n,
  0x40n,
  0x80n,
  0xffffffff81000000n,
  0xffffffff81000010n,
  0xffffffff81000020n,
  0xffffffff82000000n,
  0xffffffff83000000n
]

/** A map in nm -n's order (by address only), with runs of symbols at one address. */
function randomMap(next: () => number, n: number): MapSymbol[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!
  const map = Array.from({ length: n }, () => ({ addr: pick(ADDRS), type: pick(TYPES), name: pick(NAMES) }))
  return map.sort((a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0))
}

const VERSIONS: Array<KernelVersion | null> = [
  null,
  { major: 6, minor: 1, patch: 0 },
  { major: 6, minor: 4, patch: 0 },
  { major: 6, minor: 11, patch: 0 },
  { major: 6, minor: 12, patch: 0 }
]
const OPTIONS: KallsymsOptions[] = VERSIONS.flatMap(version =>
  [true, false].flatMap(allSymbols =>
    [true, false].map(absolutePercpu => ({ version, allSymbols, absolutePercpu }))
  )
)

function slow(
  map: readonly MapSymbol[],
  opts: KallsymsOptions
): { expected: KallsymsEntry[]; dropped: Record<string, number> } {
  const dropped: Record<string, number> = {}
  const expected = expectedTable(map, opts, why => (dropped[why] = (dropped[why] ?? 0) + 1))
  return { expected, dropped }
}

describe('the packed comparison', () => {
  it('keeps, orders, retypes and drops exactly as expectedTable does', () => {
    const next = random(7)
    let compared = 0
    for (let round = 0; round < 60; round++) {
      const map = parseSystemMap(
        formatSystemMap(randomMap(next, 1 + Math.floor(next() * 40)), 16),
        'System.map'
      )
      for (const opts of OPTIONS) {
        const { expected, dropped } = slow(map.symbols, opts)
        expect(matchPacked(tableOf(expected), map, opts)).toEqual({ dropped, kept: expected.length })
        compared++
      }
    }
    expect(compared).toBe(60 * OPTIONS.length)
  })

  it('refuses any table that is not exactly the expected one, and verifyTable then lists the difference', () => {
    const next = random(11)
    const opts: KallsymsOptions = {
      version: { major: 6, minor: 12, patch: 0 },
      allSymbols: true,
      absolutePercpu: true
    }
    const map = parseSystemMap(formatSystemMap(randomMap(next, 60), 16), 'System.map')
    const { expected } = slow(map.symbols, opts)
    expect(expected.length).toBeGreaterThan(10)
    const i = expected.findIndex(e => e.name === 'plain' || e.name === 'other')
    const changes: Array<[string, (t: KallsymsEntry[]) => void]> = [
      ['an address', t => (t[i]!.addr += 1n)],
      ['a type', t => (t[i]!.type = t[i]!.type === 'T' ? 't' : 'T')],
      [
        'a letter of a name',
        t => (t[i]!.name = t[i]!.name.slice(0, -1) + (t[i]!.name.endsWith('x') ? 'y' : 'x'))
      ],
      ['a longer name', t => (t[i]!.name += 'x')],
      ['a shorter name', t => (t[i]!.name = t[i]!.name.slice(0, -1))],
      ['an extra entry', t => t.push({ addr: 0xffffffff84000000n, type: 'T', name: 'extra' })],
      ['a missing entry', t => t.splice(i, 1)],
      ['the order', t => t.reverse()]
    ]
    for (const [what, change] of changes) {
      const t = expected.map(e => ({ ...e }))
      change(t)
      expect(matchPacked(tableOf(t), map, opts), what).toBeNull()
      expect(verifyTable(tableOf(t), map, opts).diff.identical, what).toBe(false)
    }
    expect(verifyTable(tableOf(expected), map, opts).diff.identical).toBe(true)
  })

  it('leaves maps out of address order and names beyond ASCII to the entry-by-entry comparison', () => {
    const opts: KallsymsOptions = {
      version: { major: 6, minor: 12, patch: 0 },
      allSymbols: true,
      absolutePercpu: false
    }
    const unsorted = parseSystemMap('ffffffff81000010 T b\nffffffff81000000 T a\n', 'System.map')
    expect(matchPacked(tableOf(slow(unsorted.symbols, opts).expected), unsorted, opts)).toBeNull()
    expect(verifyTable(tableOf(slow(unsorted.symbols, opts).expected), unsorted, opts).diff.identical).toBe(
      true
    )
    const accented = parseSystemMap('ffffffff81000000 T caf\u00e9\n', 'System.map')
    expect(matchPacked(tableOf(slow(accented.symbols, opts).expected), accented, opts)).toBeNull()
  })
})
