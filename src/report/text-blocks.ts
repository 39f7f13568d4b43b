import type { Block, Inline, Text } from '../model/finding.ts'

/** Plain text of an inline run (no markup: terminals and logs). */
export function plain(t: Text): string {
  const one = (i: Inline) => (typeof i === 'string' ? i : 'code' in i ? i.code : i.strong)
  return Array.isArray(t) ? t.map(one).join('') : one(t)
}

/** Strips control characters a hostile build could use to rewrite a terminal. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

export function safeTerminal(s: string): string {
  if (!CONTROL.test(s)) return s
  return s.replace(CONTROL_ALL, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

export function renderBlocksText(blocks: readonly Block[], indent = ''): string[] {
  const out: string[] = []
  for (const b of blocks) {
    switch (b.kind) {
      case 'paragraph':
        out.push(indent + safeTerminal(plain(b.text)))
        break
      case 'list':
        for (const i of b.items) out.push(`${indent}- ${safeTerminal(plain(i))}`)
        break
      case 'code':
        for (const l of b.text.split('\n')) out.push(`${indent}    ${safeTerminal(l)}`)
        break
      case 'details':
        out.push(`${indent}${safeTerminal(plain(b.summary))}:`)
        for (const x of renderBlocksText(b.blocks, indent + '  ')) out.push(x)
        break
      case 'table': {
        const cells = [b.columns, ...b.rows.map(r => r.map(c => safeTerminal(plain(c))))]
        const widths = b.columns.map((_, i) => cells.reduce((w, r) => Math.max(w, (r[i] ?? '').length), 0))
        cells.forEach((r, ri) => {
          const line = r
            .map((c, i) => (b.align?.[i] === 'right' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
            .join('  ')
            .trimEnd()
          out.push(indent + line)
          if (ri === 0) out.push(indent + widths.map(w => '-'.repeat(w)).join('  '))
        })
        break
      }
    }
  }
  return out
}
