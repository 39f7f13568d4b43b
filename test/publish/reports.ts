import type { CheckResult, Finding } from '../../src/model/finding.ts'
import type { Report } from '../../src/report/schema.ts'

/** A report as the engine builds it, from check results (verdict counted like the engine does). */
export function makeReport(configKey: string, checks: CheckResult[], extra: Partial<Report> = {}): Report {
  const all = checks.flatMap(c => c.findings)
  const n = (s: Finding['severity']) => all.filter(f => f.severity === s).length
  const errors = n('error')
  const warnings = n('warning')
  return {
    schemaVersion: 1,
    tool: { name: 'kbuild-review', version: '0.1.0' },
    configKey,
    build: {
      release: '6.12.117',
      version: { major: 6, minor: 12, patch: 117 },
      arch: 'x86_64',
      layout: 'kbuild',
      root: '/b',
      artifacts: {}
    },
    baseline: null,
    verdict: { status: errors ? 'fail' : warnings ? 'warn' : 'pass', errors, warnings, notices: n('notice') },
    checks,
    ...extra
  }
}

export function check(id: string, findings: Finding[], extra: Partial<CheckResult> = {}): CheckResult {
  const status = findings.some(f => f.severity === 'error')
    ? 'fail'
    : findings.some(f => f.severity === 'warning')
      ? 'warn'
      : 'pass'
  return {
    id,
    title: id.replace(/-/g, ' '),
    status,
    summary: `${findings.length} findings`,
    findings,
    blocks: [],
    ...extra
  }
}

/** n export findings with long names: a report whose markdown is far over any limit. */
export function hugeReport(configKey: string, n: number): Report {
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
    severity: i % 3 === 0 ? 'error' : 'warning',
    code: 'export-removed-still-imported',
    message: `removed export sym_${i}_${'x'.repeat(20)} is still imported by vendor module v${i}.ko`,
    symbol: `sym_${i}_${'x'.repeat(20)}`,
    module: `v${i}.ko`
  }))
  const table = {
    kind: 'table' as const,
    columns: ['symbol', 'module'],
    rows: findings.map(f => [{ code: f.symbol! }, f.module!])
  }
  return makeReport(configKey, [check('exports', findings, { blocks: [table] }), check('symbol-list', [])])
}
