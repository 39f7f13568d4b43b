import { describe, expect, it } from 'vitest'
import { detectFormat, parseSymbolList } from '../../src/exports/symbol-list.ts'

const symbols = (text: string, reader: 'modpost' | 'autoksyms' | 'android') => parseSymbolList(text, 'l', reader).entries.map(e => `${e.line}:${e.symbol}`)
const issues = (text: string, reader: 'modpost' | 'autoksyms' | 'android') =>
  parseSymbolList(text, 'l', reader).issues.map(i => ({ kind: i.kind, line: i.line, lost: i.lost, bogus: i.bogus }))

describe('symbol lists as their authors mean them', () => {
  it('reads the plain kernel list one symbol a line', () => {
    expect(symbols('kmalloc\nkfree\n', 'modpost')).toEqual(['1:kmalloc', '2:kfree'])
    expect(issues('kmalloc\nkfree\n', 'modpost')).toEqual([])
    expect(issues('kmalloc\nkfree\n', 'autoksyms')).toEqual([])
  })

  it("reads Android's abi_symbol_list: header, comments, indented entries", () => {
    const text = '[abi_symbol_list]\n# required by foo.ko\n  kmalloc\n  kfree\n\n[abi_symbol_list]\n  kmalloc\n'
    expect(detectFormat(text)).toBe('android')
    expect(detectFormat('kmalloc\n')).toBe('plain')
    expect(symbols(text, 'android')).toEqual(['3:kmalloc', '4:kfree'])
    expect(issues(text, 'android')).toEqual([{ kind: 'duplicate', line: 7, lost: [], bogus: [] }])
  })

  it('counts lines as editors do, whatever the line endings', () => {
    expect(symbols('a\r\nb\r\nc', 'android')).toEqual(['1:a', '2:b', '3:c'])
    expect(symbols('a\rb\rc\r', 'android')).toEqual(['1:a', '2:b', '3:c'])
  })
})

describe('6.5+ modpost reading (raw lines)', () => {
  it('loses every symbol of a CRLF list', () => {
    expect(issues('kmalloc\r\nkfree\r\n', 'modpost')).toEqual([
      { kind: 'cr', line: 1, lost: ['kmalloc'], bogus: [] },
      { kind: 'cr', line: 2, lost: ['kfree'], bogus: [] }
    ])
  })

  it('loses a CR-only file entirely', () => {
    const l = parseSymbolList('kmalloc\rkfree\r', 'l', 'modpost')
    expect(l.crOnly).toBe(true)
    expect(l.issues.map(i => [i.kind, i.lost])).toEqual([
      ['cr', ['kmalloc']],
      ['cr', ['kfree']]
    ])
  })

  it('loses symbols with leading or trailing whitespace, or two on a line', () => {
    expect(issues('  kmalloc\nkfree \n\tvfree\nkmemdup kstrdup\nok\n', 'modpost')).toEqual([
      { kind: 'whitespace', line: 1, lost: ['kmalloc'], bogus: [] },
      { kind: 'whitespace', line: 2, lost: ['kfree'], bogus: [] },
      { kind: 'whitespace', line: 3, lost: ['vfree'], bogus: [] },
      { kind: 'whitespace', line: 4, lost: ['kmemdup', 'kstrdup'], bogus: [] }
    ])
  })

  it('calls whole-line comments and headers harmless, inline comments lossy', () => {
    expect(issues('[abi_symbol_list]\n# keep\nkmalloc # for foo\nkfree\n', 'modpost')).toEqual([
      { kind: 'header', line: 1, lost: [], bogus: [] },
      { kind: 'comment', line: 2, lost: [], bogus: [] },
      { kind: 'comment', line: 3, lost: ['kmalloc'], bogus: [] }
    ])
  })

  it('ignores blank and whitespace-only lines', () => {
    expect(issues('\n   \nkmalloc\n\n', 'modpost')).toEqual([])
  })
})

describe('≤6.4 gen_autoksyms.sh reading (split on spaces)', () => {
  it('accepts indentation and several names a line', () => {
    expect(issues('  kmalloc\nkfree vfree \n', 'autoksyms')).toEqual([])
    expect(symbols('  kmalloc\nkfree vfree \n', 'autoksyms')).toEqual(['1:kmalloc', '2:kfree', '2:vfree'])
  })

  it('turns comment and header words into bogus entries', () => {
    expect(issues('[abi_symbol_list]\n# required by foo.ko\n  kmalloc\n', 'autoksyms')).toEqual([
      { kind: 'header', line: 1, lost: [], bogus: ['[abi_symbol_list]'] },
      { kind: 'comment', line: 2, lost: [], bogus: ['#', 'required', 'by', 'foo.ko'] }
    ])
  })

  it('keeps a tab or a CR inside the word, losing the symbol', () => {
    expect(issues('\tkmalloc\nkfree\r\nvfree\n', 'autoksyms')).toEqual([
      { kind: 'whitespace', line: 1, lost: ['kmalloc'], bogus: ['\tkmalloc'] },
      { kind: 'cr', line: 2, lost: ['kfree'], bogus: ['kfree\r'] }
    ])
  })

  it("drops one leading '.' as ppc64 needs", () => {
    expect(symbols('.kmalloc\n', 'autoksyms')).toEqual(['1:kmalloc'])
    expect(issues('.kmalloc\n', 'autoksyms')).toEqual([])
  })

  it('reports duplicates in every reading', () => {
    for (const r of ['modpost', 'autoksyms', 'android'] as const) {
      expect(issues('kmalloc\nkfree\nkmalloc\n', r)).toEqual([{ kind: 'duplicate', line: 3, lost: [], bogus: [] }])
    }
  })
})
