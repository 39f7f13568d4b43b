// Sizes on two Debian 6.12 releases (scripts/kernels/fetch-debian.sh): module classes against
// size(1) over all 4,230 modules, vmlinux classes against size -A and System.map, and symbol
// deltas against scripts/bloat-o-meter, line for line, for the -dbg vmlinux pair and for
// modules that changed between the releases.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FileSource } from '../../src/bytes/source.ts'
import { ElfFile } from '../../src/elf/elf.ts'
import { walkFiles } from '../../src/discover/walk.ts'
import { CATEGORIES, CATEGORY_TITLES, allSizes, categorySizes, sizedSymbols } from '../../src/sizes/symbol-sizes.ts'
import { compareSizes, compareWithByteTable, formatBloat } from '../../src/sizes/bloat.ts'
import { ByteSizeTable } from '../../src/sizes/byte-size-table.ts'
import { classRecord } from '../../src/sizes/module-classes.ts'
import { moduleFileClassSizes } from '../../src/sizes/module-file-sizes.ts'
import { sizesAnalyzer } from '../../src/sizes/module-analyzer.ts'
import { moduleSymbolSizes, symbolSizeTables } from '../../src/sizes/module-symbol-sizes.ts'
import { packedFromWorker, packSizes, unpackCategories } from '../../src/sizes/pack.ts'
import { PackedCursor } from '../../src/sizes/packed-cursor.ts'
import { symbolSource, VMLINUX_CLASSES, VMLINUX_LABEL_SYMBOLS, vmlinuxClassSizes } from '../../src/sizes/vmlinux-classes.ts'
import { debianRelease, fixtureMissing, type DebianRelease } from '../support/kernels.ts'
import { bloatOMeter, expectSizeAgreement, readelfFlags, runBloatOMeter, sizeA, sizeAll, sizeBerkeley } from './support.ts'

const oldRel = debianRelease('old')
const newRel = debianRelease('new')

function need(rel: DebianRelease | null, skip: (note?: string) => void, dbg = false): rel is DebianRelease {
  if (!rel || (dbg && !rel.dbgVmlinux)) {
    fixtureMissing(`Debian 6.12 release${dbg ? ' with the -dbg vmlinux' : ''} (scripts/kernels/fetch-debian.sh)`, skip)
    return false
  }
  return true
}

describe('module classes agree with size(1) on every Debian module', () => {
  it('splits exactly what size counts, and the header-only path matches the analyzer', ctx => {
    if (!need(newRel, ctx.skip)) return
    const files = walkFiles(newRel.koRoot, n => n.endsWith('.ko'), 100_000).sort()
    expect(files.length).toBe(newRel.moduleCount)
    const berkeley = sizeBerkeley(files)
    const sections = sizeAll(files)
    expect(berkeley.size).toBe(files.length)
    let checked = 0
    for (const [i, f] of files.entries()) {
      expectSizeAgreement(f, berkeley.get(f)!, sections.get(f)!)
      if (i % 97 === 0) {
        // The full reader (as the worker analyzer runs it) gives the same numbers.
        const facts = sizesAnalyzer.analyze(ElfFile.fromBytes(readFileSync(f), f), {} as never)
        expect(facts.classes, f).toEqual(moduleFileClassSizes(f).classes)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(40)
  })

  it('classes one module section by section as readelf shows its flags', ctx => {
    if (!need(newRel, ctx.skip)) return
    const f = walkFiles(newRel.koRoot, n => n === 'e1000e.ko', 100_000)[0]!
    const flags = readelfFlags(f)
    const c = classRecord(moduleFileClassSizes(f).classes)
    const sum = (pick: (name: string, flag: string, type: string) => boolean) =>
      sizeA(f).reduce((n, r) => {
        const fl = flags.get(r.name)
        return fl && pick(r.name, fl.flags, fl.type) ? n + r.size : n
      }, 0)
    const alloc = (fl: string) => fl.includes('A')
    expect(c.text).toBe(sum((n, fl) => alloc(fl) && fl.includes('X') && !n.startsWith('.init')))
    expect(c.initText).toBe(sum((n, fl) => alloc(fl) && fl.includes('X') && n.startsWith('.init')))
    expect(c.rodata).toBe(sum((n, fl) => alloc(fl) && !fl.includes('W') && !fl.includes('X') && !n.startsWith('.init') && n !== '.modinfo' && n !== '__versions'))
    expect(c.bss).toBe(sum((_n, fl, t) => alloc(fl) && t === 'NOBITS'))
    expect(c.text).toBeGreaterThan(100_000)
    expect(c.initData).toBe(8) // .init.data
  })
})

describe('the one-pass module symbol sizes', () => {
  it('equal the rows of sizedSymbols summed by categorySizes, on every Debian module', ctx => {
    if (!need(newRel, ctx.skip)) return
    const files = walkFiles(newRel.koRoot, n => n.endsWith('.ko'), 100_000)
    let names = 0
    for (const f of files) {
      const elf = ElfFile.open(new FileSource(f))
      try {
        const fast = moduleSymbolSizes(elf)
        const reference = categorySizes(sizedSymbols(elf))
        const tables = symbolSizeTables(elf)
        for (const c of CATEGORIES) {
          expect([...fast[c]], `${f} ${c}`).toEqual([...reference[c]])
          // The tables over name bytes (module string tables are ASCII): the same names and order.
          expect(tables[c], `${f} ${c}`).toBeInstanceOf(ByteSizeTable)
          expect([...tables[c].toMap()], `${f} ${c}`).toEqual([...reference[c]])
          names += fast[c].size
        }
      } finally {
        elf.close()
      }
    }
    expect(names).toBeGreaterThan(500_000)
  }, 120_000)

  it('equal them on the Debian -dbg vmlinux, and the label lookup finds what the objects do', ctx => {
    if (!need(newRel, ctx.skip, true)) return
    const elf = ElfFile.open(new FileSource(newRel.dbgVmlinux!))
    try {
      const all = elf.symbols()
      expect(all.length).toBeGreaterThan(150_000)
      const fast = moduleSymbolSizes(elf)
      const reference = categorySizes(sizedSymbols(elf, all))
      const tables = symbolSizeTables(elf)
      for (const c of CATEGORIES) {
        expect([...fast[c]], c).toEqual([...reference[c]])
        expect(tables[c], c).toBeInstanceOf(ByteSizeTable)
        expect([...tables[c].toMap()], c).toEqual([...reference[c]])
      }
      expect(fast.function.size).toBeGreaterThan(50_000)
      const named = elf.symbolsNamed(VMLINUX_LABEL_SYMBOLS)
      expect(named).toEqual(all.filter(s => VMLINUX_LABEL_SYMBOLS.includes(s.name)))
      expect(named.map(s => s.name)).toContain('kallsyms_names')
      expect(vmlinuxClassSizes(elf, symbolSource(elf))).toEqual(vmlinuxClassSizes(elf, all))
    } finally {
      elf.close()
    }
  }, 60_000)
})

describe('vmlinux classes', () => {
  it('partition the loaded sections of the Debian -dbg vmlinux, with the tables apart', ctx => {
    if (!need(oldRel, ctx.skip, true)) return
    const path = oldRel.dbgVmlinux!
    const elf = ElfFile.open(new FileSource(path))
    const symbols = elf.symbols()
    const c = vmlinuxClassSizes(elf, symbols)
    const got = Object.fromEntries(VMLINUX_CLASSES.map((k, i) => [k, c.classes[i]]))
    const s = new Map(sizeA(path).map(r => [r.name, r.size]))
    const flags = readelfFlags(path)
    const sum = (names: string[]) => names.reduce((n, x) => n + (s.get(x) ?? 0), 0)
    // kallsyms tables: from kallsyms_num_syms to the end of kallsyms_seqs_of_names, 3 bytes for
    // each symbol the table holds (System.map without its absolute entries).
    const nm = new Map(
      execFileSync('nm', [path], { maxBuffer: 256 << 20 })
        .toString()
        .split('\n')
        .filter(l => / kallsyms_(num_syms|seqs_of_names)$/.test(l))
        .map(l => [l.split(' ')[2]!, BigInt(`0x${l.split(' ')[0]}`)])
    )
    const count = readFileSync(oldRel.dbgSystemMap!, 'utf8')
      .split('\n')
      .filter(l => l && !/^\S+ [Aa] /.test(l)).length
    const kallsyms = Number(nm.get('kallsyms_seqs_of_names')! + BigInt(3 * count) - nm.get('kallsyms_num_syms')!)
    expect(got.kallsyms).toBe(kallsyms)
    expect(got.text).toBe(sum(['.text']))
    // .rodata is SHF_WRITE on x86_64 (ro_after_init data): rodata by [__start_rodata, __end_rodata).
    expect(flags.get('.rodata')!.flags).toBe('WA')
    expect(got.rodata).toBe(sum(['.rodata', '.pci_fixup', '__init_rodata', '__param', '__modver', '__ex_table', '.notes', '.smp_locks']) - kallsyms)
    expect(got.ksymtab).toBe(sum(['__ksymtab', '__ksymtab_gpl', '__kcrctab', '__kcrctab_gpl', '__ksymtab_strings']))
    expect(got.btf).toBe(sum(['.BTF', '.BTF_ids']))
    expect(got.orc).toBe(sum(['.orc_header', '.orc_unwind_ip', '.orc_unwind', '.orc_lookup']))
    expect(got.data).toBe(sum(['.data', '__bug_table', '.vvar', '.data_nosave']))
    expect(got.percpu).toBe(sum(['.data..percpu']))
    expect(got.bss).toBe(sum(['.bss', '.brk']))
    // [__init_begin, __init_end) plus .init.scratch (after _end, freed with init memory).
    const init = [...flags].filter(([n, f]) => f.flags.includes('A') && (n.startsWith('.init') || (s.has(n) && initNames(n)))).map(([n]) => n)
    expect(got.init).toBe(sum(init))
    const allocTotal = [...flags].filter(([, f]) => f.flags.includes('A')).reduce((n, [x]) => n + (s.get(x) ?? 0), 0)
    expect(c.classes.reduce((a, b) => a + b, 0)).toBe(allocTotal)
  })
})

/** Sections Debian 6.12's x86_64 vmlinux has between __init_begin and __init_end (readelf -SW). */
function initNames(n: string): boolean {
  return [
    '.altinstr_aux',
    '.x86_cpu_dev.init',
    '.retpoline_sites',
    '.return_sites',
    '.call_sites',
    '.ibt_endbr_seal',
    '.altinstructions',
    '.altinstr_replacement',
    '.apicdrivers',
    '.exit.text',
    'runtime_shift_d_hash_shift',
    'runtime_ptr_dentry_hashtable',
    'runtime_ptr_USER_PTR_MAX'
  ].includes(n)
}

function ourBloat(a: ReturnType<typeof categorySizes>, b: ReturnType<typeof categorySizes>, categorize: boolean): string[] {
  if (!categorize) return formatBloat(compareSizes(allSizes(a), allSizes(b)), 'Function')
  return CATEGORIES.flatMap(c => formatBloat(compareSizes(a[c], b[c]), CATEGORY_TITLES[c]))
}

describe('symbol deltas agree with scripts/bloat-o-meter line for line', () => {
  it('between the two Debian -dbg vmlinux files (-c and default)', ctx => {
    if (!need(oldRel, ctx.skip, true) || !need(newRel, ctx.skip, true)) return
    const script = bloatOMeter()
    if (!script) return fixtureMissing('scripts/bloat-o-meter from a kernel source tree (scripts/kernels/build.sh 6.12) and python3', ctx.skip)
    const load = (p: string) => {
      const elf = ElfFile.open(new FileSource(p))
      return categorySizes(sizedSymbols(elf))
    }
    const a = load(oldRel.dbgVmlinux!)
    const b = load(newRel.dbgVmlinux!)
    // The review's way: the old table packed, the new one held as bytes, compared in place.
    const held = symbolSizeTables(ElfFile.open(new FileSource(newRel.dbgVmlinux!)))
    for (const c of CATEGORIES) {
      const t = held[c]
      if (!(t instanceof ByteSizeTable)) throw new Error(`${c}: not a byte table`)
      expect(compareWithByteTable(new PackedCursor(packSizes(a[c]), 'old'), t), c).toEqual(compareSizes(a[c], b[c]))
    }
    for (const categorize of [true, false]) {
      const expected = runBloatOMeter(script, oldRel.dbgVmlinux!, newRel.dbgVmlinux!, categorize)
      expect(expected.length).toBeGreaterThan(categorize ? 100 : 50)
      expect(ourBloat(a, b, categorize)).toEqual(expected)
    }
  })

  it('between changed Debian modules, through the analyzer and the packed snapshot form', ctx => {
    if (!need(oldRel, ctx.skip) || !need(newRel, ctx.skip)) return
    const script = bloatOMeter()
    if (!script) return fixtureMissing('scripts/bloat-o-meter from a kernel source tree (scripts/kernels/build.sh 6.12) and python3', ctx.skip)
    const names = new Set(['ksmbd.ko', 'cifs.ko', 'nfsd.ko', 'rds.ko', 'wacom.ko', 'ds2482.ko', 'imon.ko', 'e1000e.ko'])
    const pick = (root: string) => new Map(walkFiles(root, n => names.has(n), 100_000).map(p => [p.slice(root.length), p]))
    const olds = pick(oldRel.koRoot)
    const news = pick(newRel.koRoot)
    expect(olds.size).toBe(names.size)
    let changed = 0
    for (const [rel, oldPath] of olds) {
      const newPath = news.get(rel)!
      const facts = (p: string) => unpackCategories(packedFromWorker(sizesAnalyzer.analyze(ElfFile.fromBytes(readFileSync(p), p), {} as never).symbols!), p)
      const expected = runBloatOMeter(script, oldPath, newPath, true)
      expect(ourBloat(facts(oldPath), facts(newPath), true), rel).toEqual(expected)
      if (expected.some(l => /^add\/remove: /.test(l) && !l.endsWith('(0)'))) changed++
    }
    expect(changed).toBeGreaterThan(3)
  })
})
