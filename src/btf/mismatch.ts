import { REF, forEachRef, refLabel, type Btf } from './btf.ts'
import { KIND, kindName } from './kinds.ts'

/**
 * Evidence that a module's split BTF was generated against a different vmlinux BTF than the one
 * it is checked against. pahole/libbpf write split BTF whose name offsets are always the start
 * of a string (strings are deduplicated whole against the base) and whose type ids point at
 * types of the kind the use needs. Against another vmlinux, module-local offsets and ids are
 * shifted by the difference in the base's string and type counts, and references into the base
 * land on unrelated strings and types: `bpftool -B` then prints garbage names without error.
 */
export interface MismatchEvidence {
  /** Name offsets looked at (non-zero ones). */
  names: number
  /** Of those, offsets that land inside a string or past the strings. */
  badNames: number
  firstBadName?: BadName
  /** Type references (non-void) looked at. */
  refs: number
  /** Of those, ids past the last type or on a type of a kind the use cannot have. */
  badRefs: number
  firstBadRef?: BadRef
}

export interface BadName {
  typeId: number
  /** "name", "name of member 2", ... */
  where: string
  offset: number
  /** What the offset reads as, when it is inside the strings: the tail of some other string. */
  reads?: string
  /** The whole string it lands in. */
  within?: string
  inBase: boolean
}

export interface BadRef {
  typeId: number
  where: string
  target: number
  /** How the target looks in the given BTF ("FUNC 'foo'", "no such type"). */
  found: string
  /** What the use needs ("a data type", "FUNC_PROTO", ...). */
  expected: string
}

const bit = (k: number) => 1 << k
/** Kinds of types that have a size: what members, elements, variables and parameters are. */
const DATA =
  bit(KIND.INT) |
  bit(KIND.PTR) |
  bit(KIND.ARRAY) |
  bit(KIND.STRUCT) |
  bit(KIND.UNION) |
  bit(KIND.ENUM) |
  bit(KIND.TYPEDEF) |
  bit(KIND.VOLATILE) |
  bit(KIND.CONST) |
  bit(KIND.RESTRICT) |
  bit(KIND.FLOAT) |
  bit(KIND.TYPE_TAG) |
  bit(KIND.ENUM64)
const POINTEE = DATA | bit(KIND.FWD) | bit(KIND.FUNC_PROTO)
const TAG_TARGET = bit(KIND.STRUCT) | bit(KIND.UNION) | bit(KIND.FUNC) | bit(KIND.VAR) | bit(KIND.TYPEDEF)

/** The kinds a reference of `role` in a type of `kind` may point at (a bit per kind). */
function allowedKinds(kind: number): number {
  switch (kind) {
    case KIND.PTR:
    case KIND.TYPEDEF:
    case KIND.VOLATILE:
    case KIND.CONST:
    case KIND.RESTRICT:
    case KIND.TYPE_TAG:
      return POINTEE
    case KIND.FUNC:
      return bit(KIND.FUNC_PROTO)
    case KIND.DATASEC:
      return bit(KIND.VAR)
    case KIND.DECL_TAG:
      return TAG_TARGET
    default:
      // VAR, STRUCT/UNION members, ARRAY elements, FUNC_PROTO return and parameters.
      return DATA
  }
}

function expectedLabel(mask: number, role: number): string {
  if (role === REF.INDEX_TYPE) return 'an INT (or a typedef of one)'
  if (mask === POINTEE) return 'a data type, FWD or FUNC_PROTO'
  if (mask === TAG_TARGET) return 'STRUCT, UNION, FUNC, VAR or TYPEDEF'
  if (mask === bit(KIND.FUNC_PROTO)) return 'FUNC_PROTO'
  if (mask === bit(KIND.VAR)) return 'VAR'
  return 'a data type'
}

/** Looks at every name offset and type reference of the split BTF `btf` (against btf.base). */
export function mismatchEvidence(btf: Btf): MismatchEvidence {
  const ev: MismatchEvidence = { names: 0, badNames: 0, refs: 0, badRefs: 0 }
  const endId = btf.endId
  const { isStart, kindOf } = lookups(btf)
  let id = 0
  let kind = 0
  let mask = 0
  const visit = (value: number, role: number, elem: number) => {
    if (role === REF.NAME || role === REF.ELEM_NAME) {
      if (!value) return
      ev.names++
      if (isStart(value)) return
      ev.badNames++
      if (!ev.firstBadName) ev.firstBadName = badName(btf, id, refLabel(kind, role, elem), value)
      return
    }
    // void is a legal return type, vararg and pointee; a void member or element is the verifier's to report.
    if (!value) return
    ev.refs++
    const target = kindOf(value)
    let ok = target >= 0 && target < 32 && (mask & bit(target)) !== 0
    if (ok && role === REF.INDEX_TYPE) ok = isIntLike(btf, value)
    if (ok) return
    ev.badRefs++
    if (!ev.firstBadRef) {
      ev.firstBadRef = {
        typeId: id,
        where: refLabel(kind, role, elem),
        target: value,
        found: target < 0 ? `no such type (the last is ${endId - 1})` : btf.describe(value),
        expected: expectedLabel(mask, role)
      }
    }
  }
  for (id = btf.firstId; id < endId; id++) {
    kind = btf.kind(id)
    mask = allowedKinds(kind)
    forEachRef(btf, id, visit)
  }
  return ev
}

/** String-start and kind lookups over a split BTF and its base, from flat tables (hot: every reference). */
function lookups(btf: Btf): { isStart: (off: number) => boolean; kindOf: (id: number) => number } {
  const base = btf.base
  if (!base || base.base) return { isStart: off => btf.isStringStart(off), kindOf: id => btf.kind(id) }
  const bs = base.strings
  const bLen = base.header.strLen
  const os = btf.strings
  const oStart = btf.startStrOff
  const oLen = btf.header.strLen
  const bk = base.kindTable()
  const ok = btf.kindTable()
  const first = btf.firstId
  const end = btf.endId
  return {
    isStart: off => {
      if (off < bLen) return off === 0 || bs[off - 1] === 0
      const local = off - oStart
      return local < oLen && (local === 0 || os[local - 1] === 0)
    },
    kindOf: id => {
      if (id >= first) return id < end ? ok[id - first]! : -1
      return id === 0 ? 0 : bk[id - 1]!
    }
  }
}

/** An array index type: an INT, possibly behind typedefs and qualifiers. */
function isIntLike(btf: Btf, id: number): boolean {
  for (let i = 0; i < 32; i++) {
    const k = btf.kind(id)
    if (k === KIND.INT) return true
    if (
      k !== KIND.TYPEDEF &&
      k !== KIND.CONST &&
      k !== KIND.VOLATILE &&
      k !== KIND.RESTRICT &&
      k !== KIND.TYPE_TAG
    )
      return false
    id = btf.third(id)
  }
  return false
}

function badName(btf: Btf, typeId: number, where: string, offset: number): BadName {
  const inBase = offset < btf.startStrOff
  const s = btf.strBytes(offset)
  if (!s) return { typeId, where, offset, inBase }
  let start = s.pos
  while (start > 0 && s.bytes[start - 1] !== 0) start--
  let end = s.bytes.indexOf(0, s.pos)
  if (end < 0) end = s.bytes.length
  const text = (a: number, b: number) => Buffer.from(s.bytes.subarray(a, b)).toString('latin1')
  return { typeId, where, offset, inBase, reads: text(s.pos, end), within: text(start, end) }
}

/**
 * Whether the evidence says "generated against another vmlinux" rather than "one damaged
 * record": with the right base every offset is a string start and every reference fits, so a
 * mismatch shows as many bad references, while a single corrupted field shows as one.
 */
export function looksMismatched(ev: MismatchEvidence): boolean {
  const bad = ev.badNames + ev.badRefs
  const total = ev.names + ev.refs
  return bad >= 2 && bad * 50 >= total
}

/** One sentence for a report. */
export function describeEvidence(ev: MismatchEvidence, btf: Btf): string {
  const n = (x: number) => x.toLocaleString('en-US')
  const parts: string[] = []
  if (ev.badNames) {
    const f = ev.firstBadName!
    const at = `[${f.typeId}] ${kindName(btf.kind(f.typeId))} ${f.where}`
    const lands = f.reads === undefined ? 'is past the strings' : `reads '${f.reads}' inside '${f.within}'`
    parts.push(
      `${n(ev.badNames)} of ${n(ev.names)} name offsets land inside strings (first: ${at} at offset ${f.offset} ${lands})`
    )
  }
  if (ev.badRefs) {
    const f = ev.firstBadRef!
    parts.push(
      `${n(ev.badRefs)} of ${n(ev.refs)} type references hit a type of the wrong kind (first: [${f.typeId}] ${kindName(btf.kind(f.typeId))} ${f.where} -> [${f.target}] ${f.found}, expected ${f.expected})`
    )
  }
  return parts.join('; ')
}
