// Symbol-size tables in a review: the sizes analyzer makes them only for modules whose classes
// differ from the baseline's (hints given once the baseline is loaded), and the sizes check
// reads the rest again on demand. The diff must be the one full tables give.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { walkFiles } from '../../src/discover/walk.ts'
import { ElfFile } from '../../src/elf/elf.ts'
import { sizesCheck } from '../../src/checks/sizes.ts'
import type { AnalyzerContext } from '../../src/load/analyzer.ts'
import { openBuild } from '../../src/model/open-build.ts'
import { diffSizes } from '../../src/sizes/diff.ts'
import { sizesAnalyzer } from '../../src/sizes/module-analyzer.ts'
import { packedFromWorker, unpackCategories, type PackedCategories } from '../../src/sizes/pack.ts'
import { readSizesSnapshot, sizeTablesHints, takeSizesSnapshot, withSizeTables, type SizesSnapshot } from '../../src/sizes/snapshot.ts'
import { debianRelease, fixtureMissing } from '../support/kernels.ts'

const oldRel = debianRelease('old')
const newRel = debianRelease('new')

/** hint: undefined when no hints had arrived, null when hinted without one for this module. */
function ctxWith(options: AnalyzerContext['options'], hint?: unknown): AnalyzerContext {
  const c: AnalyzerContext = { module: { name: 'm', path: 'm.ko', relPath: 'm.ko', compression: 'none' }, options, memo: (_k, make) => make() }
  if (hint !== undefined) c.hinted = true
  if (hint !== undefined && hint !== null) c.hint = hint
  return c
}

describe('the sizes analyzer', () => {
  it('makes the symbol tables as the mode and the hint say', ctx => {
    if (!newRel) return fixtureMissing('Debian 6.12 release (scripts/kernels/fetch-debian.sh)', ctx.skip)
    const f = walkFiles(newRel.koRoot, n => n === 'e1000e.ko', 100_000)[0]!
    const elf = ElfFile.fromBytes(readFileSync(f), f)
    const full = sizesAnalyzer.analyze(elf, ctxWith({}))
    // A snapshot's tables are packed in the worker; a review's go as name bytes, packed on demand.
    expect(full.symbols && 'function' in full.symbols && full.symbols.function.length).toBeGreaterThan(1000)
    const tables = (f: typeof full) => (f.symbols ? unpackCategories(packedFromWorker(f.symbols), 'm') : undefined)
    const wanted = tables(full)
    const same = full.classes
    const other = same.map((v, i) => (i === 0 ? v + 16 : v))
    expect(sizesAnalyzer.analyze(elf, ctxWith({ sizeTables: 'none' })).symbols).toBeUndefined()
    expect(sizesAnalyzer.analyze(elf, ctxWith({ sizeTables: 'baseline' }, same)).symbols).toBeUndefined()
    const byBytes = sizesAnalyzer.analyze(elf, ctxWith({ sizeTables: 'baseline' }, other))
    expect(byBytes.symbols && 'wire' in byBytes.symbols).toBe(true)
    expect(tables(byBytes)).toEqual(wanted)
    expect(packedFromWorker(byBytes.symbols!).function).toBe((full.symbols as PackedCategories).function)
    expect(tables(sizesAnalyzer.analyze(elf, ctxWith({ sizeTables: 'baseline' }, 'read')))).toEqual(wanted)
    // Hinted, but not in the baseline with tables: never read.
    expect(sizesAnalyzer.analyze(elf, ctxWith({ sizeTables: 'baseline' }, null)).symbols).toBeUndefined()
    // Analyzed before the baseline was loaded: no hints yet, no tables (read again if needed).
    expect(sizesAnalyzer.analyze(elf, ctxWith({ sizeTables: 'baseline' })).symbols).toBeUndefined()
    expect(sizesAnalyzer.analyze(elf, ctxWith({ sizeTables: 'all' }, same)).symbols).toEqual(full.symbols)
  })
})

describe('a review of Debian 6.12.117 against 6.12.115', () => {
  const builds = () => {
    const open = (rel: NonNullable<typeof oldRel>, sizeTables: 'all' | 'none' | 'baseline') =>
      openBuild({ dir: rel.root, modulesDir: rel.koRoot }, {}, { sizeTables })
    return { open, oldRel: oldRel!, newRel: newRel! }
  }
  let base: Promise<SizesSnapshot> | null = null
  const baseline = (): Promise<SizesSnapshot> => {
    const { open, oldRel } = builds()
    if (!base) {
      const b = open(oldRel, 'all')
      // Through JSON, as a baseline snapshot comes: the packed tables are read back, not reused.
      base = takeSizesSnapshot(b).then(s => readSizesSnapshot(JSON.parse(JSON.stringify(s)), 'baseline'))
      void base.finally(() => b.close())
    }
    return base
  }
  /** The newer release with every table, as a snapshot takes it. */
  let fullSnap: Promise<SizesSnapshot> | null = null
  const full = (): Promise<SizesSnapshot> => {
    if (!fullSnap) {
      const b = builds().open(newRel!, 'all')
      fullSnap = takeSizesSnapshot(b)
      void fullSnap.finally(() => b.close())
    }
    return fullSnap
  }

  it('makes tables only where the diff reads them, and diffs as full tables do', async ctx => {
    if (!oldRel || !newRel) return fixtureMissing('two Debian 6.12 releases (scripts/kernels/fetch-debian.sh)', ctx.skip)
    const { open } = builds()
    const [before, all] = await Promise.all([baseline(), full()])
    const build = open(newRel, 'baseline')
    // The hints come after the modules were handed to the workers (they start with hundreds
    // queued each), and before a worker analyzes its first: every module gets its hint.
    const analyzing = build.modules()
    sizesCheck.withBaseline!(build, { info: build.info, label: 'baseline', data: before })
    await analyzing
    const hinted = await takeSizesSnapshot(build)
    const changed = Object.entries(all.modules).filter(([name, e]) => {
      const b = before.modules[name]
      return b?.symbols && (b.kind !== e.kind || JSON.stringify(b.classes) !== JSON.stringify(e.classes))
    })
    expect(changed.length).toBeGreaterThan(100)
    const withTables = Object.entries(hinted.modules).filter(([, e]) => e.symbols)
    // Tables for the changed only (an added module's are never read).
    expect(withTables.map(([n]) => n).sort()).toEqual(changed.map(([n]) => n).sort())
    expect(withTables.length).toBeLessThan(Object.keys(hinted.modules).length / 5)
    expect(diffSizes(before, hinted)).toEqual(diffSizes(before, all))
    build.close()
  }, 120_000)

  // 'baseline' with hints that say nothing of any module: no tables made.
  for (const mode of ['none', 'baseline'] as const)
    it(`reads the missing tables again when the analyzers made none (${mode})`, async ctx => {
      if (!oldRel || !newRel) return fixtureMissing('two Debian 6.12 releases (scripts/kernels/fetch-debian.sh)', ctx.skip)
      const { open } = builds()
      const before = await baseline()
      const build = open(newRel, mode)
      if (mode === 'baseline') build.hint(sizesAnalyzer.id, new Map())
      const bare = await takeSizesSnapshot(build)
      expect(Object.values(bare.modules).some(e => e.symbols)).toBe(false)
      const filled = await withSizeTables(build, bare, before)
      expect(diffSizes(before, filled)).toEqual(diffSizes(before, await full()))
      // Only the changed modules were read again.
      const hints = sizeTablesHints(before)
      for (const [name, e] of Object.entries(filled.modules)) {
        const h = hints.get(name)
        if (e.symbols) expect(Array.isArray(h) && JSON.stringify(h) === JSON.stringify(e.classes), name).toBe(false)
      }
      build.close()
    }, 120_000)
})
