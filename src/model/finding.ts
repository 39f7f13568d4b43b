/** What checks produce and reports render. Plain data: everything here is JSON-serialisable. */

export type Severity = 'error' | 'warning' | 'notice'
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip'

export interface Finding {
  severity: Severity
  /** Stable machine code, kebab-case, e.g. `symbol-list-unknown-symbol`. */
  code: string
  /** One sentence, plain text (reports escape it). */
  message: string
  symbol?: string
  module?: string
  /** Path relative to the build root (or as given, for files outside it). */
  file?: string
  line?: number
}

/**
 * Rich content for the human reports, rendered by text/markdown renderers alike. Strings are
 * plain text from builds: renderers escape them; checks never write markup.
 */
export type Inline = string | { code: string } | { strong: string }
export type Text = Inline | Inline[]

export type Block =
  | { kind: 'paragraph'; text: Text }
  | { kind: 'list'; items: Text[] }
  | { kind: 'table'; columns: string[]; rows: Text[][]; align?: Array<'left' | 'right'> }
  | { kind: 'details'; summary: Text; blocks: Block[] }
  | { kind: 'code'; text: string }

export interface CheckResult {
  id: string
  title: string
  status: CheckStatus
  /** One line: what the reader needs when everything is fine. */
  summary: string
  findings: Finding[]
  blocks: Block[]
}

const rank: Record<Severity, number> = { error: 3, warning: 2, notice: 1 }

export function severityRank(s: Severity): number {
  return rank[s]
}

/** fail on any error, warn on any warning, else pass. */
export function statusOf(findings: readonly Finding[]): CheckStatus {
  let worst = 0
  for (const f of findings) worst = Math.max(worst, rank[f.severity])
  return worst === 3 ? 'fail' : worst === 2 ? 'warn' : 'pass'
}
