import { describeError } from '../model/errors.ts'
import type { Build } from '../model/build.ts'
import type { Finding } from '../model/finding.ts'
import { nextTurn } from '../model/turns.ts'
import { describeLimit, overBudget, parseSizeBudget, type SizeBudget } from '../sizes/budget.ts'
import { diffSizes, diffVmlinux, sideOf, type SizesDiff, type VmlinuxDiff } from '../sizes/diff.ts'
import { bytes, diffBlocks, diffSummary, human, inventoryBlocks, percent, signed } from '../sizes/render.ts'
import { reportSections } from '../sizes/report-section.ts'
import { readSizesSnapshot, sizeTablesHints, takeSizesSnapshot, vmlinuxSizes, withSizeTables, type SizeProblem, type SizesSnapshot } from '../sizes/snapshot.ts'
import { sizesAnalyzer } from '../sizes/module-analyzer.ts'
import { VMLINUX_CLASSES } from '../sizes/vmlinux-classes.ts'
import type { Check, CheckOutcome } from './check.ts'

/**
 * Module and vmlinux sizes: per module the loader's classes (text, rodata, data, bss, init
 * parts), vmlinux by class with its big tables apart, built-in modules attributed through
 * modules.builtin.ranges; against a baseline the modules added, removed, grown, shrunk and
 * moved between =m and =y, with bloat-o-meter's symbol deltas, and the size budget.
 */
export const sizesCheck: Check<SizesSnapshot> = {
  id: 'sizes',
  title: 'Sizes',
  async snapshot(build) {
    if (!build.layout.vmlinux && build.layout.modules.length === 0) return null
    return takeSizesSnapshot(build)
  },
  withBaseline(build, baseline) {
    if (!baseline.data) return
    const base = readSizesSnapshot(baseline.data, baseline.label || 'the baseline')
    build.hint(sizesAnalyzer.id, sizeTablesHints(base))
    // vmlinux's diff needs no module: made on a later turn, while the workers analyze them.
    vmlinuxDiff(build, base).catch(() => undefined)
  },
  async run({ build, options, current, baseline }) {
    const findings: Finding[] = []
    let budget: SizeBudget = {}
    if (options.sizeBudget) {
      try {
        budget = parseSizeBudget(options.sizeBudget)
      } catch (err) {
        findings.push({ severity: 'error', code: 'size-budget-invalid', message: describeError(err) })
      }
    }
    const snap = current ?? (build.layout.vmlinux || build.layout.modules.length ? await takeSizesSnapshot(build) : null)
    if (!snap) return { status: 'skip', summary: 'no vmlinux and no modules to size', findings }
    for (const x of problemFindings(snap.problems)) findings.push(x)
    const label = baseline?.label || 'the baseline'
    let base: SizesSnapshot | null = null
    if (baseline?.data) {
      try {
        base = readSizesSnapshot(baseline.data, label)
      } catch (err) {
        findings.push({ severity: 'notice', code: 'size-baseline-unusable', message: `the baseline's size data cannot be used: ${describeError(err)}` })
      }
    }
    if (!base) {
      if (Object.keys(budget).length) {
        findings.push({ severity: 'notice', code: 'size-no-baseline', message: `the size budget was not checked: ${baseline ? 'the baseline has no size data' : 'there is no baseline to compare with'}` })
      }
      return { summary: inventorySummary(snap), findings, blocks: noBaselineBlocks(snap), report: reportSections(snap, null, null) }
    }
    // Tables the analyzers did not make are read again by workers while this thread diffs vmlinux.
    const tables = withSizeTables(build, snap, base)
    let vmlinux
    try {
      vmlinux = await vmlinuxDiff(build, base, snap)
    } finally {
      await tables.catch(() => undefined)
    }
    const diff = diffSizes(base, await tables, vmlinux)
    const over = budgetFindings(diff, budget)
    for (const x of over) findings.push(x)
    // The comment shows checks that have something to say: a size change is worth a notice.
    const largest = largestChange(diff)
    if (largest && over.length === 0) findings.push({ severity: 'notice', code: 'size-changed', message: `sizes changed; the largest change is ${largest}` })
    const outcome: CheckOutcome = { summary: diffSummary(diff, label), findings, blocks: diffBlocks(diff), report: reportSections(snap, diff, label) }
    return outcome
  }
}

/**
 * vmlinux of this build against the baseline's, started once the baseline is known (it needs no
 * module). The snapshot's vmlinux part is the one the diff was made from, or it is made anew.
 */
async function vmlinuxDiff(build: Build, base: SizesSnapshot, current?: SizesSnapshot): Promise<VmlinuxDiff | null> {
  const made = build.memo('sizes:vmlinux-diff', () => new Map<SizesSnapshot, Promise<EarlyDiff>>())
  let early = made.get(base)
  if (!early) {
    // Two turns: each half takes a few hundred milliseconds for a distro vmlinux.
    early = nextTurn()
      .then(() => vmlinuxSizes(build))
      .then(async after => {
        await nextTurn()
        return { from: after.vmlinux, diff: diffVmlinux(base, after) }
      })
    made.set(base, early)
  }
  if (!current) return (await early).diff
  const done = await early.catch(() => null)
  return done && done.from === current.vmlinux ? done.diff : diffVmlinux(base, current)
}

interface EarlyDiff {
  from: SizesSnapshot['vmlinux']
  diff: VmlinuxDiff | null
}

/** One warning for a modules.builtin.ranges that does not fit (however many lines), a notice per module problem. */
function problemFindings(problems: readonly SizeProblem[]): Finding[] {
  const out: Finding[] = []
  const ranges = problems.filter(p => p.kind === 'ranges')
  if (ranges.length) {
    const first = ranges[0]!
    const more = ranges.length > 1 ? ` (and ${ranges.length - 1} more)` : ''
    const f: Finding = {
      severity: 'warning',
      code: 'size-ranges-mismatch',
      message: `${first.message}${more}: built-in module sizes may be attributed wrongly; is modules.builtin.ranges from this vmlinux?`
    }
    if (first.file) f.file = first.file
    out.push(f)
  }
  for (const p of problems) {
    if (p.kind === 'ranges') continue
    const f: Finding = { severity: 'notice', code: p.kind === 'unsized' ? 'size-module-unsized' : 'size-module-duplicate', message: p.message }
    if (p.file) f.file = p.file
    if (p.module) f.module = p.module
    out.push(f)
  }
  return out
}

function inventorySummary(s: SizesSnapshot): string {
  const parts: string[] = []
  if (s.vmlinux) {
    const total = s.vmlinux.classes.reduce((a, b) => a + b, 0)
    const text = s.vmlinux.classes[VMLINUX_CLASSES.indexOf('text')] ?? 0
    parts.push(`vmlinux ${human(total)} loaded (text ${human(text)})`)
  }
  const mods = Object.values(s.modules)
  const loadable = mods.filter(m => m.kind === 'm')
  if (loadable.length) {
    const total = loadable.reduce((a, m) => a + (m.classes ?? []).reduce((x, y) => x + y, 0), 0)
    parts.push(`${loadable.length.toLocaleString('en-US')} loadable modules, ${human(total)} loaded`)
  }
  const builtin = mods.length - loadable.length
  if (builtin) parts.push(`${builtin.toLocaleString('en-US')} built in${s.builtins === 'list' ? ' (no modules.builtin.ranges: sizes unknown)' : ''}`)
  return `${parts.join('; ')}; no baseline to compare with`
}

function noBaselineBlocks(s: SizesSnapshot) {
  let vmlinux: Record<string, number> | null = null
  if (s.vmlinux) {
    vmlinux = {}
    VMLINUX_CLASSES.forEach((c, i) => (vmlinux![c] = s.vmlinux!.classes[i] ?? 0))
  }
  const largest = Object.entries(s.modules)
    .map(([name, e]) => ({ name, side: sideOf(e) }))
    .filter(m => m.side.total !== null)
    .sort((a, b) => b.side.total! - a.side.total! || (a.name < b.name ? -1 : 1))
    .slice(0, 10)
  return inventoryBlocks(vmlinux, largest)
}

function largestChange(d: SizesDiff): string | null {
  let best: { what: string; delta: number } | null = null
  const consider = (what: string, delta: number | null) => {
    if (delta !== null && delta !== 0 && (!best || Math.abs(delta) > Math.abs(best.delta))) best = { what, delta }
  }
  if (d.vmlinux) consider(`vmlinux ${signed(d.vmlinux.total.delta)} bytes (${percent(d.vmlinux.total.percent)})`, d.vmlinux.total.delta)
  for (const c of d.changed) if (!c.moved) consider(`module ${c.name} ${signed(c.delta ?? 0)} bytes (${percent(c.percent)})`, c.delta)
  for (const a of d.added) consider(`module ${a.name} added, ${bytes(a.after.total ?? 0)} bytes`, a.after.total)
  for (const r of d.removed) consider(`module ${r.name} removed, ${bytes(r.before.total ?? 0)} bytes`, r.before.total === null ? null : -r.before.total)
  const moved = d.changed.filter(c => c.moved)
  if (!best && moved.length) return `${moved.length} module${moved.length === 1 ? '' : 's'} moved between =m and =y`
  return best ? (best as { what: string }).what : null
}

function budgetFindings(d: SizesDiff, budget: SizeBudget): Finding[] {
  const out: Finding[] = []
  const growth = (before: number, after: number, p: number | null) => `${signed(after - before)} bytes (${percent(p)}, ${bytes(before)} → ${bytes(after)})`
  if (budget.total && d.total && overBudget(budget.total, d.total.before, d.total.after)) {
    out.push({
      severity: 'error',
      code: 'size-budget-total',
      message: `vmlinux and loadable modules together grew ${growth(d.total.before, d.total.after, d.total.percent)}, over the budget of ${describeLimit(budget.total)}`
    })
  }
  if (budget.vmlinux && d.vmlinux && overBudget(budget.vmlinux, d.vmlinux.total.before, d.vmlinux.total.after)) {
    const t = d.vmlinux.total
    out.push({ severity: 'error', code: 'size-budget-vmlinux', message: `vmlinux grew ${growth(t.before, t.after, t.percent)}, over the budget of ${describeLimit(budget.vmlinux)}` })
  }
  if (budget.module) {
    for (const c of d.changed) {
      // A move between =m and =y compares unlike layouts: never a budget finding.
      if (c.moved || c.before.total === null || c.after.total === null) continue
      if (!overBudget(budget.module, c.before.total, c.after.total)) continue
      out.push({
        severity: 'error',
        code: 'size-budget-module',
        module: c.name,
        message: `module ${c.name} grew ${growth(c.before.total, c.after.total, c.percent)}, over the per-module budget of ${describeLimit(budget.module)}`
      })
    }
  }
  return out
}

