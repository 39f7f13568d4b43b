import { checkJsonShape } from '../model/json-shape.ts'
import { InputError } from '../model/errors.ts'
import type { Block, CheckResult, Finding, Inline, Text } from '../model/finding.ts'
import type { Report } from '../report/schema.ts'

/**
 * What an analyze job hands to the publish job (and matrix jobs to the aggregate job) as an
 * artifact: the report and what the job knew about its pull request. It crosses a trust
 * boundary (a fork's workflow run wrote it), so reading it validates every field the publisher
 * uses and recomputes the verdict from the findings instead of believing it.
 */
export interface ResultEnvelope {
  kind: 'kbuild-review-result'
  schemaVersion: 1
  /** owner/name of the repository the run belonged to. */
  repository: string
  runId: number
  pullRequest: { number: number; headSha: string; baseSha: string } | null
  report: Report
}

export const ENVELOPE_FILE = 'kbuild-review.json'

const LIMIT = { findings: 200_000, checks: 500, blocks: 20_000, depth: 6, string: 100_000 }

type Json = Record<string, unknown>

class Reader {
  readonly file: string
  blocks = 0

  constructor(file: string) {
    this.file = file
  }

  fail(where: string, what: string): never {
    throw new InputError('bad-value', this.file, `${where}: ${what}`)
  }

  obj(v: unknown, where: string): Json {
    if (!v || typeof v !== 'object' || Array.isArray(v)) this.fail(where, 'expected an object')
    return v as Json
  }

  arr(v: unknown, where: string, max: number): unknown[] {
    if (!Array.isArray(v)) this.fail(where, 'expected an array')
    if (v.length > max) this.fail(where, `more than ${max} entries`)
    return v
  }

  str(v: unknown, where: string): string {
    if (typeof v !== 'string') this.fail(where, 'expected a string')
    if (v.length > LIMIT.string) this.fail(where, `string longer than ${LIMIT.string}`)
    return v
  }

  optStr(v: unknown, where: string): string | null {
    return v === null || v === undefined ? null : this.str(v, where)
  }

  int(v: unknown, where: string): number {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
      this.fail(where, 'expected a non-negative integer')
    return v
  }

  oneOf<T extends string>(v: unknown, where: string, allowed: readonly T[]): T {
    if (!allowed.includes(v as T)) this.fail(where, `expected one of ${allowed.join(', ')}`)
    return v as T
  }

  inline(v: unknown, where: string): Inline {
    if (typeof v === 'string') return this.str(v, where)
    const o = this.obj(v, where)
    if ('code' in o) return { code: this.str(o.code, `${where}.code`) }
    return { strong: this.str(o.strong, `${where}.strong`) }
  }

  text(v: unknown, where: string): Text {
    return Array.isArray(v)
      ? this.arr(v, where, 1000).map((x, i) => this.inline(x, `${where}[${i}]`))
      : this.inline(v, where)
  }

  block(v: unknown, where: string, depth: number): Block {
    if (++this.blocks > LIMIT.blocks) this.fail(where, `more than ${LIMIT.blocks} blocks`)
    if (depth > LIMIT.depth) this.fail(where, 'blocks nested too deep')
    const o = this.obj(v, where)
    const kind = this.oneOf(o.kind, `${where}.kind`, [
      'paragraph',
      'list',
      'table',
      'details',
      'code'
    ] as const)
    switch (kind) {
      case 'paragraph':
        return { kind, text: this.text(o.text, `${where}.text`) }
      case 'list':
        return {
          kind,
          items: this.arr(o.items, `${where}.items`, LIMIT.findings).map((t, i) =>
            this.text(t, `${where}.items[${i}]`)
          )
        }
      case 'table': {
        const columns = this.arr(o.columns, `${where}.columns`, 50).map((c, i) =>
          this.str(c, `${where}.columns[${i}]`)
        )
        const rows = this.arr(o.rows, `${where}.rows`, LIMIT.findings).map((r, i) =>
          this.arr(r, `${where}.rows[${i}]`, 50).map((c, j) => this.text(c, `${where}.rows[${i}][${j}]`))
        )
        const table: Block = { kind, columns, rows }
        if (o.align !== undefined)
          table.align = this.arr(o.align, `${where}.align`, 50).map((a, i) =>
            this.oneOf(a, `${where}.align[${i}]`, ['left', 'right'] as const)
          )
        return table
      }
      case 'details':
        return {
          kind,
          summary: this.text(o.summary, `${where}.summary`),
          blocks: this.arr(o.blocks, `${where}.blocks`, 1000).map((b, i) =>
            this.block(b, `${where}.blocks[${i}]`, depth + 1)
          )
        }
      case 'code':
        return { kind, text: this.str(o.text, `${where}.text`) }
    }
  }

  finding(v: unknown, where: string): Finding {
    const o = this.obj(v, where)
    const f: Finding = {
      severity: this.oneOf(o.severity, `${where}.severity`, ['error', 'warning', 'notice'] as const),
      code: this.str(o.code, `${where}.code`),
      message: this.str(o.message, `${where}.message`)
    }
    for (const k of ['symbol', 'module', 'file'] as const)
      if (o[k] !== undefined) f[k] = this.str(o[k], `${where}.${k}`)
    if (o.line !== undefined) f.line = this.int(o.line, `${where}.line`)
    return f
  }

  check(v: unknown, where: string): CheckResult {
    const o = this.obj(v, where)
    return {
      id: this.str(o.id, `${where}.id`),
      title: this.str(o.title, `${where}.title`),
      status: this.oneOf(o.status, `${where}.status`, ['pass', 'warn', 'fail', 'skip'] as const),
      summary: this.str(o.summary, `${where}.summary`),
      findings: this.arr(o.findings, `${where}.findings`, LIMIT.findings).map((f, i) =>
        this.finding(f, `${where}.findings[${i}]`)
      ),
      blocks: this.arr(o.blocks, `${where}.blocks`, 1000).map((b, i) =>
        this.block(b, `${where}.blocks[${i}]`, 0)
      )
    }
  }
}

const SHA = /^[0-9a-f]{40}$/

/** A Report from untrusted JSON: the parts the publisher renders, type-checked; verdict recounted. */
export function readReport(v: unknown, r: Reader): Report {
  const o = r.obj(v, 'report')
  if (o.schemaVersion !== 1) r.fail('report.schemaVersion', 'this tool reads version 1')
  const b = r.obj(o.build, 'report.build')
  const checks = r
    .arr(o.checks, 'report.checks', LIMIT.checks)
    .map((c, i) => r.check(c, `report.checks[${i}]`))
  const all = checks.flatMap(c => c.findings)
  const n = (s: Finding['severity']) => all.filter(f => f.severity === s).length
  if (all.length > LIMIT.findings) r.fail('report.checks', `more than ${LIMIT.findings} findings`)
  const baseline =
    o.baseline === null || o.baseline === undefined ? null : r.obj(o.baseline, 'report.baseline')
  const errors = n('error')
  const warnings = n('warning')
  const artifacts: Record<string, string> = {}
  for (const [k, p] of Object.entries(r.obj(b.artifacts ?? {}, 'report.build.artifacts')))
    artifacts[r.str(k, 'artifact')] = r.str(p, `report.build.artifacts.${k}`)
  const tool = r.obj(o.tool, 'report.tool')
  const configKey = r.str(o.configKey, 'report.configKey')
  if (configKey.length > 200) r.fail('report.configKey', 'longer than 200 characters')
  return {
    schemaVersion: 1,
    tool: { name: 'kbuild-review', version: r.str(tool.version, 'report.tool.version') },
    configKey,
    build: {
      release: r.optStr(b.release, 'report.build.release'),
      version: null,
      arch: r.optStr(b.arch, 'report.build.arch'),
      layout: r.str(b.layout, 'report.build.layout'),
      root: r.str(b.root, 'report.build.root'),
      artifacts
    },
    baseline: baseline
      ? {
          label: r.str(baseline.label, 'report.baseline.label'),
          release: r.optStr(baseline.release, 'report.baseline.release')
        }
      : null,
    verdict: { status: errors ? 'fail' : warnings ? 'warn' : 'pass', errors, warnings, notices: n('notice') },
    checks
  }
}

export function parseEnvelope(text: string, file: string): ResultEnvelope {
  return envelopeFrom(parseJson(text, file, 'result envelope'), file)
}

/** Untrusted JSON text, its shape bounded before parsing (src/model/json-shape.ts). */
function parseJson(text: string, file: string, what: string): unknown {
  checkJsonShape(text, file, what)
  try {
    return JSON.parse(text)
  } catch (err) {
    throw new InputError('bad-value', file, `not JSON: ${(err as Error).message}`)
  }
}

function envelopeFrom(value: unknown, file: string): ResultEnvelope {
  const r = new Reader(file)
  const o = r.obj(value, 'envelope')
  if (o.kind !== 'kbuild-review-result') r.fail('kind', 'not a kbuild-review result')
  if (o.schemaVersion !== 1) r.fail('schemaVersion', 'this tool reads version 1')
  let pullRequest: ResultEnvelope['pullRequest'] = null
  if (o.pullRequest !== null && o.pullRequest !== undefined) {
    const p = r.obj(o.pullRequest, 'pullRequest')
    const headSha = r.str(p.headSha, 'pullRequest.headSha')
    const baseSha = r.str(p.baseSha, 'pullRequest.baseSha')
    if (!SHA.test(headSha) || !SHA.test(baseSha)) r.fail('pullRequest', 'commit SHAs must be 40 hex digits')
    pullRequest = { number: r.int(p.number, 'pullRequest.number'), headSha, baseSha }
  }
  return {
    kind: 'kbuild-review-result',
    schemaVersion: 1,
    repository: r.str(o.repository, 'repository'),
    runId: r.int(o.runId, 'runId'),
    pullRequest,
    report: readReport(o.report, r)
  }
}

/** A report file as the Action writes it (aggregate mode reads these from a directory too). */
export function parseReportOrEnvelope(text: string, file: string): ResultEnvelope | Report {
  const value = parseJson(text, file, 'report') as Json
  if (value && value.kind === 'kbuild-review-result') return envelopeFrom(value, file)
  return readReport(value, new Reader(file))
}
