import type { Rng } from './rng.ts'

/**
 * Mutators. Binary inputs get AFL-style stacked "havoc" edits plus, when the seed comes with a
 * map of its header fields (ELF headers, section headers, symbols, BTF header and records),
 * boundary values written straight into those fields: random flips rarely reach the one u16
 * that is e_shnum. Text inputs get line-level edits and hostile tokens; JSON inputs get edits
 * of the parsed tree (wrong types, huge numbers and strings, deep nesting, many elements).
 */

/** A field of a seed worth hitting with boundary values. */
export interface Field {
  offset: number
  width: 1 | 2 | 4 | 8
  le: boolean
}

export interface Seed {
  name: string
  bytes: Uint8Array
  fields?: readonly Field[]
  /** How often this seed is picked relative to others (default 1): large seeds rarely. */
  weight?: number
  /** Taken from a real kernel file (not made by the harness). */
  real?: boolean
}

export type MutationKind = 'bytes' | 'text' | 'json'

const INTERESTING_8 = [0, 1, 0x7f, 0x80, 0xff, 0x10, 0x20, 0x40, 0xfe]
const INTERESTING_16 = [0, 1, 0xff, 0x100, 0x7fff, 0x8000, 0xfffe, 0xffff, 0x3fff]
const INTERESTING_32 = [
  0, 1, 0xfff, 0x1000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff, 0x10000, 0x40000000
]
const INTERESTING_64: readonly bigint[] = [
  0n,
  1n,
  0x7fffffffn,
  0x80000000n,
  0xffffffffn,
  0x100000000n,
  0x1fffffffffffffn,
  0x20000000000000n,
  0x7fffffffffffffffn,
  0x8000000000000000n,
  0xffffffffffffffffn,
  0xffffffff80000000n
]

function readField(b: Uint8Array, f: Field): bigint {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength)
  switch (f.width) {
    case 1:
      return BigInt(b[f.offset]!)
    case 2:
      return BigInt(dv.getUint16(f.offset, f.le))
    case 4:
      return BigInt(dv.getUint32(f.offset, f.le))
    case 8:
      return dv.getBigUint64(f.offset, f.le)
  }
}

function writeField(b: Uint8Array, f: Field, v: bigint): void {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength)
  const bits = BigInt(f.width * 8)
  const x = BigInt.asUintN(Number(bits), v)
  switch (f.width) {
    case 1:
      b[f.offset] = Number(x)
      return
    case 2:
      dv.setUint16(f.offset, Number(x), f.le)
      return
    case 4:
      dv.setUint32(f.offset, Number(x), f.le)
      return
    case 8:
      dv.setBigUint64(f.offset, x, f.le)
  }
}

function interestingFor(width: Field['width'], rng: Rng): bigint {
  switch (width) {
    case 1:
      return BigInt(rng.pick(INTERESTING_8))
    case 2:
      return BigInt(rng.pick(INTERESTING_16))
    case 4:
      return BigInt(rng.pick(INTERESTING_32))
    case 8:
      return rng.pick(INTERESTING_64)
  }
}

/** A boundary value, an off-by-a-little value or a random one, written into a known field. */
function mutateField(b: Uint8Array, f: Field, rng: Rng): void {
  if (f.offset + f.width > b.length) return
  const cur = readField(b, f)
  const r = rng.int(6)
  let v: bigint
  if (r === 0) v = cur + BigInt(rng.range(1, 35))
  else if (r === 1) v = cur - BigInt(rng.range(1, 35))
  else if (r === 2) v = BigInt(rng.next()) | (f.width === 8 ? BigInt(rng.next()) << 32n : 0n)
  else if (r === 3) v = cur ^ (1n << BigInt(rng.int(f.width * 8)))
  else v = interestingFor(f.width, rng)
  writeField(b, f, v)
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0
  for (const p of parts) n += p.length
  const out = new Uint8Array(n)
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

/** A block length, mostly short. */
function blockLen(rng: Rng, max: number): number {
  if (max <= 0) return 0
  return Math.min(max, rng.chance(0.8) ? rng.range(1, 32) : rng.small(max))
}

/** One havoc edit of a copy; returns the (possibly new) buffer. */
function havocOnce(b: Uint8Array, rng: Rng, others: readonly Seed[], maxLen: number): Uint8Array {
  const n = b.length
  const op = n === 0 ? 9 : rng.int(14)
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength)
  switch (op) {
    case 0: {
      const i = rng.int(n)
      b[i] = b[i]! ^ (1 << rng.int(8))
      return b
    }
    case 1:
      b[rng.int(n)] = rng.pick(INTERESTING_8)
      return b
    case 2:
      if (n >= 2) dv.setUint16(rng.int(n - 1), rng.pick(INTERESTING_16), rng.chance(0.5))
      return b
    case 3:
      if (n >= 4) dv.setUint32(rng.int(n - 3), rng.pick(INTERESTING_32), rng.chance(0.5))
      return b
    case 4:
      if (n >= 8) dv.setBigUint64(rng.int(n - 7), rng.pick(INTERESTING_64), rng.chance(0.5))
      return b
    case 5: {
      if (n >= 4) {
        const at = rng.int(n - 3)
        const le = rng.chance(0.5)
        dv.setUint32(at, (dv.getUint32(at, le) + rng.range(-35, 35)) >>> 0, le)
      }
      return b
    }
    case 6:
      b[rng.int(n)] = rng.next() & 0xff
      return b
    case 7: {
      // Delete a block.
      const len = blockLen(rng, n - 1)
      const at = rng.int(n - len + 1)
      return concat([b.subarray(0, at), b.subarray(at + len)])
    }
    case 8: {
      // Duplicate a block in place.
      if (n >= maxLen) return b
      const len = Math.min(blockLen(rng, n), maxLen - n)
      const from = rng.int(n - len + 1)
      const at = rng.int(n + 1)
      return concat([b.subarray(0, at), b.slice(from, from + len), b.subarray(at)])
    }
    case 9: {
      // Insert random or constant bytes.
      if (n >= maxLen) return b
      const len = Math.min(blockLen(rng, 256), maxLen - n)
      const ins = new Uint8Array(len)
      if (rng.chance(0.5)) ins.fill(rng.pick(INTERESTING_8))
      else for (let i = 0; i < len; i++) ins[i] = rng.next() & 0xff
      const at = rng.int(n + 1)
      return concat([b.subarray(0, at), ins, b.subarray(at)])
    }
    case 10: {
      // Overwrite a block with a copy of another part.
      const len = blockLen(rng, n)
      const from = rng.int(n - len + 1)
      const to = rng.int(n - len + 1)
      b.copyWithin(to, from, from + len)
      return b
    }
    case 11: {
      // Overwrite a block with bytes of another seed.
      const o = others.length ? rng.pick(others).bytes : b
      if (!o.length) return b
      const len = Math.min(blockLen(rng, o.length), n)
      const from = rng.int(o.length - len + 1)
      b.set(o.subarray(from, from + len), rng.int(n - len + 1))
      return b
    }
    case 12:
      // Truncate.
      return b.subarray(0, rng.int(n))
    default: {
      // Fill a block with one value.
      const len = blockLen(rng, n)
      const at = rng.int(n - len + 1)
      b.fill(rng.pick(INTERESTING_8), at, at + len)
      return b
    }
  }
}

/** Stacked havoc edits, with field edits when the seed has a field map. */
export function mutateBytes(seed: Seed, rng: Rng, others: readonly Seed[], maxLen = 64 << 20): Uint8Array {
  let b: Uint8Array = seed.bytes.slice()
  const fields = seed.fields
  const edits = rng.small(16)
  for (let i = 0; i < edits; i++) {
    if (fields?.length && rng.chance(0.6)) mutateField(b, rng.pick(fields), rng)
    else b = havocOnce(b, rng, others, maxLen)
  }
  if (rng.chance(0.05) && others.length) {
    // Splice: head of this, tail of another.
    const o = rng.pick(others).bytes
    b = concat([b.subarray(0, rng.int(b.length + 1)), o.subarray(rng.int(o.length + 1))])
  }
  return b
}

// ---- text ----

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1')
const fromLatin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'))
/** UTF-8 text as a latin1 string, so the text mutator keeps every byte as it is. */
const utf8AsLatin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1')

const HOSTILE_TOKENS = [
  '',
  ' ',
  '\t',
  '\r',
  '\0',
  '\n\n',
  '=',
  '#',
  '[',
  ']',
  '[abi_symbol_list]',
  '0x',
  '0x' + 'f'.repeat(17),
  'f'.repeat(16),
  'ffffffffffffffff',
  '-1',
  '-0',
  '4294967296',
  '9'.repeat(40),
  '1e999',
  'NaN',
  'Infinity',
  '__proto__',
  'constructor',
  'toString',
  'a'.repeat(4097),
  'EXPORT_SYMBOL',
  'EXPORT_SYMBOL_GPL',
  'vmlinux',
  'module:',
  '.o',
  '.ko',
  '../../../../etc/passwd',
  '/etc/shadow',
  'y',
  'm',
  'n',
  '"',
  '\\',
  '$',
  '.L',
  '*',
  '\\(\\)*',
  '(a*)*b',
  '[[:alpha:]]',
  'é',
  '\u{1F600}',
  '\uFFFD',
  '\u202E'
].map(utf8AsLatin1)

interface Line {
  text: string
  end: string
}

function splitLines(s: string): Line[] {
  const out: Line[] = []
  let start = 0
  while (start < s.length) {
    const nl = s.indexOf('\n', start)
    if (nl < 0) {
      out.push({ text: s.slice(start), end: '' })
      break
    }
    out.push({ text: s.slice(start, nl), end: '\n' })
    start = nl + 1
  }
  return out
}

function joinLines(lines: readonly Line[]): string {
  let s = ''
  for (const l of lines) s += l.text + l.end
  return s
}

/** Splits a line into words and the separators between them (tabs, spaces, '=', ','). */
function tokens(line: string): string[] {
  return line.split(/([\t =,:.]+)/)
}

function textOnce(lines: Line[], rng: Rng, others: readonly Seed[], maxLines: number): Line[] {
  const n = lines.length
  const op = n === 0 ? 4 : rng.int(11)
  const i = rng.int(n)
  switch (op) {
    case 0:
      lines.splice(i, 1)
      return lines
    case 1:
      if (n < maxLines) lines.splice(rng.int(n + 1), 0, { ...lines[i]! })
      return lines
    case 2: {
      const j = rng.int(n)
      const t = lines[i]!
      lines[i] = lines[j]!
      lines[j] = t
      return lines
    }
    case 3: {
      // Replace a word with a hostile token or a word of another line.
      const l = lines[i]!
      const w = tokens(l.text)
      const k = rng.int(w.length)
      w[k] = rng.chance(0.7) ? rng.pick(HOSTILE_TOKENS) : rng.pick(tokens(lines[rng.int(n)]!.text))
      l.text = w.join('')
      return lines
    }
    case 4: {
      // Insert a line of another seed (or a hostile token).
      const src = others.length ? splitLines(latin1(rng.pick(others).bytes)) : []
      const add =
        src.length && rng.chance(0.7) ? { ...rng.pick(src) } : { text: rng.pick(HOSTILE_TOKENS), end: '\n' }
      if (n < maxLines) lines.splice(rng.int(n + 1), 0, add)
      return lines
    }
    case 5: {
      // Insert a hostile token inside a line.
      const l = lines[i]!
      const at = rng.int(l.text.length + 1)
      l.text = l.text.slice(0, at) + rng.pick(HOSTILE_TOKENS) + l.text.slice(at)
      return lines
    }
    case 6: {
      // Change a line ending: CRLF, lone CR, none.
      lines[i]!.end = rng.pick(['\r\n', '\r', '', '\n', '\n\n'])
      return lines
    }
    case 7: {
      // Repeat a line many times (counts, duplicates, quadratic paths).
      const times = Math.min(maxLines - n, rng.small(5000))
      const copies: Line[] = []
      for (let k = 0; k < times; k++) copies.push({ ...lines[i]! })
      lines.splice(i, 0, ...copies)
      return lines
    }
    case 8: {
      // Truncate inside a line.
      const l = lines[i]!
      l.text = l.text.slice(0, rng.int(l.text.length + 1))
      l.end = ''
      return lines.slice(0, i + 1)
    }
    case 9: {
      // Change a digit or a hex digit.
      const l = lines[i]!
      const at = l.text.search(/[0-9a-fA-F]/)
      if (at >= 0) {
        const p = at + rng.int(Math.min(16, l.text.length - at))
        l.text = l.text.slice(0, p) + rng.pick([...'0123456789abcdefgxX-+ ']) + l.text.slice(p + 1)
      }
      return lines
    }
    default: {
      // Leading or trailing whitespace.
      const l = lines[i]!
      if (rng.chance(0.5)) l.text = rng.pick(['  ', '\t', ' ']) + l.text
      else l.text += rng.pick([' ', '\t', '\r', '  '])
      return lines
    }
  }
}

export function mutateText(seed: Seed, rng: Rng, others: readonly Seed[], maxLines = 200_000): Uint8Array {
  if (rng.chance(0.1)) return mutateBytes(seed, rng, others)
  let lines = splitLines(latin1(seed.bytes))
  const edits = rng.small(8)
  for (let k = 0; k < edits; k++) lines = textOnce(lines, rng, others, maxLines)
  return fromLatin1(joinLines(lines))
}

// ---- JSON ----

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

function deepArray(depth: number): Json {
  let v: Json = 0
  for (let i = 0; i < depth; i++) v = [v]
  return v
}

function hostileJson(rng: Rng): Json {
  return rng.pick<() => Json>([
    () => null,
    () => true,
    () => 0,
    () => -1,
    () => 1.5,
    () => 2 ** 53 + 2,
    () => -(2 ** 31),
    () => 2 ** 32,
    () => 1e308,
    () => '',
    () => 'x'.repeat(rng.small(100_000)),
    () => '../../../etc/shadow',
    () => '<!-- kbuild-review:section key=a status=pass errors=0 warnings=0 notices=0 -->',
    () => '|`*_[]()<>&\n\r\u0000',
    () => [],
    () => ({}),
    () => JSON.parse('{"__proto__":1,"constructor":"x","toString":0}') as Json,
    () => deepArray(rng.small(5000)),
    () => Array.from({ length: rng.small(20_000) }, (_, i) => i)
  ])()
}

interface Slot {
  get(): Json
  set(v: Json): void
  remove(): void
}

function slots(root: { v: Json }): Slot[] {
  const out: Slot[] = []
  const walk = (getParent: () => Json, key: string | number | null, depth: number) => {
    const parent = getParent()
    const get = key === null ? () => root.v : () => (parent as Record<string | number, Json>)[key]!
    const v = get()
    out.push({
      get,
      set: nv => {
        if (key === null) root.v = nv
        else (parent as Record<string | number, Json>)[key] = nv
      },
      remove: () => {
        if (key === null) return
        if (Array.isArray(parent)) parent.splice(key as number, 1)
        else delete (parent as Record<string, Json>)[key as string]
      }
    })
    if (depth > 40 || out.length > 20_000) return
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) walk(() => v, i, depth + 1)
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) walk(() => v, k, depth + 1)
  }
  walk(() => root.v, null, 0)
  return out
}

function jsonOnce(root: { v: Json }, rng: Rng): void {
  const all = slots(root)
  const s = rng.pick(all)
  const v = s.get()
  switch (rng.int(8)) {
    case 0:
    case 1:
      s.set(hostileJson(rng))
      return
    case 2:
      s.remove()
      return
    case 3:
      // Same type, other value.
      if (typeof v === 'number') s.set(rng.pick([0, -1, v + 1, v * 1000, -v, 0.5, 2 ** 40]))
      else if (typeof v === 'string') s.set(rng.pick(['', v + v, v.slice(1), v.toUpperCase(), v + '\n']))
      else s.set(hostileJson(rng))
      return
    case 4:
      // Many copies of an array element.
      if (Array.isArray(v) && v.length) {
        const e = v[rng.int(v.length)]!
        for (let i = rng.small(2000); i > 0; i--) v.push(e)
      } else s.set(hostileJson(rng))
      return
    case 5:
      // Another node's value here (a copy; too deep to copy: a hostile value instead).
      try {
        s.set(structuredClone(rng.pick(all).get()))
      } catch {
        s.set(hostileJson(rng))
      }
      return
    case 6:
      // Extra key.
      if (v && typeof v === 'object' && !Array.isArray(v))
        v[rng.pick(['extra', 'status', 'severity', 'modules', '__proto__'])] = hostileJson(rng)
      else s.set(hostileJson(rng))
      return
    default:
      // Number as a string, string as a number.
      if (typeof v === 'number') s.set(String(v))
      else if (typeof v === 'string') s.set(Number(v) || v.length)
      else s.set(hostileJson(rng))
  }
}

const MAX_JSON_NODES = 2_000_000

/** The nodes JSON.stringify would write for `v`, shared subtrees counted each time; stops past `limit`. */
function expandedNodes(v: Json, limit: number, seen = new Map<object, number>()): number {
  if (!v || typeof v !== 'object') return 1
  const known = seen.get(v)
  if (known !== undefined) return known
  seen.set(v, limit + 1) // a cycle counts as too large
  let n = 1
  for (const c of Array.isArray(v) ? v : Object.values(v)) {
    n += expandedNodes(c as Json, limit, seen)
    if (n > limit) break
  }
  seen.set(v, n)
  return n
}

export function mutateJson(seed: Seed, rng: Rng, others: readonly Seed[]): Uint8Array {
  if (rng.chance(0.1)) return mutateText(seed, rng, others)
  let root: { v: Json }
  try {
    root = { v: JSON.parse(Buffer.from(seed.bytes).toString('utf8')) as Json }
  } catch {
    return mutateText(seed, rng, others)
  }
  const edits = rng.small(6)
  for (let k = 0; k < edits; k++) jsonOnce(root, rng)
  // Copies are shared references: an array given 2,000 copies of an element whose own array was
  // given 2,000 more stringifies to millions of nodes (exponential over the edits; rng seed
  // 1,787,684 of `snapshot` ran for 16 minutes in JSON.stringify). Too large: text edits instead.
  if (expandedNodes(root.v, MAX_JSON_NODES) > MAX_JSON_NODES) return mutateText(seed, rng, others)
  let text: string
  try {
    text = JSON.stringify(root.v) ?? 'null'
  } catch {
    // Nested deeper than JSON.stringify's stack: the text mutator instead.
    return mutateText(seed, rng, others)
  }
  return new Uint8Array(Buffer.from(text, 'utf8'))
}

export function mutate(kind: MutationKind, seed: Seed, rng: Rng, others: readonly Seed[]): Uint8Array {
  switch (kind) {
    case 'bytes':
      return mutateBytes(seed, rng, others)
    case 'text':
      return mutateText(seed, rng, others)
    case 'json':
      return mutateJson(seed, rng, others)
  }
}
