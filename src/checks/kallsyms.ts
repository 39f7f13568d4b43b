import { compareSymbolLists, type SymbolListDiff } from '../kallsyms/compare-symbols.ts'
import { diffSummary, diffTable, count, hex, movementBlocks, movementSummary } from '../kallsyms/render.ts'
import { reviewKallsyms, sectionsOf, type KallsymsReview } from '../kallsyms/review.ts'
import type { SectionIndex } from '../kallsyms/sections.ts'
import type { Build } from '../model/build.ts'
import type { Block, Finding, Severity } from '../model/finding.ts'
import type { Check, CheckOutcome } from './check.ts'

/** What a later build is compared with. */
export interface KallsymsSnapshot {
  /** Link passes (.tmp_vmlinuxN) the build made; 0 when none were kept. */
  passes: number
  why: string
  forced: boolean
  /** Lines of System.map, when there was one. */
  systemMapSymbols: number | null
  /** Entries of the embedded table, when it was decoded. */
  tableSymbols: number | null
}

/** Per-symbol findings up to this many differences; one summary finding beyond. */
const PER_SYMBOL = 10

function hasPassData(build: Build): boolean {
  return build.layout.passes.length > 0 || !!build.layout.systemMap || !!build.layout.bootImage || !!build.layout.vmlinux
}

function snapshotOf(r: KallsymsReview): KallsymsSnapshot {
  return {
    passes: r.count.passes,
    why: r.count.why,
    forced: r.count.forced,
    systemMapSymbols: r.loaded.systemMap?.count ?? null,
    tableSymbols: r.embedded?.table.count ?? null
  }
}

interface DiffSides {
  /** What the difference means, e.g. "Inconsistent kallsyms data". */
  context: string
  before: string
  after: string
  file?: string
}

/** One finding per differing symbol when there are few, else one finding for all. */
function diffFindings(d: SymbolListDiff, severity: Severity, prefix: string, sides: DiffSides, sections: SectionIndex | null): Finding[] {
  const total = d.moved.length + d.retyped.length + d.added.length + d.lost.length
  const sec = (a: bigint) => {
    const s = sections?.sectionOf(a)
    return s ? ` (${s})` : ''
  }
  const { context, before, after } = sides
  const base = { severity, ...(sides.file ? { file: sides.file } : {}) }
  if (total === 0 || total > PER_SYMBOL) return [{ ...base, code: prefix, message: `${context}: ${after} against ${before}: ${diffSummary(d)}` }]
  const out: Finding[] = []
  for (const m of d.moved) {
    out.push({ ...base, code: `${prefix}-moved`, symbol: m.name, message: `${context}: ${m.name} is at ${hex(m.from)} in ${before} but at ${hex(m.to)}${sec(m.to)} in ${after}` })
  }
  for (const r of d.retyped) {
    out.push({ ...base, code: `${prefix}-retyped`, symbol: r.name, message: `${context}: ${r.name} has type ${r.from} in ${before} but ${r.to} in ${after} (${hex(r.addr)})` })
  }
  for (const s of d.added) {
    out.push({ ...base, code: `${prefix}-added`, symbol: s.name, message: `${context}: ${s.name} (${s.type} ${hex(s.addr)}${sec(s.addr)}) is in ${after} but not in ${before}` })
  }
  for (const s of d.lost) {
    out.push({ ...base, code: `${prefix}-lost`, symbol: s.name, message: `${context}: ${s.name} (${s.type} ${hex(s.addr)}${sec(s.addr)}) is in ${before} but not in ${after}` })
  }
  return out
}

/**
 * kallsyms across the link passes: the consistency check link-vmlinux.sh ends with, as an exact
 * diff; how many passes the build needed and why, against the baseline; and the table that
 * ships in the image, decoded and compared with System.map.
 */
export const kallsymsCheck: Check<KallsymsSnapshot> = {
  id: 'kallsyms',
  title: 'kallsyms',
  // Reads link passes, System.map, vmlinux and the boot image: runs in a module worker when it can.
  moduleFree: true,
  async snapshot(build) {
    if (!hasPassData(build)) return null
    return snapshotOf(await reviewKallsyms(build))
  },
  async run({ build, baseline }): Promise<CheckOutcome> {
    if (!hasPassData(build)) return { status: 'skip', summary: 'no link passes, System.map or kernel image to check', findings: [] }
    const r = await reviewKallsyms(build)
    const sections = sectionsOf(build)
    const findings: Finding[] = []
    const blocks: Block[] = []
    const { loaded, count: pc, final, embedded } = r
    const last = loaded.maps.filter(m => m.pass >= 1).at(-1)

    for (const l of loaded.leftovers) {
      findings.push({ severity: 'notice', code: 'kallsyms-leftover-pass', file: l.file, message: `${l.file} is ${l.reason}: a leftover of an earlier build, not part of this link (ignored)` })
    }
    for (const u of loaded.unreadable) {
      findings.push({ severity: 'warning', code: 'kallsyms-pass-unreadable', file: u.file, message: `${u.file} could not be read, so its pass is checked from its .syms alone: ${u.error}` })
    }
    for (const m of loaded.mismatched) {
      for (const x of diffFindings(m.diff, 'warning', 'kallsyms-stale-syms', { context: `stale ${m.syms}`, before: `mksysmap of ${m.elf}`, after: m.syms, file: m.syms }, sections)) findings.push(x)
      blocks.push({ kind: 'paragraph', text: [{ strong: `${m.syms} is stale` }, `: it does not describe ${m.elf} (${diffSummary(m.diff)}; compared with ${loaded.filter.origin}).`] })
      for (const x of diffTable(m.diff, { before: `mksysmap of ${m.elf}`, after: m.syms }, sections)) blocks.push(x)
    }
    if (loaded.systemMapOlderThanPasses && loaded.systemMap) {
      findings.push({ severity: 'warning', code: 'kallsyms-stale-system-map', file: loaded.systemMap.file, message: `${loaded.systemMap.file} is older than the link passes: the last link stopped before writing it, so it is not compared` })
    }

    // link-vmlinux.sh: cmp -s System.map <last .syms> || "Inconsistent kallsyms data".
    let consistency = ''
    if (final) {
      const lastFile = final.against.file
      const sm = loaded.systemMap!.file
      if (!final.diff.identical) {
        const context = 'Inconsistent kallsyms data (link-vmlinux.sh compares System.map with the map the tables were built from)'
        for (const x of diffFindings(final.diff, 'error', 'kallsyms-inconsistent', { context, before: lastFile, after: sm, file: sm }, sections)) findings.push(x)
        blocks.push({ kind: 'paragraph', text: [{ strong: 'Inconsistent kallsyms data' }, `: ${sm} against ${lastFile}: ${diffSummary(final.diff)}.`] })
        const twin = loaded.maps.find(m => m.pass >= 1 && m !== final.against && compareSymbolLists(m.symbols, loaded.systemMap!.symbols).identical)
        if (twin) {
          blocks.push({
            kind: 'paragraph',
            text: `${sm} is identical to the map of pass ${twin.pass}: the layout alternates between passes (each pass's table moves what the next one lists), or the files of the later passes are left over from another build.`
          })
        }
        for (const x of diffTable(final.diff, { before: lastFile, after: sm }, sections)) blocks.push(x)
        consistency = `System.map differs from pass ${final.against.pass}`
      } else if (final.bytesEqual === false) {
        findings.push({ severity: 'error', code: 'kallsyms-inconsistent', file: sm, message: `${sm} and ${lastFile} list the same symbols but differ in bytes from line ${final.firstTextDifference} (cmp fails: "Inconsistent kallsyms data")` })
        consistency = `System.map differs in bytes from pass ${final.against.pass}`
      } else {
        consistency = `System.map matches pass ${final.against.pass}${final.against.derived ? ' (derived from its ELF)' : ''}`
      }
    }

    // Passes: count, why, against the baseline.
    const data = baseline?.data ?? null
    const base = data && Number.isSafeInteger(data.passes) && data.passes >= 0 && typeof data.why === 'string' ? data : null
    if (data && !base) findings.push({ severity: 'notice', code: 'kallsyms-baseline-unusable', message: `the baseline's kallsyms data (${baseline!.label}) is malformed and was not compared` })
    let passText = pc.passes ? `${count(pc.passes, 'link pass', 'link passes')}` : ''
    if (pc.forced) findings.push({ severity: 'notice', code: 'kallsyms-extra-pass-forced', message: `pass 3 ran though nothing required it: ${pc.why}` })
    if (base && base.passes > 0 && pc.passes > base.passes) {
      findings.push({ severity: 'warning', code: 'kallsyms-pass-count-increased', message: `the link now needs ${pc.passes} passes instead of ${base.passes} (${baseline!.label}): ${pc.why}` })
      passText += ` (was ${base.passes})`
    } else if (base && base.passes > 0 && pc.passes < base.passes) passText += ` (was ${base.passes})`
    const detailed = findings.some(f => f.severity !== 'notice') || (base !== null && pc.passes !== base.passes && base.passes > 0)
    if (detailed && pc.passes) {
      blocks.push({ kind: 'paragraph', text: `${count(pc.passes, 'link pass', 'link passes')}: ${pc.why}.` })
      if (r.onePass && !r.onePass.diff.identical) {
        blocks.push({ kind: 'paragraph', text: `One pass would not have been enough: against pass 1, ${movementSummary(r.onePass)}.` })
        for (const x of movementBlocks(r.onePass, 'symbols moved after pass 1, by section and shift')) blocks.push(x)
      }
      for (const s of r.steps) {
        if (s.movement.stubs.length && !(s.from === 1 && r.onePass)) for (const x of movementBlocks(s.movement, `pass ${s.from} → ${s.to}`)) blocks.push(x)
      }
    }

    // The table that ships.
    let tableText = ''
    if (embedded) {
      const t = embedded.table
      for (const issue of t.issues) {
        findings.push({ severity: 'error', code: `kallsyms-table-${issue.code}`, message: `${embedded.source}: ${issue.message}` })
      }
      const v = embedded.verification
      if (v && !v.diff.identical) {
        const context = `the kallsyms table of ${embedded.source} disagrees with System.map`
        for (const x of diffFindings(v.diff, 'error', 'kallsyms-table-mismatch', { context, before: 'System.map', after: 'the table' }, sections)) findings.push(x)
        blocks.push({ kind: 'paragraph', text: [{ strong: 'Embedded table differs from System.map' }, ` (${embedded.source}): ${diffSummary(v.diff)}.`] })
        for (const x of diffTable(v.diff, { before: 'System.map', after: 'embedded table' }, sections)) blocks.push(x)
        tableText = 'embedded table differs from System.map'
      } else if (v) {
        tableText = t.issues.length ? 'embedded table matches System.map but is internally inconsistent' : 'embedded table matches System.map'
      } else tableText = `embedded table decoded (${count(t.count, 'symbol')}; no System.map to compare)`
    } else if (r.embeddedError) {
      findings.push({ severity: 'warning', code: 'kallsyms-table-unreadable', message: `the kallsyms table could not be decoded: ${r.embeddedError}` })
    }

    const symbols = loaded.systemMap?.count ?? last?.symbols.length ?? embedded?.table.count
    const parts = [passText, symbols !== undefined ? count(symbols, 'symbol') : '', consistency, tableText].filter(Boolean)
    const summary = parts.join(', ') || 'nothing to check'
    return { summary, findings, blocks, report: { kallsyms: reportSection(r) } }
  }
}

function reportSection(r: KallsymsReview): Record<string, unknown> {
  const diffJson = (d: SymbolListDiff) => ({
    identical: d.identical,
    moved: d.moved.map(m => ({ name: m.name, type: m.type, from: hex(m.from), to: hex(m.to) })),
    retyped: d.retyped.map(m => ({ name: m.name, address: hex(m.addr), from: m.from, to: m.to })),
    added: d.added.map(s => ({ name: s.name, type: s.type, address: hex(s.addr) })),
    lost: d.lost.map(s => ({ name: s.name, type: s.type, address: hex(s.addr) })),
    firstOrderDifference: d.firstOrderDifference
  })
  return {
    passes: r.count.passes,
    why: r.count.why,
    forced: r.count.forced,
    mksysmap: r.loaded.filter.origin,
    passMaps: r.loaded.maps.map(m => ({ pass: m.pass, file: m.file, derived: m.derived, symbols: m.symbols.length, kallsymsObjectBytes: m.objectBytes })),
    leftovers: r.loaded.leftovers,
    staleSyms: r.loaded.mismatched.map(m => ({ pass: m.pass, syms: m.syms, elf: m.elf, diff: diffJson(m.diff) })),
    final: r.final ? { against: r.final.against.file, bytesEqual: r.final.bytesEqual, diff: diffJson(r.final.diff) } : null,
    onePass: r.onePass
      ? { identical: r.onePass.diff.identical, counts: r.onePass.counts, groups: mapGroups(r.onePass.groups), stubs: r.onePass.stubs.map(s => s.name) }
      : null,
    embedded: r.embedded
      ? {
          source: r.embedded.source,
          mode: r.embedded.table.layout.mode,
          foundBy: r.embedded.table.layout.foundBy,
          symbols: r.embedded.table.count,
          issues: r.embedded.table.issues,
          droppedByDesign: r.embedded.verification?.dropped ?? null,
          diff: r.embedded.verification ? diffJson(r.embedded.verification.diff) : null
        }
      : null,
    embeddedError: r.embeddedError
  }
}

function mapGroups(groups: Record<string, Array<{ section: string; shift: bigint; count: number; first: string; last: string }>>) {
  return Object.fromEntries(Object.entries(groups).map(([k, gs]) => [k, gs.map(g => ({ ...g, shift: (g.shift < 0n ? '-0x' : '+0x') + (g.shift < 0n ? -g.shift : g.shift).toString(16) }))]))
}
