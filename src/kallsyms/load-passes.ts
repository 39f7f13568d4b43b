import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { FileSource } from '../bytes/source.ts'
import type { LinkPass } from '../discover/layout.ts'
import { ElfFile } from '../elf/elf.ts'
import { nmListed, nmTypeLetter, nmValue } from '../elf/nm.ts'
import type { Build } from '../model/build.ts'
import { describeError } from '../model/errors.ts'
import { compareSymbolLists, type SymbolListDiff } from './compare-symbols.ts'
import { deriveSyms } from './derive-syms.ts'
import { builtinMksysmap, parseMksysmapScript, type MksysmapFilter } from './mksysmap.ts'
import type { PassMap } from './pass-analysis.ts'
import { parseSystemMap, type SymbolMap } from './system-map.ts'

/** A pass file set aside: not part of this build's link (older than the pass before it). */
export interface LeftoverPass {
  pass: number
  file: string
  reason: string
}

/** A .syms file that does not describe the ELF of its pass (compared with mksysmap of the ELF). */
export interface MismatchedPass {
  pass: number
  syms: string
  elf: string
  diff: SymbolListDiff
}

export interface LoadedPasses {
  filter: MksysmapFilter
  /** This build's passes, step 0 included when kept, in pass order. */
  maps: PassMap[]
  /** Raw text of each .syms read, by pass, for the byte comparison link-vmlinux.sh makes. */
  rawText: Map<number, string>
  leftovers: LeftoverPass[]
  mismatched: MismatchedPass[]
  /** Pass files that could not be read (a damaged or half-written ELF), with why. */
  unreadable: Array<{ file: string; error: string }>
  systemMap: SymbolMap | null
  systemMapText: string | null
  /** System.map is older than the last pass: it comes from an earlier link, not this one. */
  systemMapOlderThanPasses: boolean
}

/** scripts/mksysmap is about 3 KB in every version. */
const MAX_SCRIPT_BYTES = 1 << 20

/** The mksysmap of the build's own source tree when there is one, else the built-in filter of its version. */
export function mksysmapFilterOf(build: Build): MksysmapFilter {
  return build.memo('kallsyms:mksysmap', () => {
    const src = build.layout.sourceDir
    const script = src ? join(src, 'scripts/mksysmap') : null
    // A regular file of a sensible size only: the source tree is the pull request's, and its
    // scripts/mksysmap could be a symlink to /dev/zero (a read that never ends) or huge.
    const st = script ? statSync(script, { throwIfNoEntry: false }) : undefined
    if (script && st?.isFile() && st.size <= MAX_SCRIPT_BYTES) {
      try {
        return parseMksysmapScript(readFileSync(script, 'utf8'), build.rel(script))
      } catch {
        // An unreadable or unfamiliar script: fall back to the version's filter.
      }
    }
    return builtinMksysmap(build.info.version)
  })
}

function mtimeOf(path: string | undefined): number | null {
  if (!path) return null
  const st = statSync(path, { throwIfNoEntry: false })
  return st ? st.mtimeMs : null
}

/** `nm -n` of a kallsyms object, as link-vmlinux.sh 6.12 compares it between passes. */
function objectSymbols(path: string, file: string): string {
  const elf = ElfFile.open(new FileSource(path, file))
  try {
    return elf
      .symbols()
      .filter(nmListed)
      .map(s => ({ v: nmValue(elf, s), t: nmTypeLetter(elf, s), n: s.name }))
      .sort((a, b) => (a.v < b.v ? -1 : a.v > b.v ? 1 : a.n < b.n ? -1 : a.n > b.n ? 1 : 0))
      .map(s => `${s.v.toString(16)} ${s.t} ${s.n}`)
      .join('\n')
  } finally {
    elf.close()
  }
}

function deriveFromElf(build: Build, path: string, filter: MksysmapFilter): MapSymbol[] {
  const elf = ElfFile.open(new FileSource(path, build.rel(path)))
  try {
    return deriveSyms(elf, filter)
  } finally {
    elf.close()
  }
}

type MapSymbol = SymbolMap['symbols'][number]

/**
 * Reads every link pass the build left: the .syms maps (derived from the pass ELF with the
 * kernel's mksysmap when the .syms is gone), the kallsyms objects' sizes and symbols, and
 * System.map. Passes older than the pass before them are leftovers of an earlier build
 * (link-vmlinux.sh never deletes .tmp_vmlinux3 when a later build needs only two passes).
 */
export function loadPasses(build: Build): LoadedPasses {
  return build.memo('kallsyms:passes', () => {
    const filter = mksysmapFilterOf(build)
    let systemMap: SymbolMap | null = null
    let systemMapText: string | null = null
    const smPath = build.layout.systemMap
    if (smPath && !build.layout.systemMapPlaceholder) {
      systemMapText = build.readText(smPath)
      systemMap = parseSystemMap(systemMapText, build.rel(smPath))
    }
    const ordered = [...build.layout.passes].sort((a, b) => a.pass - b.pass)
    // Passes older than the pass before them are leftovers, unless System.map is their very map
    // (then the times mislead, e.g. after a copy, and the content decides).
    let cut = ordered.length
    let newest = -Infinity
    for (let i = 0; i < ordered.length; i++) {
      const p = ordered[i]!
      const time = passTime(p)
      if (p.pass >= 2 && time !== null && time < newest) {
        const own = p.syms ? build.readText(p.syms) : null
        if (own === null || own !== systemMapText) {
          cut = i
          break
        }
      }
      if (time !== null && p.pass >= 1) newest = Math.max(newest, time)
    }
    const leftovers: LeftoverPass[] = ordered.slice(cut).map((p, i) => ({
      pass: p.pass,
      file: build.rel(p.syms ?? p.elf ?? p.kallsymsObject ?? ''),
      reason: i === 0 ? `older than pass ${ordered[cut - 1]?.pass ?? p.pass - 1}` : `follows leftover pass ${ordered[cut]!.pass}`
    }))
    const maps: PassMap[] = []
    const rawText = new Map<number, string>()
    const mismatched: MismatchedPass[] = []
    const unreadable: Array<{ file: string; error: string }> = []
    for (const p of ordered.slice(0, cut)) {
      const map = readPass(build, p, filter, rawText, mismatched, unreadable)
      if (map) maps.push(map)
    }
    const lastTime = ordered
      .slice(0, cut)
      .filter(p => p.pass >= 1)
      .map(passTime)
      .at(-1)
    const smTime = mtimeOf(smPath)
    return {
      filter,
      maps,
      rawText,
      leftovers,
      mismatched,
      unreadable,
      systemMap,
      systemMapText,
      systemMapOlderThanPasses: smTime !== null && lastTime != null && smTime < lastTime
    }
  })
}

function passTime(p: LinkPass): number | null {
  return mtimeOf(p.syms) ?? mtimeOf(p.elf) ?? mtimeOf(p.kallsymsObject)
}

function readPass(
  build: Build,
  p: LinkPass,
  filter: MksysmapFilter,
  rawText: Map<number, string>,
  mismatched: MismatchedPass[],
  unreadable: Array<{ file: string; error: string }>
): PassMap | null {
  let symbols: MapSymbol[]
  let file: string
  let derived = false
  if (p.syms) {
    const text = build.readText(p.syms)
    rawText.set(p.pass, text)
    file = build.rel(p.syms)
    symbols = parseSystemMap(text, file).symbols
    if (p.elf) {
      try {
        const fromElf = deriveFromElf(build, p.elf, filter)
        const diff = compareSymbolLists(fromElf, symbols)
        if (!diff.identical) mismatched.push({ pass: p.pass, syms: file, elf: build.rel(p.elf), diff })
      } catch (err) {
        unreadable.push({ file: build.rel(p.elf), error: describeError(err) })
      }
    }
  } else if (p.elf) {
    file = build.rel(p.elf)
    try {
      symbols = deriveFromElf(build, p.elf, filter)
    } catch (err) {
      unreadable.push({ file, error: describeError(err) })
      return null
    }
    derived = true
  } else if (p.pass === 0) {
    return null
  } else {
    return null
  }
  let objectBytes: number | null = null
  let objSyms: string | null = null
  if (p.kallsymsObject && p.kallsymsObject.endsWith('.o')) {
    objectBytes = statSync(p.kallsymsObject).size
    try {
      objSyms = objectSymbols(p.kallsymsObject, build.rel(p.kallsymsObject))
    } catch {
      objSyms = null
    }
  }
  return { pass: p.pass, file, derived, symbols, objectBytes, objectSymbols: objSyms }
}
