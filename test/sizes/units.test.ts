// Pure pieces of the size check: loader classes, bloat-o-meter arithmetic and printing, packing,
// ranges and budget parsing. Real-kernel agreement is in the other files of this directory.
import fc from 'fast-check'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EM_ARM, EM_PPC64, EM_X86_64, SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS, SHT_PROGBITS } from '../../src/elf/constants.ts'
import { bloatHeader, compareCodePoints, compareSizes, compareSortedPacked, compareSortedSizes, compareWithByteTable, compareWithTable, formatBloat, pyFixed } from '../../src/sizes/bloat.ts'
import { PackedCursor } from '../../src/sizes/packed-cursor.ts'
import { SizeTable } from '../../src/sizes/size-table.ts'
import { ByteSizeTable } from '../../src/sizes/byte-size-table.ts'
import { overBudget, parseSizeBudget } from '../../src/sizes/budget.ts'
import { sortStrings } from '../../src/sizes/sort-strings.ts'
import { parseBuiltinRanges, parseModulesBuiltin } from '../../src/sizes/builtin-ranges.ts'
import { classRecord, layoutOptionsFromVermagic, moduleClassSizes, moduleSectionClass } from '../../src/sizes/module-classes.ts'
import { vermagicIn } from '../../src/load/vermagic.ts'
import { decodePacked, packSizes, unpackSizes } from '../../src/sizes/pack.ts'
import type { SectionInfo } from '../../src/sizes/section-scan.ts'
import { categorySizes, cleanName } from '../../src/sizes/symbol-sizes.ts'
import { moduleFileClassSizes } from '../../src/sizes/module-file-sizes.ts'
import { ElfFile } from '../../src/elf/elf.ts'
import { walkFiles } from '../../src/discover/walk.ts'
import { debianRelease, fixtureMissing } from '../support/kernels.ts'
import { tempDir } from '../support/tmp.ts'

const A = SHF_ALLOC
const W = SHF_WRITE
const X = SHF_EXECINSTR
let index = 0
const sec = (name: string, flags: number, size: number, type = SHT_PROGBITS): SectionInfo => ({ index: ++index, name, type, flags, offset: 0, size })

describe('module classes follow kernel/module/main.c', () => {
  const sections = [
    sec('.text', A | X, 100),
    sec('.init.text', A | X, 10),
    sec('.exit.text', A | X, 7),
    sec('.rodata', A, 50),
    sec('.init.rodata', A, 5),
    sec('.modinfo', A, 999),
    sec('__versions', A, 888),
    sec('__jump_table', A | W, 24),
    sec('.data..ro_after_init', A | W, 8),
    sec('.data', A | W, 30),
    sec('.init.data', A | W, 3),
    sec('.data..percpu', A | W, 64),
    sec('.gnu.linkonce.this_module', A | W, 1280),
    sec('.bss', A | W, 40, SHT_NOBITS),
    sec('.symtab', 0, 5000),
    sec('.debug_info', 0, 9000)
  ]
  it('assigns each SHF_ALLOC section by flags, .init prefix and the loader\'s special names', () => {
    expect(classRecord(moduleClassSizes({ machine: EM_X86_64, sections }))).toEqual({
      text: 107,
      rodata: 50,
      roAfterInit: 32,
      data: 1310,
      bss: 40,
      initText: 10,
      initRodata: 5,
      initData: 3,
      percpu: 64
    })
  })
  it('lays .exit out as init without CONFIG_MODULE_UNLOAD', () => {
    const exit = sections.find(s => s.name === '.exit.text')!
    expect(moduleSectionClass(exit, EM_X86_64)).toBe('text')
    expect(moduleSectionClass(exit, EM_X86_64, { moduleUnload: false })).toBe('initText')
  })
  it('knows the arch overrides of module_init_section', () => {
    expect(moduleSectionClass(sec('.ARM.exidx.init.text', A, 8), EM_ARM)).toBe('initRodata')
    expect(moduleSectionClass(sec('.ARM.exidx.init.text', A, 8), EM_X86_64)).toBe('rodata')
    expect(moduleSectionClass(sec('.init.text', A | X, 8), EM_PPC64)).toBe('text')
  })
  it('follows the vermagic: mod_unload, and 7.x making .static_call_sites ro_after_init', () => {
    const opts = layoutOptionsFromVermagic('7.2.13-amd64 SMP preempt mod_unload modversions ')
    expect(opts).toEqual({ moduleUnload: true, version: { major: 7, minor: 2, patch: 13 } })
    const scs = sec('.static_call_sites', A | W, 16)
    expect(moduleSectionClass(scs, EM_X86_64, opts)).toBe('roAfterInit')
    expect(moduleSectionClass(scs, EM_X86_64, layoutOptionsFromVermagic('6.12.117+deb12-amd64 SMP preempt mod_unload modversions '))).toBe('data')
    expect(layoutOptionsFromVermagic('6.12.0 SMP preempt modversions ').moduleUnload).toBe(false)
    expect(moduleSectionClass(sec('__version_ext_crcs', A, 64), EM_X86_64)).toBeNull()
    expect(vermagicIn(Buffer.from('license=GPL\0vermagic=6.12.0 SMP \0name=x\0'))).toBe('6.12.0 SMP ')
  })
  it('puts a read-only __jump_table in rodata, as the mask order does', () => {
    expect(moduleSectionClass(sec('__jump_table', A, 8), EM_X86_64)).toBe('rodata')
  })
})

describe('bloat-o-meter arithmetic', () => {
  it('cleans names as getsizes() does', () => {
    expect(cleanName('foo.constprop.0.isra.12')).toBe('foo.constprop.isra')
    expect(cleanName('__func__.3')).toBe('__func__')
    expect(cleanName('x.1abc')).toBe('xabc')
    expect(cleanName('__mod_pci__x_device_table')).toBeNull()
    expect(cleanName('__se_sys_read')).toBeNull()
    expect(cleanName('__addressable_foo')).toBeNull()
    expect(cleanName('linux_banner')).toBeNull()
    expect(cleanName('vermagic')).toBeNull()
    expect(cleanName('_sdata')).toBeNull() // 7.2's additions
    expect(cleanName('__noinstr_text_start')).toBeNull()
    expect(cleanName('a:b')).toBeNull()
    expect(cleanName('')).toBeNull()
  })
  it('sums cleaned names per category and drops letters outside the -c sets', () => {
    const c = categorySizes([
      { name: 'f.part.0', letter: 't', size: 10, value: 0n, shndx: 1 },
      { name: 'f.part.1', letter: 't', size: 5, value: 0n, shndx: 1 },
      { name: 'v', letter: 'V', size: 4, value: 0n, shndx: 1 },
      { name: 'r', letter: 'R', size: 3, value: 0n, shndx: 1 },
      { name: 'u', letter: 'u', size: 3, value: 0n, shndx: 1 }
    ])
    expect([...c.function]).toEqual([['f.part', 15]])
    expect([...c.data]).toEqual([['v', 4]])
    expect([...c.rodata]).toEqual([['r', 3]])
  })
  it('counts, totals and orders as calc() and print_result() do', () => {
    const old = new Map([['a', 10], ['b', 20], ['gone', 7], ['same', 1]])
    const cur = new Map([['a', 12], ['b', 15], ['new', 3], ['same', 1]])
    const r = compareSizes(old, cur)
    expect(bloatHeader(r)).toBe('add/remove: 1/1 grow/shrink: 1/1 up/down: 5/-12 (-7)')
    expect(formatBloat(r, 'Function')).toEqual([
      'add/remove: 1/1 grow/shrink: 1/1 up/down: 5/-12 (-7)',
      'Function                                     old     new   delta',
      'new                                            -       3      +3',
      'a                                             10      12      +2',
      'b                                             20      15      -5',
      'gone                                           7       -      -7',
      'Total: Before=38, After=31, chg -18.42%'
    ])
  })
  it('prints "up/down: 0/0" and 0% for empty sides, as Python does', () => {
    const r = compareSizes(new Map(), new Map())
    expect(formatBloat(r, 'Data')).toEqual(['add/remove: 0/0 grow/shrink: 0/0 up/down: 0/0 (0)', 'Data                                         old     new   delta', 'Total: Before=0, After=0, chg +0.00%'])
  })
  it('breaks delta ties by name descending, by code point', () => {
    const r = compareSizes(new Map(), new Map([['b', 1], ['a', 1], ['c', 1]]))
    expect(r.rows.map(x => x.name)).toEqual(['c', 'b', 'a'])
    expect(compareCodePoints('\u{10000}', '\uffff')).toBe(1)
  })
  it("formats percentages like Python's %+.2f, ties to even", () => {
    expect(pyFixed(0.125, 2, true)).toBe('+0.12')
    expect(pyFixed(0.375, 2, true)).toBe('+0.38')
    expect(pyFixed(-0.125, 2, true)).toBe('-0.12')
    expect(pyFixed(2.5, 0)).toBe('2')
    expect(pyFixed(1.005, 2)).toBe('1.00') // 1.005 is below the tie in binary
    expect(pyFixed(-18.421052631578945, 2, true)).toBe('-18.42')
    expect(pyFixed(0, 2, true)).toBe('+0.00')
  })
})

describe('symbol-size tables over name bytes', () => {
  // Raw nm names built from the pieces cleanName looks at: '@' versions, '.NUMBER' parts,
  // ':' and whitespace, the skipped prefixes and whole names, and their near misses.
  const piece = fc.constantFrom('a', 'b', '_', '.', '.1', '.23', '..', '0', '@', '@@x', ':', ' ', '\t', '\x1c', '\x7f', '__mod_', '__mo', '__se_sys', '__se_compat_sys', '__addressable_', '__noinstr_text_start', '_sdata', '_sdat', 'linux_banner', 'vermagic', 'vermagi')
  const rawName = fc.array(piece, { maxLength: 6 }).map(a => a.join(''))
  const bytes = (s: string) => Uint8Array.from(s, c => c.charCodeAt(0))

  it('clean and sum raw names as cleanName and a SizeTable do', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(rawName, fc.nat({ max: 1000 })), { maxLength: 30 }), rows => {
        const byBytes = new ByteSizeTable(4, 2)
        const byStrings = new SizeTable()
        for (const [raw, size] of rows) {
          // Somewhere inside a larger buffer, as names sit in a string table.
          const src = bytes(`x\0${raw}\0y`)
          byBytes.addRaw(src, 2, 2 + raw.length, size)
          const at = raw.indexOf('@')
          const clean = cleanName(at >= 0 ? raw.slice(0, at) : raw)
          if (clean !== null) byStrings.add(clean, size)
        }
        expect([...byBytes.toMap()]).toEqual([...byStrings.toMap()])
        expect(byBytes.size).toBe(byStrings.size)
      })
    )
  })

  it('compare with a packed table as compareSizes compares the maps', () => {
    const name = fc.stringMatching(/^(ab|abc|x_|_)[a-c.1]{0,4}$/)
    const table = fc.dictionary(name, fc.nat({ max: 50 }), { maxKeys: 60 })
    fc.assert(
      fc.property(table, table, (a, b) => {
        const old = new Map(Object.entries(a))
        const cur = new Map(Object.entries(b).filter(([n]) => cleanName(n) === n))
        const t = new ByteSizeTable(8, 2)
        for (const [n, v] of cur) t.addRaw(bytes(n), 0, n.length, v)
        expect(compareWithByteTable(new PackedCursor(packSizes(old), 'a'), t)).toEqual(compareSizes(old, cur))
      })
    )
    // An old table whose names repeat is not walked: the caller compares through maps.
    const t = new ByteSizeTable()
    t.addRaw(bytes('a'), 0, 1, 1)
    expect(compareWithByteTable(new PackedCursor('0 a 1\n0 a 2', 't'), t)).toBeNull()
  })
})

describe('packed symbol sizes', () => {
  it('round-trips any map of cleaned names', () => {
    const name = fc.stringMatching(/^[A-Za-z_.$][\w.$]{0,30}$/)
    fc.assert(
      fc.property(fc.dictionary(name, fc.nat({ max: 2 ** 40 })), d => {
        const m = new Map(Object.entries(d))
        expect(unpackSizes(packSizes(m), 't')).toEqual(m)
      })
    )
  })
  it('sums a name added twice to a SizeTable, as the map of getsizes() does', () => {
    const t = new SizeTable()
    t.add('f', 3)
    t.add('g', 1)
    t.add('f', 4)
    expect([t.size, t.names, t.sizes]).toEqual([2, ['f', 'g'], [7, 1]])
    expect(t.toMap()).toEqual(new Map([['f', 7], ['g', 1]]))
  })
  it('front-codes sorted names', () => {
    expect(packSizes(new Map([['abc', 10], ['abd', 36], ['b', 1]]))).toBe('0 abc a\n2 d 10\n0 b 1')
  })
  it('compares packed tables walked together as compareSizes compares their maps', () => {
    // Names share prefixes and cross U+FFFF (UTF-16 order differs from code point order there).
    const name = fc.stringMatching(/^(ab|abc|x\u{1F600}|x\uFFFD|_)[a-c.]{0,4}$/u)
    const table = fc.dictionary(name, fc.nat({ max: 50 }), { maxKeys: 40 })
    fc.assert(
      fc.property(table, table, (a, b) => {
        const old = new Map(Object.entries(a))
        const cur = new Map(Object.entries(b))
        const x = decodePacked(packSizes(old), 'a')
        const y = decodePacked(packSizes(cur), 'b')
        expect(x.ascending && y.ascending).toBe(true)
        expect(compareSortedSizes(x.names, x.sizes, y.names, y.sizes)).toEqual(compareSizes(old, cur))
        // The same read side by side from the packed text, no name decoded unless it changed.
        expect(compareSortedPacked(new PackedCursor(packSizes(old), 'a'), new PackedCursor(packSizes(cur), 'b'))).toEqual(compareSizes(old, cur))
        // The same against a SizeTable (vmlinux's side, made here), its names added in any order.
        const t = new SizeTable()
        for (const [n, v] of [...cur].reverse()) t.add(n, v)
        expect(compareWithTable(x.names, x.sizes, t)).toEqual(compareSizes(old, cur))
      })
    )
    // A table not in packSizes' order (written elsewhere) says so, and is compared through maps.
    expect(decodePacked('0 b 1\n0 a 2', 't').ascending).toBe(false)
    expect(decodePacked('0 a 1\n0 a 2', 't').ascending).toBe(false)
  })
  it('reads any text entry by entry as decodePacked decodes it whole, errors included', () => {
    const text = fc.array(fc.constantFrom('0', '1', '2', 'z', '-', ' ', '\n', 'a', 'b', '\u00e9', '\u{1F600}'), { maxLength: 40 }).map(a => a.join(''))
    fc.assert(
      fc.property(text, t => {
        let expected: { names: string[]; sizes: number[]; ascending: boolean } | Error
        try {
          expected = decodePacked(t, 'f')
        } catch (err) {
          expected = err as Error
        }
        const cursor = new PackedCursor(t, 'f')
        const names: string[] = []
        const sizes: number[] = []
        let got: typeof expected
        try {
          while (cursor.next()) {
            names.push(cursor.name())
            sizes.push(cursor.size)
          }
          got = { names, sizes, ascending: cursor.ascending }
        } catch (err) {
          got = err as Error
        }
        if (expected instanceof Error) expect((got as Error).message).toBe(expected.message)
        else expect(got).toEqual(expected)
      }),
      { numRuns: 3000 }
    )
    // Not ascending (a name after a greater or an equal one), so the walk gives way to the maps.
    for (const t of ['0 b 1\n0 a 2', '0 ab 1\n1 b 2', '0 a 1\n0 a 2']) {
      expect(compareSortedPacked(new PackedCursor(t, 'a'), new PackedCursor('0 a 1', 'b')), t).toBeNull()
      expect(compareSortedPacked(new PackedCursor('0 a 1', 'a'), new PackedCursor(t, 'b')), t).toBeNull()
    }
  })
  it('reads numbers as parseInt(…, 36) reads them', () => {
    const line = (shared: string, size: string) => `${shared} x ${size}`
    for (const size of ['z', 'Z', '10', '-0', '+5', ' 7', '7x', '1y2', String(2 ** 53), 'zzzzzzzzzz', 'zzzzzzzzzzzzzz', '', '-1', 'é']) {
      const n = parseInt(size, 36)
      const ok = Number.isSafeInteger(n) && n >= 0
      if (ok) expect(decodePacked(line('0', size), 't').sizes, size).toEqual([n])
      else expect(() => decodePacked(line('0', size), 't'), size).toThrow(/line 1/)
    }
  })
  it('refuses malformed input with the line number', () => {
    expect(() => unpackSizes('0 abc a\n9 d 1', 'snap')).toThrow(/line 2/)
    expect(() => unpackSizes('0abc', 'snap')).toThrow(/line 1/)
  })
})

describe('modules.builtin and modules.builtin.ranges', () => {
  it('parses ranges and anchors', () => {
    const r = parseBuiltinRanges('.text 00000000-00000000 = _text\n.text 0009e6c0-0009f1b0 em_cmp\n.data 00001a40-00001b00 mod_a mod_b\n', 'r')
    expect(r.anchors).toEqual([{ section: '.text', offset: 0, symbol: '_text' }])
    expect(r.ranges).toEqual([
      { section: '.text', start: 0x9e6c0, end: 0x9f1b0, modules: ['em_cmp'] },
      { section: '.data', start: 0x1a40, end: 0x1b00, modules: ['mod_a', 'mod_b'] }
    ])
  })
  it('names the line of a bad entry', () => {
    expect(() => parseBuiltinRanges('.text 0-1 a\n.text 10-5 b\n', 'modules.builtin.ranges')).toThrow(/modules.builtin.ranges: line 2: range end/)
    expect(() => parseBuiltinRanges('garbage\n', 'r')).toThrow(/line 1/)
  })
  it('turns modules.builtin paths into module names', () => {
    expect(parseModulesBuiltin('kernel/net/sched/em_cmp.ko\nkernel/drivers/tty/serial/8250/8250-base.ko\n\n')).toEqual(['em_cmp', '8250_base'])
  })
})

describe('size budget', () => {
  it('parses scopes, units and percents', () => {
    expect(parseSizeBudget('total=+1%,module=+64KiB')).toEqual({ total: { percent: 1 }, module: { bytes: 65536 } })
    expect(parseSizeBudget(' vmlinux = 2M , module=4096')).toEqual({ vmlinux: { bytes: 2 * 1024 * 1024 }, module: { bytes: 4096 } })
    expect(parseSizeBudget('total=+0.5%')).toEqual({ total: { percent: 0.5 } })
  })
  it('refuses what it cannot read exactly', () => {
    expect(() => parseSizeBudget('module=64KB')).toThrow(/ambiguous/)
    expect(() => parseSizeBudget('modules=1%')).toThrow(/scope/)
    expect(() => parseSizeBudget('total=1%,total=2%')).toThrow(/twice/)
    expect(() => parseSizeBudget('total=lots')).toThrow(/bytes/)
  })
  it('flags growth strictly above the limit only', () => {
    expect(overBudget({ bytes: 100 }, 1000, 1100)).toBe(false)
    expect(overBudget({ bytes: 100 }, 1000, 1101)).toBe(true)
    expect(overBudget({ percent: 1 }, 1000, 1010)).toBe(false)
    expect(overBudget({ percent: 1 }, 1000, 1011)).toBe(true)
    expect(overBudget({ percent: 1 }, 1000, 900)).toBe(false)
  })
})

describe('header-only module listing', () => {
  const dir = tempDir()
  const ko = walkFiles(debianRelease('new')?.koRoot ?? '/nonexistent', n => n === 'crc8.ko', 100_000)[0] ?? null
  it('reads sizes and classes of a real module, and refuses broken files by name', ctx => {
    if (!ko) return fixtureMissing('Debian 6.12 modules (scripts/kernels/fetch-debian.sh)', ctx.skip)
    const bytes = readFileSync(ko)
    const r = moduleFileClassSizes(ko, 'crc8.ko')
    expect(r.fileBytes).toBe(bytes.length)
    expect(r.classes).toEqual(moduleClassSizes(ElfFile.fromBytes(bytes, 'crc8.ko'), layoutOptionsFromVermagic(vermagicIn(readFileSync(ko)) ?? '')))
    const cut = join(dir, 'cut.ko')
    const shoff = Number(bytes.readBigUInt64LE(40))
    writeFileSync(cut, bytes.subarray(0, shoff + 100)) // into the section header table
    expect(() => moduleFileClassSizes(cut, 'cut.ko')).toThrow(/cut\.ko: section header table .* runs past the end of the file/)
    writeFileSync(join(dir, 'text.ko'), 'not an ELF file at all, just words\n')
    expect(() => moduleFileClassSizes(join(dir, 'text.ko'), 'text.ko')).toThrow(/text\.ko: not an ELF file \(bad magic\)/)
    writeFileSync(join(dir, 'tiny.ko'), '\x7fELF')
    expect(() => moduleFileClassSizes(join(dir, 'tiny.ko'), 'tiny.ko')).toThrow(/tiny\.ko: not an ELF file: only 4 bytes/)
    expect(() => moduleFileClassSizes(dir, 'a-dir.ko')).toThrow(/a-dir\.ko: is a directory/)
  })
})

describe('sortStrings', () => {
  it('orders as Array.prototype.sort does, on names with long shared prefixes and ties', () => {
    const piece = fc.constantFrom('', '__ksymtab_', '__UNIQUE_ID_', 'a', 'ab', 'B', '_', '.', '\u00e9', '\ud83d\ude00', 'z')
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 4 }).map(p => p.join('')), { minLength: 20, maxLength: 300 }), names => {
        expect(sortStrings(names.slice())).toEqual(names.slice().sort())
      }),
      { numRuns: 300 }
    )
  })
})
