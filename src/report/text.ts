import type { Report } from './schema.ts'
import { renderBlocksText, safeTerminal } from './text-blocks.ts'

const MARK = { pass: 'ok', warn: 'WARN', fail: 'FAIL', skip: 'skip' } as const

/** The terminal report: verdict, one block per check, findings as `severity code: message`. */
export function renderText(report: Report, opts: { details?: boolean } = {}): string {
  const v = report.verdict
  const out: string[] = [
    `kbuild-review ${report.tool.version}: ${v.status.toUpperCase()} (${v.errors} errors, ${v.warnings} warnings, ${v.notices} notices)` +
      (report.baseline ? `, compared with ${safeTerminal(report.baseline.label)}` : '')
  ]
  for (const c of report.checks) {
    out.push('', `[${MARK[c.status]}] ${c.title}: ${safeTerminal(c.summary)}`)
    for (const f of c.findings) {
      const where = [f.file && (f.line ? `${f.file}:${f.line}` : f.file), f.module && `module ${f.module}`].filter(Boolean).join(', ')
      out.push(`  ${f.severity} ${f.code}: ${safeTerminal(f.message)}${where ? ` (${safeTerminal(where)})` : ''}`)
    }
    if (opts.details || c.status === 'fail' || c.status === 'warn') for (const x of renderBlocksText(c.blocks, '  ')) out.push(x)
  }
  return out.join('\n') + '\n'
}
