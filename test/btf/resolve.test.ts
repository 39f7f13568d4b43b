import { describe, expect, it } from 'vitest'
import type { Btf } from '../../src/btf/btf.ts'
import { BtfResolver, resolveAll } from '../../src/btf/resolve.ts'
import { rulesFor } from '../../src/btf/rules.ts'
import { verifyLoad } from '../../src/btf/verifier.ts'
import { BtfBuilder } from './builder.ts'

const RULES = rulesFor({ major: 6, minor: 12, patch: 0 })

function load(b: BtfBuilder, base: Btf | null = null): Btf {
  const r = verifyLoad({ bytes: b.build(), file: 't', littleEndian: true, base, rules: RULES })
  if (!r.ok) throw new Error(`load failed: ${r.failure.text}`)
  return r.btf
}

function resolveText(b: BtfBuilder): string | undefined {
  return resolveAll(load(b), null, 8).failure?.text
}

function withInt(): BtfBuilder {
  const b = new BtfBuilder()
  b.int('int', 4, 32, 1) // [1]
  return b
}

describe('full BTF verification (btf_check_all_types)', () => {
  it('accepts a self-referencing list node and a function pointer', () => {
    const b = withInt()
    const node = b.nextId
    b.struct('node', 16, [
      ['next', node + 1, 0],
      ['v', 1, 64]
    ]) // [2]
    b.ptr(node) // [3]
    const proto = b.proto(1, [['n', 3]])
    b.func('walk', proto)
    b.ptr(proto)
    expect(resolveText(b)).toBeUndefined()
  })

  it('refuses a pointer/modifier loop', () => {
    const b = withInt()
    b.qualifier('const', 3) // [2] -> [3]
    b.ptr(2) // [3] -> [2]
    expect(resolveText(b)).toBe('[2] CONST (anon) type_id=3 Loop detected')
  })

  it('refuses a struct that contains itself', () => {
    const b = withInt()
    b.struct('a', 8, [['self', 2, 0]])
    expect(resolveText(b)).toBe('[2] STRUCT a size=8 vlen=1 Loop detected')
  })

  it('refuses members without a size and members past the end', () => {
    const f = withInt()
    const fwd = f.fwd('opaque')
    f.struct('s', 8, [['o', fwd, 0]])
    expect(resolveText(f)).toBe('o type_id=2 bits_offset=0 Invalid member')
    const big = withInt()
    big.struct('s', 4, [['a', 1, 8]])
    expect(resolveText(big)).toBe('a type_id=1 bits_offset=8 Member exceeds struct_size')
  })

  it('refuses wrong kinds where a use needs another', () => {
    const f = withInt()
    f.func('f', 1)
    expect(resolveText(f)).toBe('[2] FUNC f type_id=1 Invalid type_id')
    const v = withInt()
    v.variable('v', v.fwd('opaque'))
    expect(resolveText(v)).toBe('[3] VAR v type_id=2 linkage=1 Invalid type_id')
    const d = withInt()
    d.datasec('.data', 4, [[1, 0, 4]])
    expect(resolveText(d)).toBe('type_id=1 offset=0 size=4 Not a VAR kind member')
    const p = withInt()
    const proto = p.proto(1, [['x', 1]])
    const fn = p.func('g', proto)
    p.proto(1, [['cb', fn]])
    expect(resolveText(p)).toBe('[4] FUNC_PROTO (anon) return=1 args=(3 cb) Invalid arg#1')
    const a = withInt()
    const s = a.struct('s', 4, [['m', 1, 0]])
    a.array(1, s, 2)
    expect(resolveText(a)).toBe('[3] ARRAY (anon) type_id=1 index_type_id=2 nr_elems=2 Invalid index')
  })

  it('names the type resolving failed at, not the one it started from', () => {
    const b = withInt()
    b.struct('s', 8, [['m', 3, 0]]) // [2]
    b.typedef('t', 5) // [3] -> a FUNC
    const proto = b.proto(0, []) // [4]
    b.func('f', proto) // [5]
    const r = resolveAll(load(b), null, 8)
    expect(r.failure).toMatchObject({ typeId: 3, text: '[3] TYPEDEF t type_id=5 Invalid type_id' })
  })

  it('resolves module types onto vmlinux types', () => {
    const vmb = withInt()
    vmb.struct('task', 8, [['pid', 1, 0]]) // [2]
    const vm = load(vmb)
    const vt = new BtfResolver(vm, null, 8)
    const m = new BtfBuilder({ endId: vm.endId, strLen: vm.header.strLen })
    m.struct('wrap', 16, [
      ['t', 2, 0],
      ['n', 1, 64]
    ])
    m.array(2, 1, 3)
    const mod = load(m, vm)
    const r = resolveAll(mod, vt, 8)
    expect(r.failure).toBeUndefined()
    expect(r.resolver.sizes[1]).toBe(24) // the array: 3 x 8 bytes
    // The same module against a vmlinux where [2] is a FUNC_PROTO: what a mismatch looks like.
    const other = withInt()
    other.func('task', other.proto(0, []))
    other.str('pid') // same strings, so only the type ids differ
    const vm2 = load(other)
    const bad = resolveAll(load(m, vm2), new BtfResolver(vm2, null, 8), 8)
    expect(bad.failure?.text).toBe('t type_id=2 bits_offset=0 Invalid member')
  })
})
