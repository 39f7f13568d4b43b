import type { Block, CheckResult, CheckStatus, Finding, Inline, Severity, Text } from '../model/finding.ts'
import { codeSpan, escapeHtml, escapeText, htmlCode, markerValue, tableCode } from './escape.ts'
import type { Report } from './schema.ts'

/**
 * The GitHub markdown of reports: PR comments and the job summary. Layout: a verdict line, then
 * per config a heading, then one short section per check that has something to say; long
 * lists and tables go in <details>. Every render takes a character budget and never exceeds
 * it: when content does not fit it is cut at an item boundary, open <details> are closed and a
 * note says where the full report is.
 */

/** GitHub rejects comment bodies longer than this (characters). */
export const COMMENT_LIMIT = 65_536
/**
 * The job summary takes 1 MiB per step; a UTF-16 unit is at most 3 bytes of UTF-8, so this many
 * characters always fit.
 */
export const SUMMARY_LIMIT = 340_000
/** Lists and tables longer than this are folded into <details>. */
const FOLD_AT = 10
/** Findings shown before the rest is folded. */
const FINDINGS_SHOWN = 10

export const STICKY_MARKER = '<!-- kbuild-review:sticky -->'
export const SECTION_END = '<!-- kbuild-review:end -->'

const STATUS_ICON: Record<CheckStatus, string> = { fail: '❌', warn: '⚠️', pass: '✅', skip: '⏭️' }
const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' }

export interface RenderContext {
  /** Where the full report is, for truncation notes: e.g. "the job summary and the `x` artifact". */
  fullReportAt: string
}

interface Out {
  text: string
  truncated: boolean
}

// ---------------------------------------------------------------------------------------------
// Inline text

function inlineMd(t: Text, inTable = false): string {
  const one = (i: Inline): string =>
    typeof i === 'string'
      ? escapeText(i)
      : 'code' in i
        ? inTable
          ? tableCode(i.code)
          : codeSpan(i.code)
        : i.strong.trim()
          ? `**${escapeText(i.strong)}**`
          : ''
  return Array.isArray(t) ? t.map(one).join('') : one(t)
}

function inlineHtml(t: Text): string {
  const one = (i: Inline): string =>
    typeof i === 'string'
      ? escapeHtml(i)
      : 'code' in i
        ? htmlCode(i.code)
        : `<strong>${escapeHtml(i.strong)}</strong>`
  return Array.isArray(t) ? t.map(one).join('') : one(t)
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

// ---------------------------------------------------------------------------------------------
// Budgeted pieces

/** Lines as far as they fit, then a "… and N more" line (its room is reserved up front). */
function lines(items: readonly string[], budget: number, more: (n: number) => string): Out {
  let text = ''
  for (let i = 0; i < items.length; i++) {
    const line = items[i]!
    const rest = items.length - i - 1
    const reserve = rest > 0 ? more(rest).length : 0
    if (text.length + line.length + reserve > budget) {
      const note = more(items.length - i)
      return { text: text.length + note.length <= budget ? text + note : text, truncated: true }
    }
    text += line
  }
  return { text, truncated: false }
}

function details(summaryHtml: string, budget: number, inner: (budget: number) => Out): Out {
  const open = `<details><summary>${summaryHtml}</summary>\n\n`
  const close = `\n</details>\n\n`
  const room = budget - open.length - close.length
  if (room < 40) return { text: '', truncated: true }
  const body = inner(room)
  if (body.text === '') return { text: '', truncated: body.truncated }
  return { text: open + body.text + close, truncated: body.truncated }
}

function moreItems(n: number): string {
  return `- *… and ${n} more (truncated)*\n`
}

function listMd(items: readonly Text[], budget: number, folded: boolean): Out {
  const rendered = items.map(t => `- ${inlineMd(t)}\n`)
  const body = (b: number): Out => {
    const r = lines(rendered, b - 1, moreItems)
    return { text: r.text ? r.text + '\n' : '', truncated: r.truncated }
  }
  if (!folded && items.length > FOLD_AT) return details(`${items.length} entries`, budget, body)
  return body(budget)
}

function tableMd(b: Extract<Block, { kind: 'table' }>, budget: number, folded: boolean): Out {
  const cols = b.columns.length
  const cell = (t: Text | undefined) => (t === undefined ? '' : inlineMd(t, true))
  const head = `| ${b.columns.map(c => escapeText(c)).join(' | ')} |\n| ${b.columns.map((_, i) => (b.align?.[i] === 'right' ? '---:' : '---')).join(' | ')} |\n`
  const rows = b.rows.map(r => `| ${Array.from({ length: cols }, (_, i) => cell(r[i])).join(' | ')} |\n`)
  const body = (room: number): Out => {
    if (head.length + 1 > room) return { text: '', truncated: true }
    const more = (n: number) => `| *… ${n} more rows (truncated)* |${' |'.repeat(Math.max(0, cols - 1))}\n`
    const r = lines(rows, room - head.length - 1, more)
    return { text: head + r.text + '\n', truncated: r.truncated }
  }
  if (!folded && b.rows.length > FOLD_AT) return details(escapeHtml(`${b.rows.length} rows`), budget, body)
  return body(budget)
}

function codeMd(text: string, budget: number): Out {
  let longest = 2
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  const fence = '`'.repeat(longest + 1)
  // A line that looks like one of our hidden markers must not be read back as one.
  const content = text.split('\n').map(l => (/^\s*<!--/.test(l) ? l.replace('<!--', '<\u200b!--') : l) + '\n')
  const room = budget - 2 * (fence.length + 1) - 1
  if (room < 1) return { text: '', truncated: true }
  const r = lines(content, room, n => `… ${n} more lines (truncated)\n`)
  return { text: `${fence}\n${r.text}${fence}\n\n`, truncated: r.truncated }
}

function blockMd(b: Block, budget: number, folded: boolean): Out {
  switch (b.kind) {
    case 'paragraph': {
      const text = `${inlineMd(b.text)}\n\n`
      return text.length <= budget ? { text, truncated: false } : { text: '', truncated: true }
    }
    case 'list':
      return listMd(b.items, budget, folded)
    case 'table':
      return tableMd(b, budget, folded)
    case 'code':
      return codeMd(b.text, budget)
    case 'details':
      return details(inlineHtml(b.summary), budget, room => blocksMd(b.blocks, room, true))
  }
}

function blocksMd(blocks: readonly Block[], budget: number, folded = false): Out {
  let text = ''
  for (const b of blocks) {
    const r = blockMd(b, budget - text.length, folded)
    text += r.text
    if (r.truncated) return { text, truncated: true }
  }
  return { text, truncated: false }
}

// ---------------------------------------------------------------------------------------------
// Findings and checks

function findingMd(f: Finding): string {
  const where: string[] = []
  if (f.file) where.push(codeSpan(f.line ? `${f.file}:${f.line}` : f.file))
  if (f.module && !f.message.includes(f.module)) where.push(`module ${codeSpan(f.module)}`)
  return `- ${SEVERITY_ICON[f.severity]} ${escapeText(f.message)}${where.length ? ` (${where.join(', ')})` : ''}\n`
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 }

function findingsMd(findings: readonly Finding[], budget: number): Out {
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
  const all = sorted.map(findingMd)
  const shown = all.slice(0, FINDINGS_SHOWN)
  const first = lines(shown, budget - 1, moreItems)
  let text = first.text ? first.text + '\n' : ''
  if (first.truncated) return { text, truncated: true }
  const rest = all.slice(FINDINGS_SHOWN)
  if (rest.length === 0) return { text, truncated: false }
  const folded = details(escapeHtml(`${rest.length} more findings`), budget - text.length, room => {
    const r = lines(rest, room - 1, moreItems)
    return { text: r.text ? r.text + '\n' : '', truncated: r.truncated }
  })
  text += folded.text
  return { text, truncated: folded.truncated }
}

function counts(errors: number, warnings: number, notices: number): string {
  const parts = [
    errors && plural(errors, 'error'),
    warnings && plural(warnings, 'warning'),
    notices && plural(notices, 'notice')
  ].filter(Boolean)
  return parts.length ? parts.join(', ') : 'no findings'
}

function checkCounts(c: CheckResult): string {
  const n = (s: Severity) => c.findings.filter(f => f.severity === s).length
  return counts(n('error'), n('warning'), n('notice'))
}

function truncationNote(ctx: RenderContext): string {
  return `*… truncated to fit: the full report is in ${ctx.fullReportAt}.*\n\n`
}

/** One check: heading, its one-line summary, findings, then its blocks; never over budget. */
function checkMd(c: CheckResult, budget: number, ctx: RenderContext): string {
  const head = `#### ${STATUS_ICON[c.status]} ${escapeText(c.title)}: ${checkCounts(c)}\n\n`
  const summary = c.summary.trim() ? `${escapeText(c.summary)}\n\n` : ''
  const note = truncationNote(ctx)
  if (head.length > budget) return ''
  if (head.length + summary.length + note.length > budget)
    return head.length + note.length <= budget ? head + note : head
  const room = budget - head.length - summary.length - note.length
  const f = findingsMd(c.findings, room)
  let text = head + summary + f.text
  if (!f.truncated) {
    const b = blocksMd(c.blocks, room - f.text.length)
    text += b.text
    if (!b.truncated) return text
  }
  return text + note
}

/**
 * Shares a budget between parts: parts that fit in an equal share keep all they need, the rest
 * split what remains equally (repeated until stable).
 */
function share(parts: ReadonlyArray<(budget: number) => string>, budget: number): string[] {
  const full = parts.map(p => p(Number.MAX_SAFE_INTEGER))
  const total = full.reduce((n, s) => n + s.length, 0)
  if (total <= budget) return full
  const out: Array<string | null> = full.map(() => null)
  let left = budget
  let open = parts.length
  for (;;) {
    const fair = Math.floor(left / Math.max(1, open))
    let settled = false
    full.forEach((s, i) => {
      if (out[i] === null && s.length <= fair) {
        out[i] = s
        left -= s.length
        open--
        settled = true
      }
    })
    if (!settled || open === 0) break
  }
  const fair = Math.floor(left / Math.max(1, open))
  return out.map((s, i) => s ?? parts[i]!(fair))
}

// ---------------------------------------------------------------------------------------------
// Reports

export interface SectionMeta {
  key: string
  status: Report['verdict']['status']
  errors: number
  warnings: number
  notices: number
}

export function sectionMeta(r: Report): SectionMeta {
  return { key: r.configKey, ...r.verdict }
}

export function sectionStart(m: SectionMeta): string {
  return `<!-- kbuild-review:section key=${markerValue(m.key)} status=${m.status} errors=${m.errors} warnings=${m.warnings} notices=${m.notices} -->`
}

function buildLine(r: Report): string {
  const b = r.build
  const what = [b.release && `Linux ${b.release}`, b.arch].filter(Boolean).join(' ')
  return what ? escapeText(what) : 'unknown kernel'
}

/** The heading line of one config's section (kept when a section must be cut to a stub). */
export function sectionHeading(r: Report): string {
  const v = r.verdict
  return `### ${STATUS_ICON[v.status]} ${codeSpan(r.configKey)} · ${buildLine(r)}: ${counts(v.errors, v.warnings, v.notices)}`
}

/** One config: markers, heading, baseline line, one short section per check. */
export function renderSection(r: Report, budget: number, ctx: RenderContext): string {
  const start = `${sectionStart(sectionMeta(r))}\n${sectionHeading(r)}\n\n`
  const baseline = r.baseline
    ? `Compared with ${escapeText(r.baseline.label)}${r.baseline.release ? ` (Linux ${escapeText(r.baseline.release)})` : ''}.\n\n`
    : 'No baseline: checks that compare with the base build were skipped.\n\n'
  const end = `${SECTION_END}\n`
  const loud = r.checks.filter(c => c.status === 'fail' || c.status === 'warn' || c.findings.length > 0)
  const quiet = r.checks.filter(c => !loud.includes(c))
  const passed = quiet.filter(c => c.status === 'pass')
  const skipped = quiet.filter(c => c.status === 'skip')
  let tail = ''
  if (passed.length) tail += `✅ Passed: ${passed.map(c => escapeText(c.title)).join(', ')}.\n\n`
  if (skipped.length) {
    const items = skipped.map(c => `- ${escapeText(c.title)}: ${escapeText(c.summary)}\n`)
    tail += `<details><summary>${plural(skipped.length, 'check')} skipped</summary>\n\n${items.join('')}\n</details>\n\n`
  }
  let fixed = start + baseline + end
  if (fixed.length + tail.length > budget) tail = ''
  if (fixed.length > budget) fixed = `${start}${end}`
  const room = budget - fixed.length - tail.length
  const parts = share(
    loud.map(c => (b: number) => checkMd(c, b, ctx)),
    room
  )
  return start + baseline + parts.join('') + tail + end
}

/** The verdict line over all configs. */
export function renderVerdict(metas: readonly SectionMeta[]): string {
  const sum = (k: 'errors' | 'warnings' | 'notices') => metas.reduce((n, m) => n + m[k], 0)
  const status = metas.some(m => m.status === 'fail')
    ? 'fail'
    : metas.some(m => m.status === 'warn')
      ? 'warn'
      : 'pass'
  const configs = metas.length > 1 ? ` in ${metas.length} configs` : ''
  const word = status === 'fail' ? 'problems found' : status === 'warn' ? 'warnings' : 'all clear'
  return `## ${STATUS_ICON[status]} kbuild-review: ${word}, ${counts(sum('errors'), sum('warnings'), sum('notices'))}${configs}\n\n`
}

export function overallStatus(metas: readonly SectionMeta[]): SectionMeta['status'] {
  return metas.some(m => m.status === 'fail')
    ? 'fail'
    : metas.some(m => m.status === 'warn')
      ? 'warn'
      : 'pass'
}

/** A whole document for several configs (aggregate comments, job summaries), within `limit`. */
export function renderReports(
  reports: readonly Report[],
  limit: number,
  ctx: RenderContext,
  prefix = ''
): string {
  const sorted = [...reports].sort((a, b) => a.configKey.localeCompare(b.configKey))
  const head = prefix + renderVerdict(sorted.map(sectionMeta))
  const parts = share(
    sorted.map(r => (b: number) => renderSection(r, b, ctx)),
    limit - head.length
  )
  let doc = head
  let dropped = 0
  const note = (n: number) =>
    `*${plural(n, 'more config')} did not fit: the full reports are in ${ctx.fullReportAt}.*\n`
  parts.forEach((p, i) => {
    // Only when the budget is smaller than the bare headings of all configs.
    const rest = parts.length - i - 1
    if (dropped === 0 && doc.length + p.length + (rest ? note(rest).length : 0) <= limit) doc += p
    else dropped++
  })
  return dropped ? doc + note(dropped) : doc
}

/** One report as a standalone markdown document (the CLI's --format markdown): no size limit. */
export function renderMarkdown(report: Report): string {
  return renderReports([report], Number.MAX_SAFE_INTEGER, { fullReportAt: 'the JSON report' })
}
