import { InputError } from '../model/errors.ts'
import type { ExportedSymbol } from './model.ts'

export interface SymversRow extends ExportedSymbol {
  /** 1-based line in the file. */
  line: number
}

/**
 * Module.symvers, vmlinux.symvers, modules-only.symvers: one export a line,
 * `0x%08x\t<symbol>\t<module>\tEXPORT_SYMBOL[_GPL]\t<namespace>` (scripts/mod/modpost.c
 * write_dump). Parsed as read_dump does: four tabs split five fields, the CRC is hex with an
 * optional 0x, anything else is a parse error (modpost stops with "parse error in symbol dump
 * file"). The namespace is the rest of the line, so 7.x `module:a,b` namespaces pass through.
 */
export function parseSymvers(text: string, file: string): SymversRow[] {
  const rows: SymversRow[] = []
  const lines = text.split('\n')
  // A final newline leaves one empty piece; modpost's get_line stops there too.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const n = i + 1
    const f = splitFields(line)
    if (!f) throw new InputError('bad-value', file, `line ${n}: expected 5 tab-separated fields (crc, symbol, module, export type, namespace)`)
    const [crcText, symbol, module, kind, namespace] = f
    if (!/^(0[xX])?[0-9a-fA-F]{1,8}$/.test(crcText)) throw new InputError('bad-value', file, `line ${n}: CRC "${crcText}" is not a 32-bit hex number`)
    if (symbol === '' || module === '') throw new InputError('bad-value', file, `line ${n}: empty symbol or module name`)
    let gplOnly: boolean
    if (kind === 'EXPORT_SYMBOL_GPL') gplOnly = true
    else if (kind === 'EXPORT_SYMBOL') gplOnly = false
    else throw new InputError('bad-value', file, `line ${n}: unknown export type "${kind}" (modpost skips such lines with an error)`)
    rows.push({ symbol, module, gplOnly, namespace, crc: Number.parseInt(crcText, 16), line: n })
  }
  return rows
}

function splitFields(line: string): [string, string, string, string, string] | null {
  const a = line.indexOf('\t')
  if (a < 0) return null
  const b = line.indexOf('\t', a + 1)
  if (b < 0) return null
  const c = line.indexOf('\t', b + 1)
  if (c < 0) return null
  const d = line.indexOf('\t', c + 1)
  if (d < 0) return null
  return [line.slice(0, a), line.slice(a + 1, b), line.slice(b + 1, c), line.slice(c + 1, d), line.slice(d + 1)]
}

/**
 * Rows as ExportedSymbols. Without MODVERSIONS modpost writes CRC 0 for every export; those
 * carry crc null so that nothing compares them.
 */
export function symversExports(rows: readonly SymversRow[], modversions: boolean): ExportedSymbol[] {
  return rows.map(r => ({ symbol: r.symbol, module: r.module, gplOnly: r.gplOnly, namespace: r.namespace, crc: modversions ? r.crc : null }))
}
