import fc from 'fast-check'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import { codeSpan, escapeHtml, escapeText, htmlCode, tableCode } from '../../src/report/escape.ts'
import { COMMENT_LIMIT, renderReports, renderSection } from '../../src/report/markdown.ts'
import { check, hugeReport, makeReport } from './reports.ts'

/** GitHub-flavoured markdown to HTML, raw HTML allowed (as GitHub allows a safe subset). */
function html(md: string): string {
  return micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] })
}

function decode(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/\u200b/g, '')
}

const HOSTILE = [
  '@torvalds please look',
  'fixes #1234 and GH-77 and torvalds/linux#5',
  '[click](https://evil.example/x) ![img](http://x/y.png) www.evil.example',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '</details><details open><summary>x</summary>',
  '<!-- kbuild-review:end -->',
  '**bold** _it_ ~~s~~ `code` | pipe | \\ backslash',
  '- list\n# heading\n> quote\n1. one',
  'deadbeefcafe1234 looks like a commit',
  'mail me@example.com :tada:',
  '`` `foo` ``',
  '&amp; &#64; &lt;'
]

const printable = fc.string({
  unit: fc.constantFrom(...'ab @#<>[]()`*_|\\!:/.-&;=~"\'{}0123456789wW\n'.split('')),
  maxLength: 40
})

describe('escaping build strings for GitHub markdown', () => {
  it('plain text renders as exactly the original text, with no element, link or reference', () => {
    for (const s of HOSTILE) {
      const out = html(escapeText(s))
      expect(out.startsWith('<p>') && out.trimEnd().endsWith('</p>'), s).toBe(true)
      const inner = out.trim().slice(3, -4)
      expect(inner, s).not.toMatch(/<[a-z!/]/i)
      expect(decode(inner), s).toBe(s.replace(/\n/g, ' '))
      // The filters GitHub runs over text nodes find nothing: the ZWSP splits each trigger.
      expect(inner).not.toMatch(/@\w|#\d|:\/\/|www\.|\b[0-9a-f]{7,}\b/i)
    }
  })

  it('holds for any string (property)', () => {
    fc.assert(
      fc.property(printable, s => {
        const out = html(escapeText(s)).trim()
        if (s.trim() === '') return
        const inner = out.slice(3, -4)
        expect(inner).not.toMatch(/<[a-z!/]/i)
        expect(decode(inner).trim()).toBe(s.replace(/\n/g, ' ').trim())
      }),
      { numRuns: 500 }
    )
  })

  it('code spans keep the text exact and never break out', () => {
    fc.assert(
      fc.property(printable, s => {
        if (s.trim() === '') return
        const out = html(`x ${codeSpan(s)} y`).trim()
        expect(out).toMatch(/^<p>x <code>[\s\S]*<\/code> y<\/p>$/)
        const text = decode(out.slice(3, -4)).slice(2, -2)
        expect([s.replace(/\n/g, ' '), s.replace(/\n/g, ' ').slice(1, -1)]).toContain(text)
      }),
      { numRuns: 500 }
    )
  })

  it('code in table cells keeps the text exact and the cells whole', () => {
    fc.assert(
      fc.property(printable, s => {
        if (s.trim() === '') return
        const table = `| a | b |\n| --- | --- |\n| ${tableCode(s)} | end |\n`
        const out = html(table)
        const cells = [...out.matchAll(/<td>([\s\S]*?)<\/td>/g)].map(m => m[1]!)
        expect(cells).toHaveLength(2)
        expect(cells[1]).toBe('end')
        expect(cells[0]).toMatch(/^<code>[\s\S]*<\/code>$/)
        expect(decode(cells[0]!)).toBe(s.replace(/\n/g, ' '))
        expect(cells[0]).not.toMatch(/<(?!\/?code>)/)
      }),
      { numRuns: 500 }
    )
  })

  it('HTML contexts (details summaries) escape too', () => {
    for (const s of HOSTILE) {
      const out = html(`<details><summary>${escapeHtml(s)} ${htmlCode(s)}</summary>\n\nbody\n\n</details>\n`)
      expect(out.match(/<details>/g)).toHaveLength(1)
      expect(out.match(/<\/details>/g)).toHaveLength(1)
      expect(out).not.toMatch(/<(script|img|a)\b/)
    }
  })
})

describe('the comment layout', () => {
  const report = makeReport('x86_64-defconfig', [
    check('symbol-list', [
      {
        severity: 'error',
        code: 'symbol-list-unknown-symbol',
        message: 'foo_bar is in the symbol list but not exported',
        symbol: 'foo_bar',
        file: 'android/abi_gki_aarch64',
        line: 12
      }
    ]),
    check('exports', [
      {
        severity: 'warning',
        code: 'export-gpl-only',
        message: 'now GPL-only: breaks non-GPL importers',
        symbol: 'baz',
        module: 'vendor.ko'
      }
    ]),
    check('btf', [], { summary: 'all 12 modules carry BTF for this vmlinux' }),
    check('size', [], { status: 'skip', summary: 'no baseline' })
  ])

  it('has a verdict line, one section per check with findings, quiet ones in one line', () => {
    const md = renderReports([report], COMMENT_LIMIT, { fullReportAt: 'the job summary' })
    const lines = md.split('\n')
    expect(lines[0]).toBe('## ❌ kbuild-review: problems found, 1 error, 1 warning')
    expect(md).toContain('#### ❌ symbol list: 1 error')
    expect(md).toContain('#### ⚠️ exports: 1 warning')
    expect(md).toContain('(`android/abi_gki_aarch64:12`)')
    expect(md).toContain('✅ Passed: btf.')
    expect(md).toContain('<summary>1 check skipped</summary>')
    expect(md).toContain('No baseline')
    expect(md).not.toContain('truncated')
  })

  it('says which baseline it compared with', () => {
    const withBase = {
      ...report,
      baseline: {
        label: 'the snapshot of base commit 0123456789abcdef0123456789abcdef01234567',
        release: '6.12.115'
      }
    }
    const out = decode(html(renderSection(withBase, COMMENT_LIMIT, { fullReportAt: 'x' })))
    expect(out).toContain(
      'Compared with the snapshot of base commit 0123456789abcdef0123456789abcdef01234567 (Linux 6.12.115).'
    )
  })

  it('folds long lists into <details>', () => {
    const many = makeReport('k', [
      check(
        'exports',
        Array.from({ length: 25 }, (_, i) => ({ severity: 'warning' as const, code: 'c', message: `m${i}` }))
      )
    ])
    const md = renderReports([many], COMMENT_LIMIT, { fullReportAt: 'x' })
    expect(md).toContain('<summary>15 more findings</summary>')
    expect(md).not.toContain('truncated')
  })

  it('cuts a 200,000-character report to the comment limit, closing every <details> and pointing at the full report', () => {
    const huge = hugeReport('x86_64-allmod', 2000)
    const full = renderReports([huge], Number.MAX_SAFE_INTEGER, { fullReportAt: 'x' })
    expect(full.length).toBeGreaterThan(200_000)
    const md = renderReports([huge], COMMENT_LIMIT, {
      fullReportAt: 'the job summary and the `kbuild-review-x86_64-allmod` artifact'
    })
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(md.length).toBeGreaterThan(COMMENT_LIMIT * 0.9)
    expect(md).toContain(
      'truncated to fit: the full report is in the job summary and the `kbuild-review-x86_64-allmod` artifact'
    )
    expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length)
    expect(md).toMatch(/and \d+ more \(truncated\)/)
    // The later check still has its section: budgets are shared, not first come first served.
    expect(md).toContain('<!-- kbuild-review:end -->')
    const out = html(md)
    expect(out).not.toMatch(/<a\b/)
  })

  it('shares the limit between configs', () => {
    const reports = [hugeReport('a', 1500), hugeReport('b', 1500), makeReport('c', [check('exports', [])])]
    const md = renderReports(reports, COMMENT_LIMIT, { fullReportAt: 'x' })
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(md.match(/kbuild-review:section key=/g)).toHaveLength(3)
    expect(md).toContain('in 3 configs')
  })

  it('never exceeds tiny budgets', () => {
    const huge = hugeReport('a', 300)
    for (const limit of [200, 1000, 5000, 20000]) {
      expect(
        renderReports([huge, hugeReport('b', 50)], limit, { fullReportAt: 'x' }).length
      ).toBeLessThanOrEqual(limit)
    }
  })
})
