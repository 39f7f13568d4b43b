// Sizes on the real 6.12 fixture builds (scripts/kernels/build.sh 6.12): base and head trees
// with CONFIG_BUILTIN_MODULE_RANGES; head switches em_nbyte from =m to =y, grows ts_kmp and
// shrinks wp512 (test/fixtures/kernels/head-6.12.patch).
import { describe, expect, it } from 'vitest'
import { FileSource } from '../../src/bytes/source.ts'
import { ElfFile } from '../../src/elf/elf.ts'
import { review } from '../../src/engine.ts'
import { openBuild } from '../../src/model/open-build.ts'
import { defaultOptions } from '../../src/model/options.ts'
import { compareSizes, formatBloat } from '../../src/sizes/bloat.ts'
import { attributeBuiltins } from '../../src/sizes/builtin-attribution.ts'
import { parseBuiltinRanges } from '../../src/sizes/builtin-ranges.ts'
import { diffSizes } from '../../src/sizes/diff.ts'
import { classRecord } from '../../src/sizes/module-classes.ts'
import { unpackCategories } from '../../src/sizes/pack.ts'
import { takeSizesSnapshot, type SizesSnapshot } from '../../src/sizes/snapshot.ts'
import { CATEGORIES, CATEGORY_TITLES, categorySizes, sizedSymbols } from '../../src/sizes/symbol-sizes.ts'
import { VMLINUX_CLASSES, vmlinuxClassSizes } from '../../src/sizes/vmlinux-classes.ts'
import { fixtureMissing, kernelBuild, type KernelBuild } from '../support/kernels.ts'
import { bloatOMeter, expectSizeAgreement, readelfFlags, runBloatOMeter, sizeA, sizeAll, sizeBerkeley } from './support.ts'

const kb = kernelBuild('6.12')

function need(skip: (note?: string) => void): KernelBuild | null {
  if (!kb || !kb.features.builtinModuleRanges || !kb.base.modulesBuiltinRanges || !kb.head.modulesBuiltinRanges) {
    fixtureMissing('6.12 base/head builds with CONFIG_BUILTIN_MODULE_RANGES (scripts/kernels/build.sh 6.12)', skip)
    return null
  }
  return kb
}

const snaps = new Map<string, Promise<SizesSnapshot>>()
function snapshotOf(k: KernelBuild, which: 'base' | 'head'): Promise<SizesSnapshot> {
  if (!snaps.has(which)) snaps.set(which, takeSizesSnapshot(openBuild({ dir: k[which].obj }, { jobs: 0 })))
  return snaps.get(which)!
}

describe('6.12 fixture kernels', () => {
  it('class vmlinux so that the classes add up to every SHF_ALLOC byte size -A lists', ctx => {
    const kb = need(ctx.skip)
    if (!kb) return
    const path = kb.base.vmlinux
    const elf = ElfFile.open(new FileSource(path))
    const c = vmlinuxClassSizes(elf, elf.symbols())
    const got = Object.fromEntries(VMLINUX_CLASSES.map((k, i) => [k, c.classes[i]!]))
    const flags = readelfFlags(path)
    const rows = sizeA(path)
    const alloc = rows.filter(r => flags.get(r.name)?.flags.includes('A'))
    expect(c.classes.reduce((a, b) => a + b, 0)).toBe(alloc.reduce((n, r) => n + r.size, 0))
    expect(got.text).toBe(rows.find(r => r.name === '.text')!.size)
    expect(got.btf).toBe(alloc.filter(r => r.name.startsWith('.BTF')).reduce((n, r) => n + r.size, 0))
    expect(got.kallsyms).toBeGreaterThan(10_000)
  })

  it('class every module of both trees as size(1) counts its sections', ctx => {
    const kb = need(ctx.skip)
    if (!kb) return
    const files = [...kb.base.modules, ...kb.head.modules].map(m => m.path)
    expect(files.length).toBeGreaterThan(10)
    const berkeley = sizeBerkeley(files)
    const sections = sizeAll(files)
    for (const f of files) expectSizeAgreement(f, berkeley.get(f)!, sections.get(f)!)
  })

  it('attributes built-in modules through modules.builtin.ranges and shows em_nbyte =m -> =y as a move', async ctx => {
    const kb = need(ctx.skip)
    if (!kb) return
    const [base, head] = await Promise.all([snapshotOf(kb, 'base'), snapshotOf(kb, 'head')])
    expect(base.builtins).toBe('ranges')
    expect(base.problems).toEqual([])
    expect(head.problems).toEqual([])
    for (const name of kb.base.builtinModules) expect(base.modules[name]?.kind, name).toBe('y')
    expect(base.modules.em_nbyte!.kind).toBe('m')
    expect(head.modules.em_nbyte!.kind).toBe('y')
    const before = classRecord(base.modules.em_nbyte!.classes!)
    const after = classRecord(head.modules.em_nbyte!.classes!)
    // The same object code on both sides: text within a few percent (the .ko also has exit
    // code in core text; built in, exit code is init memory).
    expect(after.text).toBeGreaterThan(0)
    expect(Math.abs(after.text - before.text) / before.text).toBeLessThan(0.15)
    const diff = diffSizes(base, head)
    expect(diff.added.map(a => a.name)).not.toContain('em_nbyte')
    expect(diff.removed.map(r => r.name)).not.toContain('em_nbyte')
    const move = diff.changed.find(c => c.name === 'em_nbyte')!
    expect(move.moved).toBe(true)
    expect([move.before.kind, move.after.kind]).toEqual(['loadable', 'builtin'])
    // em_nbyte_match is the same function either way.
    const fnBefore = unpackCategories(base.modules.em_nbyte!.symbols!, 'base').function
    const fnAfter = unpackCategories(head.modules.em_nbyte!.symbols!, 'head').function
    expect(fnAfter.get('em_nbyte_match')).toBe(fnBefore.get('em_nbyte_match'))
    const grew = diff.changed.find(c => c.name === 'ts_kmp')!
    expect(grew.delta!).toBeGreaterThan(1024)
    expect(grew.symbols!.function.rows.map(r => r.name)).toContain('kmp_fold_checksum')
    expect(diff.changed.find(c => c.name === 'wp512')!.delta!).toBeLessThan(0)
  })

  it('says when modules.builtin.ranges does not fit the vmlinux', ctx => {
    const kb = need(ctx.skip)
    if (!kb) return
    const elf = ElfFile.open(new FileSource(kb.base.vmlinux))
    const symbols = elf.symbols()
    const text = elf.section('.text')!.size
    const ranges = parseBuiltinRanges(
      `.text 00000010-00000010 = _text\n.text ${(text - 16).toString(16).padStart(8, '0')}-${(text + 16).toString(16).padStart(8, '0')} em_cmp\n.nosuch 00000000-00000010 em_cmp\n`,
      'modules.builtin.ranges'
    )
    const r = attributeBuiltins(elf, symbols, sizedSymbols(elf, symbols), ranges)
    expect(r.problems).toEqual([
      `.text ${(text - 16).toString(16).padStart(8, '0')}-${(text + 16).toString(16).padStart(8, '0')} (em_cmp) runs past the section's end (0x${text.toString(16)})`,
      'section .nosuch is not in vmlinux',
      'anchor _text is at .text+0x0, the ranges say +0x10'
    ])
    // What is inside the section still counts.
    expect(classRecord(r.modules.get('em_cmp')!.classes).text).toBe(16)
  })

  it('matches bloat-o-meter line for line between the base and head vmlinux and ts_kmp.ko', ctx => {
    const kb = need(ctx.skip)
    if (!kb) return
    const script = bloatOMeter()
    if (!script) return fixtureMissing('scripts/bloat-o-meter and python3', ctx.skip)
    const sizes = (p: string) => categorySizes(sizedSymbols(ElfFile.open(new FileSource(p))))
    const pairs: Array<[string, string]> = [[kb.base.vmlinux, kb.head.vmlinux]]
    const kmp = (t: KernelBuild['base']) => t.modules.find(m => m.name === 'ts_kmp')!.path
    pairs.push([kmp(kb.base), kmp(kb.head)])
    for (const [a, b] of pairs) {
      const x = sizes(a)
      const y = sizes(b)
      const ours = CATEGORIES.flatMap(c => formatBloat(compareSizes(x[c], y[c]), CATEGORY_TITLES[c]))
      expect(ours, b).toEqual(runBloatOMeter(script, a, b, true))
    }
  })

  it('reviews head against the base tree end to end: modules section, verdict, budget', async ctx => {
    const kb = need(ctx.skip)
    if (!kb) return
    const report = await review({
      input: { dir: kb.head.obj },
      baseline: kb.base.obj,
      baselineLabel: 'base',
      options: defaultOptions({ only: ['sizes'], sizeBudget: 'module=+512' }),
      jobs: 0
    })
    const check = report.checks.find(c => c.id === 'sizes')!
    expect(check.summary).toMatch(/^vmlinux [+-][\d,]+ bytes .*1 moved between =m and =y.* against base$/)
    expect(check.findings.map(f => `${f.code} ${f.module ?? ''}`)).toContain('size-budget-module ts_kmp')
    expect(check.findings.some(f => f.module === 'em_nbyte')).toBe(false)
    const modules = report.modules as { changed: Array<{ name: string; moved: boolean; before: { classes: object }; after: { classes: object } }> }
    const move = modules.changed.find(c => c.name === 'em_nbyte')!
    expect(move.moved).toBe(true)
    expect(Object.keys(move.before.classes)).toEqual(Object.keys(move.after.classes))
  })
})
