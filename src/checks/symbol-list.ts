import { buildExports } from '../exports/build-exports.ts'
import { importFinding, listIssueFinding, visible } from '../exports/findings.ts'
import { loadLists, type ListSet } from '../exports/lists.ts'
import { extraModules, type LinkedModule } from '../exports/module-set.ts'
import { nearestNames, neverExportReason } from '../exports/names.ts'
import { tableOf, type ExportTable } from '../exports/model.ts'
import { resolveImports } from '../exports/resolve.ts'
import type { Block, Finding, Text } from '../model/finding.ts'
import type { Build } from '../model/build.ts'
import type { ReviewOptions } from '../model/options.ts'
import { skipped, type Check } from './check.ts'

/**
 * The symbol-list (whitelist) check: every list line read as this kernel reads it, every entry
 * against the built exports, and every module's imports (the build's own and out-of-tree ones)
 * against the exports, as modpost and the module loader will resolve them.
 */
export const symbolListCheck: Check = {
  id: 'symbol-list',
  title: 'Symbol lists and module imports',
  async run({ build, options }) {
    const exp = await buildExports(build)
    const lists = loadLists(build, options)
    const extra = options.extraModules.length ? await extraModules(build, options.extraModules) : []
    if (exp.source === 'none' && !lists.lists.length && !exp.modules.length && !extra.length) {
      return skipped('no exports, symbol lists or modules to check')
    }
    const findings: Finding[] = []
    for (const x of whitelistFindings(build, lists)) findings.push(x)
    for (const x of listFindings(lists, exp.table, options)) findings.push(x)
    // Without Module.symvers, vmlinux or a boot image, vmlinux's exports are unknown: an import
    // missing from the modules' own exports proves nothing, so only resolved imports are judged.
    const vmlinuxKnown = exp.source === 'symvers' ? build.layout.symversKind !== 'modules-only.symvers' : exp.binary?.vmlinux != null
    const { findings: importFindings, blocks } = importChecks(exp.modules, extra, exp.table, lists, vmlinuxKnown)
    if (!vmlinuxKnown && (exp.modules.length || extra.length)) {
      findings.push({
        severity: 'notice',
        code: 'import-vmlinux-unknown',
        message: "vmlinux's exports are unknown (no Module.symvers, vmlinux or boot image): imports were checked only against the modules' own exports, and unresolved ones are not reported"
      })
    }
    for (const x of importFindings) findings.push(x)
    // The build's own unreadable modules are the inventory's finding; extra modules are ours.
    for (const m of extra) {
      if (m.error && m.linkage === null) {
        findings.push({ severity: 'warning', code: 'import-unreadable', module: m.name, file: m.file, message: `cannot read the imports of ${m.file}: ${m.error}` })
      }
    }
    return { summary: summarize(exp.source, exp.table.size, lists, exp.modules.length, extra.length, findings), findings, blocks }
  }
}

const MAX_SUGGESTED = 200

function whitelistFindings(build: Build, lists: ListSet): Finding[] {
  const w = lists.whitelist
  if (!w || w.path) return []
  if (w.refused) {
    return [
      {
        severity: 'warning',
        code: 'symbol-list-whitelist-outside',
        file: w.refused,
        message: `CONFIG_UNUSED_KSYMS_WHITELIST="${w.setting}" names a file outside the build and source trees; it was not read`
      }
    ]
  }
  // Installed kernels and packages do not ship the list; a kbuild tree should have it.
  return [
    {
      severity: build.layout.kind === 'kbuild' ? 'warning' : 'notice',
      code: 'symbol-list-whitelist-missing',
      message: `CONFIG_UNUSED_KSYMS_WHITELIST="${w.setting}" was not found (looked at ${w.tried.map(t => build.rel(t)).join(', ')}); the whitelist is not checked`
    }
  ]
}

function listFindings(lists: ListSet, table: ExportTable, options: ReviewOptions): Finding[] {
  const findings: Finding[] = []
  const names = [...table.keys()]
  const listed = new Set<string>()
  let suggested = 0
  for (const { list, whitelist } of lists.lists) {
    for (const issue of list.issues) findings.push(listIssueFinding(list, issue, whitelist))
    for (const e of list.entries) {
      listed.add(e.symbol)
      const at = { file: list.file, line: e.line, symbol: e.symbol }
      const never = neverExportReason(e.symbol)
      if (never) {
        const relink =
          e.symbol === '__this_module' && lists.reader === 'autoksyms'
            ? '; on ≤6.4 listing it changes autoksyms.h, which relinks vmlinux needlessly (costly with LTO)'
            : ''
        findings.push({ severity: 'warning', code: 'symbol-list-never-export', message: `${visible(e.symbol)} ${never}${relink}`, ...at })
        continue
      }
      if (table.has(e.symbol)) continue
      // Suggestions cost a pass over every export name: enough for typos, bounded for a list
      // written against another kernel where thousands of entries are missing.
      const near = suggested++ < MAX_SUGGESTED ? nearestNames(e.symbol, names) : []
      const hint = near.length ? `; did you mean ${near.join(', ')}?` : ''
      let why = 'no object in this build exports it (a typo, or an export that was removed or is not built in this configuration)'
      if (lists.trim && !whitelist) why = 'this build does not export it (TRIM_UNUSED_KSYMS drops exports that no module uses and the whitelist does not keep)'
      if (lists.autoksyms?.has(e.symbol)) why = 'include/generated/autoksyms.h keeps it, yet vmlinux does not export it: either nothing exports it, or vmlinux was not relinked after autoksyms.h changed (the ≤6.4 TRIM_UNUSED_KSYMS race)'
      findings.push({
        severity: options.strictSymbolList ? 'error' : 'warning',
        code: 'symbol-list-unknown-symbol',
        message: `${e.symbol}: ${why}${hint}`,
        ...at
      })
    }
  }
  if (options.strictSymbolList) {
    if (!lists.lists.length) {
      findings.push({ severity: 'warning', code: 'symbol-list-strict-no-list', message: 'strict symbol-list mode is on, but there is no symbol list to compare with' })
    } else {
      for (const e of [...table.values()].sort((a, b) => (a.symbol < b.symbol ? -1 : 1))) {
        if (listed.has(e.symbol)) continue
        findings.push({
          severity: 'error',
          code: 'symbol-list-strict-unlisted',
          symbol: e.symbol,
          module: e.module,
          message: `${e.symbol} (${e.module}) is exported but in no symbol list; strict mode requires the list and the exports to match one to one`
        })
      }
    }
  }
  return findings
}

function importChecks(
  own: readonly LinkedModule[],
  extra: readonly LinkedModule[],
  table: ExportTable,
  lists: ListSet,
  vmlinuxKnown: boolean
): { findings: Finding[]; blocks: Block[] } {
  const findings: Finding[] = []
  const raced = (symbol: string) => lists.autoksyms?.has(symbol) === true && lists.reader === 'autoksyms'
  const judged = (p: { kind: string }) => vmlinuxKnown || p.kind !== 'unresolved'
  for (const p of resolveImports(own, table)) if (judged(p)) findings.push(importFinding(p, false, p.kind === 'unresolved' && raced(p.symbol)))
  if (extra.length) {
    // depmod -e -E Module.symvers: the kernel's exports plus those of the modules given together.
    const combined = tableOf([...table.values(), ...extra.flatMap(m => (m.linkage?.exports ?? []).map(e => ({ ...e, module: m.owner, crc: e.crc })))])
    for (const p of resolveImports(extra, combined)) if (judged(p)) findings.push(importFinding(p, true, p.kind === 'unresolved' && raced(p.symbol)))
  }
  const blocks: Block[] = []
  const unresolved = findings.filter(f => f.code === 'import-unresolved' || f.code === 'import-trim-race')
  if (unresolved.length) {
    const rows: Text[][] = unresolved.map(f => [{ code: f.module ?? '' }, { code: f.symbol ?? '' }])
    blocks.push({ kind: 'details', summary: `${unresolved.length} unresolved import${unresolved.length === 1 ? '' : 's'}`, blocks: [{ kind: 'table', columns: ['Module', 'Symbol'], rows }] })
  }
  return { findings, blocks }
}

function summarize(source: string, exports: number, lists: ListSet, own: number, extra: number, findings: Finding[]): string {
  const n = (x: number, one: string, many = `${one}s`) => `${x.toLocaleString('en-US')} ${x === 1 ? one : many}`
  const parts: string[] = []
  if (lists.lists.length) {
    const entries = lists.lists.reduce((s, l) => s + l.list.entries.length, 0)
    parts.push(`${n(lists.lists.length, 'symbol list')} (${n(entries, 'entry', 'entries')})`)
  }
  if (own) parts.push(n(own, 'module'))
  if (extra) parts.push(n(extra, 'out-of-tree module'))
  const what = parts.length ? parts.join(', ') : 'nothing'
  const against = source === 'none' ? 'no known exports' : `${n(exports, 'export')} (${source === 'symvers' ? 'Module.symvers' : 'from the binaries'})`
  const errors = findings.filter(f => f.severity === 'error').length
  const warnings = findings.filter(f => f.severity === 'warning').length
  const notices = findings.length - errors - warnings
  if (!findings.length) return `${what} checked against ${against}: all resolve`
  const counts = [errors ? n(errors, 'error') : '', warnings ? n(warnings, 'warning') : '', notices ? n(notices, 'notice') : '']
  return `${what} checked against ${against}: ${counts.filter(Boolean).join(', ')}`
}
