// A small BTF writer for tests: base or split BTF with any record, valid or not, in either
// byte order and with the 24-byte or the 32-byte (layout) header.
import { KIND } from '../../src/btf/kinds.ts'

export interface BaseShape {
  /** One past the base's last type id (vmlinux: count + 1). */
  endId: number
  /** Length of the base's string section. */
  strLen: number
}

export interface BuildOptions {
  bigEndian?: boolean
  /** 32 to write layout_off/layout_len; larger values pad the header with `headerPad`. */
  hdrLen?: number
  headerPad?: number
  /** Layout section entries [infoBytes, elemBytes] by kind. */
  layout?: Array<[number, number]>
  version?: number
  flags?: number
  magic?: number
}

export class BtfBuilder {
  private readonly words: number[] = []
  private readonly strs: number[]
  private readonly strIndex = new Map<string, number>()
  private readonly firstId: number
  private readonly strBase: number
  private count = 0

  constructor(base?: BaseShape) {
    this.firstId = base ? base.endId : 1
    this.strBase = base ? base.strLen : 0
    this.strs = base ? [] : [0]
    if (!base) this.strIndex.set('', 0)
  }

  /** Offset of a string (added once). '' is offset 0 (the base's empty string for split BTF). */
  str(s: string): number {
    if (s === '') return 0
    const known = this.strIndex.get(s)
    if (known !== undefined) return known
    const off = this.strBase + this.strs.length
    for (const b of Buffer.from(s, 'latin1')) this.strs.push(b)
    this.strs.push(0)
    this.strIndex.set(s, off)
    return off
  }

  /** Appends raw bytes to the string section (no NUL added), returning their offset. */
  rawStr(bytes: number[]): number {
    const off = this.strBase + this.strs.length
    this.strs.push(...bytes)
    return off
  }

  get nextId(): number {
    return this.firstId + this.count
  }

  /** Any record: name, kind, vlen, kflag, size/type, then the trailing words. */
  record(
    name: string | number,
    kind: number,
    vlen: number,
    third: number,
    rest: number[] = [],
    kflag = false
  ): number {
    const nameOff = typeof name === 'number' ? name : this.str(name)
    const info = ((kflag ? 1 : 0) << 31) | (kind << 24) | vlen
    this.words.push(nameOff >>> 0, info >>> 0, third >>> 0, ...rest.map(w => w >>> 0))
    return this.firstId + this.count++
  }

  int(name: string, size: number, bits = size * 8, encoding = 0, offset = 0): number {
    return this.record(name, KIND.INT, 0, size, [(encoding << 24) | (offset << 16) | bits])
  }
  ptr(type: number): number {
    return this.record('', KIND.PTR, 0, type)
  }
  array(elem: number, index: number, n: number): number {
    return this.record('', KIND.ARRAY, 0, 0, [elem, index, n])
  }
  struct(
    name: string,
    size: number,
    members: Array<[string, number, number]>,
    union = false,
    kflag = false
  ): number {
    const rest = members.flatMap(([n, t, off]) => [this.str(n), t, off])
    return this.record(name, union ? KIND.UNION : KIND.STRUCT, members.length, size, rest, kflag)
  }
  enumeration(name: string, size: number, values: Array<[string, number]>, signed = false): number {
    return this.record(
      name,
      KIND.ENUM,
      values.length,
      size,
      values.flatMap(([n, v]) => [this.str(n), v]),
      signed
    )
  }
  enum64(name: string, size: number, values: Array<[string, bigint]>): number {
    const rest = values.flatMap(([n, v]) => [this.str(n), Number(v & 0xffffffffn), Number(v >> 32n)])
    return this.record(name, KIND.ENUM64, values.length, size, rest)
  }
  fwd(name: string, union = false): number {
    return this.record(name, KIND.FWD, 0, 0, [], union)
  }
  typedef(name: string, type: number): number {
    return this.record(name, KIND.TYPEDEF, 0, type)
  }
  qualifier(kind: 'const' | 'volatile' | 'restrict', type: number): number {
    return this.record(
      '',
      kind === 'const' ? KIND.CONST : kind === 'volatile' ? KIND.VOLATILE : KIND.RESTRICT,
      0,
      type
    )
  }
  typeTag(name: string, type: number, kflag = false): number {
    return this.record(name, KIND.TYPE_TAG, 0, type, [], kflag)
  }
  proto(ret: number, params: Array<[string, number]>): number {
    return this.record(
      '',
      KIND.FUNC_PROTO,
      params.length,
      ret,
      params.flatMap(([n, t]) => [this.str(n), t])
    )
  }
  func(name: string, proto: number, linkage = 1): number {
    return this.record(name, KIND.FUNC, linkage, proto)
  }
  variable(name: string, type: number, linkage = 1): number {
    return this.record(name, KIND.VAR, 0, type, [linkage])
  }
  datasec(name: string, size: number, vars: Array<[number, number, number]>): number {
    return this.record(name, KIND.DATASEC, vars.length, size, vars.flat())
  }
  float(name: string, size: number): number {
    return this.record(name, KIND.FLOAT, 0, size)
  }
  declTag(name: string, type: number, component = -1): number {
    return this.record(name, KIND.DECL_TAG, 0, type, [component])
  }

  build(opts: BuildOptions = {}): Uint8Array {
    const le = !opts.bigEndian
    const hdrLen = opts.hdrLen ?? 24
    const types = this.words.length * 4
    const layoutBytes = (opts.layout?.length ?? 0) * 4
    const strLen = this.strs.length
    const total = hdrLen + types + strLen + layoutBytes
    const buf = new Uint8Array(total)
    const dv = new DataView(buf.buffer)
    dv.setUint16(0, opts.magic ?? 0xeb9f, le)
    dv.setUint8(2, opts.version ?? 1)
    dv.setUint8(3, opts.flags ?? 0)
    dv.setUint32(4, hdrLen, le)
    dv.setUint32(8, 0, le)
    dv.setUint32(12, types, le)
    dv.setUint32(16, types, le)
    dv.setUint32(20, strLen, le)
    if (hdrLen >= 32) {
      dv.setUint32(24, layoutBytes ? types + strLen : 0, le)
      dv.setUint32(28, layoutBytes, le)
    }
    for (let o = hdrLen >= 32 ? 32 : 24; o < hdrLen; o++) buf[o] = opts.headerPad ?? 0
    this.words.forEach((w, i) => dv.setUint32(hdrLen + i * 4, w, le))
    buf.set(this.strs, hdrLen + types)
    opts.layout?.forEach(([info, elem], i) => {
      const o = hdrLen + types + strLen + i * 4
      dv.setUint8(o, info)
      dv.setUint8(o + 1, elem)
    })
    return buf
  }
}
