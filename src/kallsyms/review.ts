import { vmlinuxFromImage } from '../exports/image.ts'
import type { Build } from '../model/build.ts'
import { atLeast } from '../model/build-info.ts'
import { describeError, InputError } from '../model/errors.ts'
import { compareSymbolLists, type SymbolListDiff } from './compare-symbols.ts'
import { readEmbeddedTable, tablesOfElf } from './embedded.ts'
import { loadPasses, type LoadedPasses } from './load-passes.ts'
import type { TableHints } from './locate-table.ts'
import { movement, passCount, type Movement, type PassCount, type PassMap } from './pass-analysis.ts'
import { SectionIndex } from './sections.ts'
import type { DecodedTable } from './table.ts'
import { optionsForTable, verifyTable, type TableVerification } from './verify-table.ts'

/** The check link-vmlinux.sh makes last: `cmp -s System.map <last .syms>`. */
export interface FinalConsistency {
  against: PassMap
  diff: SymbolListDiff
  /** Byte equality as cmp sees it; null when the pass map was derived (no file to compare). */
  bytesEqual: boolean | null
  /** 1-based line of the first textual difference when the parsed maps agree but the bytes do not. */
  firstTextDifference: number | null
}

export interface EmbeddedCheck {
  /** The file decoded and how: "arch/x86/boot/bzImage (bzImage zstd payload, ELF, by scan of .rodata)". */
  source: string
  table: DecodedTable
  verification: TableVerification | null
}

export interface KallsymsReview {
  loaded: LoadedPasses
  count: PassCount
  final: FinalConsistency | null
  /** Pass 1 against the final map: what a single pass would have got wrong. */
  onePass: Movement | null
  /** Each pass against the next (1->2, 2->3). */
  steps: Array<{ from: number; to: number; movement: Movement }>
  embedded: EmbeddedCheck | null
  /** Why the embedded table could not be read, when there was an image to read. */
  embeddedError: string | null
}

export function sectionsOf(build: Build): SectionIndex | null {
  try {
    const elf = build.vmlinux(build.layout.vmlinuxUnstripped ? 'unstripped' : 'vmlinux')
    return elf ? SectionIndex.ofElf(elf) : null
  } catch {
    return null
  }
}

function hintsOf(build: Build): TableHints {
  const cfg = build.config
  if (!cfg) return {}
  const v = build.info.version
  const hints: TableHints = {}
  if (v && !atLeast(v, 6, 15)) hints.absolutePercpu = cfg.get('KALLSYMS_ABSOLUTE_PERCPU') === 'y'
  if (v && atLeast(v, 7, 0)) hints.pcRelative = cfg.get('64BIT') === 'y' || cfg.get('RELOCATABLE') === 'y'
  return hints
}

function firstLineDifference(a: string, b: string): number {
  const la = a.split('\n')
  const lb = b.split('\n')
  for (let i = 0; i < Math.max(la.length, lb.length); i++) if (la[i] !== lb[i]) return i + 1
  return 0
}

/** Decodes the table that ships: the boot image when there is one, else vmlinux. */
async function embeddedTable(build: Build): Promise<{ table: DecodedTable; source: string } | { error: string } | null> {
  const hints = hintsOf(build)
  const errors: string[] = []
  const image = build.layout.bootImage
  if (image) {
    const file = build.rel(image)
    try {
      // Without a vmlinux, the exports check reads the image's whole ELF: the tables come from
      // it too. Otherwise only as much of the kernel is inflated as the tables need (a distro
      // bzImage's 58 MB kernel, about half), or all of a raw Image (readEmbeddedTable).
      const fromElf = build.layout.vmlinux ? null : await vmlinuxFromImage(build)
      if (fromElf) {
        const found = tablesOfElf(fromElf.elf, hints)
        if (!found) throw new InputError('bad-value', file, 'no kallsyms tables found in the image')
        return { table: found.table, source: `${fromElf.what}, by ${found.via}` }
      }
      const e = await readEmbeddedTable(image, file, hints)
      return { table: e.table, source: `${file} (${e.source})` }
    } catch (err) {
      errors.push(describeError(err))
    }
  }
  const vmlinux = build.layout.vmlinux ?? build.layout.vmlinuxUnstripped
  if (vmlinux) {
    try {
      const elf = build.vmlinux()
      const found = elf ? tablesOfElf(elf, hints) : null
      const unread = errors.length ? ` (the boot image could not be read: ${errors.join('; ')})` : ''
      if (found) return { table: found.table, source: `${build.rel(vmlinux)}, by ${found.via}${unread}` }
      errors.push(`${build.rel(vmlinux)}: no kallsyms tables found`)
    } catch (err) {
      errors.push(describeError(err))
    }
  }
  return errors.length ? { error: errors.join('; ') } : null
}

export async function reviewKallsyms(build: Build): Promise<KallsymsReview> {
  return build.memo('kallsyms:review', async () => {
    const loaded = loadPasses(build)
    const sections = loaded.maps.length > 0 ? sectionsOf(build) : null
    const linked = loaded.maps.filter(m => m.pass >= 1)
    const last = linked.at(-1) ?? null
    const count = passCount(loaded.maps)

    let final: FinalConsistency | null = null
    if (last && loaded.systemMap && !loaded.systemMapOlderThanPasses) {
      const diff = compareSymbolLists(last.symbols, loaded.systemMap.symbols)
      const raw = loaded.rawText.get(last.pass)
      const bytesEqual = raw === undefined || loaded.systemMapText === null ? null : raw === loaded.systemMapText
      const firstTextDifference = bytesEqual === false && diff.identical ? firstLineDifference(raw!, loaded.systemMapText!) : null
      final = { against: last, diff, bytesEqual, firstTextDifference }
    }
    const first = linked.find(m => m.pass === 1)
    // System.map's objects are made only when a pass is compared with it.
    const finalMap = !first ? undefined : loaded.systemMap && !loaded.systemMapOlderThanPasses ? loaded.systemMap.symbols : last?.symbols
    const onePass = first && finalMap ? movement(first.symbols, finalMap, sections) : null
    const steps = linked.slice(1).map((m, i) => ({ from: linked[i]!.pass, to: m.pass, movement: movement(linked[i]!.symbols, m.symbols, sections) }))

    let embedded: EmbeddedCheck | null = null
    let embeddedError: string | null = null
    const t = await embeddedTable(build)
    if (t && 'error' in t) embeddedError = t.error
    else if (t) {
      const map = loaded.systemMap
      const verification = map
        ? verifyTable(t.table, map, optionsForTable(t.table, { version: build.info.version, ...(build.config ? { allSymbols: build.config.get('KALLSYMS_ALL') === 'y' } : {}) }))
        : null
      embedded = { source: t.source, table: t.table, verification }
    }
    return { loaded, count, final, onePass, steps, embedded, embeddedError }
  })
}
