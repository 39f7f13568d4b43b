import type { Btf } from './btf.ts'
import { KIND, kindName } from './kinds.ts'
import { roundupBytes } from './verifier.ts'
import { ERRNO, VerifierLog, type VerifierFailure } from './verifier-log.ts'

/**
 * The second half of the kernel's BTF verifier, btf_check_all_types() (kernel/bpf/btf.c): every
 * reference resolved, sizes computed, loops refused, struct members checked against their
 * types. The kernel runs it for BTF loaded with BPF_BTF_LOAD, not for vmlinux or module BTF,
 * which it trusts past the per-type checks (verifier.ts). Run here on module BTF against its
 * vmlinux it finds what a load does not: references to the wrong kind of type, sizes that do
 * not add up, loops. The algorithm is the kernel's (an explicit stack of at most 32 vertices,
 * three resolve modes, per-type resolved id and size), so its verdicts and messages match.
 */

export interface ResolveResult {
  resolver: BtfResolver
  failure?: VerifierFailure
}

const MAX_RESOLVE_DEPTH = 32
const U32_MAX = 0xffffffff

const NOT_VISITED = 0
const VISITED = 1
const RESOLVED = 2

const MODE_TBD = 0
const MODE_PTR = 1
const MODE_STRUCT_OR_ARRAY = 2

/**
 * Resolves every own type of `btf`. For split BTF, `base` is the base's resolver: base types
 * count as resolved, as the kernel assumes, and are resolved on first use (a vmlinux has
 * 100,000+ types; a module refers to a few hundred).
 */
export function resolveAll(btf: Btf, base: BtfResolver | null, pointerSize: number): ResolveResult {
  const resolver = new BtfResolver(btf, base, pointerSize)
  const failure = resolver.run()
  return failure ? { resolver, failure } : { resolver }
}

class Fail extends Error {
  readonly errno: number
  constructor(errno: number) {
    super(`errno ${errno}`)
    this.errno = errno
  }
}

interface Vertex {
  id: number
  nextMember: number
}

function isModifier(k: number): boolean {
  return (
    k === KIND.TYPEDEF ||
    k === KIND.VOLATILE ||
    k === KIND.CONST ||
    k === KIND.RESTRICT ||
    k === KIND.TYPE_TAG
  )
}
function isStruct(k: number): boolean {
  return k === KIND.STRUCT || k === KIND.UNION
}
function needsResolve(k: number): boolean {
  return (
    isModifier(k) ||
    k === KIND.PTR ||
    isStruct(k) ||
    k === KIND.ARRAY ||
    k === KIND.VAR ||
    k === KIND.FUNC ||
    k === KIND.DECL_TAG ||
    k === KIND.DATASEC
  )
}
function hasSize(k: number): boolean {
  return (
    k === KIND.INT ||
    isStruct(k) ||
    k === KIND.ENUM ||
    k === KIND.DATASEC ||
    k === KIND.FLOAT ||
    k === KIND.ENUM64
  )
}
/** btf_type_nosize_or_null; -1 is "no such type". */
function nosizeOrNull(k: number): boolean {
  return (
    k < 0 ||
    k === KIND.UNKN ||
    k === KIND.FWD ||
    k === KIND.FUNC ||
    k === KIND.FUNC_PROTO ||
    k === KIND.DECL_TAG
  )
}
function sourceOnly(k: number): boolean {
  return k === KIND.VAR || k === KIND.DECL_TAG || k === KIND.DATASEC
}

export class BtfResolver {
  /** Resolved type id per own type (index: id - firstId). */
  readonly ids: Uint32Array
  /** Resolved size per own type (arrays; 0 for others). */
  readonly sizes: Uint32Array
  private readonly btf: Btf
  private readonly base: BtfResolver | null
  private readonly ptrSize: number
  private readonly first: number
  private readonly visit: Uint8Array
  /** The resolve stack: MAX_RESOLVE_DEPTH vertices, reused. */
  private readonly stack: Vertex[] = Array.from({ length: MAX_RESOLVE_DEPTH }, () => ({
    id: 0,
    nextMember: 0
  }))
  private top = 0
  private mode = MODE_TBD
  // Flat tables for the hot lookups (own types, and a root base's).
  private readonly end: number
  private readonly ownKinds: Uint8Array
  private readonly ownWords: Uint32Array
  private readonly ownRecs: Uint32Array
  private readonly root: Btf | null
  private readonly rootKinds: Uint8Array | null
  private logId = 0
  private log = new VerifierLog()

  constructor(btf: Btf, base: BtfResolver | null, ptrSize: number) {
    this.btf = btf
    this.base = base
    this.ptrSize = ptrSize
    this.first = btf.firstId
    this.ids = new Uint32Array(btf.count)
    this.sizes = new Uint32Array(btf.count)
    this.visit = new Uint8Array(btf.count)
    this.end = btf.endId
    this.ownKinds = btf.kindTable()
    this.ownWords = btf.words
    this.ownRecs = btf.recs
    this.root = btf.base && !btf.base.base ? btf.base : null
    this.rootKinds = this.root ? this.root.kindTable() : null
  }

  /** Resolved id of an own type, resolving it first if nothing has yet (a failure leaves 0). */
  idOf(id: number): number {
    this.ensure(id)
    return this.ids[id - this.first]!
  }

  sizeOf(id: number): number {
    this.ensure(id)
    return this.sizes[id - this.first]!
  }

  private ensure(id: number): void {
    if (this.visit[id - this.first] === RESOLVED || !needsResolve(this.kind(id))) return
    try {
      this.resolve(id)
    } catch (err) {
      if (!(err instanceof Fail)) throw err
      this.log = new VerifierLog()
    }
  }

  run(): VerifierFailure | undefined {
    const btf = this.btf
    try {
      for (let id = this.first; id < btf.endId; id++) {
        this.logId = id
        const k = this.kind(id)
        if (needsResolve(k) && !this.resolved(id)) this.resolve(id)
        if (k === KIND.FUNC_PROTO) this.funcProtoCheck(id)
      }
      return undefined
    } catch (err) {
      if (err instanceof Fail) return this.log.fail('resolve', err.errno, this.logId)
      throw err
    }
  }

  // ---- type access

  private kind(id: number): number {
    if (id >= this.first) return id < this.end ? this.ownKinds[id - this.first]! : -1
    if (id === 0) return 0
    return this.rootKinds ? this.rootKinds[id - 1]! : this.btf.kind(id)
  }
  /** Word k of the record of an existing type id. */
  private wordOf(id: number, k: number): number {
    if (id >= this.first) return this.ownWords[this.ownRecs[id - this.first]! + k]!
    const r = this.root
    return r ? r.words[r.recs[id - 1]! + k]! : this.btf.word(id, k)
  }
  private third(id: number): number {
    return this.wordOf(id, 2)
  }
  private resolved(id: number): boolean {
    if (id < this.first) return true
    return this.visit[id - this.first] === RESOLVED
  }
  private resolvedId(id: number): number {
    if (id === 0) return 0
    if (id < this.first) return this.base ? this.base.idOf(id) : 0
    return this.ids[id - this.first]!
  }
  private resolvedSize(id: number): number {
    if (id === 0) return 0
    if (id < this.first) return this.base ? this.base.sizeOf(id) : 0
    return this.sizes[id - this.first]!
  }

  /** The sized type id found by the last idSize() call. */
  private sid = 0

  /**
   * btf_type_id_size: the size of the sized type `id` stands for (sid is then that type's id),
   * or -1 when it has none.
   */
  private idSize(id: number): number {
    const k = this.kind(id)
    if (nosizeOrNull(k)) return -1
    this.sid = id
    if (hasSize(k)) return this.third(id)
    if (k === KIND.ARRAY) return this.resolvedSize(id)
    if (k === KIND.PTR) return this.ptrSize
    if (!isModifier(k) && k !== KIND.VAR) return -1
    const rid = this.resolvedId(id)
    const rk = this.kind(rid)
    this.sid = rid
    if (nosizeOrNull(rk)) return -1
    if (hasSize(rk)) return this.third(rid)
    if (rk === KIND.ARRAY) return this.resolvedSize(rid)
    if (rk === KIND.PTR) return this.ptrSize
    return -1
  }

  private isSink(k: number): boolean {
    switch (this.mode) {
      case MODE_TBD:
        return !needsResolve(k)
      case MODE_PTR:
        return !isModifier(k) && k !== KIND.PTR
      default:
        return !isModifier(k) && k !== KIND.ARRAY && !isStruct(k)
    }
  }

  private push(id: number): void {
    if (this.top === MAX_RESOLVE_DEPTH) throw new Fail(ERRNO.E2BIG)
    if (id < this.first || this.visit[id - this.first] !== NOT_VISITED) throw new Fail(ERRNO.EEXIST)
    this.visit[id - this.first] = VISITED
    const v = this.stack[this.top++]!
    v.id = id
    v.nextMember = 0
    if (this.mode === MODE_TBD) {
      const k = this.kind(id)
      if (k === KIND.PTR) this.mode = MODE_PTR
      else if (isStruct(k) || k === KIND.ARRAY) this.mode = MODE_STRUCT_OR_ARRAY
    }
  }

  private popResolved(resolvedId: number, resolvedSize: number): void {
    const v = this.stack[--this.top]!
    const i = v.id - this.first
    this.ids[i] = resolvedId >>> 0
    this.sizes[i] = resolvedSize >>> 0
    this.visit[i] = RESOLVED
  }

  // ---- logging

  private logName(off: number): string {
    if (!off) return '(anon)'
    return this.btf.str(off) ?? '(invalid-name-offset)'
  }

  /** btf_verifier_log_type(env, t, msg) for type `id` at the current log id. */
  private failType(id: number, msg: string, errno: number = ERRNO.EINVAL): never {
    const k = this.kind(id)
    this.log.add(`[${this.logId}] ${kindName(k)} ${this.logName(this.btf.nameOff(id))} `)
    for (const d of this.details(id)) this.log.add(d)
    this.log.add(' ')
    this.log.add(msg)
    this.log.add('\n')
    throw new Fail(errno)
  }

  private failBasic(id: number, msg: string): never {
    this.log.add(`[${this.logId}] ${kindName(this.kind(id))} ${this.logName(this.btf.nameOff(id))}`)
    this.log.add(' ')
    this.log.add(msg)
    this.log.add('\n')
    throw new Fail(ERRNO.EINVAL)
  }

  /** btf_verifier_log_member at kernel log level: the member line only. */
  private failMember(structId: number, m: Member, msg: string): never {
    const name = this.logName(m.nameOff)
    if (this.btf.kflag(structId)) {
      this.log.add(
        `\t${name} type_id=${m.type} bitfield_size=${m.offset >>> 24} bits_offset=${m.offset & 0xffffff}`
      )
    } else {
      this.log.add(`\t${name} type_id=${m.type} bits_offset=${m.offset}`)
    }
    this.log.add(' ')
    this.log.add(msg)
    this.log.add('\n')
    throw new Fail(ERRNO.EINVAL)
  }

  private failVsi(dsId: number, e: number, msg: string): never {
    const w = this.btf.rec(dsId) + 3 + e * 3
    const words = this.btf.holder(dsId)!.words
    this.log.add(`\t type_id=${words[w]!} offset=${words[w + 1]!} size=${words[w + 2]!}`)
    this.log.add(' ')
    this.log.add(msg)
    this.log.add('\n')
    throw new Fail(ERRNO.EINVAL)
  }

  private details(id: number): string[] {
    const k = this.kind(id)
    const t = this.third(id)
    switch (k) {
      case KIND.INT: {
        const d = this.extra(id, 0)
        const enc = (d >>> 24) & 0xf
        const name =
          enc === 0 ? '(none)' : enc === 1 ? 'SIGNED' : enc === 2 ? 'CHAR' : enc === 4 ? 'BOOL' : 'UNKN'
        return [`size=${t} bits_offset=${(d >>> 16) & 0xff} nr_bits=${d & 0xff} encoding=${name}`]
      }
      case KIND.ARRAY:
        return [
          `type_id=${this.extra(id, 0)} index_type_id=${this.extra(id, 1)} nr_elems=${this.extra(id, 2)}`
        ]
      case KIND.STRUCT:
      case KIND.UNION:
      case KIND.ENUM:
      case KIND.ENUM64:
      case KIND.DATASEC:
        return [`size=${t} vlen=${this.btf.vlen(id)}`]
      case KIND.FWD:
        return [this.btf.kflag(id) ? 'union' : 'struct']
      case KIND.VAR:
        return [`type_id=${t} linkage=${this.extra(id, 0)}`]
      case KIND.FLOAT:
        return [`size=${t}`]
      case KIND.DECL_TAG:
        return [`type=${t} component_idx=${this.extra(id, 0) | 0}`]
      case KIND.FUNC_PROTO:
        return this.protoDetails(id)
      default:
        return [`type_id=${t}`]
    }
  }

  private protoDetails(id: number): string[] {
    const n = this.btf.vlen(id)
    const out = [`return=${this.third(id)} args=(`]
    const arg = (i: number) => ({ name: this.extra(id, i * 2), type: this.extra(id, i * 2 + 1) })
    if (!n) out.push('void')
    else if (n === 1 && !arg(0).type) out.push('vararg')
    else {
      out.push(`${arg(0).type} ${this.logName(arg(0).name)}`)
      for (let i = 1; i < n - 1; i++) out.push(`, ${arg(i).type} ${this.logName(arg(i).name)}`)
      if (n > 1) {
        const last = arg(n - 1)
        out.push(last.type ? `, ${last.type} ${this.logName(last.name)}` : ', vararg')
      }
    }
    out.push(')')
    return out
  }

  /** Word i after struct btf_type. */
  private extra(id: number, i: number): number {
    return this.wordOf(id, 3 + i)
  }

  /** Member i of own struct `id`, read into one reused object (checks may retarget its type). */
  private readonly scratch: Member = { nameOff: 0, type: 0, offset: 0 }
  private member(id: number, i: number): Member {
    const w = this.ownRecs[id - this.first]! + 3 + i * 3
    const m = this.scratch
    m.nameOff = this.ownWords[w]!
    m.type = this.ownWords[w + 1]!
    m.offset = this.ownWords[w + 2]!
    return m
  }

  // ---- btf_resolve

  private resolve(id: number): void {
    const saved = this.logId
    this.mode = MODE_TBD
    this.top = 0
    this.push(id)
    try {
      while (this.top) {
        const v = this.stack[this.top - 1]!
        this.logId = v.id
        this.resolveVertex(v)
      }
    } catch (err) {
      // Depth and loop errors are logged against the type resolving started from; the others
      // were logged where they happened, which is the type a report names.
      if (err instanceof Fail && (err.errno === ERRNO.E2BIG || err.errno === ERRNO.EEXIST)) {
        this.logId = id
        if (err.errno === ERRNO.E2BIG)
          this.failType(id, `Exceeded max resolving depth:${MAX_RESOLVE_DEPTH}`, ERRNO.E2BIG)
        this.failType(id, 'Loop detected', ERRNO.EEXIST)
      }
      throw err
    }
    this.logId = id
    if (!this.resolveValid(id)) this.failType(id, 'Invalid resolve state')
    this.logId = saved
  }

  private resolveVertex(v: Vertex): void {
    const k = this.kind(v.id)
    if (isModifier(k)) return this.resolveModifier(v, false)
    switch (k) {
      case KIND.PTR:
        return this.resolveModifier(v, true)
      case KIND.VAR:
        return this.resolveVar(v)
      case KIND.ARRAY:
        return this.resolveArray(v)
      case KIND.STRUCT:
      case KIND.UNION:
        return this.resolveStruct(v)
      case KIND.DATASEC:
        return this.resolveDatasec(v)
      case KIND.FUNC:
        this.funcCheck(v.id)
        return this.popResolved(this.third(v.id), 0)
      case KIND.DECL_TAG:
        return this.resolveDeclTag(v)
      default:
        this.failBasic(v.id, 'Unsupported resolve')
    }
  }

  /** btf_modifier_resolve and btf_ptr_resolve. */
  private resolveModifier(v: Vertex, isPtr: boolean): void {
    let next = this.third(v.id)
    let nk = this.kind(next)
    if (nk < 0 || sourceOnly(nk)) this.failType(v.id, 'Invalid type_id')
    if (!this.isSink(nk) && !this.resolved(next)) return this.push(next)
    if (isPtr && isModifier(nk)) {
      const rid = this.resolvedId(next)
      const rk = this.kind(rid)
      if (rk === KIND.PTR && !this.isSink(rk) && !this.resolved(rid)) return this.push(rid)
    }
    if (this.idSize(next) >= 0) {
      next = this.sid
    } else {
      if (this.resolved(next)) {
        next = this.resolvedId(next)
        nk = this.kind(next)
      }
      // "typedef void new_void", "const void", pointers to FWD and FUNC_PROTO.
      if (nk !== KIND.UNKN && nk !== KIND.FWD && nk !== KIND.FUNC_PROTO)
        this.failType(v.id, 'Invalid type_id')
    }
    this.popResolved(next, 0)
  }

  private resolveVar(v: Vertex): void {
    const next = this.third(v.id)
    const nk = this.kind(next)
    if (nk < 0 || sourceOnly(nk)) this.failType(v.id, 'Invalid type_id')
    if (!this.isSink(nk) && !this.resolved(next)) return this.push(next)
    if (isModifier(nk)) {
      const rid = this.resolvedId(next)
      const rk = this.kind(rid)
      if (rk === KIND.PTR && !this.isSink(rk) && !this.resolved(rid)) return this.push(rid)
    }
    // A variable must resolve to something with a size: no FWD, no void.
    if (this.idSize(next) < 0) this.failType(v.id, 'Invalid type_id')
    this.popResolved(this.sid, 0)
  }

  private resolveArray(v: Vertex): void {
    const elemId = this.extra(v.id, 0)
    const indexId = this.extra(v.id, 1)
    const nelems = this.extra(v.id, 2)
    const ik = this.kind(indexId)
    if (nosizeOrNull(ik) || sourceOnly(ik)) this.failType(v.id, 'Invalid index')
    if (!this.isSink(ik) && !this.resolved(indexId)) return this.push(indexId)
    if (this.idSize(indexId) < 0 || this.kind(this.sid) !== KIND.INT || !this.intIsRegular(this.sid))
      this.failType(v.id, 'Invalid index')
    const ek = this.kind(elemId)
    if (nosizeOrNull(ek) || sourceOnly(ek)) this.failType(v.id, 'Invalid elem')
    if (!this.isSink(ek) && !this.resolved(elemId)) return this.push(elemId)
    const elemSize = this.idSize(elemId)
    if (elemSize < 0) this.failType(v.id, 'Invalid elem')
    const elem = this.sid
    if (this.kind(elem) === KIND.INT && !this.intIsRegular(elem)) this.failType(v.id, 'Invalid array of int')
    if (nelems && elemSize > Math.floor(U32_MAX / nelems)) this.failType(v.id, 'Array size overflows U32_MAX')
    this.popResolved(elem, Math.imul(elemSize, nelems))
  }

  private resolveStruct(v: Vertex): void {
    const id = v.id
    const kflag = this.btf.kflag(id)
    if (v.nextMember) {
      const last = this.member(id, v.nextMember - 1)
      // WARN_ON_ONCE in the kernel: a member pushed for resolving must come back resolved.
      if (!this.resolved(last.type)) throw new Fail(ERRNO.EINVAL)
      this.checkMember(id, last, last.type, kflag)
    }
    const n = this.btf.vlen(id)
    for (let i = v.nextMember; i < n; i++) {
      const m = this.member(id, i)
      const mk = this.kind(m.type)
      if (nosizeOrNull(mk) || sourceOnly(mk)) this.failMember(id, m, 'Invalid member')
      if (!this.isSink(mk) && !this.resolved(m.type)) {
        v.nextMember = i + 1
        return this.push(m.type)
      }
      this.checkMember(id, m, m.type, kflag)
    }
    this.popResolved(0, 0)
  }

  private resolveDatasec(v: Vertex): void {
    this.mode = MODE_TBD
    const id = v.id
    const n = this.btf.vlen(id)
    for (let i = v.nextMember; i < n; i++) {
      const varId = this.extra(id, i * 3)
      const vsiSize = this.extra(id, i * 3 + 2)
      if (this.kind(varId) !== KIND.VAR) this.failVsi(id, i, 'Not a VAR kind member')
      if (!this.isSink(KIND.VAR) && !this.resolved(varId)) {
        v.nextMember = i + 1
        return this.push(varId)
      }
      const size = this.idSize(this.third(varId))
      if (size < 0) this.failVsi(id, i, 'Invalid type')
      if (vsiSize < size) this.failVsi(id, i, 'Invalid size')
    }
    this.popResolved(0, 0)
  }

  private resolveDeclTag(v: Vertex): void {
    const next = this.third(v.id)
    const nk = this.kind(next)
    if (!(isStruct(nk) || nk === KIND.FUNC || nk === KIND.VAR || nk === KIND.TYPEDEF))
      this.failType(v.id, 'Invalid type_id')
    if (!this.isSink(nk) && !this.resolved(next)) return this.push(next)
    const idx = this.extra(v.id, 0) | 0
    if (idx !== -1) {
      if (nk === KIND.VAR || nk === KIND.TYPEDEF) this.failType(v.id, 'Invalid component_idx')
      // A function's components are its prototype's parameters.
      const holder = isStruct(nk) ? next : this.third(next)
      const vlen = this.kind(holder) <= 0 ? 0 : this.btf.vlen(holder)
      if (idx >>> 0 >= vlen) this.failType(v.id, 'Invalid component_idx')
    }
    this.popResolved(next, 0)
  }

  /** btf_func_check: a FUNC points at a FUNC_PROTO whose parameters are all named. */
  private funcCheck(id: number): void {
    const proto = this.third(id)
    if (this.kind(proto) !== KIND.FUNC_PROTO) this.failType(id, 'Invalid type_id')
    const n = this.btf.vlen(proto)
    for (let i = 0; i < n; i++) {
      if (!this.extra(proto, i * 2) && this.extra(proto, i * 2 + 1)) this.failType(id, `Invalid arg#${i + 1}`)
    }
  }

  /** btf_func_proto_check. */
  private funcProtoCheck(id: number): void {
    const ret = this.third(id)
    if (ret) {
      const rk = this.kind(ret)
      if (rk < 0 || sourceOnly(rk)) this.failType(id, 'Invalid return type')
      if (needsResolve(rk) && !this.resolved(ret)) this.resolve(ret)
      if (this.idSize(ret) < 0) this.failType(id, 'Invalid return type')
    }
    let n = this.btf.vlen(id)
    if (!n) return
    if (!this.extra(id, (n - 1) * 2 + 1)) {
      if (this.extra(id, (n - 1) * 2)) this.failType(id, `Invalid arg#${n}`)
      n--
    }
    for (let i = 0; i < n; i++) {
      const nameOff = this.extra(id, i * 2)
      const type = this.extra(id, i * 2 + 1)
      const k = this.kind(type)
      if (k < 0 || sourceOnly(k)) this.failType(id, `Invalid arg#${i + 1}`)
      if (nameOff && (nameOff > 0xffffff || !this.btf.isIdentifierAt(nameOff)))
        this.failType(id, `Invalid arg#${i + 1}`)
      if (needsResolve(k) && !this.resolved(type)) this.resolve(type)
      if (this.idSize(type) < 0) this.failType(id, `Invalid arg#${i + 1}`)
    }
  }

  /** btf_resolve_valid: the final sanity check after resolving `id`. */
  private resolveValid(id: number): boolean {
    if (!this.resolved(id)) return false
    const k = this.kind(id)
    if (isStruct(k) || k === KIND.DATASEC) return !this.resolvedId(id) && !this.resolvedSize(id)
    if (k === KIND.DECL_TAG || k === KIND.FUNC) return !!this.resolvedId(id) && !this.resolvedSize(id)
    if (isModifier(k) || k === KIND.PTR || k === KIND.VAR) {
      const rk = this.kind(this.resolvedId(id))
      return rk >= 0 && !isModifier(rk) && rk !== KIND.VAR && rk !== KIND.DATASEC
    }
    if (k === KIND.ARRAY) {
      const elemSize = this.idSize(this.extra(id, 0))
      return (
        elemSize >= 0 &&
        !isModifier(this.kind(this.sid)) &&
        Math.imul(this.extra(id, 2), elemSize) >>> 0 === this.resolvedSize(id)
      )
    }
    return false
  }

  // ---- member checks (kind_ops[].check_member / check_kflag_member)

  private intIsRegular(id: number): boolean {
    const d = this.extra(id, 0)
    const bits = d & 0xff
    const bytes = roundupBytes(bits)
    return (
      (bits & 7) === 0 &&
      ((d >>> 16) & 0xff) === 0 &&
      (bytes === 1 || bytes === 2 || bytes === 4 || bytes === 8 || bytes === 16)
    )
  }

  private checkMember(structId: number, m: Member, typeId: number, kflag: boolean): void {
    const k = this.kind(typeId)
    const structSize = this.third(structId)
    if (isModifier(k)) {
      // btf_modifier_check_member: check (and log) the member as if it had the resolved type.
      if (this.idSize(m.type) < 0) this.failMember(structId, m, 'Invalid member')
      m.type = this.sid
      return this.checkMember(structId, m, m.type, kflag)
    }
    if (kflag) {
      if (k === KIND.INT) return this.intKflagMember(structId, structSize, m, typeId)
      if (k === KIND.ENUM || k === KIND.ENUM64) return this.enumKflagMember(structId, structSize, m)
      if (k === KIND.PTR || k === KIND.ARRAY || isStruct(k) || k === KIND.FLOAT) {
        if (m.offset >>> 24) this.failMember(structId, m, 'Invalid member bitfield_size')
      }
    }
    switch (k) {
      case KIND.INT:
        return this.intMember(structId, structSize, m, typeId)
      case KIND.PTR:
        return this.sizedMember(structId, structSize, m, this.ptrSize)
      case KIND.ARRAY:
        return this.sizedMember(structId, structSize, m, Math.max(0, this.idSize(m.type)))
      case KIND.STRUCT:
      case KIND.UNION:
      case KIND.ENUM:
      case KIND.ENUM64:
        return this.sizedMember(structId, structSize, m, this.third(typeId))
      case KIND.FLOAT:
        return this.floatMember(structId, structSize, m, this.third(typeId))
      default:
        this.failBasic(structId, kflag ? 'Unsupported check_kflag_member' : 'Unsupported check_member')
    }
  }

  /** btf_ptr/array/struct/enum_check_member: byte aligned, within the struct. */
  private sizedMember(structId: number, structSize: number, m: Member, size: number): void {
    if (m.offset & 7) this.failMember(structId, m, 'Member is not byte aligned')
    if ((structSize - (m.offset >>> 3)) >>> 0 < size)
      this.failMember(structId, m, 'Member exceeds struct_size')
  }

  private intMember(structId: number, structSize: number, m: Member, typeId: number): void {
    const d = this.extra(typeId, 0)
    const intOffset = (d >>> 16) & 0xff
    if (U32_MAX - m.offset < intOffset) this.failMember(structId, m, 'bits_offset exceeds U32_MAX')
    const bitsOff = m.offset + intOffset
    const bytesOffset = Math.floor(bitsOff / 8)
    const copyBits = (d & 0xff) + (bitsOff & 7)
    if (copyBits > 128) this.failMember(structId, m, 'nr_copy_bits exceeds 128')
    if (structSize < bytesOffset || structSize - bytesOffset < roundupBytes(copyBits))
      this.failMember(structId, m, 'Member exceeds struct_size')
  }

  private intKflagMember(structId: number, structSize: number, m: Member, typeId: number): void {
    if (!this.intIsRegular(typeId)) this.failMember(structId, m, 'Invalid member base type')
    let bits = m.offset >>> 24
    const bitOff = m.offset & 0xffffff
    const intBits = this.extra(typeId, 0) & 0xff
    if (!bits) {
      if (bitOff & 7) this.failMember(structId, m, 'Invalid member offset')
      bits = intBits
    } else if (bits > intBits) {
      this.failMember(structId, m, 'Invalid member bitfield_size')
    }
    const bytesOffset = bitOff >>> 3
    const copyBits = bits + (bitOff & 7)
    if (copyBits > 128) this.failMember(structId, m, 'nr_copy_bits exceeds 128')
    if (structSize < bytesOffset || structSize - bytesOffset < roundupBytes(copyBits))
      this.failMember(structId, m, 'Member exceeds struct_size')
  }

  private enumKflagMember(structId: number, structSize: number, m: Member): void {
    const bitOff = m.offset & 0xffffff
    let bits = m.offset >>> 24
    // sizeof(int) * BITS_PER_BYTE, for ENUM64 too.
    if (!bits) {
      if (bitOff & 7) this.failMember(structId, m, 'Member is not byte aligned')
      bits = 32
    } else if (bits > 32) {
      this.failMember(structId, m, 'Invalid member bitfield_size')
    }
    if (structSize < roundupBytes(bitOff + bits)) this.failMember(structId, m, 'Member exceeds struct_size')
  }

  private floatMember(structId: number, structSize: number, m: Member, size: number): void {
    const alignBits = Math.min(this.ptrSize, size) * 8
    if (alignBits === 0 || m.offset % alignBits)
      this.failMember(structId, m, 'Member is not properly aligned')
    if (Math.floor(m.offset / 8) + size > structSize)
      this.failMember(structId, m, 'Member exceeds struct_size')
  }
}

interface Member {
  nameOff: number
  type: number
  offset: number
}
