import type { ElfFile, ElfSymbol } from '../elf/elf.ts'
import type { BuiltinRanges } from './builtin-ranges.ts'
import { MODULE_CLASSES, type ClassSizes } from './module-classes.ts'
import { addSizes, emptyCategorySizes, type CategorySizes, type SizedSymbol } from './symbol-sizes.ts'
import { builtinClassOf, vmlinuxRegions } from './vmlinux-classes.ts'

export interface BuiltinModuleSizes {
  classes: ClassSizes
  symbols: CategorySizes
}

export interface Attribution {
  modules: Map<string, BuiltinModuleSizes>
  /** Why the ranges do not fit this vmlinux (unknown section, range past its end, anchor moved). */
  problems: string[]
}

interface Span {
  start: bigint
  end: bigint
  shndx: number
  modules: string[]
}

/**
 * Gives each built-in module the vmlinux bytes and symbols its ranges cover. Bytes go to the
 * module classes by the class of the section holding them; a symbol belongs to the range its
 * address falls in. Objects linked into several modules count fully for each, as they would in
 * each .ko.
 */
export function attributeBuiltins(
  elf: ElfFile,
  symbols: readonly ElfSymbol[],
  sized: readonly SizedSymbol[],
  ranges: BuiltinRanges
): Attribution {
  const regions = vmlinuxRegions(symbols)
  const modules = new Map<string, BuiltinModuleSizes>()
  const problems: string[] = []
  const get = (name: string) => {
    let m = modules.get(name)
    if (!m) modules.set(name, (m = { classes: MODULE_CLASSES.map(() => 0), symbols: emptyCategorySizes() }))
    return m
  }
  const spans: Span[] = []
  const missing = new Set<string>()
  for (const r of ranges.ranges) {
    const sec = elf.section(r.section)
    if (!sec) {
      if (!missing.has(r.section)) problems.push(`section ${r.section} is not in vmlinux`)
      missing.add(r.section)
      continue
    }
    let end = r.end
    if (end > sec.size) {
      problems.push(`${r.section} ${hex8(r.start)}-${hex8(r.end)} (${r.modules.join(' ')}) runs past the section's end (0x${sec.size.toString(16)})`)
      end = Math.max(r.start, sec.size)
    }
    const cls = builtinClassOf(sec, regions)
    for (const name of r.modules) {
      const m = get(name)
      if (cls) m.classes[MODULE_CLASSES.indexOf(cls)]! += end - r.start
    }
    if (end > r.start) spans.push({ start: sec.addr + BigInt(r.start), end: sec.addr + BigInt(end), shndx: sec.index, modules: r.modules })
  }
  for (const a of ranges.anchors) {
    const sec = elf.section(a.section)
    if (!sec) continue
    const sym = symbols.find(s => s.name === a.symbol && !s.reserved && s.shndx === sec.index)
    if (!sym) problems.push(`anchor ${a.symbol} of ${a.section} is not a symbol of that section`)
    else if (sym.value - sec.addr !== BigInt(a.offset)) {
      problems.push(`anchor ${a.symbol} is at ${a.section}+0x${(sym.value - sec.addr).toString(16)}, the ranges say +0x${a.offset.toString(16)}`)
    }
  }
  spans.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
  const owned = new Map<string, SizedSymbol[]>()
  for (const s of sized) {
    const span = findSpan(spans, s.value)
    if (!span || span.shndx !== s.shndx) continue
    for (const name of span.modules) {
      let list = owned.get(name)
      if (!list) owned.set(name, (list = []))
      list.push(s)
    }
  }
  for (const [name, list] of owned) addSizes(get(name).symbols, list)
  return { modules, problems }
}

/** The span holding addr (spans sorted by start, not overlapping within a section). */
function findSpan(spans: readonly Span[], addr: bigint): Span | undefined {
  let lo = 0
  let hi = spans.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = spans[mid]!
    if (addr < s.start) hi = mid - 1
    else if (addr >= s.end) lo = mid + 1
    else return s
  }
  return undefined
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0')
}
