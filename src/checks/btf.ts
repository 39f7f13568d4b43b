import { btfAnalyzer, type BtfModuleFact } from '../btf/module-analyzer.ts'
import { rulesFor, type VerifierRules } from '../btf/rules.ts'
import { verifyVmlinuxBtf } from '../btf/vmlinux-btf.ts'
import { MISMATCH_ALLOWED_WARNING, failedToValidate, type VerifierFailure } from '../btf/verifier-log.ts'
import { factOf, type ModuleSummary } from '../load/analyzer.ts'
import { modinfoAnalyzer } from '../load/modinfo-analyzer.ts'
import { atLeast, parseKernelVersion } from '../model/build-info.ts'
import type { Build } from '../model/build.ts'
import type { Block, Finding, Text } from '../model/finding.ts'
import { nextTurn } from '../model/turns.ts'
import type { ReviewOptions } from '../model/options.ts'
import { skipped, type Check, type CheckOutcome } from './check.ts'

/** Per module: [bytes of .BTF, bytes of .BTF.base]. What the baseline diff needs. */
export interface BtfSnapshot {
  modules: Record<string, [number, number]>
}

/** More findings of one kind than this become one finding with the list in a details block. */
const SEPARATE_FINDINGS = 10
const SIZE_ROWS = 30

interface Problem {
  code: string
  severity: Finding['severity']
  mod: ModuleSummary
  message: string
  /** One line for the list when many modules share the problem. */
  brief: string
  /** Kernel log lines worth showing under the finding. */
  log?: string[]
}

const fmt = (n: number) => n.toLocaleString('en-US')
const plural = (n: number, one: string, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`

/** What the kernel checks of vmlinux BTF at boot (btf_parse_vmlinux), once per build and rules. */
function vmlinuxRefusal(build: Build, path: string, rules: VerifierRules): VerifierFailure | null {
  return build.memo(`btf:vmlinux-verdict:${rules.label}:${path}`, () => verifyVmlinuxBtf(path, rules))
}

/**
 * Module BTF against the vmlinux BTF of the same build: what the module loader does with it
 * (kernel/bpf/btf.c btf_parse_module, relocation of .BTF.base included), full verification, and
 * evidence of a module built against another vmlinux; .BTF.base presence by policy; modules
 * that lost BTF or .BTF.base against the baseline.
 */
export const btfCheck: Check<BtfSnapshot> = {
  id: 'btf',
  title: 'Module BTF',

  async snapshot(build) {
    if (!build.layout.modules.length) return null
    // The vmlinux BTF's own verdict needs no module: made on a later turn, while workers run.
    const basePath = build.layout.btfBase
    const version = build.info.version
    if (basePath && version && build.info.config.DEBUG_INFO_BTF_MODULES === 'y') {
      // A failure here is run()'s to report, when it asks again.
      nextTurn()
        .then(() => vmlinuxRefusal(build, basePath, rulesFor(version)))
        .catch(() => undefined)
    }
    const modules: Record<string, [number, number]> = {}
    for (const m of await build.modules()) {
      const f = factOf(m, btfAnalyzer)
      if (f) modules[m.name] = [f.btfBytes, f.baseRefBytes]
    }
    return { modules }
  },

  async run({ build, options, current, baseline }): Promise<CheckOutcome> {
    if (!build.layout.modules.length) return skipped('no modules in this build')
    const mods = await build.modules()
    const facts = mods
      .map(m => ({ m, f: factOf(m, btfAnalyzer) }))
      .filter((x): x is { m: ModuleSummary; f: BtfModuleFact } => !!x.f)
    const config = build.info.config
    const withBtf = facts.filter(x => x.f.btfBytes > 0)
    const withBaseRef = facts.filter(x => x.f.baseRefBytes > 0)
    const btfBytes = withBtf.reduce((s, x) => s + x.f.btfBytes, 0)
    const report = {
      btf: {
        vmlinux: build.layout.btfBase ? build.rel(build.layout.btfBase) : null,
        modules: facts.length,
        withBtf: withBtf.length,
        withBaseRef: withBaseRef.length,
        btfBytes,
        perModule: Object.fromEntries(
          facts.map(x => [x.m.name, { btf: x.f.btfBytes, btfBase: x.f.baseRefBytes, rules: x.f.rules }])
        )
      }
    }
    if (!withBtf.length && config.DEBUG_INFO_BTF_MODULES !== 'y') {
      return {
        ...skipped(
          `${plural(facts.length, 'module')}, none with BTF (CONFIG_DEBUG_INFO_BTF_MODULES is not set)`
        ),
        report
      }
    }

    const problems: Problem[] = []
    const notes: Finding[] = []
    const mismatchAllowed = config.MODULE_ALLOW_BTF_MISMATCH === 'y'
    const vmlinuxName = build.layout.btfBase ? build.rel(build.layout.btfBase) : 'vmlinux'

    // The vmlinux BTF itself: every module reports the same reason when it cannot be used.
    // The worker names the vmlinux by its absolute path: reports name it relative to the build.
    const basePath = build.layout.btfBase
    const skippedWhy = withBtf.find(x => x.f.skipped)?.f.skipped?.replaceAll(basePath ?? '\0', vmlinuxName)
    if (skippedWhy) {
      notes.push({
        severity: 'notice',
        code: 'btf-vmlinux-missing',
        message: `module BTF not validated: ${skippedWhy}`,
        ...(basePath ? { file: vmlinuxName } : {})
      })
    } else if (basePath && withBtf.length) {
      // What the kernel checks of vmlinux BTF at boot (btf_parse_vmlinux): once per build.
      const rules = build.info.version
        ? rulesFor(build.info.version)
        : rulesFor(parseKernelVersion(withBtf[0]!.f.rules))
      const refused = vmlinuxRefusal(build, basePath, rules)
      if (refused) {
        notes.push({
          severity: 'error',
          code: 'btf-vmlinux-invalid',
          message: `${vmlinuxName}: the kernel refuses this vmlinux BTF at boot: ${quote(refused)}, so no module gets BTF either`,
          file: vmlinuxName
        })
      }
    }

    let valid = 0
    for (const { m, f } of withBtf) {
      const p = judge(m, f, vmlinuxName, mismatchAllowed)
      if (p) problems.push(p)
      else if (!f.skipped) valid++
    }
    // The analyzer itself failing on a module (unreadable modules are the inventory's to report).
    for (const m of mods) {
      const err = m.factErrors[btfAnalyzer.id]
      if (!err) continue
      const message = `${m.relPath}: its BTF could not be examined: ${err}`
      problems.push({ code: 'btf-module-unexamined', severity: 'warning', mod: m, message, brief: message })
    }

    // Modules without BTF in a build that generates it for modules.
    if (config.DEBUG_INFO_BTF_MODULES === 'y') {
      for (const { m, f } of facts) {
        if (f.btfBytes) continue
        problems.push({
          code: 'btf-module-without-btf',
          severity: 'warning',
          mod: m,
          message: `${m.relPath} has no .BTF although CONFIG_DEBUG_INFO_BTF_MODULES=y: BPF programs and tools see none of its types`,
          brief: m.relPath
        })
      }
    }

    baseRefPolicy(options, build.info.version, facts, problems, notes)
    const sizeBlocks: Block[] = []
    if (baseline?.data && current) {
      // Baselines come from caches and artifacts: use one only when its shape is right.
      const base = readBtfSnapshot(baseline.data)
      if (base) diffBaseline(current, base, baseline.label, facts, problems, sizeBlocks)
      else
        notes.push({
          severity: 'notice',
          code: 'btf-baseline-unusable',
          message: `the baseline's BTF data (${baseline.label}) is malformed and was not compared`
        })
    }

    const { findings, blocks } = present(problems, withBtf.length)
    findings.unshift(...notes)
    for (const x of sizeBlocks) blocks.push(x)
    const summary = summarize(
      facts.length,
      withBtf.length,
      valid,
      withBaseRef.length,
      problems,
      vmlinuxName,
      !!skippedWhy
    )
    return { summary, findings, blocks, report }
  }
}

/** The one finding a module gets for its BTF, the most specific one, or none. */
function judge(
  m: ModuleSummary,
  f: BtfModuleFact,
  vmlinux: string,
  mismatchAllowed: boolean
): Problem | undefined {
  const outcome = (fail: VerifierFailure) =>
    mismatchAllowed
      ? 'the module loads without its BTF (CONFIG_MODULE_ALLOW_BTF_MISMATCH=y)'
      : `the module fails to load with "${failedToValidate(m.name, fail.errno)}"`
  const log = (fail: VerifierFailure) =>
    mismatchAllowed
      ? [...(fail.quietWhenMismatchAllowed ? [] : fail.dmesg), MISMATCH_ALLOWED_WARNING]
      : [...fail.dmesg, failedToValidate(m.name, fail.errno)]
  if (f.mismatch?.likely) {
    const x = f.mismatch
    const consequence = f.load
      ? `The kernel's check stops at ${quote(f.load)}; ${outcome(f.load)}.`
      : `The kernel's checks pass, so BPF sees wrong types for ${m.name}.`
    return {
      code: 'btf-base-mismatch',
      severity: 'error',
      mod: m,
      message: `${m.relPath}: BTF generated against a different vmlinux than ${vmlinux}: ${x.evidence}. ${consequence}`,
      brief: `${m.relPath}: ${x.badNames}/${x.names} names inside strings, ${x.badRefs}/${x.refs} references of the wrong kind; ${f.load ? `kernel: ${quote(f.load)}` : 'passes the kernel checks'}`,
      ...(f.load ? { log: log(f.load) } : {})
    }
  }
  if (f.load?.step === 'relocation') {
    const r = f.relocation
    const types = (list: Array<{ kind: string; name: string; size: number; embedded: boolean }>) =>
      list
        .slice(0, 5)
        .map(t => `${t.kind} '${t.name}'${t.embedded ? ` (embedded, size ${t.size})` : ''}`)
        .join(', ')
    const what = r
      ? [
          r.unmatchedCount
            ? `${plural(r.unmatchedCount, 'distilled type')} match nothing: ${types(r.unmatched)}${r.unmatchedCount > 5 ? ', ...' : ''}`
            : '',
          r.ambiguousCount
            ? `${plural(r.ambiguousCount, 'distilled type')} match several types: ${r.ambiguous
                .slice(0, 5)
                .map(t => `${t.kind} '${t.name}' (${t.candidates.map(c => `[${c}]`).join(', ')})`)
                .join(', ')}`
            : '',
          r.invalid[0] ?? ''
        ]
          .filter(Boolean)
          .join('; ')
      : ''
    return {
      code: 'btf-base-ref-relocation-failed',
      severity: 'error',
      mod: m,
      message: `${m.relPath}: its .BTF.base does not relocate onto ${vmlinux}: ${what || f.load.text}. The kernel prints "${f.load.text}"; ${outcome(f.load)}.`,
      brief: `${m.relPath}: ${what || f.load.text}`,
      log: log(f.load)
    }
  }
  if (f.load) {
    return {
      code: 'btf-module-rejected',
      severity: 'error',
      mod: m,
      message: `${m.relPath}: the kernel's BTF check refuses it at ${quote(f.load)}; ${outcome(f.load)}.`,
      brief: `${m.relPath}: ${quote(f.load)}`,
      log: log(f.load)
    }
  }
  if (f.resolve) {
    return {
      code: 'btf-module-inconsistent',
      // The kernel itself never runs this check on module BTF: worth fixing, not a failed load.
      severity: 'warning',
      mod: m,
      message: `${m.relPath}: the kernel takes this BTF at load, but its types do not resolve against ${vmlinux}: full verification (as for BPF_BTF_LOAD) stops at ${quote(f.resolve)}.`,
      brief: `${m.relPath}: ${quote(f.resolve)}`,
      log: f.resolve.dmesg
    }
  }
  if (f.mismatch) {
    return {
      code: 'btf-module-suspect-reference',
      severity: 'warning',
      mod: m,
      message: `${m.relPath}: BTF passes the kernel's checks, but ${f.mismatch.evidence}.`,
      brief: `${m.relPath}: ${f.mismatch.evidence}`
    }
  }
  return undefined
}

function quote(f: VerifierFailure): string {
  const at = f.typeId !== undefined && !f.text.startsWith(`[${f.typeId}]`) ? `type [${f.typeId}]: ` : ''
  return f.text ? `${at}"${f.text}"` : `${at}a reference past the last type (the kernel prints no message)`
}

function baseRefPolicy(
  options: ReviewOptions,
  version: Parameters<typeof atLeast>[0],
  facts: Array<{ m: ModuleSummary; f: BtfModuleFact }>,
  problems: Problem[],
  notes: Finding[]
): void {
  const policy = options.btfBaseRef
  if (policy === 'off') return
  const subject = facts.filter(({ m, f }) => {
    if (!f.btfBytes) return false
    if (policy === 'required') return true
    const info = factOf(m, modinfoAnalyzer)
    return !!info && !info.intree
  })
  const missing = subject.filter(x => !x.f.baseRefBytes)
  if (!missing.length) return
  if (version && !atLeast(version, 6, 11)) {
    notes.push({
      severity: 'notice',
      code: 'btf-base-ref-unsupported',
      message: `${plural(missing.length, 'module')} without .BTF.base, which btf-base-ref=${policy} asks for, but .BTF.base needs Linux 6.11 or later and this build is ${version.major}.${version.minor}`
    })
    return
  }
  for (const { m } of missing) {
    const info = factOf(m, modinfoAnalyzer)
    const why = info && !info.intree ? 'built out of tree (no intree=Y in .modinfo)' : 'btf-base-ref=required'
    problems.push({
      code: 'btf-base-ref-missing',
      severity: 'error',
      mod: m,
      message: `${m.relPath} has split BTF but no .BTF.base (${why}): its BTF only fits this exact vmlinux and is lost or refused after any kernel rebuild`,
      brief: `${m.relPath} (${why})`
    })
  }
}

/** A baseline's BTF snapshot when it has the shape this version writes; null otherwise. */
function readBtfSnapshot(data: unknown): BtfSnapshot | null {
  const modules = (data as Partial<BtfSnapshot> | null)?.modules
  if (!modules || typeof modules !== 'object' || Array.isArray(modules)) return null
  const size = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0
  for (const v of Object.values(modules))
    if (!Array.isArray(v) || v.length !== 2 || !size(v[0]) || !size(v[1])) return null
  return { modules }
}

function diffBaseline(
  current: BtfSnapshot,
  base: BtfSnapshot,
  label: string,
  facts: Array<{ m: ModuleSummary; f: BtfModuleFact }>,
  problems: Problem[],
  blocks: Block[]
): void {
  const byName = new Map(facts.map(x => [x.m.name, x.m]))
  const rows: SizeRow[] = []
  for (const [name, [btf, baseRef]] of Object.entries(current.modules)) {
    const was = base.modules[name]
    if (!was) continue
    const mod = byName.get(name)
    if (mod && was[0] > 0 && btf === 0) {
      problems.push({
        code: 'btf-module-lost-btf',
        severity: 'warning',
        mod,
        message: `${mod.relPath} had BTF in ${label} (${fmt(was[0])} bytes) and has none now`,
        brief: mod.relPath
      })
    }
    if (mod && was[1] > 0 && baseRef === 0 && btf > 0) {
      problems.push({
        code: 'btf-module-lost-base-ref',
        severity: 'warning',
        mod,
        message: `${mod.relPath} had .BTF.base in ${label} and has none now: its BTF no longer survives a vmlinux rebuild`,
        brief: mod.relPath
      })
    }
    if (btf !== was[0]) rows.push({ name, old: was[0], now: btf })
  }
  // Modules that came or went, as bloat-o-meter lists added and removed symbols.
  for (const [name, [btf]] of Object.entries(current.modules))
    if (!base.modules[name] && btf) rows.push({ name, old: null, now: btf })
  for (const [name, [btf]] of Object.entries(base.modules))
    if (!current.modules[name] && btf) rows.push({ name, old: btf, now: null })
  if (!rows.length) return
  const change = (r: SizeRow) => (r.now ?? 0) - (r.old ?? 0)
  rows.sort((a, b) => Math.abs(change(b)) - Math.abs(change(a)) || a.name.localeCompare(b.name))
  const oldTotal = Object.values(base.modules).reduce((s, [b]) => s + b, 0)
  const newTotal = Object.values(current.modules).reduce((s, [b]) => s + b, 0)
  const delta = newTotal - oldTotal
  const pct = oldTotal ? `, ${delta >= 0 ? '+' : ''}${((100 * delta) / oldTotal).toFixed(2)}%` : ''
  const signed = (n: number) => `${n > 0 ? '+' : ''}${fmt(n)}`
  const cell = (n: number | null) => (n === null ? '-' : fmt(n))
  blocks.push({
    kind: 'details',
    summary: `Module BTF against ${label}: ${fmt(oldTotal)} -> ${fmt(newTotal)} bytes (${signed(delta)}${pct}), ${plural(rows.length, 'module')} changed, added or removed`,
    blocks: [
      {
        kind: 'table',
        columns: ['Module', 'Before', 'After', 'Change'],
        align: ['left', 'right', 'right', 'right'],
        rows: rows
          .slice(0, SIZE_ROWS)
          .map((r): Text[] => [{ code: r.name }, cell(r.old), cell(r.now), signed(change(r))])
      },
      ...(rows.length > SIZE_ROWS
        ? [
            {
              kind: 'paragraph' as const,
              text: `${plural(rows.length - SIZE_ROWS, 'more module')} changed less.`
            }
          ]
        : [])
    ]
  })
}

interface SizeRow {
  name: string
  /** null: not in that build. */
  old: number | null
  now: number | null
}

/** Findings per module when there are few of a kind; one finding and a list when there are many. */
function present(problems: Problem[], withBtf: number): { findings: Finding[]; blocks: Block[] } {
  const findings: Finding[] = []
  const blocks: Block[] = []
  const byCode = new Map<string, Problem[]>()
  for (const p of problems) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p])
  for (const [code, list] of byCode) {
    if (list.length <= SEPARATE_FINDINGS) {
      for (const p of list) {
        findings.push({
          severity: p.severity,
          code,
          message: p.message,
          module: p.mod.name,
          file: p.mod.relPath
        })
        if (p.log?.length) {
          blocks.push({
            kind: 'details',
            summary: [{ code: p.mod.name }, ': what the kernel prints'],
            blocks: [{ kind: 'code', text: p.log.join('\n') }]
          })
        }
      }
      continue
    }
    const first = list[0]!
    // Every module against the wrong vmlinux: the base given is the likelier culprit.
    const hint =
      code === 'btf-base-mismatch' && list.length === withBtf
        ? ' (all of them: the vmlinux BTF checked against is probably not the one these modules were built with)'
        : ''
    findings.push({
      severity: first.severity,
      code,
      message: `${plural(list.length, 'module')}: ${headline(code)}${hint}. First: ${first.message}`
    })
    blocks.push({
      kind: 'details',
      summary: [`${plural(list.length, 'module')}: `, { code }],
      blocks: [
        { kind: 'list', items: list.map((p): Text => p.brief) },
        ...(first.log?.length ? [{ kind: 'code' as const, text: first.log.join('\n') }] : [])
      ]
    })
  }
  return { findings, blocks }
}

function headline(code: string): string {
  switch (code) {
    case 'btf-base-mismatch':
      return 'BTF generated against a different vmlinux'
    case 'btf-module-rejected':
      return "BTF refused by the kernel's load-time check"
    case 'btf-module-inconsistent':
      return 'BTF types that do not resolve'
    case 'btf-base-ref-relocation-failed':
      return '.BTF.base does not relocate onto this vmlinux'
    case 'btf-base-ref-missing':
      return 'split BTF without .BTF.base'
    case 'btf-module-without-btf':
      return 'no BTF although CONFIG_DEBUG_INFO_BTF_MODULES=y'
    case 'btf-module-lost-btf':
      return 'BTF lost against the baseline'
    case 'btf-module-lost-base-ref':
      return '.BTF.base lost against the baseline'
    case 'btf-module-unexamined':
      return 'BTF that could not be examined'
    default:
      return code
  }
}

function summarize(
  total: number,
  withBtf: number,
  valid: number,
  withBaseRef: number,
  problems: Problem[],
  vmlinux: string,
  unchecked: boolean
): string {
  const head = `${plural(total, 'module')}: `
  const tail = `${fmt(withBaseRef)} with .BTF.base`
  if (unchecked)
    return `${head}${fmt(withBtf)} with split BTF (not validated: no usable vmlinux BTF), ${tail}`
  const count = (code: string) => problems.filter(p => p.code === code).length
  const parts = [
    `${fmt(valid)} with split BTF valid against ${vmlinux === 'vmlinux' ? 'vmlinux BTF' : vmlinux}`
  ]
  const bad: Array<[string, string]> = [
    ['btf-base-mismatch', 'built against a different vmlinux'],
    ['btf-module-rejected', 'refused at load'],
    ['btf-base-ref-relocation-failed', 'failing .BTF.base relocation'],
    ['btf-module-inconsistent', 'with unresolvable types'],
    ['btf-module-without-btf', 'without BTF'],
    ['btf-base-ref-missing', 'missing .BTF.base']
  ]
  for (const [code, what] of bad) {
    const n = count(code)
    if (n) parts.push(`${fmt(n)} ${what}`)
  }
  if (total > withBtf && !count('btf-module-without-btf')) parts.push(`${fmt(total - withBtf)} without BTF`)
  return `${head}${parts.join(', ')}, ${tail}`
}
