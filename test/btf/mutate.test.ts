// Damaged BTF must give a verdict or an InputError, never an exception of another kind or a
// hang: every word of a small base and module BTF is corrupted in turn, and random bytes too.
import { describe, expect, it } from 'vitest'
import { parseBtf, type Btf } from '../../src/btf/btf.ts'
import { mismatchEvidence } from '../../src/btf/mismatch.ts'
import { relocate } from '../../src/btf/relocate.ts'
import { BtfResolver, resolveAll } from '../../src/btf/resolve.ts'
import { rulesFor } from '../../src/btf/rules.ts'
import { verifyLoad } from '../../src/btf/verifier.ts'
import { InputError } from '../../src/model/errors.ts'
import { BtfBuilder } from './builder.ts'

const RULES = [rulesFor({ major: 6, minor: 12, patch: 0 }), rulesFor({ major: 7, minor: 2, patch: 0 })]

function vmlinux(): Uint8Array {
  const b = new BtfBuilder()
  const int = b.int('int', 4, 32, 1)
  const ptr = b.ptr(int)
  const s = b.struct('node', 16, [
    ['next', ptr, 0],
    ['v', int, 64]
  ])
  b.typedef('node_t', s)
  b.array(int, int, 4)
  b.enumeration('e', 4, [['A', 1]])
  const proto = b.proto(int, [['n', ptr]])
  b.func('f', proto)
  b.datasec('.data', 4, [[b.variable('x', int), 0, 4]])
  b.fwd('opaque')
  b.declTag('tag', s, 0)
  b.typeTag('user', ptr)
  return b.build()
}

function module(base: Btf): Uint8Array {
  const m = new BtfBuilder({ endId: base.endId, strLen: base.header.strLen })
  const own = m.struct('mod', 24, [
    ['n', 3, 0],
    ['p', 2, 128]
  ])
  m.ptr(own)
  m.qualifier('const', own)
  m.func('mod_init', 7)
  return m.build()
}

/** xorshift32: the same corruptions on every run. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    return (x >>>= 0)
  }
}

function exercise(bytes: Uint8Array, base: Btf | null, baseResolver: BtfResolver | null): void {
  for (const rules of RULES) {
    const r = verifyLoad({ bytes, file: 'm', littleEndian: true, base, rules })
    if (r.ok) {
      resolveAll(r.btf, baseResolver, 8)
      if (base) mismatchEvidence(r.btf)
    }
  }
  try {
    const btf = parseBtf(bytes, 'm', { base, checkRefs: false })
    if (base) mismatchEvidence(btf)
  } catch (err) {
    if (!(err instanceof InputError)) throw err
  }
}

describe('damaged BTF', () => {
  const vmBytes = vmlinux()
  const vm = parseBtf(vmBytes, 'vmlinux')
  const modBytes = module(vm)

  it('every word of a module and of a base replaced by interesting values', () => {
    const values = [
      0, 1, 2, 0xff, 0xffff, 0x10000, 0xffffff, 0x1000000, 0x7fffffff, 0x80000000, 0xffffffff, 12, 13, 19, 20
    ]
    for (const [bytes, asModule] of [
      [modBytes, true],
      [vmBytes, false]
    ] as const) {
      for (let o = 0; o + 4 <= bytes.length; o += 4) {
        for (const v of values) {
          const copy = Uint8Array.from(bytes)
          new DataView(copy.buffer).setUint32(o, v, true)
          expect(() =>
            exercise(copy, asModule ? vm : null, asModule ? new BtfResolver(vm, null, 8) : null)
          ).not.toThrow()
        }
      }
    }
  })

  it('random bytes, truncation and relocation of damaged distilled bases', () => {
    const next = rng(0x6b6272)
    for (let i = 0; i < 3000; i++) {
      const copy = Uint8Array.from(i % 2 ? modBytes : vmBytes)
      for (let n = 1 + (next() % 4); n > 0; n--) copy[next() % copy.length] = next() & 0xff
      const cut = next() % 8 === 0 ? copy.subarray(0, next() % copy.length) : copy
      expect(() =>
        exercise(cut, i % 2 ? vm : null, i % 2 ? new BtfResolver(vm, null, 8) : null)
      ).not.toThrow()
      // The damaged base as a module's distilled base, relocated onto the intact one.
      if (i % 2 === 0) {
        const dist = verifyLoad({
          bytes: cut,
          file: 'base',
          littleEndian: true,
          base: null,
          rules: RULES[1]!
        })
        if (!dist.ok) continue
        const split = verifyLoad({
          bytes: module(dist.btf),
          file: 'm',
          littleEndian: true,
          base: dist.btf,
          rules: RULES[1]!
        })
        if (split.ok) expect(() => relocate(split.btf, vm)).not.toThrow()
      }
    }
  })
})
