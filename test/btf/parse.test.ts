import { describe, expect, it } from 'vitest'
import { parseBtf } from '../../src/btf/btf.ts'
import { KIND, NARROW_INFO } from '../../src/btf/kinds.ts'
import { BtfBuilder } from './builder.ts'
import { inputErrorOf } from '../support/errors.ts'

/** A base BTF with one type of every kind 1..19. */
function everyKind(): { bytes: Uint8Array; ids: Record<string, number> } {
  const b = new BtfBuilder()
  const int = b.int('int', 4, 32, 1)
  const ptr = b.ptr(int)
  const arr = b.array(int, int, 4)
  const st = b.struct('pair', 8, [
    ['a', int, 0],
    ['b', int, 32]
  ])
  const un = b.struct('either', 4, [['x', int, 0]], true)
  const en = b.enumeration('color', 4, [
    ['RED', 0],
    ['GREEN', 1]
  ])
  const fwd = b.fwd('opaque')
  const td = b.typedef('int_t', int)
  const vol = b.qualifier('volatile', int)
  const cst = b.qualifier('const', int)
  const rst = b.qualifier('restrict', ptr)
  const proto = b.proto(int, [['v', int]])
  const func = b.func('f', proto)
  const v = b.variable('counter', int)
  const ds = b.datasec('.data', 4, [[v, 0, 4]])
  const fl = b.float('double', 8)
  const dt = b.declTag('tag', func, -1)
  const tt = b.typeTag('user', int)
  const e64 = b.enum64('big', 8, [['HUGE', 1n << 40n]])
  return {
    bytes: b.build(),
    ids: { int, ptr, arr, st, un, en, fwd, td, vol, cst, rst, proto, func, v, ds, fl, dt, tt, e64 }
  }
}

describe('parseBtf', () => {
  it('reads every kind through ENUM64 with their names and references', () => {
    const { bytes, ids } = everyKind()
    const btf = parseBtf(bytes, 'every.btf')
    expect(btf.count).toBe(19)
    expect(btf.firstId).toBe(1)
    const kinds = Object.values(ids).map(id => btf.kind(id))
    expect(kinds.sort((a, b) => a - b)).toEqual([...Array(19).keys()].map(k => k + 1))
    expect(btf.describe(ids.st!)).toBe("STRUCT 'pair'")
    expect(btf.vlen(ids.st!)).toBe(2)
    expect(btf.third(ids.func!)).toBe(ids.proto)
    expect(btf.name(ids.ds!)).toBe('.data')
    expect(btf.word(ids.e64!, 5)).toBe(0x100) // hi32 of 1 << 40
    expect(btf.kind(0)).toBe(KIND.UNKN)
    expect(btf.kind(20)).toBe(-1)
  })

  it('continues ids and string offsets from the base for split BTF', () => {
    const base = parseBtf(everyKind().bytes, 'vmlinux')
    const b = new BtfBuilder({ endId: base.endId, strLen: base.header.strLen })
    const s = b.struct('mod_state', 8, [['p', 2, 0]])
    const split = parseBtf(b.build(), 'mod.ko', { base })
    expect(s).toBe(20)
    expect(split.firstId).toBe(20)
    expect(split.startStrOff).toBe(base.header.strLen)
    expect(split.describe(20)).toBe("STRUCT 'mod_state'")
    expect(split.describe(2)).toBe('PTR (anon)')
    expect(split.name(1)).toBe('int')
    expect(split.str(b.str('p'))).toBe('p')
  })

  it('refuses references past the last type or the strings, naming the type', () => {
    const base = parseBtf(everyKind().bytes, 'vmlinux')
    const b = new BtfBuilder({ endId: base.endId, strLen: base.header.strLen })
    b.ptr(999)
    const err = inputErrorOf(() => parseBtf(b.build(), 'mod.ko', { base }))
    expect(err.message).toBe(
      'mod.ko: BTF type [20] PTR (anon): type refers to type id 999, beyond the last type 20 (split BTF parsed against a base it was not generated for?)'
    )
    const c = new BtfBuilder()
    c.record(5000, KIND.FWD, 0, 0)
    expect(inputErrorOf(() => parseBtf(c.build(), 'x.btf')).message).toMatch(
      /^x\.btf: BTF type \[1\] FWD .*name offset 5000 is beyond the 1 bytes of strings$/
    )
  })

  it('reads big-endian BTF', () => {
    const b = new BtfBuilder()
    b.int('int', 4)
    b.struct('s', 4, [['m', 1, 0]])
    const btf = parseBtf(b.build({ bigEndian: true }), 'be.btf')
    expect(btf.littleEndian).toBe(false)
    expect(btf.describe(2)).toBe("STRUCT 's'")
    expect(btf.word(2, 4)).toBe(1)
  })

  it('honours hdr_len: a 32-byte header with a layout section skips a kind it does not know', () => {
    const b = new BtfBuilder()
    b.int('int', 4)
    b.record('future', 25, 2, 0, [7, 1, 2, 3, 4]) // info 4 bytes, 2 elements of 8 bytes
    b.int('long', 8)
    const layout: Array<[number, number]> = Array.from({ length: 26 }, () => [0, 0])
    layout[25] = [4, 8]
    const btf = parseBtf(b.build({ hdrLen: 32, layout }), 'new.btf', { checkRefs: false })
    expect(btf.header.layoutLen).toBe(26 * 4)
    expect(btf.count).toBe(3)
    expect(btf.describe(3)).toBe("INT 'long'")
    expect(btf.kind(2)).toBe(25)
  })

  it('gives a clear error for a kind it does not know and cannot skip', () => {
    const b = new BtfBuilder()
    b.record('future', 25, 0, 0)
    const err = inputErrorOf(() => parseBtf(b.build(), 'new.btf'))
    expect(err.code).toBe('unsupported')
    expect(err.message).toBe(
      'new.btf: BTF type [1] has kind 25, newer than the kinds this tool knows (up to 19) and the BTF has no layout section to skip it'
    )
  })

  it('accepts longer headers and stages its errors like libbpf', () => {
    const b = new BtfBuilder()
    b.int('int', 4)
    expect(parseBtf(b.build({ hdrLen: 40, headerPad: 0 }), 'h.btf').count).toBe(1)
    expect(inputErrorOf(() => parseBtf(new Uint8Array(4), 'tiny')).code).toBe('truncated')
    expect(inputErrorOf(() => parseBtf(b.build({ magic: 0x1234 }), 'm')).message).toBe(
      'm: not BTF: magic 0x1234, expected 0xeb9f (at offset 0x0)'
    )
    expect(inputErrorOf(() => parseBtf(b.build({ version: 2 }), 'v')).message).toMatch(
      /BTF version 2 is not supported/
    )
    const full = b.build()
    expect(inputErrorOf(() => parseBtf(full.subarray(0, full.length - 3), 'cut')).message).toMatch(
      /string section .* runs past/
    )
    // The type section cut inside the INT's trailing word: the record is named.
    const trunc = full.slice()
    new DataView(trunc.buffer).setUint32(12, 14, true)
    new DataView(trunc.buffer).setUint32(16, 16, true)
    expect(inputErrorOf(() => parseBtf(trunc, 't')).message).toMatch(
      /BTF type \[1\] INT needs 16 bytes at offset 0 of the type section but it ends at 14/
    )
  })

  it('splits info by the encoding asked for', () => {
    const b = new BtfBuilder()
    b.record('', KIND.STRUCT | (0x60 >> 0), 0, 0) // kind 0x64 & 0x1f = 4 in the narrow encoding
    const narrow = parseBtf(b.build(), 'n', { encoding: NARROW_INFO, checkRefs: false })
    expect(narrow.kind(1)).toBe(KIND.STRUCT)
    expect(inputErrorOf(() => parseBtf(b.build(), 'w')).code).toBe('unsupported')
  })
})
