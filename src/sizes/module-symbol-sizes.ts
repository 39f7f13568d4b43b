import { SHN_ABS, SHN_LORESERVE, SHN_UNDEF, SHN_XINDEX, STT_FILE, STT_SECTION } from '../elf/constants.ts'
import { isAscii } from 'node:buffer'
import type { ElfFile, SymbolTable } from '../elf/elf.ts'
import { nmLetter, sectionLetters } from '../elf/nm.ts'
import { ByteSizeTable } from './byte-size-table.ts'
import { SizeTable } from './size-table.ts'
import { categoryOf, cleanName, emptyCategorySizes, type Category, type CategorySizes } from './symbol-sizes.ts'

/**
 * categorySizes(sizedSymbols(elf)) in one pass over the symbol table's bytes: the same rows
 * (`nm --size-sort` filtered as bloat-o-meter reads it), cleaned and summed per category,
 * without an object per symbol. Every module of a build goes through this.
 */
export function moduleSymbolSizes(elf: ElfFile): CategorySizes {
  const out = emptyCategorySizes()
  scanSymbolSizes(elf, (cat, name, size) => {
    const m = out[cat]
    m.set(name, (m.get(name) ?? 0) + size)
  })
  return out
}

/**
 * The same tables as moduleSymbolSizes, with positions (vmlinux's, compared with a baseline's):
 * over the name bytes when the string table is ASCII (a kernel's is), else over strings.
 */
export function symbolSizeTables(elf: ElfFile): Record<Category, SizeTable | ByteSizeTable> {
  const table = elf.symbolTable()
  if (table && isAscii(table.strings)) {
    const strings = new Uint8Array(table.strings.buffer, table.strings.byteOffset, table.strings.byteLength)
    // Most names are functions': room for half of them; the others grow from a quarter.
    const bytes = strings.length >> 1
    const names = table.count >> 1
    const out = { function: new ByteSizeTable(bytes, names), data: new ByteSizeTable(bytes >> 2, names >> 2), rodata: new ByteSizeTable(bytes >> 2, names >> 2) }
    forEachSizedRow(elf, table, (cat, nameOff, nameEnd, size) => out[cat].addRaw(strings, nameOff, nameEnd, size))
    return out
  }
  const out: Record<Category, SizeTable> = { function: new SizeTable(), data: new SizeTable(), rodata: new SizeTable() }
  scanSymbolSizes(elf, (cat, name, size) => out[cat].add(name, size))
  return out
}

/** Each row bloat-o-meter keeps: its category, cleaned name and size, in symbol table order. */
function scanSymbolSizes(elf: ElfFile, add: (cat: Category, name: string, size: number) => void): void {
  const table = elf.symbolTable()
  if (!table) return
  const text = Buffer.from(table.strings.buffer, table.strings.byteOffset, table.strings.byteLength).toString('latin1')
  // Non-ASCII names are decoded as UTF-8 (as ElfFile.symbols() does); ASCII ones are sliced.
  const ascii = !/[\x80-\xff]/.test(text)
  forEachSizedRow(elf, table, (cat, nameOff, nameEnd, size, i) => {
    let name = nameOff === 0 ? '' : ascii ? text.slice(nameOff, nameEnd) : table.name(i, nameOff)
    const at = name.indexOf('@')
    if (at >= 0) name = name.slice(0, at)
    const clean = cleanName(name)
    if (clean !== null) add(cat, clean, size)
  })
}

/**
 * The rows `nm --size-sort` prints and bloat-o-meter reads by category (no zero sizes, no
 * section, file, absolute or undefined symbols, letters of no category), read straight from
 * the entries: category, name bytes [st_name, its NUL) (0, 0 for no name), size, symbol index.
 * Every symbol's name offset is checked, kept or not.
 */
function forEachSizedRow(elf: ElfFile, table: SymbolTable, visit: (cat: Category, nameOff: number, nameEnd: number, size: number, i: number) => void): void {
  const { count, entsize, entries } = table
  // A plain view: a Buffer's indexOf goes through more JavaScript than Uint8Array's.
  const strings = new Uint8Array(table.strings.buffer, table.strings.byteOffset, table.strings.byteLength)
  const view = entries.view
  const le = elf.littleEndian
  const is64 = elf.is64
  const letters = sectionLetters(elf)
  for (let i = 1; i < count; i++) {
    const o = i * entsize
    const nameOff = view.getUint32(o, le)
    const nameEnd = nameOff === 0 ? 0 : strings.indexOf(0, nameOff)
    if (nameEnd < 0) table.name(i, nameOff) // throws the error naming the bad offset
    const size = is64 ? entries.u64n(o + 16, 'st_size') : view.getUint32(o + 8, le)
    if (size === 0) continue
    const info = view.getUint8(o + (is64 ? 4 : 12))
    const type = info & 0xf
    if (type === STT_SECTION || type === STT_FILE) continue
    let shndx = view.getUint16(o + (is64 ? 6 : 14), le)
    const reserved = shndx >= SHN_LORESERVE && shndx !== SHN_XINDEX
    if (shndx === SHN_XINDEX) shndx = table.extendedIndex(i)
    if (reserved ? shndx === SHN_ABS : shndx === SHN_UNDEF) continue
    const cat = categoryOf(nmLetter(elf, info >> 4, type, shndx, reserved, letters))
    if (cat) visit(cat, nameOff, nameEnd, size, i)
  }
}
