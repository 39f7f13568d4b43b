// Inconsistencies planted in copies of real build trees (the fixture kernels of
// scripts/kernels/build.sh: 6.12 with base-relative offsets, 7.2 with PC-relative ones), each
// checked for its exact diagnosis.
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FileSource } from '../../src/bytes/source.ts'
import { kallsymsCheck, type KallsymsSnapshot } from '../../src/checks/kallsyms.ts'
import type { CheckOutcome } from '../../src/checks/check.ts'
import { ElfFile } from '../../src/elf/elf.ts'
import { compareSymbolLists } from '../../src/kallsyms/compare-symbols.ts'
import { tablesOfElf } from '../../src/kallsyms/embedded.ts'
import { parseSystemMap } from '../../src/kallsyms/system-map.ts'
import type { Finding } from '../../src/model/finding.ts'
import { openBuild } from '../../src/model/open-build.ts'
import { defaultOptions } from '../../src/model/options.ts'
import { fixtureMissing } from '../support/kernels.ts'
import { cloneFile, copyTree, realTree, removeTree, rewrite, setMtime, type SourceTree } from './tree.ts'

async function review(dir: string, baseline: KallsymsSnapshot | null = null): Promise<{ out: CheckOutcome; snap: KallsymsSnapshot | null }> {
  const build = openBuild({ dir })
  const options = defaultOptions()
  const snap = await kallsymsCheck.snapshot!(build, options)
  const out = await kallsymsCheck.run({ build, options, current: snap, baseline: baseline ? { info: build.info, label: 'main', data: baseline } : null })
  return { out, snap }
}

const codes = (fs: Finding[]) => fs.map(f => f.code).sort()
const hex = (a: bigint) => '0x' + a.toString(16)

/** A text symbol from the middle of System.map, unique by name. */
function pickSymbol(mapText: string, type: string): { name: string; addr: bigint } {
  const syms = parseSystemMap(mapText, 'System.map').symbols
  const counts = new Map<string, number>()
  for (const s of syms) counts.set(s.name, (counts.get(s.name) ?? 0) + 1)
  const candidates = syms.filter(s => s.type === type && counts.get(s.name) === 1 && !s.name.startsWith('__pfx_'))
  const s = candidates[candidates.length >> 1]!
  return { name: s.name, addr: s.addr }
}

describe.each(['6.12', '7.2'] as const)('a %s build tree', ver => {
  const tree: SourceTree | null = realTree(ver)
  let dir = ''
  afterEach(() => {
    if (dir) removeTree(dir)
    dir = ''
  })
  const setup = (skip: (note?: string) => void, image = false): boolean => {
    if (!tree) {
      fixtureMissing(`the ${ver} fixture kernel`, skip)
      return false
    }
    dir = copyTree(tree, { image })
    return true
  }

  it('as built: quiet, one line', async ctx => {
    if (!setup(ctx.skip, true)) return
    const { out, snap } = await review(dir)
    expect(out.findings).toEqual([])
    expect(out.blocks).toEqual([])
    expect(out.summary).toMatch(/^2 link passes, [\d,]+ symbols, System\.map matches pass 2, embedded table matches System\.map$/)
    expect(snap).toMatchObject({ passes: 2, forced: false, why: expect.stringMatching(/had the size of pass 1's/) })
    const report = out.report!.kallsyms as { mksysmap: string; embedded: { foundBy: string; mode: string } }
    expect(report.mksysmap).toBe(join(tree!.src, 'scripts/mksysmap'))
    expect(report.embedded.foundBy).toBe('scan')
    expect(report.embedded.mode).toBe(ver === '7.2' ? 'pc-relative' : 'base-relative')
  })

  it('a symbol moved in System.map: the link check fails on exactly that symbol', async ctx => {
    if (!setup(ctx.skip)) return
    const map = join(dir, 'System.map')
    const s = pickSymbol(readFileSync(map, 'latin1'), 'T')
    const line = `${s.addr.toString(16).padStart(16, '0')} T ${s.name}\n`
    const moved = `${(s.addr + 0x10n).toString(16).padStart(16, '0')} T ${s.name}\n`
    rewrite(map, old => old.toString('latin1').replace(line, moved))
    const { out } = await review(dir)
    expect(codes(out.findings)).toEqual(['kallsyms-inconsistent-moved', 'kallsyms-table-mismatch-moved'])
    const inconsistent = out.findings.find(f => f.code === 'kallsyms-inconsistent-moved')!
    expect(inconsistent).toMatchObject({ severity: 'error', symbol: s.name, file: 'System.map' })
    expect(inconsistent.message).toContain(`${s.name} is at ${hex(s.addr)} in .tmp_vmlinux2.syms but at ${hex(s.addr + 0x10n)} (.text) in System.map`)
    const table = out.findings.find(f => f.code === 'kallsyms-table-mismatch-moved')!
    expect(table.message).toContain(`${s.name} is at ${hex(s.addr + 0x10n)} in System.map but at ${hex(s.addr)} (.text) in the table`)
    expect(out.summary).toMatch(/System\.map differs from pass 2, embedded table differs from System\.map$/)
    expect(JSON.stringify(out.blocks)).toContain('Inconsistent kallsyms data')
  })

  it('a name missing from System.map', async ctx => {
    if (!setup(ctx.skip)) return
    const map = join(dir, 'System.map')
    const s = pickSymbol(readFileSync(map, 'latin1'), 't')
    rewrite(map, old => old.toString('latin1').replace(`${s.addr.toString(16).padStart(16, '0')} t ${s.name}\n`, ''))
    const { out } = await review(dir)
    expect(codes(out.findings)).toEqual(['kallsyms-inconsistent-lost', 'kallsyms-table-mismatch-added'])
    expect(out.findings.find(f => f.code === 'kallsyms-inconsistent-lost')!.message).toContain(`${s.name} (t ${hex(s.addr)} (.text)) is in .tmp_vmlinux2.syms but not in System.map`)
    expect(out.findings.find(f => f.code === 'kallsyms-table-mismatch-added')!.message).toContain(`${s.name} (t ${hex(s.addr)} (.text)) is in the table but not in System.map`)
  })

  it('a stale .syms: pass 1 map left as pass 2', async ctx => {
    if (!setup(ctx.skip)) return
    const p1 = readFileSync(join(dir, '.tmp_vmlinux1.syms'), 'latin1')
    const p2 = readFileSync(join(dir, '.tmp_vmlinux2.syms'), 'latin1')
    const moved = compareSymbolLists(parseSystemMap(p1, 'a').symbols, parseSystemMap(p2, 'b').symbols).moved.length
    expect(moved).toBeGreaterThan(10)
    rewrite(join(dir, '.tmp_vmlinux2.syms'), () => p1)
    const { out } = await review(dir)
    expect(codes(out.findings)).toEqual(['kallsyms-inconsistent', 'kallsyms-stale-syms'])
    const stale = out.findings.find(f => f.code === 'kallsyms-stale-syms')!
    expect(stale).toMatchObject({ severity: 'warning', file: '.tmp_vmlinux2.syms' })
    expect(stale.message).toBe(`stale .tmp_vmlinux2.syms: .tmp_vmlinux2.syms against mksysmap of .tmp_vmlinux2: ${moved.toLocaleString('en-US')} symbols moved`)
    const bad = out.findings.find(f => f.code === 'kallsyms-inconsistent')!
    expect(bad.message).toMatch(new RegExp(`System\\.map against \\.tmp_vmlinux2\\.syms: ${moved.toLocaleString('en-US')} symbols moved$`))
    // The detail says what one pass would have got wrong.
    expect(JSON.stringify(out.blocks)).toContain('One pass would not have been enough')
  })

  it('a leftover third pass of an earlier build is set aside', async ctx => {
    if (!setup(ctx.skip)) return
    const old = new Date(statSync(join(dir, '.tmp_vmlinux1.syms')).mtimeMs - 3_600_000)
    cloneFile(join(dir, '.tmp_vmlinux1.syms'), join(dir, '.tmp_vmlinux3.syms'), old)
    const { out, snap } = await review(dir)
    expect(out.findings).toEqual([
      { severity: 'notice', code: 'kallsyms-leftover-pass', file: '.tmp_vmlinux3.syms', message: '.tmp_vmlinux3.syms is older than pass 2: a leftover of an earlier build, not part of this link (ignored)' }
    ])
    expect(snap!.passes).toBe(2)
    expect(out.summary).toMatch(/System\.map matches pass 2/)
  })

  it('a third pass nothing required, against a two-pass baseline', async ctx => {
    if (!setup(ctx.skip)) return
    const later = new Date(statSync(join(dir, 'System.map')).mtimeMs - 1)
    for (const suffix of ['.syms', '.kallsyms.o']) cloneFile(join(dir, `.tmp_vmlinux2${suffix}`), join(dir, `.tmp_vmlinux3${suffix}`), later)
    const { out, snap } = await review(dir, { passes: 2, why: '', forced: false, systemMapSymbols: null, tableSymbols: null })
    expect(snap).toMatchObject({ passes: 3, forced: true })
    expect(codes(out.findings)).toEqual(['kallsyms-extra-pass-forced', 'kallsyms-pass-count-increased'])
    const inc = out.findings.find(f => f.code === 'kallsyms-pass-count-increased')!
    expect(inc.severity).toBe('warning')
    expect(inc.message).toMatch(/^the link now needs 3 passes instead of 2 \(main\): the kallsyms object had the same size \([\d,]+ bytes\) and symbols in passes 1 and 2, so pass 3 was forced \(KALLSYMS_EXTRA_PASS=1\)$/)
    expect(out.summary).toMatch(/^3 link passes \(was 2\), [\d,]+ symbols, System\.map matches pass 3/)
  })

  it('System.map older than the passes (the last link stopped early) is not compared', async ctx => {
    if (!setup(ctx.skip)) return
    setMtime(join(dir, 'System.map'), new Date(statSync(join(dir, '.tmp_vmlinux1.syms')).mtimeMs - 60_000))
    rewrite(join(dir, 'System.map'), old => old.toString('latin1').split('\n').slice(5).join('\n'))
    const { out } = await review(dir)
    expect(codes(out.findings).filter(c => c.startsWith('kallsyms-inconsistent'))).toEqual([])
    expect(out.findings.find(f => f.code === 'kallsyms-stale-system-map')).toMatchObject({ severity: 'warning', file: 'System.map' })
  })

  it('a tampered offset in vmlinux names the symbol and both addresses', async ctx => {
    if (!setup(ctx.skip)) return
    const vmlinux = join(dir, 'vmlinux')
    const elf = ElfFile.open(new FileSource(vmlinux))
    const found = tablesOfElf(elf)!
    // Table positions are offsets into the section holding them: .rodata, by symbols or by scan.
    const rodata = elf.section('.rodata')!
    // A function with room behind it, so moving it 16 bytes keeps the table in address order.
    const entries = found.table.entries
    const unique = new Map<string, number>()
    for (const e of entries) unique.set(e.name, (unique.get(e.name) ?? 0) + 1)
    const idx = entries.findIndex((e, i) => i > entries.length / 2 && e.type === 'T' && unique.get(e.name) === 1 && entries[i + 1]!.addr - e.addr > 32n)
    const entry = found.table.entries[idx]!
    const at = rodata.offset + found.table.layout.addresses + 4 * idx
    elf.close()
    const delta = found.table.layout.mode === 'absolute-percpu' ? -16 : 16
    rewrite(vmlinux, old => {
      const b = Buffer.from(old)
      b.writeInt32LE(b.readInt32LE(at) + delta, at)
      return b
    })
    const { out } = await review(dir)
    expect(out.findings).toEqual([{ severity: 'error', code: 'kallsyms-table-mismatch-moved', symbol: entry.name, message: expect.any(String) }])
    expect(out.findings[0]!.message).toMatch(/^the kallsyms table of vmlinux, by (symbols|scan of \.rodata) disagrees with System\.map: /)
    expect(out.findings[0]!.message).toContain(`: ${entry.name} is at ${hex(entry.addr)} in System.map but at ${hex(entry.addr + 16n)} (.text) in the table`)
    expect(out.summary).toMatch(/System\.map matches pass 2, embedded table differs from System\.map$/)
  })
})
