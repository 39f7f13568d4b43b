import { endianness } from 'node:os'
import { InputError } from '../model/errors.ts'
import {
  BTF_MAGIC,
  BTF_VERSION,
  HEADER_V1_BYTES,
  KIND,
  KINDS,
  MAX_TYPE_ID,
  WIDE_INFO,
  kindName,
  type InfoEncoding
} from './kinds.ts'
import { cStringAt, isValidIdentifier } from './names.ts'

export interface BtfHeader {
  magic: number
  version: number
  flags: number
  hdrLen: number
  typeOff: number
  typeLen: number
  strOff: number
  strLen: number
  /** The kind layout section of 7.x headers (0 when the header has no such fields). */
  layoutOff: number
  layoutLen: number
}

/** One entry of the layout section (struct btf_layout): how to skip a kind without knowing it. */
export interface KindSizes {
  infoBytes: number
  elemBytes: number
}

const HOST_LE = endianness() === 'LE'

/**
 * Parsed BTF, base or split. Type ids are global: a base's own types are 1..count (0 is void),
 * a split BTF's continue from its base's last id + 1, and its string offsets continue after the
 * base's string section. Accessors take global ids and look into the base when needed.
 *
 * Records live in one native-order Uint32Array (every BTF record field is a 32-bit word), with
 * the word index of each type in `recs`: no per-type objects, so a vmlinux of 150,000 types is
 * two typed arrays.
 */
export class Btf {
  readonly file: string
  readonly base: Btf | null
  readonly header: BtfHeader
  readonly littleEndian: boolean
  readonly encoding: InfoEncoding
  readonly words: Uint32Array
  readonly recs: Uint32Array
  readonly strings: Uint8Array
  readonly firstId: number
  readonly count: number
  readonly startStrOff: number
  /** Per-kind sizes from the layout section, when the BTF has one. */
  readonly layout: readonly KindSizes[] | null
  /** Lazily built name index of this BTF's own types (relocation, evidence). */
  private byName: Map<string, number[]> | undefined
  private kindsCache: Uint8Array | undefined
  /** Per own string offset: 0 not yet known, 1 a valid identifier, 2 not one (module checks ask often). */
  private identCache: Uint8Array | undefined

  constructor(init: {
    file: string
    base: Btf | null
    header: BtfHeader
    littleEndian: boolean
    encoding: InfoEncoding
    words: Uint32Array
    recs: Uint32Array
    strings: Uint8Array
    layout: readonly KindSizes[] | null
  }) {
    this.file = init.file
    this.base = init.base
    this.header = init.header
    this.littleEndian = init.littleEndian
    this.encoding = init.encoding
    this.words = init.words
    this.recs = init.recs
    this.strings = init.strings
    this.layout = init.layout
    this.firstId = init.base ? init.base.endId : 1
    this.count = init.recs.length
    this.startStrOff = init.base ? init.base.strEnd : 0
  }

  /** One past the last type id. */
  get endId(): number {
    return this.firstId + this.count
  }

  /** One past the last string offset (base strings included). */
  get strEnd(): number {
    return this.startStrOff + this.header.strLen
  }

  get isSplit(): boolean {
    return this.base !== null
  }

  /** The BTF whose own types include `id`; null for void and ids out of range. */
  holder(id: number): Btf | null {
    if (id >= this.firstId) return id < this.endId ? this : null
    return this.base ? this.base.holder(id) : null
  }

  /** Word index of the record of `id` in holder(id).words. */
  rec(id: number): number {
    const h = this.holder(id)
    if (!h) throw new RangeError(`type id ${id} is not in ${this.file}`)
    return h.recs[id - h.firstId]!
  }

  /** Word `k` of the record of `id` (0 name_off, 1 info, 2 size/type, 3.. what follows). */
  word(id: number, k: number): number {
    const h = this.holder(id)
    if (!h) throw new RangeError(`type id ${id} is not in ${this.file}`)
    return h.words[h.recs[id - h.firstId]! + k]!
  }

  /** Kind of `id`: 0 for void, -1 for an id that does not exist. */
  kind(id: number): number {
    if (id === 0) return KIND.UNKN
    const h = this.holder(id)
    if (!h) return -1
    return (h.words[h.recs[id - h.firstId]! + 1]! >>> 24) & h.encoding.kindMask
  }

  /** Kinds of the own types by index (id - firstId), computed once: for loops over many references. */
  kindTable(): Uint8Array {
    if (!this.kindsCache) {
      const t = new Uint8Array(this.count)
      const mask = this.encoding.kindMask
      for (let i = 0; i < this.count; i++) t[i] = (this.words[this.recs[i]! + 1]! >>> 24) & mask
      this.kindsCache = t
    }
    return this.kindsCache
  }

  vlen(id: number): number {
    return this.word(id, 1) & this.holder(id)!.encoding.vlenMask
  }

  kflag(id: number): boolean {
    return this.word(id, 1) >>> 31 === 1
  }

  nameOff(id: number): number {
    return id === 0 ? 0 : this.word(id, 0)
  }

  /** The size or type word. */
  third(id: number): number {
    return this.word(id, 2)
  }

  /** The string at a (global) offset; undefined when the offset is outside every string section. */
  str(off: number): string | undefined {
    if (off < this.startStrOff) return this.base?.str(off)
    const local = off - this.startStrOff
    if (local >= this.header.strLen) return undefined
    return cStringAt(this.strings, local)
  }

  /** Bytes and position of a string offset, for checks that look at the characters. */
  strBytes(off: number): { bytes: Uint8Array; pos: number } | undefined {
    if (off < this.startStrOff) return this.base?.strBytes(off)
    const local = off - this.startStrOff
    if (local >= this.header.strLen) return undefined
    return { bytes: this.strings, pos: local }
  }

  /** Whether the string at `off` is a name the kernel accepts as an identifier (btf_name_valid_identifier). */
  isIdentifierAt(off: number): boolean {
    if (off < this.startStrOff) return this.base ? this.base.isIdentifierAt(off) : false
    const local = off - this.startStrOff
    if (local >= this.header.strLen) return false
    const cache = (this.identCache ??= new Uint8Array(this.header.strLen))
    let v = cache[local]!
    if (!v) cache[local] = v = isValidIdentifier(this.strings, local) ? 1 : 2
    return v === 1
  }

  /** Whether an offset is where a string begins (offset 0 or just after a NUL). */
  isStringStart(off: number): boolean {
    if (off < this.startStrOff) return this.base ? this.base.isStringStart(off) : false
    const local = off - this.startStrOff
    if (local >= this.header.strLen) return false
    return local === 0 || this.strings[local - 1] === 0
  }

  /** Name of a type ('' for anonymous types and void). */
  name(id: number): string {
    return this.str(this.nameOff(id)) ?? ''
  }

  /** "STRUCT 'task_struct'", "PTR (anon)": how reports name a type. */
  describe(id: number): string {
    if (id === 0) return 'void'
    const k = this.kind(id)
    if (k < 0) return `type id ${id} (no such type)`
    const n = this.name(id)
    return `${kindName(k)} ${n ? `'${n}'` : '(anon)'}`
  }

  /** Own type ids with this exact name (built on first use). */
  idsNamed(name: string): readonly number[] {
    if (!this.byName) {
      const m = new Map<string, number[]>()
      for (let i = 0; i < this.count; i++) {
        const off = this.words[this.recs[i]!]!
        if (off === 0) continue
        const n = this.str(off)
        if (n === undefined || n === '') continue
        const list = m.get(n)
        if (list) list.push(this.firstId + i)
        else m.set(n, [this.firstId + i])
      }
      this.byName = m
    }
    return this.byName.get(name) ?? []
  }
}

export interface ParseOptions {
  /** The base BTF, for split BTF (a module's .BTF against vmlinux or its .BTF.base). */
  base?: Btf | null
  /** How `info` splits into kind and vlen; default: the wide 7.2 encoding, as current libbpf reads it. */
  encoding?: InfoEncoding
  /** Check every name offset and type id (default true). */
  checkRefs?: boolean
}

/**
 * Parses BTF bytes in stages, as libbpf's btf.c does: header (magic and byte order, version,
 * hdr_len within the data, section offsets and lengths, alignment, no overlap), string section
 * (non-empty and NUL-terminated; the first byte NUL unless split), every record (its size from
 * its kind, never past the section, the last ending exactly at the end), then cross-references
 * (every name offset and type id in range). Throws InputError naming the file and the type.
 */
export function parseBtf(bytes: Uint8Array, file: string, opts: ParseOptions = {}): Btf {
  const base = opts.base ?? null
  const encoding = opts.encoding ?? WIDE_INFO
  const { header, littleEndian } = parseHeader(bytes, file)
  const data = bytes.subarray(header.hdrLen)
  const strings = data.subarray(header.strOff, header.strOff + header.strLen)
  checkStrings(strings, file, base !== null)
  const layout = parseLayout(data, header, file)
  const words = nativeWords(data.subarray(header.typeOff, header.typeOff + header.typeLen), littleEndian)
  const firstId = base ? base.endId : 1
  const recs = walkRecords(words, header.typeLen, encoding, layout, firstId, file)
  const btf = new Btf({ file, base, header, littleEndian, encoding, words, recs, strings, layout })
  if (opts.checkRefs ?? true) checkReferences(btf)
  return btf
}

function parseHeader(bytes: Uint8Array, file: string): { header: BtfHeader; littleEndian: boolean } {
  if (bytes.length < 8)
    throw new InputError('truncated', file, `BTF is ${bytes.length} bytes, too short for a BTF header`)
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let le = true
  if (dv.getUint16(0, true) !== BTF_MAGIC) {
    if (dv.getUint16(0, false) !== BTF_MAGIC) {
      throw new InputError(
        'bad-magic',
        file,
        `not BTF: magic 0x${dv.getUint16(0, true).toString(16).padStart(4, '0')}, expected 0xeb9f`,
        0
      )
    }
    le = false
  }
  const version = dv.getUint8(2)
  if (version !== BTF_VERSION)
    throw new InputError(
      'unsupported',
      file,
      `BTF version ${version} is not supported (only version ${BTF_VERSION} exists)`,
      2
    )
  const hdrLen = dv.getUint32(4, le)
  if (hdrLen < HEADER_V1_BYTES)
    throw new InputError(
      'bad-value',
      file,
      `BTF hdr_len ${hdrLen} is shorter than the ${HEADER_V1_BYTES}-byte header`,
      4
    )
  if (hdrLen > bytes.length)
    throw new InputError(
      'truncated',
      file,
      `BTF hdr_len ${hdrLen} is beyond the ${bytes.length} bytes of data`,
      4
    )
  const u32 = (o: number) => (o + 4 <= hdrLen ? dv.getUint32(o, le) : 0)
  const header: BtfHeader = {
    magic: BTF_MAGIC,
    version,
    flags: dv.getUint8(3),
    hdrLen,
    typeOff: u32(8),
    typeLen: u32(12),
    strOff: u32(16),
    strLen: u32(20),
    layoutOff: u32(24),
    layoutLen: u32(28)
  }
  const dataLen = bytes.length - hdrLen
  const sections: Array<[string, number, number]> = [
    ['type', header.typeOff, header.typeLen],
    ['string', header.strOff, header.strLen]
  ]
  if (header.layoutLen) sections.push(['layout', header.layoutOff, header.layoutLen])
  for (const [what, off, len] of sections) {
    if (off + len > dataLen) {
      throw new InputError(
        'truncated',
        file,
        `BTF ${what} section (offset ${off}, ${len} bytes) runs past the ${dataLen} bytes after the header`
      )
    }
  }
  if (header.typeOff % 4)
    throw new InputError('bad-value', file, `BTF type section offset ${header.typeOff} is not 4-byte aligned`)
  sections.sort((a, b) => a[1] - b[1])
  for (let i = 1; i < sections.length; i++) {
    const [pw, po, pl] = sections[i - 1]!
    const [w, o] = sections[i]!
    if (po + pl > o)
      throw new InputError(
        'bad-value',
        file,
        `BTF ${pw} section (offset ${po}, ${pl} bytes) overlaps the ${w} section at ${o}`
      )
  }
  return { header, littleEndian: le }
}

function checkStrings(strings: Uint8Array, file: string, split: boolean): void {
  if (strings.length === 0) {
    if (split) return
    throw new InputError('bad-value', file, 'BTF string section is empty')
  }
  if (strings[strings.length - 1] !== 0)
    throw new InputError('bad-value', file, 'BTF string section does not end with a NUL')
  if (!split && strings[0] !== 0)
    throw new InputError('bad-value', file, 'BTF string section does not start with the empty string')
}

function parseLayout(data: Uint8Array, header: BtfHeader, file: string): KindSizes[] | null {
  if (!header.layoutLen) return null
  if (header.layoutLen % 4)
    throw new InputError(
      'bad-value',
      file,
      `BTF layout section is ${header.layoutLen} bytes, not a multiple of 4`
    )
  const dv = new DataView(data.buffer, data.byteOffset + header.layoutOff, header.layoutLen)
  const out: KindSizes[] = []
  // struct btf_layout {u8 info_sz; u8 elem_sz; u16 flags}: flags are unused so far.
  for (let o = 0; o < header.layoutLen; o += 4)
    out.push({ infoBytes: dv.getUint8(o), elemBytes: dv.getUint8(o + 1) })
  return out
}

/** The type section as native-order words (a copy, so the records are aligned whatever the ELF). */
export function nativeWords(section: Uint8Array, littleEndian: boolean): Uint32Array {
  const n = section.length >>> 2
  const words = new Uint32Array(n)
  if (littleEndian === HOST_LE) {
    new Uint8Array(words.buffer).set(section.subarray(0, n * 4))
  } else {
    const dv = new DataView(section.buffer, section.byteOffset, n * 4)
    for (let i = 0; i < n; i++) words[i] = dv.getUint32(i * 4, littleEndian)
  }
  return words
}

/** Bytes of one record: the kind table, or the BTF's own layout section for kinds newer than us. */
export function recordBytes(
  kind: number,
  vlen: number,
  layout: readonly KindSizes[] | null
): number | undefined {
  const k = KINDS[kind] ?? layout?.[kind]
  if (!k || kind === 0) return undefined
  return 12 + k.infoBytes + vlen * k.elemBytes
}

function walkRecords(
  words: Uint32Array,
  typeLen: number,
  encoding: InfoEncoding,
  layout: readonly KindSizes[] | null,
  firstId: number,
  file: string
): Uint32Array {
  const recs: number[] = []
  let w = 0
  const nWords = typeLen >>> 2
  while (w * 4 < typeLen) {
    const id = firstId + recs.length
    if (id > MAX_TYPE_ID)
      throw new InputError(
        'too-large',
        file,
        `BTF has more than ${MAX_TYPE_ID} types, the most a BTF can have (BTF_MAX_TYPE)`
      )
    if (w + 3 > nWords) {
      throw new InputError(
        'truncated',
        file,
        `BTF type [${id}] needs 12 bytes at offset ${w * 4} of the type section but it ends at ${typeLen}`
      )
    }
    const info = words[w + 1]!
    const kind = (info >>> 24) & encoding.kindMask
    const bytes = recordBytes(kind, info & encoding.vlenMask, layout)
    if (bytes === undefined) {
      throw new InputError(
        'unsupported',
        file,
        kind === 0
          ? `BTF type [${id}] has kind 0, which no BTF defines`
          : `BTF type [${id}] has kind ${kind}, newer than the kinds this tool knows (up to ${KINDS.length - 1}) and the BTF has no layout section to skip it`
      )
    }
    if (w * 4 + bytes > typeLen) {
      throw new InputError(
        'truncated',
        file,
        `BTF type [${id}] ${kindName(kind)} needs ${bytes} bytes at offset ${w * 4} of the type section but it ends at ${typeLen}`
      )
    }
    recs.push(w)
    w += bytes >>> 2
  }
  return Uint32Array.from(recs)
}

/** Every name offset within the string sections, every type id within the types (libbpf's btf_sanity_check). */
function checkReferences(btf: Btf): void {
  const strEnd = btf.strEnd
  const endId = btf.endId
  const hint = btf.isSplit ? ' (split BTF parsed against a base it was not generated for?)' : ''
  for (let i = 0; i < btf.count; i++) {
    const id = btf.firstId + i
    const bad = firstBadReference(btf, id, strEnd, endId)
    if (bad)
      throw new InputError('bad-value', btf.file, `BTF type [${id}] ${btf.describe(id)}: ${bad}${hint}`)
  }
}

function firstBadReference(btf: Btf, id: number, strEnd: number, endId: number): string | undefined {
  let bad: string | undefined
  forEachRef(btf, id, (value, role, elem) => {
    if (bad) return
    if (role === REF.NAME || role === REF.ELEM_NAME) {
      if (value >= strEnd)
        bad = `${refLabel(btf.kind(id), role, elem)} offset ${value} is beyond the ${strEnd} bytes of strings`
    } else if (value >= endId) {
      bad = `${refLabel(btf.kind(id), role, elem)} refers to type id ${value}, beyond the last type ${endId - 1}`
    }
  })
  return bad
}

/** Where a reference sits in its record (forEachRef's `role`). */
export const REF = {
  NAME: 0,
  /** The size/type word: a PTR's target, a FUNC's prototype, a FUNC_PROTO's return type, ... */
  TYPE: 1,
  ELEM_TYPE: 2,
  INDEX_TYPE: 3,
  ELEM_NAME: 4,
  /** A member's, parameter's or variable's type. */
  PART_TYPE: 5
} as const

/** "name", "member 3 type", "return type": a reference's place, for messages. */
export function refLabel(kind: number, role: number, elem: number): string {
  switch (role) {
    case REF.NAME:
      return 'name'
    case REF.TYPE:
      return kind === KIND.FUNC_PROTO ? 'return type' : 'type'
    case REF.ELEM_TYPE:
      return 'element type'
    case REF.INDEX_TYPE:
      return 'index type'
    case REF.ELEM_NAME:
      return `name of ${elementNoun(kind)} ${elem + 1}`
    default:
      return `${elementNoun(kind)} ${elem + 1} type`
  }
}

/**
 * Calls `visit` for every name offset and type id in the record of `id`, with its role (REF)
 * and, for vlen elements, the element index; `word` is its index in holder(id).words. Unknown
 * kinds (skipped by layout) yield only their name.
 */
export function forEachRef(
  btf: Btf,
  id: number,
  visit: (value: number, role: number, elem: number, word: number) => void
): void {
  const h = btf.holder(id)
  if (!h) return
  const w = h.recs[id - h.firstId]!
  const words = h.words
  visit(words[w]!, REF.NAME, -1, w)
  const info = words[w + 1]!
  const kind = (info >>> 24) & h.encoding.kindMask
  const k = KINDS[kind]
  if (!k) return
  if (k.third === 'type') visit(words[w + 2]!, REF.TYPE, -1, w + 2)
  // ARRAY's btf_array: element type, then index type.
  for (const i of k.infoIds) visit(words[w + 3 + i]!, i === 0 ? REF.ELEM_TYPE : REF.INDEX_TYPE, -1, w + 3 + i)
  if (!k.elemBytes) return
  const vlen = info & h.encoding.vlenMask
  const ew = k.elemBytes >>> 2
  const start = w + 3 + (k.infoBytes >>> 2)
  const name = k.elemNames.length ? k.elemNames[0]! : -1
  const type = k.elemIds.length ? k.elemIds[0]! : -1
  for (let e = 0; e < vlen; e++) {
    const eb = start + e * ew
    if (name >= 0) visit(words[eb + name]!, REF.ELEM_NAME, e, eb + name)
    if (type >= 0) visit(words[eb + type]!, REF.PART_TYPE, e, eb + type)
  }
}

export function elementNoun(kind: number): string {
  switch (kind) {
    case KIND.STRUCT:
    case KIND.UNION:
      return 'member'
    case KIND.FUNC_PROTO:
      return 'parameter'
    case KIND.DATASEC:
      return 'variable'
    default:
      return 'value'
  }
}

/** The header of BTF bytes for the start of a report; undefined when it is not BTF. */
export function sniffHeader(bytes: Uint8Array): BtfHeader | undefined {
  try {
    return parseHeader(bytes, '').header
  } catch {
    return undefined
  }
}
