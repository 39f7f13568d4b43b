import { InputError } from '../model/errors.ts'

/** One line of a System.map or a link pass's .syms file: `nm -n` output after mksysmap. */
export interface MapSymbol {
  addr: bigint
  /** nm's one-letter class. */
  type: string
  name: string
}

export interface SymbolMap {
  file: string
  /** Number of lines. */
  count: number
  /** The lines as objects, made on first use: verifying a table needs only `packed`. */
  readonly symbols: MapSymbol[]
  packed: PackedMap
  /** Hex digits of the addresses as written: 16 on 64-bit kernels, 8 on 32-bit. 0 when empty. */
  width: number
}

/** The lines of a map as columns over its text. */
export interface PackedMap {
  text: string
  /** Address of each line as (low, high) 32-bit words, as PackedEntries holds a table's. */
  words: Uint32Array
  /** Char code of each line's type letter. */
  types: Uint16Array
  /** Each line's name is text.slice(nameStart[i], nameEnd[i]). */
  nameStart: Uint32Array
  nameEnd: Uint32Array
}

/**
 * Parses System.map / .tmp_vmlinuxN.syms text. The format is nm's `%0*lx %c %s`; the step-0
 * map of 6.11+ is empty. Any other line shape is an error naming its line, since kallsyms.c
 * itself stops at a malformed line ("line format error", scripts/kallsyms.c read_symbol).
 */
export function parseSystemMap(text: string, file: string): SymbolMap {
  let lines = 1
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++
  const words = new Uint32Array(2 * lines)
  const types = new Uint16Array(lines)
  const nameStart = new Uint32Array(lines)
  const nameEnd = new Uint32Array(lines)
  let n = 0
  let width = 0
  let line = 0
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    line++
    const from = start
    start = end + 1
    if (from === end) {
      if (start >= text.length) break
      throw new InputError('bad-value', file, `line ${line} is empty`)
    }
    let sp1 = text.indexOf(' ', from)
    if (sp1 < 0 || sp1 >= end) sp1 = end
    const digits = sp1 - from
    if (digits <= 0 || digits > 16 || sp1 + 2 >= end || text.charCodeAt(sp1 + 2) !== 32 || sp1 + 3 >= end) {
      throw new InputError('bad-value', file, `line ${line} is not "<address> <type> <name>": ${JSON.stringify(text.slice(from, Math.min(end, from + 80)))}`)
    }
    // Up to 16 hex digits: the last 8 are the low half, any before them the high half.
    let hi = 0
    let lo = 0
    for (let i = from; i < sp1; i++) {
      const c = text.charCodeAt(i)
      const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1
      if (d < 0) throw new InputError('bad-value', file, `line ${line}: address ${JSON.stringify(text.slice(from, sp1))} is not hexadecimal`)
      if (sp1 - i > 8) hi = hi * 16 + d
      else lo = lo * 16 + d
    }
    if (width === 0) width = digits
    words[2 * n] = lo
    words[2 * n + 1] = hi
    types[n] = text.charCodeAt(sp1 + 1)
    nameStart[n] = sp1 + 3
    nameEnd[n] = end
    n++
  }
  const packed: PackedMap = { text, words, types, nameStart, nameEnd }
  let symbols: MapSymbol[] | null = null
  return {
    file,
    count: n,
    packed,
    width,
    get symbols(): MapSymbol[] {
      symbols ??= unpackMap(packed, n)
      return symbols
    }
  }
}

function unpackMap(p: PackedMap, n: number): MapSymbol[] {
  const out: MapSymbol[] = new Array(n)
  // Addresses of one kernel share their upper half: its BigInt is made once per change.
  let lastHigh = -1
  let highBig = 0n
  for (let i = 0; i < n; i++) {
    const hi = p.words[2 * i + 1]!
    if (hi !== lastHigh) {
      lastHigh = hi
      highBig = BigInt(hi) << 32n
    }
    out[i] = { addr: highBig | BigInt(p.words[2 * i]!), type: String.fromCharCode(p.types[i]!), name: p.text.slice(p.nameStart[i]!, p.nameEnd[i]!) }
  }
  return out
}

/** One System.map line, as nm prints it (zero-padded to `width` hex digits). */
export function formatMapLine(sym: MapSymbol, width: number): string {
  return `${sym.addr.toString(16).padStart(width, '0')} ${sym.type} ${sym.name}`
}

export function formatSystemMap(symbols: readonly MapSymbol[], width: number): string {
  let out = ''
  for (const s of symbols) out += formatMapLine(s, width) + '\n'
  return out
}

/** `0x` + the address padded to the map's width, for messages. */
export function hexAddr(addr: bigint, width = 16): string {
  return '0x' + addr.toString(16).padStart(width, '0')
}
