import { describe, expect, it } from 'vitest'
import type { Btf } from '../../src/btf/btf.ts'
import { KIND } from '../../src/btf/kinds.ts'
import { mismatchEvidence } from '../../src/btf/mismatch.ts'
import { relocate } from '../../src/btf/relocate.ts'
import { BtfResolver, resolveAll } from '../../src/btf/resolve.ts'
import { rulesFor } from '../../src/btf/rules.ts'
import { verifyLoad } from '../../src/btf/verifier.ts'
import { BtfBuilder } from './builder.ts'

const RULES = rulesFor({ major: 7, minor: 2, patch: 0 })

function load(bytes: Uint8Array, base: Btf | null = null): Btf {
  const r = verifyLoad({ bytes, file: 't', littleEndian: true, base, rules: RULES })
  if (!r.ok) throw new Error(`load failed: ${r.failure.text}`)
  return r.btf
}

interface VmlinuxShape {
  embeddedSize?: number
  tsConfigSize?: number
  duplicateTsConfig?: boolean
  intEncoding?: number
}

/** A vmlinux BTF; the ids of int, ts_config and embedded_s move with the options. */
function vmlinux(o: VmlinuxShape = {}): Btf {
  const b = new BtfBuilder()
  const int = b.int('int', 4, 32, o.intEncoding ?? 1)
  b.int('long int', 8, 64, 1)
  b.struct('ts_config', o.tsConfigSize ?? 40, [['len', int, 0]])
  if (o.duplicateTsConfig) b.struct('ts_config', o.tsConfigSize ?? 40, [['other', int, 0]])
  b.struct('embedded_s', o.embeddedSize ?? 16, [['a', int, 0]])
  b.struct('u', 8, [['x', int, 0]], true)
  b.enum64('e', 8, [['E1', 1n]])
  return load(b.build())
}

/** The module as distilled against vmlinux(): .BTF.base and .BTF. */
function module(): { dist: Btf; split: Btf } {
  const d = new BtfBuilder()
  d.int('int', 4, 32, 1) // [1]
  d.struct('ts_config', 40, []) // [2]
  d.struct('embedded_s', 16, []) // [3]
  d.record('e', KIND.ENUM, 0, 8) // [4] an ENUM64 becomes a sized ENUM
  const dist = load(d.build())
  const m = new BtfBuilder({ endId: dist.endId, strLen: dist.header.strLen })
  const p = m.ptr(2) // [5]
  m.struct('mod', 40, [
    ['e', 3, 0],
    ['p', p, 128],
    ['x', 1, 192],
    ['val', 4, 256]
  ]) // [6]
  return { dist, split: load(m.build(), dist) }
}

describe('.BTF.base relocation', () => {
  it('maps every distilled type and rewrites the module onto vmlinux', () => {
    const vm = vmlinux()
    const { split } = module()
    const r = relocate(split, vm)
    expect(r).toMatchObject({ ok: true, distilledTypes: 4, unmatched: [], ambiguous: [] })
    const rel = r.relocated!
    // vmlinux has 6 types, the distilled base 4: module ids move up by 2.
    expect(rel.firstId).toBe(7)
    expect(rel.describe(8)).toBe("STRUCT 'mod'")
    expect([4, 7, 10, 13].map(w => rel.word(8, w))).toEqual([4, 7, 1, 6]) // e, p, x, val member types
    expect(rel.third(7)).toBe(3) // the PTR now points at vmlinux's ts_config
    expect(rel.str(rel.word(8, 3))).toBe('e')
    expect(resolveAll(rel, new BtfResolver(vm, null, 8), 8).failure).toBeUndefined()
    expect(mismatchEvidence(rel)).toMatchObject({ badNames: 0, badRefs: 0 })
  })

  it('survives a change to a type the module only points to', () => {
    expect(relocate(module().split, vmlinux({ tsConfigSize: 48 })).ok).toBe(true)
  })

  it('reports an embedded struct whose size changed', () => {
    const r = relocate(module().split, vmlinux({ embeddedSize: 24 }))
    expect(r.ok).toBe(false)
    expect(r.unmatched).toEqual([{ id: 3, kind: 'STRUCT', name: 'embedded_s', size: 16, embedded: true }])
    expect(r.kernelMessage).toBe("distilled base BTF type 'embedded_s' [3] is not mapped to base BTF id")
    expect(r.errno).toBe(22)
  })

  it('reports an int whose encoding changed', () => {
    const r = relocate(module().split, vmlinux({ intEncoding: 0 }))
    expect(r.unmatched.map(u => `${u.kind} ${u.name}`)).toEqual(['INT int'])
  })

  it('reports several vmlinux candidates of the same name and size', () => {
    const r = relocate(module().split, vmlinux({ duplicateTsConfig: true }))
    expect(r.ambiguous).toEqual([
      { id: 2, kind: 'STRUCT', name: 'ts_config', size: 40, embedded: false, candidates: [3, 4] }
    ])
    expect(r.kernelMessage).toBe(
      "distilled base BTF type 'ts_config' [2], size 40 has multiple candidates of the same size (ids [4, 3]) in base BTF"
    )
  })

  it('refuses a distilled base with kinds it cannot hold', () => {
    const d = new BtfBuilder()
    d.int('int', 4)
    d.ptr(1)
    const dist = load(d.build())
    const m = new BtfBuilder({ endId: dist.endId, strLen: dist.header.strLen })
    m.struct('s', 8, [['p', 2, 0]])
    const r = relocate(load(m.build(), dist), vmlinux())
    expect(r.invalid).toEqual(['type [2] in distilled based BTF has unexpected kind [2]'])
    expect(r.ok).toBe(false)
  })
})
