// Pure pieces of the kallsyms review: map parsing, mksysmap scripts, list diffs, kallsyms.c's
// selection and order, pass counting, the hand-written decompressors. Real kernels are in the
// other files of this directory.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decompress } from '../../src/load/decompress.ts'
import { compareSymbolLists } from '../../src/kallsyms/compare-symbols.ts'
import { expectedTable } from '../../src/kallsyms/expected.ts'
import { decodeLz4Legacy } from '../../src/kallsyms/lz4-legacy.ts'
import { breToRegExp, builtinMksysmap, keepsLine, parseMksysmapScript } from '../../src/kallsyms/mksysmap.ts'
import { isEndMarker, moverKind, movement, passCount, type PassMap } from '../../src/kallsyms/pass-analysis.ts'
import { SectionIndex } from '../../src/kallsyms/sections.ts'
import { formatSystemMap, parseSystemMap, type MapSymbol } from '../../src/kallsyms/system-map.ts'
import { rewriteXzForLzma2, undoX86BcjBlocks } from '../../src/kallsyms/xz-bcj.ts'
import { InputError } from '../../src/model/errors.ts'

const sym = (addr: bigint, type: string, name: string): MapSymbol => ({ addr, type, name })

describe('System.map parsing', () => {
  it('reads nm lines, keeps the width and formats them back byte for byte', () => {
    const text = 'ffffffff81000000 T _text\nffffffff81000000 T startup_64\n0000000000001000 D cpu_debug_store\n'
    const m = parseSystemMap(text, 'System.map')
    expect(m.width).toBe(16)
    expect(m.symbols).toEqual([sym(0xffffffff81000000n, 'T', '_text'), sym(0xffffffff81000000n, 'T', 'startup_64'), sym(0x1000n, 'D', 'cpu_debug_store')])
    expect(formatSystemMap(m.symbols, m.width)).toBe(text)
    expect(parseSystemMap('c1000000 T _text\n', 'x').width).toBe(8)
  })
  it('takes the empty step-0 map', () => {
    expect(parseSystemMap('', '.tmp_vmlinux0.syms').symbols).toEqual([])
  })
  it('names the line of a malformed entry', () => {
    expect(() => parseSystemMap('ffffffff81000000 T a\nnonsense\n', 'System.map')).toThrow(/System.map: line 2 is not/)
    expect(() => parseSystemMap('ffffffff8100000g T a\n', 'System.map')).toThrow(/not hexadecimal/)
    expect(() => parseSystemMap('ffffffff81000000 T a\n\nffffffff81000000 T b\n', 'm')).toThrow(/line 2 is empty/)
  })
})

describe('mksysmap filters', () => {
  const line = (type: string, name: string) => `ffffffff81000000 ${type} ${name}`
  it('translates the POSIX expressions mksysmap uses', () => {
    expect(breToRegExp(' \\$', 'f').test(' $x')).toBe(true)
    expect(breToRegExp(' \\.L', 'f').test(' .Ltmp1')).toBe(true)
    expect(breToRegExp(' \\.L', 'f').test(' xL')).toBe(false)
    expect(breToRegExp(' __[[:alnum:]]*Thunk_', 'f').test(' __AArch64ADRPThunk_foo')).toBe(true)
    expect(breToRegExp(' __UNIQUE_ID_modinfo_[0-9]*$', 'f').test(' __UNIQUE_ID_modinfo_12')).toBe(true)
    expect(breToRegExp(' __UNIQUE_ID_modinfo_[0-9]*$', 'f').test(' __UNIQUE_ID_modinfo_12x')).toBe(false)
    expect(breToRegExp(' [aNUw] ', 'f').test(' w ')).toBe(true)
    expect(breToRegExp('a+b', 'f').test('a+b')).toBe(true)
    expect(() => breToRegExp('[[:nosuch:]]', 'f')).toThrow(InputError)
  })
  it('reads the sed script form (6.11+)', () => {
    const f = parseMksysmapScript('#!/bin/sed -f\n# types\n/ [aNUw] /d\n\n# locals\n/ \\$/d\n/_veneer$/d\n', 'scripts/mksysmap')
    expect(f.patterns).toHaveLength(3)
    expect(keepsLine(f, line('t', '$x'))).toBe(false)
    expect(keepsLine(f, line('t', 'foo_veneer'))).toBe(false)
    expect(keepsLine(f, line('T', 'foo'))).toBe(true)
    expect(f.dropsKallsymsObjectSymbols).toBe(false)
  })
  it('reads sed inside a double-quoted shell string (6.4-6.10), unescaping as sh does', () => {
    const script = '${NM} -n ${1} | sed >${2} -e "\n/ \\\\$/d\n/ \\.L/d\n$(if [ $# -ge 3 ]; then ${NM} ${3} | sed -n x; fi)\n"\n'
    const f = parseMksysmapScript(script, 'scripts/mksysmap')
    expect(keepsLine(f, line('t', '$d'))).toBe(false)
    expect(keepsLine(f, line('t', '.Lfoo'))).toBe(false)
    expect(f.dropsKallsymsObjectSymbols).toBe(true)
    // The 6.4 bug: `\$` in double quotes reached sed as `$`, an end anchor, so $-locals stayed.
    const buggy = parseMksysmapScript('${NM} -n ${1} | sed >${2} -e "\n/ \\$/d\n"\n', 'scripts/mksysmap')
    expect(keepsLine(buggy, line('t', '$d'))).toBe(true)
  })
  it('reads the grep forms (6.1-6.3 and older)', () => {
    const f = parseMksysmapScript("$NM -n $1 | grep -v \\\n\t-e ' [aNUw] ' \\\n\t-e ' \\$' \\\n\t-e ' L0$' \\\n> $2\n", 'scripts/mksysmap')
    expect(f.patterns).toHaveLength(3)
    expect(keepsLine(f, line('t', 'L0'))).toBe(false)
    expect(keepsLine(f, line('t', 'L01'))).toBe(true)
    const old = parseMksysmapScript("$NM -n $1 | grep -v '\\( [aNUw] \\)\\|\\(__crc_\\)\\|\\( \\$[adt]\\)' > $2\n", 'scripts/mksysmap')
    expect(old.patterns).toHaveLength(3)
    expect(keepsLine(old, line('A', '__crc_foo'))).toBe(false)
    expect(keepsLine(old, line('t', '$a'))).toBe(false)
    expect(keepsLine(old, line('t', '$x'))).toBe(true)
  })
  it('refuses a script without patterns', () => {
    expect(() => parseMksysmapScript('#!/bin/sh\necho hi\n', 'scripts/mksysmap')).toThrow(/no sed or grep patterns/)
  })
  it('has built-in filters per era', () => {
    const v = (minor: number) => ({ major: 6, minor, patch: 0 })
    expect(keepsLine(builtinMksysmap(v(1)), line('t', '__efistub_foo'))).toBe(true)
    expect(keepsLine(builtinMksysmap(v(12)), line('t', '__efistub_foo'))).toBe(false)
    expect(builtinMksysmap(v(8)).dropsKallsymsObjectSymbols).toBe(true)
    expect(builtinMksysmap(v(12)).dropsKallsymsObjectSymbols).toBe(false)
  })
})

describe('symbol list diff', () => {
  it('pairs duplicate local names in order, so a uniform shift is reported as moves only', () => {
    const a = [sym(0x10n, 'd', '__func__.0'), sym(0x20n, 'd', '__func__.0'), sym(0x30n, 't', 'f')]
    const b = [sym(0x110n, 'd', '__func__.0'), sym(0x120n, 'd', '__func__.0'), sym(0x30n, 't', 'f')]
    const d = compareSymbolLists(a, b)
    expect(d.moved.map(m => [m.name, m.from, m.to])).toEqual([
      ['__func__.0', 0x10n, 0x110n],
      ['__func__.0', 0x20n, 0x120n]
    ])
    expect(d.added).toEqual([])
    expect(d.lost).toEqual([])
  })
  it('reports added, lost and retyped names, and a pure reordering', () => {
    const d = compareSymbolLists([sym(1n, 't', 'a'), sym(2n, 't', 'b')], [sym(1n, 'T', 'a'), sym(3n, 't', 'c')])
    expect(d.retyped).toEqual([{ name: 'a', addr: 1n, from: 't', to: 'T' }])
    expect(d.lost).toEqual([sym(2n, 't', 'b')])
    expect(d.added).toEqual([sym(3n, 't', 'c')])
    const r = compareSymbolLists([sym(1n, 't', 'a'), sym(1n, 't', 'b')], [sym(1n, 't', 'b'), sym(1n, 't', 'a')])
    expect(r.identical).toBe(false)
    expect(r.firstOrderDifference).toBe(0)
    expect(compareSymbolLists([sym(1n, 't', 'a')], [sym(1n, 't', 'a')]).identical).toBe(true)
  })
})

describe("kallsyms.c's selection and order", () => {
  const v612 = { major: 6, minor: 12, patch: 0 }
  it('drops absolute symbols (but the arch exceptions), sorts weak and linker-script symbols last at one address', () => {
    const map = [
      sym(0x0n, 'D', '__per_cpu_start'),
      sym(0x40n, 'D', 'pcpu_var'),
      sym(0x80n, 'D', '__per_cpu_end'),
      sym(0x1000n, 'A', 'text_size'),
      sym(0x1000n, 'A', '__gp'),
      sym(0xffffffff81000000n, 'W', 'weak_fn'),
      sym(0xffffffff81000000n, 'T', '__start_text'),
      sym(0xffffffff81000000n, 'T', '__x'),
      sym(0xffffffff81000000n, 'T', 'x'),
      sym(0xffffffff81000000n, 'T', '_stext')
    ]
    const t = expectedTable(map, { version: v612, allSymbols: true, absolutePercpu: true })
    expect(t.map(e => `${e.type} ${e.name}`)).toEqual([
      'A __per_cpu_start',
      'A pcpu_var',
      'A __per_cpu_end',
      'A __gp',
      'T x',
      'T _stext',
      'T __x',
      'T __start_text',
      'W weak_fn'
    ])
  })
  it('keeps only text (and 6.12+ __start_/__stop_) symbols without --all-symbols', () => {
    const map = [
      sym(0x100n, 'T', '_stext'),
      sym(0x110n, 'T', 'f'),
      sym(0x200n, 'T', '_etext'),
      sym(0x200n, 'R', '__start_rodata_thing'),
      sym(0x200n, 'r', 'at_etext'),
      sym(0x300n, 'D', 'data')
    ]
    const names = (minor: number) => expectedTable(map, { version: { major: 6, minor, patch: 0 }, allSymbols: false, absolutePercpu: false }).map(e => e.name)
    expect(names(12)).toEqual(['_stext', 'f', '_etext', '__start_rodata_thing'])
    expect(names(1)).toEqual(['_stext', 'f', '_etext'])
  })
  it('leaves its own table symbols out before 6.11 only', () => {
    const map = [sym(0x10n, 'D', 'kallsyms_names'), sym(0x20n, 'D', 'kallsyms_num_syms')]
    expect(expectedTable(map, { version: { major: 6, minor: 1, patch: 0 }, allSymbols: true, absolutePercpu: false })).toEqual([])
    expect(expectedTable(map, { version: v612, allSymbols: true, absolutePercpu: false })).toHaveLength(2)
  })
})

describe('passes', () => {
  const map = (pass: number, symbols: MapSymbol[], objectBytes: number | null, objectSymbols: string | null = null): PassMap => ({
    pass,
    file: `.tmp_vmlinux${pass}.syms`,
    derived: false,
    symbols,
    objectBytes,
    objectSymbols
  })
  const s1 = [sym(0x100n, 'T', 'f'), sym(0x200n, 'D', 'kallsyms_names'), sym(0x300n, 'D', 'after')]
  const s2 = [sym(0x100n, 'T', 'f'), sym(0x200n, 'D', 'kallsyms_names'), sym(0x1300n, 'D', 'after')]
  it('explains two passes by equal object sizes', () => {
    const c = passCount([map(0, [], 1920), map(1, s1, 5000), map(2, s2, 5000)])
    expect(c).toMatchObject({ passes: 2, forced: false })
    expect(c.why).toMatch(/same size|size of pass 1's \(5,000 bytes\)/)
  })
  it('explains a third pass by growth, by changed object symbols, or as forced', () => {
    const grown = passCount([map(1, s1, 5000), map(2, [...s2, sym(0x400n, 't', '__stub')], 5100), map(3, s2, 5100)])
    expect(grown.why).toMatch(/grew from 5,000 bytes in pass 1 to 5,100 bytes in pass 2 \(\+1 name\)/)
    expect(passCount([map(1, s1, 5000, 'a'), map(2, s2, 5000, 'b'), map(3, s2, 5000)]).why).toMatch(/nm -n/)
    const forced = passCount([map(1, s1, 5000, 'a'), map(2, s2, 5000, 'a'), map(3, s2, 5000)])
    expect(forced.forced).toBe(true)
    expect(forced.why).toMatch(/KALLSYMS_EXTRA_PASS=1/)
    expect(passCount([map(1, s1, null), map(2, s2, null), map(3, s2, null)]).forced).toBe(true)
  })
  it('groups movers by kind, section and shift', () => {
    const sections = new SectionIndex([
      { name: '.text', start: 0n, end: 0x200n },
      { name: '.rodata', start: 0x200n, end: 0x2000n }
    ])
    const later = [sym(0x100n, 'T', 'f'), sym(0x200n, 'D', 'kallsyms_names'), sym(0x1300n, 'D', 'after'), sym(0x1400n, 'D', '__end_rodata'), sym(0x150n, 't', '__x_veneer')]
    const earlier = [sym(0x100n, 'T', 'f'), sym(0x200n, 'D', 'kallsyms_names'), sym(0x300n, 'D', 'after'), sym(0x400n, 'D', '__end_rodata')]
    const m = movement(earlier, later, sections)
    expect(m.groups.other).toEqual([{ section: '.rodata', shift: 0x1000n, count: 1, first: 'after', last: 'after' }])
    expect(m.counts['end-marker']).toBe(1)
    expect(m.stubs.map(s => s.name)).toEqual(['__x_veneer'])
    expect(moverKind('kallsyms_offsets')).toBe('kallsyms-table')
    expect(isEndMarker('_end')).toBe(true)
    expect(isEndMarker('__bss_stop')).toBe(true)
    expect(isEndMarker('memcpy')).toBe(false)
  })
})

describe('lz4 legacy frames', () => {
  const lz4 = spawnSync('lz4', ['--version']).status === 0
  it.skipIf(!lz4)('decodes what lz4 -l writes, across blocks, with the kernel\'s size trailer', () => {
    const data = Buffer.concat([randomBytes(3 << 20), Buffer.alloc(6 << 20, 'kallsyms '), randomBytes(1000)])
    const packed = spawnSync('lz4', ['-l', '-9', '-c'], { input: data, maxBuffer: 1 << 26 }).stdout
    const sized = Buffer.concat([packed, Buffer.from([1, 2, 3, 4])])
    expect(Buffer.compare(Buffer.from(decodeLz4Legacy(sized, 'x.lz4', 1 << 26)), data)).toBe(0)
  })
  it('refuses a match before the block and output beyond the limit', () => {
    // magic, block of 3 bytes: token 0x10 (1 literal, match 4), literal 'a', offset 5 (> 1 byte written)
    const bad = Buffer.from([0x02, 0x21, 0x4c, 0x18, 4, 0, 0, 0, 0x10, 0x61, 5, 0])
    expect(() => decodeLz4Legacy(bad, 'x.lz4', 1 << 20)).toThrow(/points before the block/)
    expect(() => decodeLz4Legacy(Buffer.from([1, 2, 3, 4]), 'x.lz4', 100)).toThrow(/not an lz4 legacy stream/)
  })
})

describe('xz with the x86 BCJ filter', () => {
  const xz = spawnSync('xz', ['--version']).status === 0
  it.skipIf(!xz)('rewrites the stream for the LZMA2-only decoder and undoes BCJ per block', async () => {
    // x86-like data: E8/E9 with small relative targets, which BCJ turns absolute.
    const data = Buffer.alloc(3 << 20)
    for (let i = 0; i < data.length - 5; i += 7) {
      data[i] = i % 2 ? 0xe8 : 0xe9
      data.writeInt32LE(((i * 2654435761) % 100000) - 50000, i + 1)
    }
    for (const args of [['--x86', '--lzma2=dict=64MiB'], ['--x86', '--lzma2=preset=6', '--block-size=1MiB'], []]) {
      const run = spawnSync('xz', ['--check=crc32', ...args, '-c'], { input: data, maxBuffer: 1 << 26 })
      expect(run.status).toBe(0)
      const packed = run.stdout
      const rw = rewriteXzForLzma2(Buffer.concat([packed, Buffer.from([9, 9, 9, 9])]), 'x.xz')
      const out = await decompress(rw.stream, 'xz', 'x.xz', 1 << 26)
      if (rw.x86) undoX86BcjBlocks(out, rw.blockSizes)
      expect(rw.x86).toBe(args.includes('--x86'))
      expect(Buffer.compare(Buffer.from(out), data)).toBe(0)
    }
  })
})
