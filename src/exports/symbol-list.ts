/**
 * Symbol lists: CONFIG_UNUSED_KSYMS_WHITELIST files and lists given to the review. A list is
 * read twice: as its author meant it (one symbol a line, `#` comments, `[section]` headers,
 * indentation ignored: the plain kernel format and Android's abi_symbol_list format alike), and
 * as the kernel being built reads it, so that every line the kernel misreads can be named.
 */

/**
 * Whose reading applies to a list.
 * - `modpost`: 6.5+, `modpost -u <list>` (scripts/mod/modpost.c handle_white_list_exports):
 *   the file split on '\n', each piece looked up as a symbol name as it is.
 * - `autoksyms`: up to 6.4, scripts/gen_autoksyms.sh: the file split on spaces, empty words
 *   dropped, one leading '.' removed, each word pasted into `#define __KSYM_<word> 1`.
 * - `android`: Android's build strips headers, comments and indentation before the kernel
 *   sees the list, so only the author's reading exists.
 */
export type ListReader = 'modpost' | 'autoksyms' | 'android'

export type ListFormat = 'plain' | 'android'

export interface ListEntry {
  symbol: string
  /** 1-based line as editors count them (CR, LF and CRLF all end a line). */
  line: number
}

export type ListIssueKind = 'cr' | 'whitespace' | 'comment' | 'header' | 'duplicate'

export interface ListIssue {
  kind: ListIssueKind
  line: number
  /** Symbols the author meant on this line that the kernel does not keep. */
  lost: string[]
  /** Names the kernel reads from this line that the author did not mean (≤6.4 bogus entries). */
  bogus: string[]
  /** For duplicates: the line of the first occurrence. */
  firstLine?: number
  /** The line as written (without its line terminator), for messages. */
  text: string
}

export interface SymbolList {
  file: string
  format: ListFormat
  reader: ListReader
  /** Every symbol the author meant, first occurrence only, in file order. */
  entries: ListEntry[]
  issues: ListIssue[]
  /** The file's lines are ended by a lone CR (old Mac style): modpost sees one line. */
  crOnly: boolean
}

const HEADER = /^\[[^\]]*\]$/

/** Android lists open with `[abi_symbol_list]` (older: `[abi_whitelist]`); any `[...]` line counts. */
export function detectFormat(text: string): ListFormat {
  for (const line of text.split(/\r\n|\n|\r/)) if (HEADER.test(line.trim())) return 'android'
  return 'plain'
}

interface Line {
  text: string
  number: number
  /** How the line ended: '\n', '\r\n', '\r' or '' (end of file). */
  end: string
}

function splitLines(text: string): Line[] {
  const out: Line[] = []
  const re = /\r\n|\n|\r/g
  let start = 0
  let n = 1
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: text.slice(start, m.index), number: n++, end: m[0] })
    start = m.index + m[0].length
  }
  if (start < text.length) out.push({ text: text.slice(start), number: n, end: '' })
  return out
}

/** The author's reading of one line: its symbols, and what else the line holds. */
function intended(text: string, reader: ListReader): { words: string[]; comment: boolean; header: boolean } {
  const t = text.trim()
  if (t === '') return { words: [], comment: false, header: false }
  if (t.startsWith('#')) return { words: [], comment: true, header: false }
  if (HEADER.test(t)) return { words: [], comment: false, header: true }
  const hash = t.search(/\s#/)
  const content = hash >= 0 ? t.slice(0, hash) : t
  let words = content.split(/\s+/).filter(Boolean)
  if (reader === 'autoksyms') words = words.map(w => (w.startsWith('.') ? w.slice(1) : w)).filter(Boolean)
  return { words, comment: hash >= 0, header: false }
}

/** gen_autoksyms.sh's words of one line: split on spaces only, empties dropped, one leading '.' removed. */
function autoksymsWords(piece: string): string[] {
  return piece
    .split(' ')
    .filter(w => w !== '')
    .map(w => (w.startsWith('.') ? w.slice(1) : w))
    .filter(w => w !== '')
}

export function parseSymbolList(text: string, file: string, reader: ListReader): SymbolList {
  const format = detectFormat(text)
  const lines = splitLines(text)
  const crOnly = lines.some(l => l.end === '\r') && !lines.some(l => l.end === '\n' || l.end === '\r\n')
  const entries: ListEntry[] = []
  const issues: ListIssue[] = []
  const first = new Map<string, number>()
  for (const l of lines) {
    const want = intended(l.text, reader)
    for (const w of want.words) {
      const seen = first.get(w)
      if (seen !== undefined) issues.push({ kind: 'duplicate', line: l.number, lost: [], bogus: [], firstLine: seen, text: l.text })
      else {
        first.set(w, l.number)
        entries.push({ symbol: w, line: l.number })
      }
    }
    if (reader === 'android') continue
    const issue = reader === 'modpost' ? modpostIssue(l, want, crOnly) : autoksymsIssue(l, want)
    if (issue) issues.push(issue)
  }
  return { file, format, reader, entries, issues, crOnly }
}

/**
 * 6.5+: each '\n'-separated piece is one name, compared byte for byte. Whole-line comments and
 * headers match nothing and cost nothing; anything else that is not exactly one name loses the
 * symbols on the line.
 */
function modpostIssue(l: Line, want: ReturnType<typeof intended>, crOnly: boolean): ListIssue | null {
  // A line ended by a lone CR runs into the next one (with CR-only line ends the whole file is
  // one piece), which matches no single name.
  const piece = crOnly || l.end === '\r' ? null : l.end === '\r\n' ? `${l.text}\r` : l.text
  const lost = want.words.filter(w => w !== piece)
  const base = { line: l.number, lost, bogus: [], text: l.text }
  if (want.header) return { kind: 'header', ...base }
  if (want.words.length === 0) return want.comment ? { kind: 'comment', ...base } : null
  if (lost.length === 0) return null
  if (piece === null || piece.endsWith('\r')) return { kind: 'cr', ...base }
  if (want.comment) return { kind: 'comment', ...base }
  return { kind: 'whitespace', ...base }
}

/**
 * ≤6.4: words are split on spaces only. A CR or a tab stays inside its word: the word's
 * `#define __KSYM_<word> 1` then defines something else and the symbol is not kept. Comment and
 * header words become entries of their own.
 */
function autoksymsIssue(l: Line, want: ReturnType<typeof intended>): ListIssue | null {
  // sed works on '\n'-separated lines, so a CR before the '\n' stays in the last word.
  const piece = l.end === '\r\n' || l.end === '\r' ? `${l.text}\r` : l.text
  const read = autoksymsWords(piece)
  const readSet = new Set(read)
  const wantSet = new Set(want.words)
  const lost = want.words.filter(w => !readSet.has(w))
  const bogus = read.filter(w => !wantSet.has(w))
  if (lost.length === 0 && bogus.length === 0) return null
  const base = { line: l.number, lost, bogus, text: l.text }
  if (piece.endsWith('\r') && (lost.length > 0 || bogus.length > 0)) return { kind: 'cr', ...base }
  if (want.header) return { kind: 'header', ...base }
  if (want.comment) return { kind: 'comment', ...base }
  return { kind: 'whitespace', ...base }
}
