import { describe, expect, it } from 'vitest'
import { parseBtf, type Btf } from '../../src/btf/btf.ts'
import { KIND } from '../../src/btf/kinds.ts'
import { rulesFor } from '../../src/btf/rules.ts'
import { verifyLoad } from '../../src/btf/verifier.ts'
import type { VerifierFailure } from '../../src/btf/verifier-log.ts'
import { BtfBuilder, type BuildOptions } from './builder.ts'

const V612 = rulesFor({ major: 6, minor: 12, patch: 0 })
const V72 = rulesFor({ major: 7, minor: 2, patch: 0 })

function failure(bytes: Uint8Array, rules = V612, base: Btf | null = null): VerifierFailure {
  const r = verifyLoad({ bytes, file: 't', littleEndian: true, base, rules })
  if (r.ok) throw new Error('expected the verifier to refuse this BTF')
  return r.failure
}

function base(): BtfBuilder {
  const b = new BtfBuilder()
  b.int('int', 4, 32, 1) // [1]
  return b
}

describe("the kernel's load-time BTF checks (6.12)", () => {
  const cases: Array<{
    what: string
    make: (b: BtfBuilder) => void
    text: string
    errno?: number
    id?: number
    opts?: BuildOptions
  }> = [
    {
      what: 'INT with vlen',
      make: b => b.record('x', KIND.INT, 1, 4, [32]),
      text: '[2] INT x size=4 bits_offset=0 nr_bits=32 encoding=(none) vlen != 0'
    },
    {
      what: 'INT wider than its size',
      make: b => b.int('x', 4, 40),
      text: '[2] INT x size=4 bits_offset=0 nr_bits=40 encoding=(none) nr_bits exceeds type_size'
    },
    {
      what: 'INT encoding',
      make: b => b.int('x', 4, 32, 3),
      text: '[2] INT x size=4 bits_offset=0 nr_bits=32 encoding=UNKN Unsupported encoding',
      errno: 524
    },
    {
      what: 'reserved info bits',
      make: b => b.record('x', KIND.INT, 0x10000, 4, [32]),
      text: '[2] Invalid btf_info:1010000'
    },
    { what: 'unknown kind', make: b => b.record('x', 20, 0, 0), text: '[2] Invalid kind:20' },
    {
      what: 'name offset past the strings',
      make: b => b.record(500, KIND.FWD, 0, 0),
      text: '[2] Invalid name_offset:500'
    },
    {
      what: 'struct name',
      make: b => b.struct('1abc', 4, [['m', 1, 0]]),
      text: '[2] STRUCT 1abc size=4 vlen=1 Invalid name'
    },
    {
      what: 'member name offset',
      make: b => b.record('s', KIND.STRUCT, 1, 4, [900, 1, 0]),
      text: '(invalid-name-offset) type_id=1 bits_offset=0 Invalid member name_offset:900'
    },
    {
      what: 'member of void',
      make: b => b.struct('s', 4, [['m', 0, 0]]),
      text: 'm type_id=0 bits_offset=0 Invalid type_id'
    },
    {
      what: 'union member offset',
      make: b =>
        b.struct(
          'u',
          8,
          [
            ['a', 1, 0],
            ['b', 1, 32]
          ],
          true
        ),
      text: 'b type_id=1 bits_offset=32 Invalid member bits_offset'
    },
    {
      what: 'member past the struct',
      make: b => b.struct('s', 4, [['m', 1, 64]]),
      text: 'm type_id=1 bits_offset=64 Member bits_offset exceeds its struct size'
    },
    {
      what: 'enum size',
      make: b => b.enumeration('e', 3, [['A', 0]]),
      text: '[2] ENUM e size=3 vlen=1 Unexpected size'
    },
    {
      what: 'enumerator name',
      make: b => b.enumeration('e', 4, [['9lives', 0]]),
      text: '[2] ENUM e size=4 vlen=1 Invalid name'
    },
    {
      what: 'const with a name',
      make: b => b.record('c', KIND.CONST, 0, 1),
      text: '[2] CONST c type_id=1 Invalid name'
    },
    {
      what: 'typedef without a name',
      make: b => b.typedef('', 1),
      text: '[2] TYPEDEF (anon) type_id=1 Invalid name'
    },
    {
      what: 'func linkage',
      make: b => b.func('f', b.proto(0, []), 2),
      text: '[3] FUNC f type_id=2 Invalid func linkage'
    },
    {
      what: 'var linkage',
      make: b => b.variable('v', 1, 2),
      text: '[2] VAR v type_id=1 linkage=2 Linkage not supported'
    },
    {
      what: 'array of void',
      make: b => b.array(0, 1, 4),
      text: '[2] ARRAY (anon) type_id=0 index_type_id=1 nr_elems=4 Invalid elem'
    },
    {
      what: 'datasec overlap',
      make: b => {
        const v = b.variable('v', 1)
        const w = b.variable('w', 1)
        b.datasec('.data', 8, [
          [v, 0, 4],
          [w, 2, 4]
        ])
      },
      text: 'type_id=3 offset=2 size=4 Invalid offset'
    },
    { what: 'float size', make: b => b.float('f', 3), text: '[2] FLOAT f size=3 Invalid type_size' },
    {
      what: 'decl tag value',
      make: b => b.declTag('', 1),
      text: '[2] DECL_TAG (anon) type=1 component_idx=-1 Invalid value'
    },
    {
      what: 'type tag kind_flag',
      make: b => b.typeTag('user', 1, true),
      text: '[2] TYPE_TAG user type_id=1 Invalid btf_info kind_flag'
    },
    {
      what: 'proto with a name',
      make: b => b.record('p', KIND.FUNC_PROTO, 1, 1, [b.str('a'), 1]),
      text: '[2] FUNC_PROTO p return=1 args=(1 a) Invalid name'
    },
    {
      what: 'typedef loop',
      make: b => {
        b.typedef('a', 3) // [2] -> [3] -> [2]
        b.qualifier('const', 2)
      },
      text: 'Max chain length or cycle detected',
      errno: 40,
      id: 2
    },
    {
      what: 'type tag after a modifier',
      make: b => b.qualifier('const', b.typeTag('user', 1)),
      text: "Type tags don't precede modifiers",
      id: 3
    }
  ]
  for (const c of cases) {
    it(c.what, () => {
      const b = base()
      c.make(b)
      const f = failure(b.build(c.opts))
      expect(f.text).toBe(c.text)
      expect(f.errno).toBe(c.errno ?? 22)
      if (c.id !== undefined) expect(f.typeId).toBe(c.id)
    })
  }

  it('prints one dmesg line per log call, as BPF_LOG_KERNEL does', () => {
    const b = base()
    b.struct('s', 4, [['9', 1, 0]])
    const f = failure(b.build())
    expect(f.dmesg).toEqual(['BPF: \t9 type_id=1 bits_offset=0', 'BPF:', 'BPF: Invalid name', 'BPF:'])
    expect(f.typeId).toBe(2)
    expect(f.step).toBe('types')
  })

  it('checks the header and the string section', () => {
    const b = base()
    expect(failure(b.build({ magic: 0x9feb })).text).toBe('Invalid magic')
    expect(failure(b.build({ version: 2 }))).toMatchObject({
      text: 'Unsupported version',
      errno: 524,
      step: 'header'
    })
    expect(failure(b.build({ flags: 1 })).text).toBe('Unsupported flags')
    expect(failure(b.build({ hdrLen: 28, headerPad: 1 }))).toMatchObject({
      text: 'Unsupported btf_header',
      errno: 7
    })
    expect(failure(new Uint8Array(6)).text).toBe('hdr_len not found')
    const bytes = b.build()
    const dv = new DataView(bytes.buffer)
    dv.setUint32(20, dv.getUint32(20, true) - 1, true) // string section no longer at the end
    expect(failure(bytes).text).toBe('Unsupported section found')
    const noNul = b.build()
    noNul[noNul.length - 1] = 0x41
    expect(failure(noNul)).toMatchObject({ text: 'Invalid string section', step: 'strings' })
  })

  it('reports a truncated last record with meta_left', () => {
    const b = base()
    b.int('x', 4)
    const bytes = b.build()
    const dv = new DataView(bytes.buffer)
    // Shrink the type section by 4 bytes and move the strings down: the INT loses its data word.
    const cut = new Uint8Array(bytes.length - 4)
    cut.set(bytes.subarray(0, 24 + 28))
    cut.set(bytes.subarray(24 + 32), 24 + 28)
    const cv = new DataView(cut.buffer)
    cv.setUint32(12, 28, true)
    cv.setUint32(16, 28, true)
    void dv
    expect(failure(cut).text).toBe('[2] INT x meta_left:0 meta_needed:4')
  })

  it('refuses a split module type whose modifier chain leaves the types, without a message', () => {
    const vm = parseBtf(base().build(), 'vmlinux')
    const m = new BtfBuilder({ endId: vm.endId, strLen: vm.header.strLen })
    m.typedef('t', 77)
    const f = failure(m.build(), V612, vm)
    expect(f).toMatchObject({ step: 'modifier-chains', errno: 22, typeId: 2, dmesg: [], text: '' })
  })
})

describe('what a CONFIG_MODULE_ALLOW_BTF_MISMATCH=y kernel still prints', () => {
  it('drops the type and member lines of module BTF, keeps the plain ones', () => {
    const vm = parseBtf(base().build(), 'vmlinux')
    const named = new BtfBuilder({ endId: vm.endId, strLen: vm.header.strLen })
    named.struct('s', 4, [['9', 1, 0]])
    expect(failure(named.build(), V612, vm).quietWhenMismatchAllowed).toBe(true)
    const offset = new BtfBuilder({ endId: vm.endId, strLen: vm.header.strLen })
    offset.record(9999, KIND.FWD, 0, 0)
    expect(failure(offset.build(), V612, vm)).toMatchObject({ text: '[2] Invalid name_offset:9999' })
    expect(failure(offset.build(), V612, vm).quietWhenMismatchAllowed).toBeUndefined()
    // vmlinux itself is not split BTF: its lines are always printed.
    const b = base()
    b.struct('s', 4, [['9', 1, 0]])
    expect(failure(b.build()).quietWhenMismatchAllowed).toBeUndefined()
  })
})

describe('rules that changed after 6.12', () => {
  it('7.2 takes kind_flag on type tags, widened vlen bits and the layout header', () => {
    const b = base()
    b.qualifier('const', b.typeTag('user', 1, true))
    const layout: Array<[number, number]> = Array.from({ length: 20 }, () => [0, 0])
    const bytes = b.build({ hdrLen: 32, layout })
    expect(verifyLoad({ bytes, file: 't', littleEndian: true, base: null, rules: V72 }).ok).toBe(true)
    expect(failure(bytes, V612).text).toBe('Unsupported btf_header')
    const wide = base()
    wide.record('x', KIND.INT, 0x10000, 4, [32])
    expect(failure(wide.build(), V72).text).toBe(
      '[2] INT x size=4 bits_offset=0 nr_bits=32 encoding=(none) vlen != 0'
    )
  })

  it('derives rules from vermagic releases', () => {
    expect(rulesFor({ major: 6, minor: 1, patch: 0 })).toMatchObject({
      distilledBase: false,
      maxKind: 19,
      tagKflag: false
    })
    expect(rulesFor({ major: 5, minor: 10, patch: 0 }).maxKind).toBe(15)
    expect(rulesFor(null)).toMatchObject({ distilledBase: true, headerBytes: 32, typeTagsFirst: false })
  })
})
