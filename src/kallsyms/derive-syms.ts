import type { ElfFile } from '../elf/elf.ts'
import { nmListed, nmTypeLetter, nmValue } from '../elf/nm.ts'
import { KALLSYMS_TABLE_SYMBOLS, keepsLine, type MksysmapFilter } from './mksysmap.ts'
import type { MapSymbol } from './system-map.ts'

/**
 * What `nm -n <elf> | mksysmap` prints: the .syms of a link pass whose file the build did not
 * keep, or System.map of a vmlinux. GNU nm -n orders by value, then by name (strcoll, and
 * Kbuild exports LC_COLLATE=C, so bytewise); it lists neither section nor file symbols.
 */
export function deriveSyms(elf: ElfFile, filter: MksysmapFilter): MapSymbol[] {
  const width = elf.is64 ? 16 : 8
  const rows: MapSymbol[] = []
  for (const sym of elf.symbols()) {
    if (!nmListed(sym)) continue
    rows.push({ addr: nmValue(elf, sym), type: nmTypeLetter(elf, sym), name: sym.name })
  }
  rows.sort(nmNumericOrder)
  const drop = filter.dropsKallsymsObjectSymbols ? new Set(KALLSYMS_TABLE_SYMBOLS) : null
  return rows.filter(s => (!drop || !drop.has(s.name)) && keepsLine(filter, `${s.addr.toString(16).padStart(width, '0')} ${s.type} ${s.name}`))
}

/** binutils nm.c numeric_forward: undefined first, then value, then non_numeric_forward (name). */
function nmNumericOrder(a: MapSymbol, b: MapSymbol): number {
  const au = a.type === 'U' || a.type === 'w' || a.type === 'v'
  const bu = b.type === 'U' || b.type === 'w' || b.type === 'v'
  if (au !== bu) return au ? -1 : 1
  if (!au && a.addr !== b.addr) return a.addr < b.addr ? -1 : 1
  if (a.name === b.name) return 0
  if (a.name === '') return -1
  if (b.name === '') return 1
  return a.name < b.name ? -1 : 1
}
