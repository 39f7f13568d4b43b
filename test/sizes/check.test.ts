// The sizes check over hand-made snapshots: what counts as added, removed, grown, shrunk and
// moved, the budget findings, the comment blocks and the report's modules section.
import { describe, expect, it } from 'vitest'
import { sizesCheck } from '../../src/checks/sizes.ts'
import type { BuildLayout } from '../../src/discover/layout.ts'
import { Build } from '../../src/model/build.ts'
import type { Block } from '../../src/model/finding.ts'
import { defaultOptions } from '../../src/model/options.ts'
import { MODULE_CLASSES } from '../../src/sizes/module-classes.ts'
import { packCategories } from '../../src/sizes/pack.ts'
import type { ModuleSizeEntry, SizesSnapshot } from '../../src/sizes/snapshot.ts'
import { readSizesSnapshot } from '../../src/sizes/snapshot.ts'
import { VMLINUX_CLASSES } from '../../src/sizes/vmlinux-classes.ts'

const layout: BuildLayout = { root: '/nonexistent', kind: 'explicit', modules: [], passes: [], missing: [], notes: [] }
const build = new Build(layout, { release: '6.12.0', version: { major: 6, minor: 12, patch: 0 }, arch: 'x86_64', layout: 'explicit', config: {} }, null)

const cls = (text: number, rodata = 0, data = 0): number[] => MODULE_CLASSES.map(c => (c === 'text' ? text : c === 'rodata' ? rodata : c === 'data' ? data : 0))
const syms = (fns: Record<string, number>) => packCategories({ function: new Map(Object.entries(fns)), data: new Map(), rodata: new Map() })
const ko = (text: number, fns: Record<string, number> = {}): ModuleSizeEntry => ({ kind: 'm', classes: cls(text), file: text * 2, compressed: text, symbols: syms(fns) })
const vm = (text: number, fns: Record<string, number>) => ({ classes: VMLINUX_CLASSES.map(c => (c === 'text' ? text : c === 'data' ? 1000 : 0)), symbols: syms(fns) })

function snap(modules: Record<string, ModuleSizeEntry>, vmlinux = vm(100_000, { start_kernel: 500 })): SizesSnapshot {
  return { version: 1, moduleClasses: [...MODULE_CLASSES], vmlinuxClasses: [...VMLINUX_CLASSES], vmlinux, modules, builtins: 'ranges', problems: [] }
}

const before = snap({
  grows: ko(1000, { grows_fn: 1000 }),
  shrinks: ko(2000, { shrinks_fn: 2000 }),
  same: ko(300),
  gone: ko(400),
  moves: ko(5000, { moves_fn: 4800 }),
  builtin: { kind: 'y', classes: cls(700) }
})
const after = snap(
  {
    grows: ko(1600, { grows_fn: 1500, helper: 100 }),
    shrinks: ko(1500, { shrinks_fn: 1500 }),
    same: ko(300),
    fresh: ko(800),
    moves: { kind: 'y', classes: cls(4900), symbols: syms({ moves_fn: 4800 }) },
    builtin: { kind: 'y', classes: cls(700) }
  },
  // The moved module's 4,900 bytes are inside vmlinux now.
  vm(104_964, { start_kernel: 564, moves_fn: 4800 })
)

async function run(budget: string | null, base: SizesSnapshot | null = before) {
  return sizesCheck.run({
    build,
    options: defaultOptions({ sizeBudget: budget }),
    current: after,
    baseline: base ? { info: build.info, label: 'main (abc123)', data: JSON.parse(JSON.stringify(base)) } : null
  })
}

function texts(blocks: Block[]): string {
  return JSON.stringify(blocks)
}

describe('sizes check against a baseline', () => {
  it('reports added, removed, grown, shrunk and a move between =m and =y as such', async () => {
    const out = await run(null)
    expect(out.summary).toBe('vmlinux +4,964 bytes (+4.91%); modules: 1 added, 1 removed, 1 grew, 1 shrank, 1 moved between =m and =y; total +464 bytes (+0.42%) against main (abc123)')
    const m = out.report!.modules as {
      added: Array<{ name: string }>
      removed: Array<{ name: string }>
      changed: Array<{ name: string; moved: boolean; before: { kind: string; classes: Record<string, number> }; after: { kind: string; total: number }; delta: number }>
      unchanged: number
    }
    expect(m.added.map(x => x.name)).toEqual(['fresh'])
    expect(m.removed.map(x => x.name)).toEqual(['gone'])
    expect(m.unchanged).toBe(2)
    expect(m.changed.map(c => [c.name, c.moved, c.delta])).toEqual([
      ['grows', false, 600],
      ['shrinks', false, -500],
      ['moves', true, -100]
    ])
    const moved = m.changed.find(c => c.moved)!
    expect([moved.before.kind, moved.after.kind]).toEqual(['loadable', 'builtin'])
    expect(moved.before.classes.text).toBe(5000)
    // Only a notice: the comment shows the section, nothing fails.
    expect(out.findings.map(f => [f.severity, f.code])).toEqual([['notice', 'size-changed']])
    expect(out.findings[0]!.message).toBe('sizes changed; the largest change is vmlinux +4,964 bytes (+4.91%)')
  })

  it('shows the largest changes first and bloat-o-meter output per changed module', async () => {
    const out = await run(null)
    const table = out.blocks![0] as Extract<Block, { kind: 'table' }>
    expect(table.rows.map(r => (r[0] as { code: string }).code)).toEqual(['vmlinux', 'fresh', 'grows', 'shrinks', 'gone', 'moves'])
    const all = texts(out.blocks!)
    expect(all).toContain('add/remove: 1/0 grow/shrink: 1/0 up/down: 600/0 (600)')
    expect(all).toContain('add/remove: 1/0 grow/shrink: 1/0 up/down: 4864/0 (4864)')
    expect(all).toContain('moved: loadable → built in')
  })

  it('turns the budget into findings, never for a move', async () => {
    const out = await run('total=+0.4%,vmlinux=+5000,module=+50%')
    expect(out.findings.map(f => [f.code, f.module])).toEqual([
      ['size-budget-total', undefined],
      ['size-budget-module', 'grows']
    ])
    expect(out.findings.every(f => f.severity === 'error')).toBe(true)
    expect((await run('module=+600')).findings.map(f => f.code)).toEqual(['size-changed'])
  })

  it('reports an unreadable budget and a missing baseline without failing the sizes', async () => {
    const bad = await run('module=64KB')
    expect(bad.findings[0]!.code).toBe('size-budget-invalid')
    const none = await run('total=+1%', null)
    expect(none.findings.map(f => f.code)).toEqual(['size-no-baseline'])
    expect(none.summary).toContain('no baseline to compare with')
    expect((none.report!.modules as { sizes: Record<string, unknown> }).sizes).toHaveProperty('moves')
  })

  it('says nothing changed when nothing did', async () => {
    const out = await sizesCheck.run({ build, options: defaultOptions(), current: before, baseline: { info: build.info, label: 'main', data: before } })
    expect(out.summary).toBe('no size changes against main')
    expect(out.findings).toEqual([])
  })

  it('reads an older snapshot by class name and refuses a broken one', () => {
    const old = { ...before, moduleClasses: ['data', 'text'], modules: { a: { kind: 'm', classes: [5, 7] } } }
    expect(readSizesSnapshot(old, 'x').modules.a!.classes).toEqual(MODULE_CLASSES.map(c => (c === 'text' ? 7 : c === 'data' ? 5 : 0)))
    expect(() => readSizesSnapshot({ ...before, version: 2 }, 'x')).toThrow(/version 2/)
    expect(() => readSizesSnapshot({ ...before, modules: { a: { kind: 'm', classes: [-1] } } }, 'x')).toThrow(/bad class sizes/)
  })
})
