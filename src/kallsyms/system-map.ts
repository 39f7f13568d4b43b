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
  symbols: MapSymbol[]
  /** Hex digits of the addresses as written: 16 on 64-bit kernels, 8 on 32-bit. 0 when empty. */
  width: number
}

/**
 * Parses System.map / .tmp_vmlinuxN.syms text. The format is nm's `%0*lx %c %s`; the step-0
 * map of 6.11+ is empty. Any other line shape is an error naming its line, since kallsyms.c
 * itself stops at a malformed line ("line format error", scripts/kallsyms.c read_symbol).
 */
export function parseSystemMap(text: string, file: string): SymbolMap {
  const symbols: MapSymbol[] = []
  let width = 0
  let line = 0
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    line++
    const s = text.slice(start, end)
    start = end + 1
    if (s === '') {
      if (start >= text.length) break
      throw new InputError('bad-value', file, `line ${line} is empty`)
    }
    const sp1 = s.indexOf(' ')
    if (sp1 <= 0 || sp1 > 16 || s.charCodeAt(sp1 + 2) !== 32 || sp1 + 3 >= s.length) {
      throw new InputError('bad-value', file, `line ${line} is not "<address> <type> <name>": ${JSON.stringify(s.slice(0, 80))}`)
    }
    const hex = s.slice(0, sp1)
    if (!/^[0-9a-fA-F]+$/.test(hex)) throw new InputError('bad-value', file, `line ${line}: address ${JSON.stringify(hex)} is not hexadecimal`)
    if (width === 0) width = hex.length
    symbols.push({ addr: BigInt('0x' + hex), type: s.charAt(sp1 + 1), name: s.slice(sp1 + 3) })
  }
  return { file, symbols, width }
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
