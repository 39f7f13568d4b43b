import { buildExports, exportSet, type SourceMismatch } from '../exports/build-exports.ts'
import { countsPerModule, diffExports, fromExportSnapshot, toExportSnapshot, type ExportChange, type ExportDiff, type ExportSnapshot } from '../exports/diff.ts'
import { loadLists } from '../exports/lists.ts'
import { extraModules } from '../exports/module-set.ts'
import { exportKind, formatCrc, type ExportedSymbol } from '../exports/model.ts'
import type { Block, Finding, Severity, Text } from '../model/finding.ts'
import type { Build } from '../model/build.ts'
import type { ReviewOptions } from '../model/options.ts'
import { gplCompatible, licensesOf, moduleNamespaceAllows } from '../exports/resolve.ts'
import type { Check } from './check.ts'

/**
 * The export diff against the baseline: exports added, removed and changed (GPL-only,
 * namespace, CRC, owning module). A removed, newly GPL-only or re-namespaced export breaks
 * modules built against the baseline: a warning, an error when a symbol list or a supplied
 * module needs it. Also reports where Module.symvers and the binaries disagree.
 */
export const exportsCheck: Check<ExportSnapshot> = {
  id: 'exports',
  title: 'Exported symbols',
  async snapshot(build) {
    const exp = await exportSet(build)
    return toExportSnapshot(exp.source, exp.modversions, exp.exports)
  },
  async run({ build, options, current, baseline }) {
    // The diff of a snapshot taken from Module.symvers needs no module: made while the workers
    // still analyze them (buildExports waits for them).
    const base = baseline?.data ? fromExportSnapshot(baseline.data, baseline.label || 'baseline') : null
    const early = base && current ? diffExports(base, fromExportSnapshot(current, 'current build')) : null
    const exp = await buildExports(build)
    const findings: Finding[] = mismatchFindings(exp.symvers?.file ?? 'Module.symvers', exp.binary?.vmlinux ?? null, exp.mismatches)
    const blocks: Block[] = []
    if (exp.notes.length) blocks.push({ kind: 'list', items: exp.notes })
    if (exp.mismatches.length) blocks.push(mismatchBlock(exp.mismatches))
    const count = `${exp.exports.length.toLocaleString('en-US')} exports`
    if (!baseline?.data || !base) {
      const summary =
        exp.source === 'none'
          ? 'no exports found (no Module.symvers, vmlinux or modules)'
          : `${count} (${exp.source === 'symvers' ? exp.symvers!.kind : 'from the binaries'}); ${baseline ? 'the baseline has no export data' : 'no baseline to compare with'}`
      return { summary: withMismatch(summary, exp.mismatches), findings, blocks, report: { exports: section(null, null) } }
    }
    const diff = early ?? diffExports(base, exp.exports)
    if (exp.source === 'binaries') {
      // A module that could not be read exports nothing here; its exports are unknown, not removed.
      const unread = new Set(exp.modules.filter(m => !m.linkage).map(m => m.owner))
      const unknown = diff.removed.filter(e => unread.has(e.module))
      if (unknown.length) {
        diff.removed = diff.removed.filter(e => !unread.has(e.module))
        blocks.push({ kind: 'paragraph', text: `${unknown.length} exports of the baseline belong to modules that could not be read here; they are not counted as removed` })
      }
    }
    const needed = await neededSymbols(build, options)
    for (const x of diffFindings(diff, needed)) findings.push(x)
    for (const x of diffBlocks(diff)) blocks.push(x)
    const summary = `${count}; against ${baseline.label || 'the baseline'}: ${diffLine(diff)}`
    return { summary: withMismatch(summary, exp.mismatches), findings, blocks, report: { exports: section(baseline.label, diff) } }
  }
}

/** Who needs an export: a symbol-list entry, or a supplied out-of-tree module. */
interface Need {
  by: string
  /** For modules: GPL-compatible, and the namespaces it imports. */
  module?: { name: string; gpl: boolean; importNs: string[] }
}

/** Symbols a symbol list names or a supplied out-of-tree module imports, with who needs them. */
async function neededSymbols(build: Build, options: ReviewOptions): Promise<Map<string, Need[]>> {
  const needed = new Map<string, Need[]>()
  const add = (symbol: string, need: Need) => needed.set(symbol, [...(needed.get(symbol) ?? []), need])
  for (const { list } of loadLists(build, options).lists) {
    for (const e of list.entries) add(e.symbol, { by: `listed in ${list.file}:${e.line}` })
  }
  if (options.extraModules.length) {
    for (const m of await extraModules(build, options.extraModules)) {
      const module = { name: m.baseName, gpl: gplCompatible(licensesOf(m)), importNs: m.modinfo?.importNs ?? [] }
      for (const s of m.linkage?.imports ?? []) add(s, { by: `imported by out-of-tree module ${m.name}`, module })
    }
  }
  return needed
}

/**
 * A change breaks a need when the need cannot cope with it: a list entry always (the list
 * promises the export as it was); a module when the symbol is gone, when it became GPL-only
 * and the module is not GPL-compatible, or when it moved to a namespace the module does not import.
 */
function breaks(needs: readonly Need[] | undefined, test: (m: NonNullable<Need['module']>) => boolean): Need | undefined {
  return needs?.find(n => !n.module || test(n.module))
}

function diffFindings(diff: ExportDiff, needed: Map<string, Need[]>): Finding[] {
  const out: Finding[] = []
  const level = (n: Need | undefined): Severity => (n ? 'error' : 'warning')
  const because = (n: Need | undefined) => (n ? ` and it is ${n.by}` : '')
  for (const e of diff.removed) {
    const n = breaks(needed.get(e.symbol), () => true)
    out.push({
      severity: level(n),
      code: 'export-removed',
      symbol: e.symbol,
      module: e.module,
      message: `${e.symbol} is no longer exported (was ${exportKind(e.gplOnly)} of ${e.module}): modules built against the baseline that use it will not load${because(n)}`
    })
  }
  for (const c of diff.changed) {
    if (c.fields.includes('gplOnly') && c.after.gplOnly) {
      const n = breaks(needed.get(c.symbol), m => !m.gpl)
      out.push({
        severity: level(n),
        code: 'export-now-gpl-only',
        symbol: c.symbol,
        module: c.after.module,
        message: `${c.symbol} became EXPORT_SYMBOL_GPL: modules that are not GPL-compatible can no longer use it${because(n)}`
      })
    }
    if (c.fields.includes('namespace') && c.after.namespace !== '') {
      const ns = c.after.namespace
      const n = breaks(needed.get(c.symbol), m => !m.importNs.includes(ns) && !moduleNamespaceAllows(ns, m.name))
      out.push({
        severity: level(n),
        code: 'export-namespace-changed',
        symbol: c.symbol,
        module: c.after.module,
        message: `${c.symbol} moved from ${c.before.namespace ? `namespace ${c.before.namespace}` : 'no namespace'} to namespace ${ns}: modules that do not import it fail to load${because(n)}`
      })
    }
  }
  return out
}

function mismatchFindings(symvers: string, binary: string | null, mismatches: readonly SourceMismatch[]): Finding[] {
  if (!mismatches.length) return []
  const byKind = new Map<SourceMismatch['what'], SourceMismatch[]>()
  for (const m of mismatches) byKind.set(m.what, [...(byKind.get(m.what) ?? []), m])
  const describe: Record<SourceMismatch['what'], string> = {
    'only-symvers': `listed in ${symvers} but not exported by the binaries`,
    'only-binary': `exported by the binaries but missing from ${symvers}`,
    gpl: `GPL-only in one of ${symvers} and the binaries but not the other`,
    namespace: `in a different namespace in ${symvers} than in the binaries`,
    crc: `with a different CRC in ${symvers} than in the binaries' __kcrctab`,
    module: `owned by a different module in ${symvers} than in the binaries`
  }
  const out: Finding[] = []
  for (const [what, unsorted] of byKind) {
    const list = [...unsorted].sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0))
    const sample = list.slice(0, 5).map(m => m.symbol).join(', ')
    const first = list[0]!
    out.push({
      severity: 'warning',
      code: 'export-symvers-mismatch',
      file: symvers,
      ...(first.line !== undefined ? { line: first.line } : {}),
      ...(list.length === 1 ? { symbol: first.symbol, module: first.module } : {}),
      message: `${list.length} export${list.length === 1 ? ' is' : 's are'} ${describe[what]} (${sample}${list.length > 5 ? ', …' : ''}): ${symvers} does not describe ${binary ?? 'these binaries'}; out-of-tree modules built against it get the wrong exports and CRCs`
    })
  }
  return out
}

function mismatchBlock(mismatches: readonly SourceMismatch[]): Block {
  const attr = (e: ExportedSymbol | undefined): string => (e ? `${e.module} ${exportKind(e.gplOnly)}${e.namespace ? ` ${e.namespace}` : ''} ${formatCrc(e.crc)}` : '—')
  const rows: Text[][] = mismatches.map(m => [{ code: m.symbol }, m.what, attr(m.symvers), attr(m.binary)])
  return { kind: 'details', summary: `${mismatches.length} disagreements between Module.symvers and the binaries`, blocks: [{ kind: 'table', columns: ['Symbol', 'Difference', 'Module.symvers', 'Binaries'], rows }] }
}

function withMismatch(summary: string, mismatches: readonly SourceMismatch[]): string {
  return mismatches.length ? `${summary}; Module.symvers disagrees with the binaries on ${mismatches.length} export${mismatches.length === 1 ? '' : 's'}` : summary
}

function diffLine(d: ExportDiff): string {
  if (!d.added.length && !d.removed.length && !d.changed.length) return 'no export changed'
  const n = (x: number) => x.toLocaleString('en-US')
  const modules = countsPerModule(d).length
  const byField = (['crc', 'gplOnly', 'namespace', 'module'] as const)
    .map(f => [f, d.changed.filter(c => c.fields.includes(f)).length] as const)
    .filter(([, k]) => k > 0)
    .map(([f, k]) => `${n(k)} ${CHANGE_NAMES[f]}`)
  const changed = d.changed.length ? ` (${byField.join(', ')})` : ''
  return `${n(d.added.length)} added, ${n(d.removed.length)} removed, ${n(d.changed.length)} changed${changed} in ${n(modules)} module${modules === 1 ? '' : 's'}`
}

const CHANGE_NAMES: Record<ExportChange['fields'][number], string> = { gplOnly: 'GPL-only', namespace: 'namespace', crc: 'CRC', module: 'module' }

function change(c: ExportChange): Text {
  const parts: string[] = []
  for (const f of c.fields) {
    if (f === 'gplOnly') parts.push(c.after.gplOnly ? 'now GPL-only' : 'no longer GPL-only')
    if (f === 'namespace') parts.push(`namespace ${c.before.namespace || '(none)'} → ${c.after.namespace || '(none)'}`)
    if (f === 'crc') parts.push(`CRC ${formatCrc(c.before.crc)} → ${formatCrc(c.after.crc)}`)
    if (f === 'module') parts.push(`${c.before.module} → ${c.after.module}`)
  }
  return parts.join('; ')
}

function diffBlocks(d: ExportDiff): Block[] {
  if (!d.added.length && !d.removed.length && !d.changed.length) return []
  const counts = countsPerModule(d)
  const blocks: Block[] = [
    {
      kind: 'table',
      columns: ['Module', 'Added', 'Removed', 'Changed'],
      align: ['left', 'right', 'right', 'right'],
      rows: counts.map(c => [{ code: c.module }, String(c.added), String(c.removed), String(c.changed)])
    }
  ]
  const row = (e: ExportedSymbol): Text[] => [{ code: e.symbol }, { code: e.module }, exportKind(e.gplOnly), e.namespace || '—']
  if (d.removed.length) blocks.push({ kind: 'details', summary: `${d.removed.length} removed`, blocks: [{ kind: 'table', columns: ['Symbol', 'Module', 'Type', 'Namespace'], rows: d.removed.map(row) }] })
  if (d.changed.length) {
    const rows: Text[][] = d.changed.map(c => [{ code: c.symbol }, { code: c.after.module }, c.fields.map(f => CHANGE_NAMES[f]).join(', '), change(c)])
    blocks.push({ kind: 'details', summary: `${d.changed.length} changed`, blocks: [{ kind: 'table', columns: ['Symbol', 'Module', 'What', 'Change'], rows }] })
  }
  if (d.added.length) blocks.push({ kind: 'details', summary: `${d.added.length} added`, blocks: [{ kind: 'table', columns: ['Symbol', 'Module', 'Type', 'Namespace'], rows: d.added.map(row) }] })
  return blocks
}

/** The JSON report's `exports` section. */
function section(baseline: string | null, d: ExportDiff | null) {
  const plain = (e: ExportedSymbol) => ({ symbol: e.symbol, module: e.module, gplOnly: e.gplOnly, namespace: e.namespace, crc: e.crc })
  return {
    baseline,
    added: d ? d.added.map(plain) : [],
    removed: d ? d.removed.map(plain) : [],
    changed: d
      ? d.changed.map(c => ({
          symbol: c.symbol,
          module: c.after.module,
          fields: c.fields,
          before: plain(c.before),
          after: plain(c.after)
        }))
      : [],
    modules: d ? countsPerModule(d) : []
  }
}
