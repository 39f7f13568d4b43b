import { forEachRef, type Btf } from './btf.ts'
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

/** Kinds a use may refer to, by use. */
const DATA_KINDS = new Set<number>([
  KIND.INT,
  KIND.PTR,
  KIND.ARRAY,
  KIND.STRUCT,
  KIND.UNION,
  KIND.ENUM,
  KIND.TYPEDEF,
  KIND.VOLATILE,
  KIND.CONST,
  KIND.RESTRICT,
  KIND.FLOAT,
  KIND.TYPE_TAG,
  KIND.ENUM64
])
const POINTEE_KINDS = new Set<number>([...DATA_KINDS, KIND.FWD, KIND.FUNC_PROTO])
const TAG_TARGETS = new Set<number>([KIND.STRUCT, KIND.UNION, KIND.FUNC, KIND.VAR, KIND.TYPEDEF])

function expectedFor(
  kind: number,
  where: string
): { allowed: ReadonlySet<number>; label: string } | undefined {
  switch (kind) {
    case KIND.PTR:
    case KIND.TYPEDEF:
    case KIND.VOLATILE:
    case KIND.CONST:
    case KIND.RESTRICT:
    case KIND.TYPE_TAG:
      return { allowed: POINTEE_KINDS, label: 'a data type, FWD or FUNC_PROTO' }
    case KIND.FUNC:
      return { allowed: new Set([KIND.FUNC_PROTO]), label: 'FUNC_PROTO' }
    case KIND.VAR:
    case KIND.STRUCT:
    case KIND.UNION:
    case KIND.ARRAY:
      return { allowed: DATA_KINDS, label: 'a data type' }
    case KIND.FUNC_PROTO:
      return { allowed: DATA_KINDS, label: where === 'return type' ? 'a data type or void' : 'a data type' }
    case KIND.DATASEC:
      return { allowed: new Set([KIND.VAR]), label: 'VAR' }
    case KIND.DECL_TAG:
      return { allowed: TAG_TARGETS, label: 'STRUCT, UNION, FUNC, VAR or TYPEDEF' }
    default:
      return undefined
  }
}

/** Looks at every name offset and type reference of the split BTF `btf` (against btf.base). */
export function mismatchEvidence(btf: Btf): MismatchEvidence {
  const ev: MismatchEvidence = { names: 0, badNames: 0, refs: 0, badRefs: 0 }
  const endId = btf.endId
  for (let id = btf.firstId; id < endId; id++) {
    const kind = btf.kind(id)
    forEachRef(btf, id, (value, where) => {
      if (where.startsWith('name')) {
        if (!value) return
        ev.names++
        if (btf.isStringStart(value)) return
        ev.badNames++
        if (!ev.firstBadName) ev.firstBadName = badName(btf, id, where, value)
        return
      }
      // void is a legal return type, parameter type (vararg) and pointee; other zeros are for the verifier.
      if (!value) return
      ev.refs++
      const targetKind = btf.kind(value)
      const rule = expectedFor(kind, where)
      let ok = targetKind >= 0
      if (ok && rule) ok = rule.allowed.has(targetKind) || (where === 'index type' && targetKind === KIND.INT)
      if (ok && where === 'index type') ok = isIntLike(btf, value)
      if (ok) return
      ev.badRefs++
      if (!ev.firstBadRef) {
        ev.firstBadRef = {
          typeId: id,
          where,
          target: value,
          found: targetKind < 0 ? `no such type (the last is ${endId - 1})` : btf.describe(value),
          expected:
            where === 'index type' ? 'an INT (or a typedef of one)' : (rule?.label ?? 'an existing type')
        }
      }
    })
  }
  return ev
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
  const parts: string[] = []
  if (ev.badNames) {
    const f = ev.firstBadName!
    const at = `[${f.typeId}] ${kindName(btf.kind(f.typeId))} ${f.where}`
    const lands =
      f.reads === undefined ? 'past the end of the strings' : `inside '${f.within}' (reads '${f.reads}')`
    parts.push(
      `${ev.badNames} of ${ev.names} name offsets do not start a string (first: ${at} at offset ${f.offset} lands ${lands})`
    )
  }
  if (ev.badRefs) {
    const f = ev.firstBadRef!
    parts.push(
      `${ev.badRefs} of ${ev.refs} type references point at a type the use cannot have (first: [${f.typeId}] ${kindName(btf.kind(f.typeId))} ${f.where} -> [${f.target}] ${f.found}, expected ${f.expected})`
    )
  }
  return parts.join('; ')
}
