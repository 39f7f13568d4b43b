/**
 * Escaping of every string that comes from a build (symbol, module and path names, messages
 * that embed them) before it goes into GitHub markdown. GitHub renders markdown, then runs
 * filters over the text nodes of the HTML (mentions, issue and commit references, autolinks);
 * backslash escapes and entities do not stop those filters, so the text is also broken with a
 * zero-width space (U+200B) where a filter would fire. Code spans and <code> are left alone by
 * every filter, so names go there whenever the renderer can.
 */

const ZWSP = '\u200b'

/** Control characters and line breaks become spaces: a build string is always one line. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
}

/** Breaks what GitHub's post-render filters would turn into mentions, references or links. */
function defuse(s: string): string {
  return (
    s
      // @user, @org/team, user@example.com
      .replace(/@/g, `@${ZWSP}`)
      // #123, owner/repo#123
      .replace(/#/g, `#${ZWSP}`)
      // GH-123
      .replace(/\b(GH)-(?=\d)/gi, `$1${ZWSP}-`)
      // scheme://host, www.host
      .replace(/:\/\//g, `:${ZWSP}//`)
      .replace(/\b(www)\./gi, `$1${ZWSP}.`)
      // commit SHAs (7 to 40 hex digits standing alone) are autolinked when they exist
      .replace(/\b[0-9a-f]{7,}\b/gi, hex => hex.match(/.{1,4}/g)!.join(ZWSP))
  )
}

/** Markdown punctuation that can start or close syntax anywhere in a line. */
const MD_PUNCT = /[\\`*_{}[\]()#!|~^+\-.:=$"'/@]/g

/** Plain text in markdown (paragraphs, list items, table cells, headings). */
export function escapeText(s: string): string {
  const safe = defuse(oneLine(s)).replace(MD_PUNCT, c => `\\${c}`)
  return safe.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Text inside raw HTML (a <summary>): markdown is not parsed there, HTML is. */
export function escapeHtml(s: string): string {
  return defuse(oneLine(s))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** A name as <code> inside raw HTML; no filter looks inside <code>. */
export function htmlCode(s: string): string {
  if (s === '') return '<em>(empty)</em>'
  return `<code>${oneLine(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`
}

/**
 * A name as a markdown code span: the fence is one backtick longer than the longest run inside,
 * padded when the content starts or ends with a backtick. Not for tables (see tableCode).
 */
export function codeSpan(s: string): string {
  const text = oneLine(s)
  if (text.trim() === '') return '*(empty)*'
  let longest = 0
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  const fence = '`'.repeat(longest + 1)
  const pad =
    text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ')) ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/**
 * A name as code inside a table cell. GFM splits rows at every `|` not escaped with a backslash
 * before parsing inlines, and backslashes are literal inside code spans, so a code span cannot
 * hold `\|`. Inline <code> can: its content is markdown, escaped like plain text (every
 * punctuation mark backslash-escaped, so `\\\|` survives the row split as `\|`).
 */
export function tableCode(s: string): string {
  const text = oneLine(s)
  if (text.trim() === '') return '*(empty)*'
  return `<code>${text
    .replace(MD_PUNCT, c => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')}</code>`
}

/**
 * A value for a hidden HTML comment marker (config keys): only [A-Za-z0-9._~%-] survive, so it
 * can neither close the comment nor be confused with the marker's own syntax.
 */
export function markerValue(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

export function fromMarkerValue(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
