import { Btf, REF, forEachRef } from './btf.ts'
import { KIND, kindName } from './kinds.ts'

/**
 * Relocation of a module's split BTF from its distilled base (.BTF.base) onto the vmlinux BTF,
 * as the module loader does it from 6.11 (tools/lib/bpf/btf_relocate.c, built into the kernel
 * as kernel/bpf/btf_relocate.c). Every distilled type must match exactly one vmlinux type:
 * INT by name, size and encoding; FLOAT by name and size; ENUM by name and size (an ENUM64 of
 * that size matches too); FWD by name and struct/union flavour (a STRUCT or UNION of that name
 * matches it); named STRUCT/UNION by name, and by size too when the module embeds it or vmlinux
 * has several composites of that name. The kernel stops at the first problem; this reports
 * every unmatched and every ambiguous type, and the message the kernel would print first.
 */

export interface DistilledType {
  id: number
  kind: string
  name: string
  size: number
  /** The module embeds it (not only points to it): its size must match too. */
  embedded: boolean
}

export interface AmbiguousType extends DistilledType {
  /** vmlinux type ids that all match. */
  candidates: number[]
}

export interface RelocationResult {
  ok: boolean
  /** Types of the distilled base (void excluded). */
  distilledTypes: number
  unmatched: DistilledType[]
  ambiguous: AmbiguousType[]
  /** Distilled base types of a kind or shape the kernel refuses before matching. */
  invalid: string[]
  /** What the kernel prints for the first failure (pr_warn, no "BPF:" prefix). */
  kernelMessage?: string
  /** Positive errno the module load fails with. */
  errno?: number
  /** A distilled-base string offset a module name uses that no matched type maps. */
  unmapped?: number
  /** The module's BTF rewritten onto vmlinux, when relocation succeeded. */
  relocated?: Btf
}

const EMBEDDED = -1

export function relocate(split: Btf, vmlinux: Btf): RelocationResult {
  const dist = split.base
  if (!dist) throw new Error('relocate: the module BTF has no distilled base')
  const nrDist = dist.endId
  const result: RelocationResult = {
    ok: false,
    distilledTypes: nrDist - 1,
    unmatched: [],
    ambiguous: [],
    invalid: []
  }

  // btf_relocate_validate_distilled_base
  for (let id = 1; id < nrDist; id++) {
    const k = dist.kind(id)
    const allowed =
      k === KIND.INT ||
      k === KIND.FLOAT ||
      k === KIND.ENUM ||
      k === KIND.STRUCT ||
      k === KIND.UNION ||
      k === KIND.FWD
    if (allowed && dist.nameOff(id)) continue
    result.invalid.push(
      allowed
        ? `type [${id}], kind [${k}] is invalid for distilled base BTF; it is anonymous`
        : `type [${id}] in distilled based BTF has unexpected kind [${k}]`
    )
  }
  if (result.invalid.length) {
    result.kernelMessage = result.invalid[0]
    result.errno = 22
    return result
  }

  // id_map: 0 unmapped, EMBEDDED while marking, else the vmlinux id.
  const idMap = new Int32Array(nrDist)
  markEmbedded(split, nrDist, idMap)
  const embedded = new Uint8Array(nrDist)
  for (let id = 1; id < nrDist; id++) if (idMap[id] === EMBEDDED) embedded[id] = 1

  const info = (id: number): DistilledType => ({
    id,
    kind: kindName(dist.kind(id)),
    name: dist.name(id),
    size: dist.kind(id) === KIND.FWD ? 0 : dist.third(id),
    embedded: embedded[id] === 1
  })

  // For each distilled type, the vmlinux types that match, in vmlinux id order.
  const candidates: number[][] = []
  for (let id = 1; id < nrDist; id++) candidates[id] = matchesFor(dist, id, embedded[id] === 1, vmlinux)

  // The kernel walks vmlinux ids in order and fails at the second match of any distilled type.
  let firstAmbiguity: { at: number; id: number } | undefined
  for (let id = 1; id < nrDist; id++) {
    const c = candidates[id]!
    if (c.length === 1) idMap[id] = c[0]!
    else if (c.length > 1) {
      result.ambiguous.push({ ...info(id), candidates: c })
      if (!firstAmbiguity || c[1]! < firstAmbiguity.at) firstAmbiguity = { at: c[1]!, id }
    } else {
      idMap[id] = 0
      result.unmatched.push(info(id))
    }
  }
  if (firstAmbiguity) {
    const c = candidates[firstAmbiguity.id]!
    result.kernelMessage = `distilled base BTF type '${vmlinux.name(c[1]!)}' [${firstAmbiguity.id}], size ${vmlinux.third(c[1]!)} has multiple candidates of the same size (ids [${c[1]}, ${c[0]}]) in base BTF`
    result.errno = 22
    return result
  }
  if (result.unmatched.length) {
    const u = result.unmatched[0]!
    result.kernelMessage = `distilled base BTF type '${u.name}' [${u.id}] is not mapped to base BTF id`
    result.errno = 22
    return result
  }

  const strMap = new Map<number, number>()
  for (let id = 1; id < nrDist; id++) strMap.set(dist.nameOff(id), vmlinux.nameOff(idMap[id]!))
  const rewritten = rewrite(split, vmlinux, idMap, strMap)
  if ('unmapped' in rewritten) {
    result.kernelMessage = `string '' [offset ${rewritten.unmapped}] is not mapped to base BTF`
    result.errno = 2
    result.unmapped = rewritten.unmapped
    return result
  }
  result.ok = true
  result.relocated = rewritten.btf
  return result
}

/**
 * btf_mark_embedded_composite_type_ids: distilled STRUCT/UNION types that a module struct or
 * union contains by value (through qualifiers, typedefs and arrays, not pointers).
 */
function markEmbedded(split: Btf, nrDist: number, idMap: Int32Array): void {
  for (let id = split.firstId; id < split.endId; id++) {
    const k = split.kind(id)
    if (k !== KIND.STRUCT && k !== KIND.UNION) continue
    forEachRef(split, id, (value, role) => {
      if (role === REF.NAME || role === REF.ELEM_NAME) return
      let next = value
      // A bounded walk: the kernel relies on earlier checks to rule out loops here.
      for (let steps = 0; next && steps < 64; steps++) {
        const nk = split.kind(next)
        if (
          nk === KIND.CONST ||
          nk === KIND.RESTRICT ||
          nk === KIND.VOLATILE ||
          nk === KIND.TYPEDEF ||
          nk === KIND.TYPE_TAG
        ) {
          next = split.third(next)
        } else if (nk === KIND.ARRAY) {
          next = split.word(next, 3)
        } else {
          if ((nk === KIND.STRUCT || nk === KIND.UNION) && next < nrDist) idMap[next] = EMBEDDED
          break
        }
      }
    })
  }
}

/** vmlinux types a distilled type matches, by the rules of btf_relocate_map_distilled_base. */
function matchesFor(dist: Btf, id: number, embedded: boolean, vmlinux: Btf): number[] {
  const dk = dist.kind(id)
  const dsize = dk === KIND.FWD ? 0 : dist.third(id)
  const out: number[] = []
  for (const bid of vmlinux.idsNamed(dist.name(id))) {
    const bk = vmlinux.kind(bid)
    const bsize = vmlinux.third(bid)
    // The sorted-search key: these kinds compare sizes too; composites only when the name is shared.
    let needsSize: boolean
    if (bk === KIND.INT || bk === KIND.FLOAT || bk === KIND.ENUM || bk === KIND.ENUM64) needsSize = true
    else if (bk === KIND.FWD) needsSize = false
    else if (bk === KIND.STRUCT || bk === KIND.UNION)
      needsSize = compositesNamedAt(vmlinux, vmlinux.nameOff(bid)) > 1
    else continue
    if (needsSize && bsize !== dsize) continue
    if (!compatible(dist, id, dk, vmlinux, bid, bk, embedded)) continue
    out.push(bid)
  }
  return out
}

function compatible(
  dist: Btf,
  id: number,
  dk: number,
  vmlinux: Btf,
  bid: number,
  bk: number,
  embedded: boolean
): boolean {
  switch (dk) {
    case KIND.FWD:
      if (bk === KIND.FWD) return dist.kflag(id) === vmlinux.kflag(bid)
      if (bk === KIND.STRUCT) return !vmlinux.kflag(bid)
      if (bk === KIND.UNION) return vmlinux.kflag(bid)
      return false
    case KIND.INT:
      return bk === KIND.INT && intEncoding(vmlinux, bid) === intEncoding(dist, id)
    case KIND.FLOAT:
      return bk === KIND.FLOAT
    case KIND.ENUM:
      return bk === KIND.ENUM || bk === KIND.ENUM64
    case KIND.STRUCT:
    case KIND.UNION:
      // As in the kernel, the vmlinux kind is not compared here, only the size when embedded.
      return !embedded || vmlinux.third(bid) === dist.third(id)
    default:
      return false
  }
}

function intEncoding(btf: Btf, id: number): number {
  return (btf.word(id, 3) >>> 24) & 0xf
}

const compositeCounts = new WeakMap<Btf, Map<number, number>>()

/** Composite types of vmlinux with this exact name offset (base_name_cnt), computed once per BTF. */
function compositesNamedAt(btf: Btf, nameOff: number): number {
  let m = compositeCounts.get(btf)
  if (!m) {
    m = new Map()
    for (let id = btf.firstId; id < btf.endId; id++) {
      const k = btf.kind(id)
      const off = btf.nameOff(id)
      if ((k === KIND.STRUCT || k === KIND.UNION) && off) m.set(off, (m.get(off) ?? 0) + 1)
    }
    compositeCounts.set(btf, m)
  }
  return m.get(nameOff) ?? 0
}

/** btf_relocate_rewrite_type_id and btf_relocate_rewrite_strs, on a copy of the module's records. */
function rewrite(
  split: Btf,
  vmlinux: Btf,
  idMap: Int32Array,
  strMap: Map<number, number>
): { btf: Btf } | { unmapped: number } {
  const dist = split.base!
  const nrDist = dist.endId
  const shiftId = vmlinux.endId - nrDist
  const distStrLen = dist.header.strLen
  const shiftStr = vmlinux.header.strLen - distStrLen
  const words = split.words.slice()
  for (let id = split.firstId; id < split.endId; id++) {
    let unmapped: number | undefined
    forEachRef(split, id, (value, role, _elem, w) => {
      if (role === REF.NAME || role === REF.ELEM_NAME) {
        if (!value || unmapped !== undefined) return
        if (value >= distStrLen) words[w] = value + shiftStr
        else {
          const to = strMap.get(value)
          if (!to) unmapped = value
          else words[w] = to
        }
        return
      }
      words[w] = value < nrDist ? idMap[value]! : value + shiftId
    })
    if (unmapped !== undefined) return { unmapped }
  }
  const btf = new Btf({
    file: split.file,
    base: vmlinux,
    header: split.header,
    littleEndian: split.littleEndian,
    encoding: split.encoding,
    words,
    recs: split.recs,
    strings: split.strings,
    layout: split.layout
  })
  return { btf }
}
