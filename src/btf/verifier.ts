import { Btf, nativeWords, type BtfHeader } from './btf.ts'
import { BTF_MAGIC, BTF_VERSION, KIND, MAX_NAME_OFFSET, MAX_TYPE_ID, kindName } from './kinds.ts'
import { isValidIdentifier, isValidSectionName } from './names.ts'
import type { VerifierRules } from './rules.ts'
import { ERRNO, VerifierLog, type VerifierFailure, type VerifierStep } from './verifier-log.ts'

/**
 * The checks the kernel makes when it loads BTF it trusts to be well-formed except for its
 * layout: btf_parse_base() for vmlinux and .BTF.base, btf_parse_module() for a module's .BTF
 * (kernel/bpf/btf.c): btf_parse_hdr, btf_parse_str_sec, btf_check_all_metas (each kind's
 * check_meta) and btf_check_type_tags / btf_check_modifier_chain_length. The module path runs
 * neither btf_parse_type_sec's alignment check nor btf_check_all_types (see resolve.ts).
 * Messages, their order and the errno follow the kernel so a report can quote what dmesg says.
 */

export interface VerifyInput {
  bytes: Uint8Array
  file: string
  /** Byte order of the target (the ELF's): the kernel reads BTF in its own order only. */
  littleEndian: boolean
  /** vmlinux BTF or the distilled .BTF.base for a module; null for a base BTF. */
  base: Btf | null
  rules: VerifierRules
  /** 'base-' steps when verifying a .BTF.base. */
  role?: 'module' | 'base'
}

export type VerifyResult = { ok: true; btf: Btf } | { ok: false; failure: VerifierFailure }

const BTF_INT_MASK = 0x0fffffff

export function verifyLoad(input: VerifyInput): VerifyResult {
  const v = new LoadVerifier(input)
  try {
    return { ok: true, btf: v.run() }
  } catch (err) {
    if (err instanceof Stop) return { ok: false, failure: err.failure }
    throw err
  }
}

class Stop extends Error {
  readonly failure: VerifierFailure
  constructor(failure: VerifierFailure) {
    super(failure.text)
    this.failure = failure
  }
}

class LoadVerifier {
  private readonly input: VerifyInput
  private readonly rules: VerifierRules
  private readonly base: Btf | null
  private readonly log = new VerifierLog()
  private readonly dv: DataView
  private step: VerifierStep = 'header'
  private hdr!: BtfHeader
  private strings!: Uint8Array
  private startStrOff = 0
  private words!: Uint32Array
  private logTypeId = 0
  private meta: MetaCheck | undefined

  constructor(input: VerifyInput) {
    this.input = input
    this.rules = input.rules
    this.base = input.base
    this.dv = new DataView(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength)
  }

  private stepName(s: 'header' | 'strings' | 'types' | 'modifier-chains'): VerifierStep {
    return this.input.role === 'base' ? (`base-${s}` as VerifierStep) : s
  }

  private stop(errno: number, typeId?: number, typeLog = false): never {
    // With MODULE_ALLOW_BTF_MISMATCH the kernel skips type and member lines of split BTF.
    throw new Stop(this.log.fail(this.step, errno, typeId, typeLog && this.base !== null))
  }

  /** btf_verifier_log(): one fragment, no type line. */
  private fail(msg: string, errno: number = ERRNO.EINVAL, typeId?: number): never {
    this.log.add(msg)
    this.stop(errno, typeId)
  }

  run(): Btf {
    this.step = this.stepName('header')
    this.parseHeader()
    this.step = this.stepName('strings')
    this.parseStrings()
    this.step = this.stepName('types')
    const recs = this.checkAllMetas()
    const btf = new Btf({
      file: this.input.file,
      base: this.base,
      header: this.hdr,
      littleEndian: this.input.littleEndian,
      encoding: this.rules.info,
      words: this.words,
      recs,
      strings: this.strings,
      layout: null
    })
    this.step = this.stepName('modifier-chains')
    this.checkModifierChains(btf)
    return btf
  }

  // btf_parse_hdr + btf_check_sec_info
  private parseHeader(): void {
    const size = this.input.bytes.length
    const le = this.input.littleEndian
    if (size < 8) this.fail('hdr_len not found')
    const hdrLen = this.dv.getUint32(4, le)
    if (size < hdrLen) this.fail('btf_header not found')
    const known = this.rules.headerBytes
    if (hdrLen > known) {
      for (let i = known; i < hdrLen; i++)
        if (this.input.bytes[i]) this.fail('Unsupported btf_header', ERRNO.E2BIG)
    }
    const copy = Math.min(hdrLen, known)
    const u32 = (o: number) => (o + 4 <= copy ? this.dv.getUint32(o, le) : 0)
    this.hdr = {
      magic: copy >= 2 ? this.dv.getUint16(0, le) : 0,
      version: copy >= 3 ? this.dv.getUint8(2) : 0,
      flags: copy >= 4 ? this.dv.getUint8(3) : 0,
      hdrLen,
      typeOff: u32(8),
      typeLen: u32(12),
      strOff: u32(16),
      strLen: u32(20),
      layoutOff: u32(24),
      layoutLen: u32(28)
    }
    const h = this.hdr
    if (h.magic !== BTF_MAGIC) this.fail('Invalid magic')
    if (h.version !== BTF_VERSION) this.fail('Unsupported version', ERRNO.ENOTSUPP)
    if (h.flags) this.fail('Unsupported flags', ERRNO.ENOTSUPP)
    if (!this.base && size === hdrLen) this.fail('No data')
    this.checkSections(size)
  }

  private checkSections(size: number): void {
    const h = this.hdr
    const secs = [
      { off: h.typeOff, len: h.typeLen },
      { off: h.strOff, len: h.strLen }
    ]
    // 7.2 counts the layout section only with a full-size header and a non-empty layout.
    if (h.hdrLen >= 32 && this.rules.headerBytes >= 32 && h.layoutLen !== 0)
      secs.push({ off: h.layoutOff, len: h.layoutLen })
    // btf_sec_info_cmp compares (int)(u32 difference), as here.
    secs.sort((x, y) => (x.off - y.off) | 0 || (x.len - y.len) | 0)
    const expectedTotal = (size - h.hdrLen) >>> 0
    let total = 0
    for (const s of secs) {
      if (expectedTotal < s.off) this.fail('Invalid section offset')
      if (total < s.off) this.fail('Unsupported section found')
      if (total > s.off) this.fail('Section overlap found')
      if (expectedTotal - total < s.len) this.fail('Total section length too long')
      total += s.len
    }
    if (expectedTotal !== total) this.fail('Unsupported section found')
  }

  // btf_parse_str_sec
  private parseStrings(): void {
    const h = this.hdr
    const start = h.hdrLen + h.strOff
    const end = start + h.strLen
    const atEnd = end === this.input.bytes.length
    // 7.2 lets a layout section follow the strings when the header is the 32-byte one.
    const layoutMayFollow = this.rules.headerBytes >= 32 && h.hdrLen >= 32
    if (!atEnd && !layoutMayFollow) this.fail('String section is not at the end')
    this.strings = this.input.bytes.subarray(start, end)
    this.startStrOff = this.base ? this.base.strEnd : 0
    if (this.base && !h.strLen) return
    if (!h.strLen || h.strLen - 1 > MAX_NAME_OFFSET || this.strings[h.strLen - 1] !== 0)
      this.fail('Invalid string section')
    if (!this.base && this.strings[0] !== 0) this.fail('Invalid string section')
  }

  // ---- names (btf_name_offset_valid, btf_name_valid_identifier, btf_name_valid_section)

  private nameOffsetValid(off: number): boolean {
    if (off > MAX_NAME_OFFSET) return false
    if (off < this.startStrOff) return this.base!.strBytes(off) !== undefined
    return off - this.startStrOff < this.hdr.strLen
  }

  private strAt(off: number): { bytes: Uint8Array; pos: number } | undefined {
    if (off < this.startStrOff) return this.base!.strBytes(off)
    const local = off - this.startStrOff
    return local < this.hdr.strLen ? { bytes: this.strings, pos: local } : undefined
  }

  private identifier(off: number): boolean {
    if (off < this.startStrOff) return this.base!.isIdentifierAt(off)
    const local = off - this.startStrOff
    return local < this.hdr.strLen && isValidIdentifier(this.strings, local)
  }

  private sectionName(off: number): boolean {
    const s = this.strAt(off)
    return !!s && isValidSectionName(s.bytes, s.pos)
  }

  /** __btf_name_by_offset: "(anon)" for 0, "(invalid-name-offset)" past the strings. */
  private logName(off: number): string {
    if (!off) return '(anon)'
    const s = this.strAt(off)
    if (!s) return '(invalid-name-offset)'
    let e = s.bytes.indexOf(0, s.pos)
    if (e < 0) e = s.bytes.length
    return Buffer.from(s.bytes.subarray(s.pos, e)).toString('latin1')
  }

  // ---- btf_check_all_metas

  private checkAllMetas(): Uint32Array {
    const h = this.hdr
    const typeStart = h.hdrLen + h.typeOff
    this.words = nativeWords(
      this.input.bytes.subarray(typeStart, typeStart + h.typeLen),
      this.input.littleEndian
    )
    const recs = new Uint32Array(Math.floor(h.typeLen / 12) + 1)
    let n = 0
    // btf->start_id: the base's type count, void included (0 for a base, whose ids start at 1).
    const startId = this.base ? this.base.endId : 0
    this.logTypeId = this.base ? startId : 1
    const growth = new TypeTableGrowth(startId, this.base !== null)
    let cur = 0
    while (cur < h.typeLen) {
      const metaSize = this.checkMeta(cur >>> 2, h.typeLen - cur)
      if (!growth.add()) this.fail('Exceeded max num of types', ERRNO.E2BIG)
      recs[n++] = cur >>> 2
      cur += metaSize
      this.logTypeId++
    }
    return recs.subarray(0, n)
  }

  private checkMeta(w: number, metaLeft: number): number {
    const id = this.logTypeId
    if (metaLeft < 12) this.fail(`[${id}] meta_left:${metaLeft} meta_needed:12`, ERRNO.EINVAL, id)
    metaLeft -= 12
    const words = this.words
    const info = words[w + 1]!
    if (info & this.rules.info.reserved)
      this.fail(`[${id}] Invalid btf_info:${info.toString(16)}`, ERRNO.EINVAL, id)
    const kind = (info >>> 24) & this.rules.info.kindMask
    if (kind > this.rules.maxKind || kind === KIND.UNKN)
      this.fail(`[${id}] Invalid kind:${kind}`, ERRNO.EINVAL, id)
    const nameOff = words[w]!
    if (!this.nameOffsetValid(nameOff)) this.fail(`[${id}] Invalid name_offset:${nameOff}`, ERRNO.EINVAL, id)
    this.meta ??= new MetaCheck(this)
    return 12 + this.meta.check(w, info, kind, metaLeft)
  }

  // exposed to MetaCheck
  get wordsView(): Uint32Array {
    return this.words
  }
  get ruleSet(): VerifierRules {
    return this.rules
  }
  get currentId(): number {
    return this.logTypeId
  }
  add(fragment: string): void {
    this.log.add(fragment)
  }
  stopAt(errno: number, typeLog = false): never {
    this.stop(errno, this.logTypeId, typeLog)
  }
  validOffset(off: number): boolean {
    return this.nameOffsetValid(off)
  }
  validIdentifier(off: number): boolean {
    return this.identifier(off)
  }
  validSection(off: number): boolean {
    return this.sectionName(off)
  }
  nameForLog(off: number): string {
    return this.logName(off)
  }
  stringIsEmpty(off: number): boolean {
    const s = this.strAt(off)
    return !s || s.bytes[s.pos] === 0
  }

  // ---- btf_check_type_tags (6.12) / btf_check_modifier_chain_length (7.2)

  private checkModifierChains(btf: Btf): void {
    const startId = this.base ? btf.firstId : 1
    const n = btf.endId
    let goodId = startId - 1
    const modifier = (k: number) =>
      k === KIND.TYPEDEF ||
      k === KIND.VOLATILE ||
      k === KIND.CONST ||
      k === KIND.RESTRICT ||
      k === KIND.TYPE_TAG
    for (let i = startId; i < n; i++) {
      let k = btf.kind(i)
      if (!modifier(k)) continue
      let inTags = k === KIND.TYPE_TAG
      let limit = 32
      let cur = i
      while (modifier(k)) {
        if (limit-- === 0) this.fail('Max chain length or cycle detected', ERRNO.ELOOP, i)
        if (this.rules.typeTagsFirst) {
          if (k === KIND.TYPE_TAG) {
            if (!inTags) this.fail("Type tags don't precede modifiers", ERRNO.EINVAL, i)
          } else if (inTags) {
            inTags = false
          }
        }
        if (cur <= goodId) break
        cur = btf.third(cur)
        // btf_type_by_id() is NULL past the last type: -EINVAL without a message.
        k = btf.kind(cur)
        if (k < 0) this.stop(ERRNO.EINVAL, i)
      }
      goodId = i
    }
  }
}

/** Mirrors btf_add_type()'s growth of btf->types, which stops at BTF_MAX_TYPE ids. */
class TypeTableGrowth {
  private size = 0
  private count = 0
  private readonly startId: number
  private readonly split: boolean
  constructor(startId: number, split: boolean) {
    this.startId = startId
    this.split = split
  }
  add(): boolean {
    if (this.size === this.count) {
      if (this.startId + this.size === MAX_TYPE_ID) return false
      const expand = Math.max(this.size >>> 2, 16)
      const newSize = Math.min(MAX_TYPE_ID, this.size + expand)
      if (this.count === 0 && !this.split) this.count++ // lazily added VOID
      this.size = newSize
    }
    this.count++
    return true
  }
}

/** One type's check_meta, per kind, as the kernel's kind_ops[] do it. */
class MetaCheck {
  private readonly v: LoadVerifier
  private w = 0
  private info = 0
  private kind = 0
  private metaLeft = 0
  private words: Uint32Array

  constructor(v: LoadVerifier) {
    this.v = v
    this.words = v.wordsView
  }

  /** Checks one type (one instance serves every type: no allocation per type). */
  check(w: number, info: number, kind: number, metaLeft: number): number {
    this.w = w
    this.info = info
    this.kind = kind
    this.metaLeft = metaLeft
    this.words = this.v.wordsView
    return this.run()
  }

  private get vlen(): number {
    return this.info & this.v.ruleSet.info.vlenMask
  }
  private get kflag(): boolean {
    return this.info >>> 31 === 1
  }
  private get nameOff(): number {
    return this.words[this.w]!
  }
  private get third(): number {
    return this.words[this.w + 2]!
  }
  private extra(i: number): number {
    return this.words[this.w + 3 + i]!
  }

  /** btf_verifier_log_type / _basic: "[id] KIND name" (+ details) (+ " msg") "\n". */
  private type(msg: string, details = true, errno: number = ERRNO.EINVAL): never {
    this.v.add(
      `[${this.v.currentId}] ${kindName(this.kind)} ${this.v.nameForLog(this.nameOff)}${details ? ' ' : ''}`
    )
    if (details) for (const d of this.details()) this.v.add(d)
    if (msg) {
      this.v.add(' ')
      this.v.add(msg)
    }
    this.v.add('\n')
    this.v.stopAt(errno, true)
  }

  private needs(bytes: number): void {
    if (this.metaLeft < bytes) this.type(`meta_left:${this.metaLeft} meta_needed:${bytes}`, false)
  }

  /** btf_verifier_log_member in the meta phase: the member line alone. */
  private member(m: number, msg: string): never {
    const base = this.w + 3 + m * 3
    const name = this.v.nameForLog(this.words[base]!)
    const type = this.words[base + 1]!
    const off = this.words[base + 2]!
    this.v.add(
      this.kflag
        ? `\t${name} type_id=${type} bitfield_size=${off >>> 24} bits_offset=${off & 0xffffff}`
        : `\t${name} type_id=${type} bits_offset=${off}`
    )
    this.v.add(' ')
    this.v.add(msg)
    this.v.add('\n')
    this.v.stopAt(ERRNO.EINVAL, true)
  }

  private vsi(e: number, msg: string): never {
    const base = this.w + 3 + e * 3
    this.v.add(
      `\t type_id=${this.words[base]!} offset=${this.words[base + 1]!} size=${this.words[base + 2]!}`
    )
    this.v.add(' ')
    this.v.add(msg)
    this.v.add('\n')
    this.v.stopAt(ERRNO.EINVAL)
  }

  /** The kind's log_details fragments. */
  private details(): string[] {
    const size = this.third
    switch (this.kind) {
      case KIND.INT: {
        const d = this.extra(0)
        const enc = (d >>> 24) & 0xf
        const encName =
          enc === 0 ? '(none)' : enc === 1 ? 'SIGNED' : enc === 2 ? 'CHAR' : enc === 4 ? 'BOOL' : 'UNKN'
        return [`size=${size} bits_offset=${(d >>> 16) & 0xff} nr_bits=${d & 0xff} encoding=${encName}`]
      }
      case KIND.PTR:
      case KIND.TYPEDEF:
      case KIND.VOLATILE:
      case KIND.CONST:
      case KIND.RESTRICT:
      case KIND.TYPE_TAG:
      case KIND.FUNC:
        return [`type_id=${size}`]
      case KIND.FWD:
        return [this.kflag ? 'union' : 'struct']
      case KIND.ARRAY:
        return [`type_id=${this.extra(0)} index_type_id=${this.extra(1)} nr_elems=${this.extra(2)}`]
      case KIND.STRUCT:
      case KIND.UNION:
      case KIND.ENUM:
      case KIND.ENUM64:
      case KIND.DATASEC:
        return [`size=${size} vlen=${this.vlen}`]
      case KIND.FUNC_PROTO:
        return this.protoDetails()
      case KIND.VAR:
        return [`type_id=${size} linkage=${this.extra(0)}`]
      case KIND.FLOAT:
        return [`size=${size}`]
      case KIND.DECL_TAG:
        return [`type=${size} component_idx=${this.extra(0) | 0}`]
      default:
        return []
    }
  }

  private protoDetails(): string[] {
    const n = this.vlen
    const out = [`return=${this.third} args=(`]
    const arg = (i: number) => ({
      name: this.words[this.w + 3 + i * 2]!,
      type: this.words[this.w + 4 + i * 2]!
    })
    if (!n) {
      out.push('void')
    } else if (n === 1 && !arg(0).type) {
      out.push('vararg')
    } else {
      out.push(`${arg(0).type} ${this.v.nameForLog(arg(0).name)}`)
      for (let i = 1; i < n - 1; i++) out.push(`, ${arg(i).type} ${this.v.nameForLog(arg(i).name)}`)
      if (n > 1) {
        const last = arg(n - 1)
        out.push(last.type ? `, ${last.type} ${this.v.nameForLog(last.name)}` : ', vararg')
      }
    }
    out.push(')')
    return out
  }

  /** Returns the bytes after struct btf_type. */
  run(): number {
    switch (this.kind) {
      case KIND.INT:
        return this.int()
      case KIND.PTR:
      case KIND.TYPEDEF:
      case KIND.VOLATILE:
      case KIND.CONST:
      case KIND.RESTRICT:
      case KIND.TYPE_TAG:
        return this.ref()
      case KIND.FWD:
        return this.fwd()
      case KIND.ARRAY:
        return this.array()
      case KIND.STRUCT:
      case KIND.UNION:
        return this.struct()
      case KIND.ENUM:
      case KIND.ENUM64:
        return this.enumeration()
      case KIND.FUNC_PROTO:
        return this.funcProto()
      case KIND.FUNC:
        return this.func()
      case KIND.VAR:
        return this.variable()
      case KIND.DATASEC:
        return this.datasec()
      case KIND.FLOAT:
        return this.float()
      case KIND.DECL_TAG:
        return this.declTag()
      default:
        // Unreachable: checkMeta refuses kinds above the rules' maximum, which this table covers.
        throw new Error(`no meta check for kind ${this.kind}`)
    }
  }

  private noVlenNoKflag(kflagAllowed = false): void {
    if (this.vlen) this.type('vlen != 0')
    if (this.kflag && !kflagAllowed) this.type('Invalid btf_info kind_flag')
  }

  private int(): number {
    this.needs(4)
    this.noVlenNoKflag()
    const d = this.extra(0)
    if (d & ~BTF_INT_MASK) this.type(`Invalid int_data:${d.toString(16)}`, false)
    const nrBits = (d & 0xff) + ((d >>> 16) & 0xff)
    if (nrBits > 128) this.type('nr_bits exceeds 128')
    if (roundupBytes(nrBits) > this.third) this.type('nr_bits exceeds type_size')
    const enc = (d >>> 24) & 0xf
    if (enc && enc !== 1 && enc !== 2 && enc !== 4) this.type('Unsupported encoding', true, ERRNO.ENOTSUPP)
    return 4
  }

  // btf_ref_type_check_meta
  private ref(): number {
    this.noVlenNoKflag(this.kind === KIND.TYPE_TAG && this.v.ruleSet.tagKflag)
    if (this.third > MAX_TYPE_ID) this.type('Invalid type_id')
    if (this.kind === KIND.TYPEDEF) {
      if (!this.nameOff || !this.v.validIdentifier(this.nameOff)) this.type('Invalid name')
    } else if (this.kind === KIND.TYPE_TAG) {
      if (this.v.stringIsEmpty(this.nameOff)) this.type('Invalid name')
    } else if (this.nameOff) {
      this.type('Invalid name')
    }
    return 0
  }

  private fwd(): number {
    if (this.vlen) this.type('vlen != 0')
    if (this.third) this.type('type != 0')
    if (!this.nameOff || !this.v.validIdentifier(this.nameOff)) this.type('Invalid name')
    return 0
  }

  private array(): number {
    this.needs(12)
    if (this.nameOff) this.type('Invalid name')
    this.noVlenNoKflag()
    if (this.third) this.type('size != 0')
    const elem = this.extra(0)
    const index = this.extra(1)
    if (!elem || elem > MAX_TYPE_ID) this.type('Invalid elem')
    if (!index || index > MAX_TYPE_ID) this.type('Invalid index')
    return 12
  }

  private struct(): number {
    const n = this.vlen
    const needed = n * 12
    this.needs(needed)
    if (this.nameOff && !this.v.validIdentifier(this.nameOff)) this.type('Invalid name')
    const isUnion = this.kind === KIND.UNION
    const structSize = this.third
    let last = 0
    for (let m = 0; m < n; m++) {
      const base = this.w + 3 + m * 3
      const nameOff = this.words[base]!
      const type = this.words[base + 1]!
      const raw = this.words[base + 2]!
      if (!this.v.validOffset(nameOff)) this.member(m, `Invalid member name_offset:${nameOff}`)
      if (nameOff && !this.v.validIdentifier(nameOff)) this.member(m, 'Invalid name')
      if (!type || type > MAX_TYPE_ID) this.member(m, 'Invalid type_id')
      const offset = this.kflag ? raw & 0xffffff : raw
      if (isUnion && offset) this.member(m, 'Invalid member bits_offset')
      if (last > offset) this.member(m, 'Invalid member bits_offset')
      if (roundupBytes(offset) > structSize) this.member(m, 'Member bits_offset exceeds its struct size')
      last = offset
    }
    return needed
  }

  private enumeration(): number {
    const n = this.vlen
    const elemWords = this.kind === KIND.ENUM64 ? 3 : 2
    const needed = n * elemWords * 4
    this.needs(needed)
    const size = this.third
    if (size > 8 || !isPowerOf2(size)) this.type('Unexpected size')
    if (this.nameOff && !this.v.validIdentifier(this.nameOff)) this.type('Invalid name')
    for (let e = 0; e < n; e++) {
      const nameOff = this.words[this.w + 3 + e * elemWords]!
      if (!this.v.validOffset(nameOff)) {
        this.v.add(`\tInvalid name_offset:${nameOff}`)
        this.v.stopAt(ERRNO.EINVAL)
      }
      if (!nameOff || !this.v.validIdentifier(nameOff)) this.type('Invalid name')
    }
    return needed
  }

  private funcProto(): number {
    const needed = this.vlen * 8
    this.needs(needed)
    if (this.nameOff) this.type('Invalid name')
    if (this.kflag) this.type('Invalid btf_info kind_flag')
    return needed
  }

  private func(): number {
    if (!this.nameOff || !this.v.validIdentifier(this.nameOff)) this.type('Invalid name')
    if (this.vlen > 1) this.type('Invalid func linkage') // BTF_FUNC_GLOBAL is the largest allowed
    if (this.kflag) this.type('Invalid btf_info kind_flag')
    return 0
  }

  private variable(): number {
    this.needs(4)
    this.noVlenNoKflag()
    if (!this.nameOff || !this.v.validIdentifier(this.nameOff)) this.type('Invalid name')
    if (!this.third || this.third > MAX_TYPE_ID) this.type('Invalid type_id')
    const linkage = this.extra(0)
    if (linkage !== 0 && linkage !== 1) this.type('Linkage not supported')
    return 4
  }

  private datasec(): number {
    const n = this.vlen
    const needed = n * 12
    this.needs(needed)
    const size = this.third
    if (!size) this.type('size == 0')
    if (this.kflag) this.type('Invalid btf_info kind_flag')
    if (!this.nameOff || !this.v.validSection(this.nameOff)) this.type('Invalid name')
    let lastEnd = 0
    let sum = 0
    for (let e = 0; e < n; e++) {
      const base = this.w + 3 + e * 3
      const type = this.words[base]!
      const off = this.words[base + 1]!
      const sz = this.words[base + 2]!
      if (!type || type > MAX_TYPE_ID) this.vsi(e, 'Invalid type_id')
      if (off < lastEnd || off >= size) this.vsi(e, 'Invalid offset')
      if (!sz || sz > size) this.vsi(e, 'Invalid size')
      lastEnd = off + sz
      if (lastEnd > size) this.vsi(e, 'Invalid offset+size')
      sum += sz
    }
    if (size < sum) this.type('Invalid btf_info size')
    return needed
  }

  private float(): number {
    this.noVlenNoKflag()
    const s = this.third
    if (s !== 2 && s !== 4 && s !== 8 && s !== 12 && s !== 16) this.type('Invalid type_size')
    return 0
  }

  private declTag(): number {
    this.needs(4)
    if (this.v.stringIsEmpty(this.nameOff)) this.type('Invalid value')
    this.noVlenNoKflag(this.v.ruleSet.tagKflag)
    if ((this.extra(0) | 0) < -1) this.type('Invalid component_idx')
    return 4
  }
}

export function roundupBytes(bits: number): number {
  return (bits >>> 3) + (bits & 7 ? 1 : 0)
}

function isPowerOf2(n: number): boolean {
  return n !== 0 && (n & (n - 1)) === 0
}
