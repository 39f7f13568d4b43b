import { REF, forEachRef, refLabel, type Btf } from './btf.ts'
import { KIND, KINDS, kindName } from './kinds.ts'

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

/** A reference to type `id` of kind `target` (-1: no such type) is one its role accepts. */
function refFits(btf: Btf, id: number, target: number, mask: number, role: number): boolean {
  return target >= 0 && target < 32 && (mask & bit(target)) !== 0 && (role !== REF.INDEX_TYPE || isIntLike(btf, id))
}

/** Looks at every name offset and type reference of the split BTF `btf` (against btf.base). */
export function mismatchEvidence(btf: Btf): MismatchEvidence {
  const base = btf.base
  return base && !base.base ? evidenceOverRoot(btf, base) : evidenceAnyDepth(btf)
}

/** The common case, a module over vmlinux, walked over the flat record words (hot: every reference). */
function evidenceOverRoot(btf: Btf, base: Btf): MismatchEvidence {
  const ev: MismatchEvidence = { names: 0, badNames: 0, refs: 0, badRefs: 0 }
  const bs = base.strings
  const bLen = base.header.strLen
  const os = btf.strings
  const oStart = btf.startStrOff
  const oLen = btf.header.strLen
  const bk = base.kindTable()
  const ok = btf.kindTable()
  const first = btf.firstId
  const end = btf.endId
  const words = btf.words
  const recs = btf.recs
  const vmask = btf.encoding.vlenMask
  let badName: [number, number, number, number] | undefined
  let badRef: [number, number, number, number, number] | undefined
  const name = (off: number, i: number, role: number, elem: number) => {
    if (!off) return
    ev.names++
    if (off < bLen) {
      if (off === 0 || bs[off - 1] === 0) return
    } else {
      const local = off - oStart
      if (local < oLen && (local === 0 || os[local - 1] === 0)) return
    }
    ev.badNames++
    badName ??= [i, role, elem, off]
  }
  const ref = (id: number, mask: number, i: number, role: number, elem: number) => {
    // void is a legal return type, vararg and pointee; a void member or element is the verifier's to report.
    if (!id) return
    ev.refs++
    const target = id >= first ? (id < end ? ok[id - first]! : -1) : bk[id - 1]!
    if (refFits(btf, id, target, mask, role)) return
    ev.badRefs++
    badRef ??= [i, role, elem, id, mask]
  }
  for (let i = 0; i < btf.count; i++) {
    const w = recs[i]!
    const kind = ok[i]!
    name(words[w]!, i, REF.NAME, -1)
    const k = KINDS[kind]
    if (!k) continue
    const mask = allowedKinds(kind)
    if (k.third === 'type') ref(words[w + 2]!, mask, i, REF.TYPE, -1)
    for (const x of k.infoIds) ref(words[w + 3 + x]!, mask, i, x === 0 ? REF.ELEM_TYPE : REF.INDEX_TYPE, -1)
    if (!k.elemBytes) continue
    const ew = k.elemBytes >>> 2
    const nameAt = k.elemNames.length ? k.elemNames[0]! : -1
    const typeAt = k.elemIds.length ? k.elemIds[0]! : -1
    const vlen = words[w + 1]! & vmask
    let p = w + 3 + (k.infoBytes >>> 2)
    for (let e = 0; e < vlen; e++, p += ew) {
      if (nameAt >= 0) name(words[p + nameAt]!, i, REF.ELEM_NAME, e)
      if (typeAt >= 0) ref(words[p + typeAt]!, mask, i, REF.PART_TYPE, e)
    }
  }
  if (badName) {
    const [i, role, elem, off] = badName
    ev.firstBadName = describeBadName(btf, first + i, refLabel(ok[i]!, role, elem), off)
  }
  if (badRef) {
    const [i, role, elem, id, mask] = badRef
    ev.firstBadRef = describeBadRef(btf, first + i, refLabel(ok[i]!, role, elem), id, mask, role)
  }
  return ev
}

/** Any depth of base chain, through the generic accessors. */
function evidenceAnyDepth(btf: Btf): MismatchEvidence {
  const ev: MismatchEvidence = { names: 0, badNames: 0, refs: 0, badRefs: 0 }
  let id = 0
  let kind = 0
  let mask = 0
  const visit = (value: number, role: number, elem: number) => {
    if (role === REF.NAME || role === REF.ELEM_NAME) {
      if (!value) return
      ev.names++
      if (btf.isStringStart(value)) return
      ev.badNames++
      ev.firstBadName ??= describeBadName(btf, id, refLabel(kind, role, elem), value)
      return
    }
    if (!value) return
    ev.refs++
    if (refFits(btf, value, btf.kind(value), mask, role)) return
    ev.badRefs++
    ev.firstBadRef ??= describeBadRef(btf, id, refLabel(kind, role, elem), value, mask, role)
  }
  for (id = btf.firstId; id < btf.endId; id++) {
    kind = btf.kind(id)
    mask = allowedKinds(kind)
    forEachRef(btf, id, visit)
  }
  return ev
}

function describeBadRef(
  btf: Btf,
  typeId: number,
  where: string,
  target: number,
  mask: number,
  role: number
): BadRef {
  const k = btf.kind(target)
  return {
    typeId,
    where,
    target,
    found: k < 0 ? `no such type (the last is ${btf.endId - 1})` : btf.describe(target),
    expected: expectedLabel(mask, role)
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

function describeBadName(btf: Btf, typeId: number, where: string, offset: number): BadName {
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
