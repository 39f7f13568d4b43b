import { existsSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { zstdCompressSync } from 'node:zlib'
import { parseBtf, type Btf } from '../../../src/btf/btf.ts'
import { NARROW_INFO } from '../../../src/btf/kinds.ts'
import { mismatchEvidence } from '../../../src/btf/mismatch.ts'
import { relocate } from '../../../src/btf/relocate.ts'
import { resolveAll } from '../../../src/btf/resolve.ts'
import { rulesFor } from '../../../src/btf/rules.ts'
import { verifyLoad } from '../../../src/btf/verifier.ts'
import { BufferSource, FileSource } from '../../../src/bytes/source.ts'
import { CHECKS } from '../../../src/checks/registry.ts'
import { discover } from '../../../src/discover/discover.ts'
import { ElfFile } from '../../../src/elf/elf.ts'
import { nmListed, nmTypeLetter, nmValue } from '../../../src/elf/nm.ts'
import { takeSnapshot, review } from '../../../src/engine.ts'
import { readImports, readVersions } from '../../../src/exports/imports.ts'
import { readExportMarkers, readKsymtab } from '../../../src/exports/ksymtab.ts'
import { tableOf } from '../../../src/exports/model.ts'
import { parseSymbolList } from '../../../src/exports/symbol-list.ts'
import { parseSymvers, symversExports } from '../../../src/exports/symvers.ts'
import { parseAutoksyms } from '../../../src/exports/whitelist.ts'
import { unpackKernel } from '../../../src/kallsyms/boot-image.ts'
import { compareSymbolLists } from '../../../src/kallsyms/compare-symbols.ts'
import { decodeTable } from '../../../src/kallsyms/decode-table.ts'
import { deriveSyms } from '../../../src/kallsyms/derive-syms.ts'
import { tablesOfUnpacked } from '../../../src/kallsyms/embedded.ts'
import { expectedTable } from '../../../src/kallsyms/expected.ts'
import { tablesByScan, tablesFromSymbols } from '../../../src/kallsyms/locate-table.ts'
import { decodeLz4Legacy } from '../../../src/kallsyms/lz4-legacy.ts'
import { builtinMksysmap, keepsLine, parseMksysmapScript } from '../../../src/kallsyms/mksysmap.ts'
import { parseSystemMap } from '../../../src/kallsyms/system-map.ts'
import type { AddressingMode, KernelImage, TableLayout } from '../../../src/kallsyms/table.ts'
import { rewriteXzForLzma2, undoX86BcjBlocks } from '../../../src/kallsyms/xz-bcj.ts'
import type { AnalyzerContext } from '../../../src/load/analyzer.ts'
import { ANALYZERS, ON_DEMAND_ANALYZERS } from '../../../src/load/analyzers.ts'
import { decompress, type Compression } from '../../../src/load/decompress.ts'
import { splitSignature } from '../../../src/load/signature.ts'
import { xzUncompressedSize } from '../../../src/load/xz-index.ts'
import { Build } from '../../../src/model/build.ts'
import { InputError } from '../../../src/model/errors.ts'
import { defaultOptions } from '../../../src/model/options.ts'
import { buildInfo } from '../../../src/model/open-build.ts'
import { parseKconfig } from '../../../src/parse/kconfig.ts'
import { PullDiff } from '../../../src/publish/diff.ts'
import { parseEnvelope, parseReportOrEnvelope } from '../../../src/publish/envelope.ts'
import { planReview } from '../../../src/publish/review.ts'
import { composeComment, mergeSections, parseSections } from '../../../src/publish/sections.ts'
import { renderReports } from '../../../src/report/markdown.ts'
import { renderBlocksText } from '../../../src/report/text-blocks.ts'
import { renderText } from '../../../src/report/text.ts'
import type { Report } from '../../../src/report/schema.ts'
import { parseSizeBudget } from '../../../src/sizes/budget.ts'
import { parseBuiltinRanges, parseModulesBuiltin } from '../../../src/sizes/builtin-ranges.ts'
import { compareSortedPacked, compareSortedSizes, compareWithByteTable, type BloatResult } from '../../../src/sizes/bloat.ts'
import { ByteSizeTable } from '../../../src/sizes/byte-size-table.ts'
import { moduleSymbolSizes, symbolSizeTables } from '../../../src/sizes/module-symbol-sizes.ts'
import { decodePacked, unpackSizes } from '../../../src/sizes/pack.ts'
import { PackedCursor } from '../../../src/sizes/packed-cursor.ts'
import { scanSections } from '../../../src/sizes/section-scan.ts'
import { CATEGORIES, sizedSymbols } from '../../../src/sizes/symbol-sizes.ts'
import { parseSnapshot, type Snapshot } from '../../../src/snapshot/io.ts'
import { btfFields, elfFields } from './fields.ts'
import type { Field, MutationKind, Seed } from './mutate.ts'
import { SeedSource, textSeed } from './seeds.ts'
import {
  baseBtf,
  bzImage,
  compressWith,
  distilledPair,
  gzip,
  kallsymsTables,
  MODULE_C,
  sampleSymbols,
  sizeAppended,
  splitBtf,
  withSections
} from './synthetic.ts'

/**
 * One parser (or a parser with what reads its output) under fuzz. `run` takes one input and
 * returns normally or throws InputError; anything else escaping is a crash. `setup` builds what
 * every input shares (a parsed base BTF, a small build tree) once per process.
 */
export interface FuzzTarget {
  readonly name: string
  /** What it covers, for FUZZING.md and the summary. */
  readonly covers: string
  readonly mutation: MutationKind
  seeds(src: SeedSource): Seed[] | Promise<Seed[]>
  setup(src: SeedSource): Promise<unknown>
  run(input: Uint8Array, ctx: unknown): unknown
}

function target<C>(t: {
  name: string
  covers: string
  mutation: MutationKind
  seeds(src: SeedSource): Seed[] | Promise<Seed[]>
  setup?(src: SeedSource): C | Promise<C>
  run(input: Uint8Array, ctx: C): unknown
}): FuzzTarget {
  return {
    name: t.name,
    covers: t.covers,
    mutation: t.mutation,
    seeds: t.seeds,
    setup: async src => (t.setup ? await t.setup(src) : undefined),
    run: (input, ctx) => t.run(input, ctx as C)
  }
}

const text = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8')
const FILE = 'fuzz-input'
/** The decompression limit under fuzz: small, so a bomb is refused quickly and memory stays low. */
const FUZZ_MAX_OUT = 8 << 20
/** A real distribution kernel unpacks to ~60 MiB. */
const BOOT_MAX_OUT = 96 << 20

function withFields(s: Seed, fields: (b: Uint8Array) => Field[]): Seed {
  return { ...s, fields: fields(s.bytes) }
}

// ---- ELF and modules ----

function syntheticObjects(src: SeedSource): Seed[] {
  const out: Seed[] = []
  const mod = src.compile('module', MODULE_C, ['-g0'])
  if (mod) {
    const { bytes: base } = baseBtf()
    const parsed = parseBtf(base, 'base')
    const withBtf = withSections(
      src,
      mod,
      { '.BTF': splitBtf({ endId: parsed.endId, strLen: parsed.header.strLen }) },
      'btfmod'
    )
    const pair = distilledPair()
    const withBase = withSections(src, mod, { '.BTF': pair.split, '.BTF.base': pair.base }, 'extmod')
    out.push(
      { name: 'cc module-like object', bytes: mod },
      { name: 'cc object + split .BTF', bytes: withBtf },
      { name: 'cc object + .BTF.base', bytes: withBase }
    )
  }
  const m32 = src.compile('module32', MODULE_C.replace(/asm\([\s\S]*\);\n/, ''), ['-m32', '-g0'])
  if (m32) out.push({ name: 'cc 32-bit object', bytes: m32 })
  return out
}

function moduleSeeds(src: SeedSource): Seed[] {
  return [...syntheticObjects(src), ...src.realModules(48)].map(s => withFields(s, elfFields))
}

/** The module seeds whose ELF headers read: what the small trees are built from. */
function validModuleSeeds(src: SeedSource): Seed[] {
  return moduleSeeds(src).filter(s => {
    try {
      ElfFile.fromBytes(splitSignature(s.bytes).elf, s.name)
      return true
    } catch {
      return false
    }
  })
}

function readWholeElf(input: Uint8Array, file: string): ElfFile {
  const elf = ElfFile.fromBytes(input, file)
  for (const s of elf.sections) {
    elf.data(s)
    if (s.type === 4 || s.type === 9) elf.relocations(s)
    elf.notes(s)
  }
  for (const sym of elf.symbols()) {
    if (nmListed(sym)) {
      nmTypeLetter(elf, sym)
      nmValue(elf, sym)
    }
    elf.symbolSection(sym)
  }
  elf.buildId()
  return elf
}

const elfTarget = target({
  name: 'elf',
  covers:
    'src/elf/elf.ts (headers, sections, symbols, relocations, notes, build-id), src/elf/nm.ts, src/sizes/section-scan.ts',
  mutation: 'bytes',
  seeds: moduleSeeds,
  run(input) {
    readWholeElf(input, FILE)
    scanSections(new BufferSource(input, FILE))
  }
})

interface ModuleCtx {
  btfBase: string | undefined
  memo: AnalyzerContext['memo']
}

/**
 * A review's symbol-size tables over name bytes against the string tables of the same ELF:
 * the same names, sizes and order, or the same refusal.
 */
function byteTablesAgree(elf: ElfFile): void {
  const outcome = <T>(f: () => T): T | string => {
    try {
      return f()
    } catch (err) {
      if (err instanceof InputError) return `refused: ${err.message}`
      throw err
    }
  }
  const bytes = outcome(() => symbolSizeTables(elf))
  const strings = outcome(() => moduleSymbolSizes(elf))
  if (typeof bytes === 'string' || typeof strings === 'string') {
    if (bytes !== strings) throw new Error(`symbolSizeTables and moduleSymbolSizes disagree: ${String(bytes).slice(0, 160)} vs ${String(strings).slice(0, 160)}`)
    return
  }
  for (const c of CATEGORIES) {
    if (!isDeepStrictEqual([...bytes[c].toMap()], [...strings[c]])) throw new Error(`symbolSizeTables' ${c} table differs from moduleSymbolSizes'`)
  }
}

const moduleTarget = target<ModuleCtx>({
  name: 'module',
  covers:
    'a module file as the workers read it: signature trailer, ELF, and every module analyzer (modinfo, linkage: imports/__versions/ksymtab, sizes, BTF against the real vmlinux BTF, symbols), export markers, bloat-o-meter symbol sizes, mksysmap of an ELF',
  mutation: 'bytes',
  seeds: moduleSeeds,
  setup(src) {
    const store = new Map<string, unknown>()
    const memo = <V>(key: string, make: () => V): V => {
      if (!store.has(key)) store.set(key, make())
      return store.get(key) as V
    }
    const btfBase =
      src.debian?.btfVmlinux && existsSync(src.debian.btfVmlinux)
        ? src.debian.btfVmlinux
        : src.trees()[0]?.vmlinux
    return { btfBase, memo }
  },
  run(input, ctx) {
    const { elf: image } = splitSignature(input)
    const elf = ElfFile.fromBytes(image, FILE)
    const actx: AnalyzerContext = {
      module: { name: 'fuzz', path: FILE, relPath: FILE, compression: 'none' },
      options: ctx.btfBase ? { btfBase: ctx.btfBase, symbolSizes: true } : { symbolSizes: true },
      memo: ctx.memo
    }
    byteTablesAgree(elf)
    for (const a of [...ANALYZERS, ...ON_DEMAND_ANALYZERS]) {
      const fact = a.analyze(elf, actx)
      // An analyzer that caught a JavaScript error and kept its message as a fact.
      const text = typeof fact === 'string' ? '' : (JSON.stringify(fact) ?? '')
      const m = JS_ERROR.exec(text)
      if (m)
        throw new Error(
          `${a.id} fact carries a JavaScript error: ...${text.slice(Math.max(0, m.index - 120), m.index + 120)}...`
        )
    }
    readImports(elf)
    readVersions(elf)
    readKsymtab(elf)
    readExportMarkers(elf)
    sizedSymbols(elf)
    deriveSyms(elf, builtinMksysmap(null))
  }
})

// ---- compressed module streams ----

function compressedSeeds(src: SeedSource): Seed[] {
  const out: Seed[] = [...src.realCompressedModules(16)]
  const plain = [...syntheticObjects(src), ...src.realModules(4, 2_000, 12_000)].slice(0, 4)
  for (const p of plain) {
    out.push({ name: `${p.name}.gz`, bytes: gzip(p.bytes) })
    out.push({ name: `${p.name}.zst`, bytes: new Uint8Array(zstdCompressSync(p.bytes)) })
    const xz = compressWith(src, 'xz', ['-c', '--check=crc32', '-6'], p.bytes)
    if (xz) out.push({ name: `${p.name}.xz`, bytes: xz })
  }
  return out
}

function compressionByMagic(b: Uint8Array): Compression {
  if (b[0] === 0xfd && b[1] === 0x37) return 'xz'
  if (b[0] === 0x28 && b[1] === 0xb5) return 'zstd'
  if (b[0] === 0x1f && b[1] === 0x8b) return 'gzip'
  return (['xz', 'zstd', 'gzip'] as const)[(b[b.length - 1] ?? 0) % 3]!
}

const decompressTarget = target({
  name: 'decompress',
  covers:
    'src/load/decompress.ts (xz via xz-decompress, zstd, gzip with output limits), src/load/xz-index.ts, src/load/signature.ts',
  mutation: 'bytes',
  seeds: compressedSeeds,
  async run(input) {
    const kind = compressionByMagic(input)
    if (kind === 'xz') xzUncompressedSize(input, FILE)
    const out = await decompress(input, kind, FILE, FUZZ_MAX_OUT)
    if (out.length > FUZZ_MAX_OUT)
      throw new Error(`decompressed ${out.length} bytes, beyond the ${FUZZ_MAX_OUT}-byte limit`)
    splitSignature(out)
  }
})

// ---- BTF ----

function btfSeeds(src: SeedSource): Seed[] {
  const out: Seed[] = [
    { name: 'synthetic base', bytes: baseBtf().bytes },
    { name: 'synthetic distilled base', bytes: distilledPair().base }
  ]
  for (const t of src.trees()) {
    const b = src.section(t.ext.ko, '.BTF.base')
    if (b) out.push({ name: `${t.release} ext .BTF.base`, bytes: b, real: true })
  }
  const v = src.vmlinuxBtf()
  if (v) out.push({ name: v.name, bytes: v.bytes, weight: 0.002, real: true })
  return out.map(s => ({ ...s, fields: btfFields(s.bytes, true) }))
}

const RULES = [
  rulesFor({ major: 6, minor: 12, patch: 0 }),
  rulesFor({ major: 7, minor: 2, patch: 0 }),
  rulesFor({ major: 5, minor: 15, patch: 0 })
]

function checkBase(input: Uint8Array, le: boolean): void {
  for (const rules of RULES) {
    const res = verifyLoad({ bytes: input, file: FILE, littleEndian: le, base: null, rules, role: 'base' })
    if (res.ok) {
      resolveAll(res.btf, null, 8)
      res.btf.idsNamed('int')
    }
  }
  for (const encoding of [undefined, NARROW_INFO]) {
    const btf = parseBtf(input, FILE, encoding ? { encoding } : {})
    for (let id = btf.firstId; id < btf.endId; id++) btf.describe(id)
  }
}

const btfTarget = target({
  name: 'btf',
  covers:
    'src/btf/btf.ts parseBtf (wide and narrow info), src/btf/verifier.ts as btf_parse_base (6.12, 7.2, 5.15 rules), src/btf/resolve.ts',
  mutation: 'bytes',
  seeds: btfSeeds,
  run(input) {
    checkBase(input, (input[0] ?? 0) === 0x9f)
  }
})

/** Split BTF inputs carry their base: u32 LE base length, the base, then the split BTF. */
export function splitContainer(base: Uint8Array, split: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + base.length + split.length)
  new DataView(out.buffer).setUint32(0, base.length, true)
  out.set(base, 4)
  out.set(split, 4 + base.length)
  return out
}

function splitSeeds(src: SeedSource): Seed[] {
  const pairs: Array<{ name: string; base: Uint8Array; split: Uint8Array; distilled: boolean }> = []
  const b = baseBtf().bytes
  const parsed = parseBtf(b, 'base')
  pairs.push({
    name: 'synthetic split',
    base: b,
    split: splitBtf({ endId: parsed.endId, strLen: parsed.header.strLen }),
    distilled: false
  })
  const d = distilledPair()
  pairs.push({ name: 'synthetic distilled pair', base: d.base, split: d.split, distilled: true })
  for (const t of src.trees()) {
    const base = src.section(t.ext.ko, '.BTF.base')
    const split = src.section(t.ext.ko, '.BTF')
    if (base && split)
      pairs.push({ name: `${t.release} ext module .BTF.base + .BTF`, base, split, distilled: true })
  }
  return pairs.map((p, i) => {
    const bytes = splitContainer(p.base, p.split)
    const fields: Field[] = [
      { offset: 0, width: 4, le: true },
      ...btfFields(p.base, true).map(f => ({ ...f, offset: f.offset + 4 })),
      ...btfFields(p.split, true).map(f => ({ ...f, offset: f.offset + 4 + p.base.length }))
    ]
    return { name: p.name, bytes, fields, real: i >= 2 }
  })
}

interface SplitCtx {
  vmlinux: Btf | null
}

const btfSplitTarget = target<SplitCtx>({
  name: 'btf-split',
  covers:
    'split BTF: parseBtf against a base, the module loader checks (btf_parse_module) against .BTF.base or a base, .BTF.base relocation onto a vmlinux BTF (src/btf/relocate.ts), mismatch evidence, full resolve',
  mutation: 'bytes',
  seeds: splitSeeds,
  setup() {
    const { bytes } = baseBtf()
    return { vmlinux: parseBtf(bytes, 'synthetic vmlinux') }
  },
  run(input, ctx) {
    if (input.length < 4) throw new InputError('truncated', FILE, 'no container header')
    const baseLen = new DataView(input.buffer, input.byteOffset, input.byteLength).getUint32(0, true)
    if (4 + baseLen > input.length) throw new InputError('truncated', FILE, 'base runs past the input')
    const baseBytes = input.subarray(4, 4 + baseLen)
    const splitBytes = input.subarray(4 + baseLen)
    for (const rules of RULES.slice(0, 2)) {
      const base = verifyLoad({
        bytes: baseBytes,
        file: `${FILE} base`,
        littleEndian: true,
        base: null,
        rules,
        role: 'base'
      })
      if (!base.ok) continue
      const mod = verifyLoad({ bytes: splitBytes, file: FILE, littleEndian: true, base: base.btf, rules })
      let split: Btf
      if (mod.ok) split = mod.btf
      else {
        try {
          split = parseBtf(splitBytes, FILE, { base: base.btf, encoding: rules.info, checkRefs: false })
        } catch (err) {
          if (err instanceof InputError) continue
          throw err
        }
      }
      mismatchEvidence(split)
      if (mod.ok) resolveAll(split, null, 8)
      if (ctx.vmlinux) {
        const rel = relocate(split, ctx.vmlinux)
        if (rel.relocated) mismatchEvidence(rel.relocated)
      }
    }
  }
})

// ---- kallsyms ----

const MODES: readonly AddressingMode[] = [
  'absolute',
  'base-relative',
  'absolute-percpu',
  'pc-relative',
  'absolute-u32'
]
const NONE = 0xffffffff
const TABLE_MAGIC = 0x4d59534b // "KSYM"
const TABLE_HEADER = 4 + 4 * 10 + 8

/** A kallsyms table input: a header with the layout (so crashers are self-contained), then the image. */
export function tableContainer(image: KernelImage, layout: TableLayout): Uint8Array {
  const out = new Uint8Array(TABLE_HEADER + image.bytes.length)
  const dv = new DataView(out.buffer)
  dv.setUint32(0, TABLE_MAGIC, true)
  const words = [
    layout.numSyms,
    layout.names,
    layout.markers,
    layout.tokenTable,
    layout.tokenIndex,
    layout.addresses,
    layout.relativeBase ?? NONE,
    layout.seqsOfNames ?? NONE,
    MODES.indexOf(layout.mode),
    (image.le ? 1 : 0) | (image.is64 ? 2 : 0) | (image.va === null ? 4 : 0)
  ]
  words.forEach((w, i) => dv.setUint32(4 + 4 * i, w, true))
  dv.setBigUint64(44, image.va ?? 0n, true)
  out.set(image.bytes, TABLE_HEADER)
  return out
}

function fromTableContainer(input: Uint8Array): { image: KernelImage; layout: TableLayout } {
  if (input.length < TABLE_HEADER) throw new InputError('truncated', FILE, 'no table header')
  const dv = new DataView(input.buffer, input.byteOffset, input.byteLength)
  const w = (i: number) => dv.getUint32(4 + 4 * i, true)
  const flags = w(9)
  const image: KernelImage = {
    file: FILE,
    bytes: input.subarray(TABLE_HEADER),
    va: flags & 4 ? null : dv.getBigUint64(44, true),
    le: (flags & 1) !== 0,
    is64: (flags & 2) !== 0,
    what: 'fuzz image'
  }
  const layout: TableLayout = {
    numSyms: w(0),
    names: w(1),
    markers: w(2),
    tokenTable: w(3),
    tokenIndex: w(4),
    addresses: w(5),
    relativeBase: w(6) === NONE ? null : w(6),
    seqsOfNames: w(7) === NONE ? null : w(7),
    mode: MODES[w(8) % MODES.length]!,
    foundBy: 'symbols'
  }
  return { image, layout }
}

function tableSeedFromElf(path: string, name: string): Seed | null {
  try {
    const elf = ElfFile.open(new FileSource(path, name))
    const t = tablesFromSymbols(elf)
    const sec = elf.sections.find(s => s.name === '.rodata')
    if (!t || !sec) {
      elf.close()
      return null
    }
    const l = t.layout
    const positions = [
      l.numSyms,
      l.names,
      l.markers,
      l.tokenTable,
      l.tokenIndex,
      l.addresses,
      l.relativeBase ?? l.numSyms,
      l.seqsOfNames ?? l.numSyms
    ]
    const start = Math.min(...positions) & ~7
    const end = Math.min(sec.size, Math.max(...positions) + 3 * t.entries.length + 4096)
    const data = elf.source.read(sec.offset + start, end - start, 'kallsyms tables').slice()
    elf.close()
    const shift = (p: number) => p - start
    const layout: TableLayout = {
      ...l,
      numSyms: shift(l.numSyms),
      names: shift(l.names),
      markers: shift(l.markers),
      tokenTable: shift(l.tokenTable),
      tokenIndex: shift(l.tokenIndex),
      addresses: shift(l.addresses),
      relativeBase: l.relativeBase === null ? null : shift(l.relativeBase),
      seqsOfNames: l.seqsOfNames === null ? null : shift(l.seqsOfNames)
    }
    const image: KernelImage = {
      file: name,
      bytes: data,
      va: sec.addr + BigInt(start),
      le: elf.littleEndian,
      is64: elf.is64,
      what: name
    }
    return {
      name,
      bytes: tableContainer(image, layout),
      fields: tableFields(layout, data.length, elf.littleEndian),
      real: true
    }
  } catch {
    return null
  }
}

function tableFields(l: TableLayout, size: number, le: boolean): Field[] {
  const f: Field[] = []
  for (let i = 0; i < 12; i++) f.push({ offset: 4 + 4 * i, width: 4, le: true })
  const at = (o: number, width: Field['width']) => {
    if (o + width <= size) f.push({ offset: TABLE_HEADER + o, width, le })
  }
  at(l.numSyms, 4)
  for (let i = 0; i < 16; i++) at(l.markers + 4 * i, 4)
  for (let i = 0; i < 256; i += 3) at(l.tokenIndex + 2 * i, 2)
  for (let i = 0; i < 64; i++) at(l.names + i, 1)
  for (let i = 0; i < 64; i++) at(l.addresses + 4 * i, 4)
  if (l.relativeBase !== null) at(l.relativeBase, 8)
  if (l.seqsOfNames !== null) for (let i = 0; i < 48; i++) at(l.seqsOfNames + i, 1)
  return f
}

function tableSeeds(src: SeedSource): Seed[] {
  const out: Seed[] = []
  for (const n of [40, 300, 1000]) {
    const { bytes, pos } = kallsymsTables(sampleSymbols(n), 0xffffffff81000000n)
    const layout: TableLayout = { ...pos, mode: 'base-relative', foundBy: 'symbols' }
    const image: KernelImage = {
      file: FILE,
      bytes,
      va: 0xffffffff82000000n,
      le: true,
      is64: true,
      what: 'synthetic'
    }
    out.push({
      name: `synthetic table (${n} symbols)`,
      bytes: tableContainer(image, layout),
      fields: tableFields(layout, bytes.length, true)
    })
  }
  for (const t of src.trees()) {
    const s = tableSeedFromElf(t.vmlinux, `${t.release} vmlinux kallsyms tables`)
    if (s) out.push({ ...s, weight: 0.05 })
  }
  return out
}

const kallsymsTableTarget = target({
  name: 'kallsyms-table',
  covers:
    'src/kallsyms/decode-table.ts at given positions (every addressing mode), src/kallsyms/locate-table.ts scan without symbols',
  mutation: 'bytes',
  seeds: tableSeeds,
  run(input) {
    const { image, layout } = fromTableContainer(input)
    try {
      decodeTable(image, layout)
    } catch (err) {
      if (!(err instanceof InputError)) throw err
    }
    tablesByScan(image)
  }
})

function bootSeeds(src: SeedSource): Seed[] {
  const out: Seed[] = []
  const obj = syntheticObjects(src)[0]?.bytes
  const { bytes: table } = kallsymsTables(sampleSymbols(300), 0xffffffff81000000n)
  const elf = obj ? withSections(src, obj, { '.rodata.kallsyms': table }, 'bootelf') : table
  const add = (name: string, b: Uint8Array | null) => {
    if (b) out.push({ name, bytes: b })
  }
  add('bzImage gzip', bzImage(gzip(elf)))
  add('bzImage zstd', bzImage(sizeAppended(new Uint8Array(zstdCompressSync(elf)), elf.length)))
  const xz = compressWith(src, 'xz', ['-c', '--check=crc32', '--x86', '--lzma2'], elf)
  if (xz) add('bzImage xz+bcj', bzImage(sizeAppended(xz, elf.length)))
  const lz4 = compressWith(src, 'lz4', ['-l', '-c'], elf)
  if (lz4) add('bzImage lz4', bzImage(sizeAppended(lz4, elf.length)))
  // arm64 Image: header with the magic at 0x38, the tables after it.
  const arm = new Uint8Array(0x40 + table.length)
  new DataView(arm.buffer).setUint32(0x38, 0x644d5241, true)
  arm.set(table, 0x40)
  add('arm64 Image', arm)
  add('arm64 Image.gz', gzip(arm))
  if (src.debian?.vmlinuz)
    out.push(
      ...src.file(src.debian.vmlinuz, 'debian vmlinuz', 64 << 20).map(s => ({ ...s, weight: 0.00005 }))
    )
  return out
}

const bootImageTarget = target({
  name: 'boot-image',
  covers:
    'src/kallsyms/boot-image.ts (bzImage, zboot, arm64 Image; gzip, xz+BCJ, zstd, lz4 payloads), then the tables in what it unpacks (src/kallsyms/embedded.ts)',
  mutation: 'bytes',
  seeds: bootSeeds,
  async run(input) {
    const k = await unpackKernel(input, FILE, BOOT_MAX_OUT)
    if (k.bytes.length > BOOT_MAX_OUT) throw new Error(`unpacked ${k.bytes.length} bytes, beyond the limit`)
    tablesOfUnpacked(k, FILE)
  }
})

const lz4Target = target({
  name: 'lz4',
  covers: 'src/kallsyms/lz4-legacy.ts',
  mutation: 'bytes',
  seeds(src) {
    const out: Seed[] = []
    for (const s of [...syntheticObjects(src), ...src.realModules(3, 2_000, 30_000)]) {
      const c = compressWith(src, 'lz4', ['-l', '-c'], s.bytes)
      if (c) out.push({ name: `${s.name}.lz4`, bytes: sizeAppended(c, s.bytes.length) })
    }
    return out
  },
  run(input) {
    const out = decodeLz4Legacy(input, FILE, 1 << 20)
    if (out.length > 1 << 20) throw new Error('lz4 output beyond the limit')
  }
})

const xzKernelTarget = target({
  name: 'xz-kernel',
  covers: 'src/kallsyms/xz-bcj.ts (xz stream rewrite for the LZMA2-only decoder, x86 BCJ undo)',
  mutation: 'bytes',
  seeds(src) {
    const out: Seed[] = []
    for (const s of [...syntheticObjects(src), ...src.realModules(3, 2_000, 30_000)]) {
      for (const args of [['--x86', '--lzma2'], ['--lzma2=preset=1'], ['-0']]) {
        const c = compressWith(src, 'xz', ['-c', '--check=crc32', ...args], s.bytes)
        if (c) out.push({ name: `${s.name} xz ${args.join(' ')}`, bytes: sizeAppended(c, s.bytes.length) })
      }
    }
    return out
  },
  async run(input) {
    const rw = rewriteXzForLzma2(input, FILE)
    const out = await decompress(rw.stream, 'xz', FILE, FUZZ_MAX_OUT)
    if (rw.x86) undoX86BcjBlocks(out, rw.blockSizes)
  }
})

// ---- text formats ----

const SYSTEM_MAP = `0000000000000000 D __per_cpu_start
0000000000001000 D cpu_debug_store
0000000000002000 A init_per_cpu__fixed_percpu_data
ffffffff81000000 T _text
ffffffff81000000 T startup_64
ffffffff81000070 T secondary_startup_64
ffffffff81000075 t verify_cpu
ffffffff81001000 T __pfx_do_one_initcall
ffffffff81001010 T do_one_initcall
ffffffff81002000 t $x.1
ffffffff81002010 t .L__unnamed_1
ffffffff81003000 T __kcfi_typeid_foo
ffffffff81004000 W weak_function
ffffffff82000000 R __start_rodata
ffffffff82000100 r __func__.0
ffffffff82000200 R kallsyms_num_syms
ffffffff82000208 R kallsyms_names
ffffffff83000000 D _sdata
ffffffff83000040 d __UNIQUE_ID_modinfo123
ffffffff84000000 B __bss_start
ffffffff84001000 b static_counter
ffffffff85000000 B _end
`

const systemMapTarget = target({
  name: 'system-map',
  covers:
    'src/kallsyms/system-map.ts (System.map, .tmp_vmlinuxN.syms), mksysmap filters of each version, kallsyms.c expected table, symbol list comparison',
  mutation: 'text',
  seeds(src) {
    const out = [textSeed('synthetic System.map', SYSTEM_MAP), textSeed('empty step-0 map', '')]
    out.push(...src.textWindows(src.debian?.dbgSystemMap, 'debian System.map', 400, 6))
    for (const t of src.trees()) {
      out.push(...src.textWindows(t.systemMap, `${t.release} System.map`, 400, 3))
      for (const s of t.tmpSyms.slice(0, 2))
        out.push(...src.textWindows(s, `${t.release} ${s.split('/').pop()}`, 300, 1))
    }
    return out
  },
  run(input) {
    const map = parseSystemMap(text(input), FILE)
    for (const v of [null, { major: 6, minor: 1, patch: 0 }, { major: 6, minor: 12, patch: 0 }]) {
      const filter = builtinMksysmap(v)
      for (const s of map.symbols.slice(0, 2000))
        keepsLine(filter, `${s.addr.toString(16)} ${s.type} ${s.name}`)
      const expected = expectedTable(map.symbols, { version: v, allSymbols: true, absolutePercpu: true })
      compareSymbolLists(expected, map.symbols)
    }
  }
})

const MKSYSMAP_SED = `#!/bin/sed -f
# SPDX-License-Identifier: GPL-2.0-only
/ [aNUw] /d
/ \\$/d
/ \\.L/d
/ __efistub_/d
/ __kvm_nvhe_\\$/d
/ __AArch64ADRPThunk_/d
/ __crc_/d
/ __kstrtab_/d
/_from_arm$/d
/ L0$/d
/\\.long_branch\\./d
/ __pi_\\.L/d
`
const MKSYSMAP_SHELL = `#!/bin/sh -x
# sed inside a double-quoted shell string (6.4-6.10 shape)
\${NM} -n \${1} | sed >\${2} -e "
# a: local absolute symbols, N: debugging symbols, U: undefined, w: local weak
/ [aNUw] /d

# arm64 mapping symbols
/ \\$[adtx]\\(\\.\\|$\\)/d
/ \\.L/d
/ __crc_/d
/ __kstrtab_/d
"
`
const MKSYSMAP_GREP_E = `#!/bin/sh -x
$NM -n $1 | grep -v -e ' [aNUw] ' -e ' \\$' -e ' \\.L' -e ' __crc_' -e ' __kstrtab_' > $2
`
const MKSYSMAP_GREP_ALT = `#!/bin/sh -x
$NM -n $1 | grep -v '\\( [aNUw] \\)\\|\\(__crc_\\)\\|\\( \\$[adt]\\)\\|\\( \\.L\\)' > $2
`

const mksysmapTarget = target({
  name: 'mksysmap',
  covers:
    "src/kallsyms/mksysmap.ts: a build's own scripts/mksysmap read into RegExps (sed, shell, grep -e, grep alternation forms) and applied to map lines",
  mutation: 'text',
  seeds(src) {
    const out = [
      textSeed('sed form', MKSYSMAP_SED),
      textSeed('sed in shell form', MKSYSMAP_SHELL),
      textSeed('grep -e form', MKSYSMAP_GREP_E),
      textSeed('grep alternation form', MKSYSMAP_GREP_ALT)
    ]
    for (const t of src.trees())
      out.push(...src.file(join(t.src, 'scripts/mksysmap'), `${t.release} scripts/mksysmap`))
    return out
  },
  run(input) {
    const filter = parseMksysmapScript(text(input), FILE)
    for (const line of SYSTEM_MAP.split('\n')) keepsLine(filter, line)
    // Lines shaped to make a backtracking pattern work hard.
    for (const line of [
      'ffffffff81000000 t ' + 'a'.repeat(200) + '!',
      'ffffffff81000000 T ' + '_'.repeat(300),
      'ffffffff81000000 t ' + '.L'.repeat(100)
    ])
      keepsLine(filter, line)
  }
})

const SYMVERS = `0x12345678\tprintk\tvmlinux\tEXPORT_SYMBOL\t
0x9abcdef0\tkmalloc_caches\tvmlinux\tEXPORT_SYMBOL\t
0x00000000\tcrc8\tlib/crc8\tEXPORT_SYMBOL\t
0xdeadbeef\tcrypto_alloc_shash\tcrypto/crypto_hash\tEXPORT_SYMBOL_GPL\tCRYPTO_INTERNAL
0x0badf00d\tusb_helper\tdrivers/usb/core/usbcore\tEXPORT_SYMBOL_GPL\tmodule:usb_storage,uas
`

const symversTarget = target({
  name: 'symvers',
  covers: 'src/exports/symvers.ts (Module.symvers, vmlinux.symvers, modules-only.symvers)',
  mutation: 'text',
  seeds(src) {
    const out = [textSeed('synthetic Module.symvers', SYMVERS)]
    out.push(...src.textWindows(src.debian?.moduleSymvers, 'debian Module.symvers', 300, 5))
    for (const t of src.trees()) out.push(...src.file(t.moduleSymvers, `${t.release} Module.symvers`))
    return out
  },
  run(input) {
    const rows = parseSymvers(text(input), FILE)
    tableOf(symversExports(rows, true))
    tableOf(symversExports(rows, false))
  }
})

const symbolListTarget = target({
  name: 'symbol-list',
  covers:
    'src/exports/symbol-list.ts (plain and Android lists, as author / modpost / gen_autoksyms read them), src/exports/whitelist.ts autoksyms.h',
  mutation: 'text',
  seeds(src) {
    const out = [
      textSeed('plain list', 'printk\nkmalloc\n\ncrc8\n'),
      textSeed(
        'android list',
        '[abi_symbol_list]\n  printk\n# required by foo.ko\n  kmalloc\n\n[abi_symbol_list_extra]\n  crc8\n'
      ),
      textSeed('CRLF list', 'printk\r\nkmalloc\r\n'),
      textSeed(
        'autoksyms.h',
        '/*\n * Automatically generated file; DO NOT EDIT.\n */\n\n#define __KSYM_printk 1\n#define __KSYM_kmalloc 1\n'
      )
    ]
    for (const f of ['ksyms-whitelist.txt', 'ksyms-whitelist-head.txt']) {
      const p = join(import.meta.dirname, '../../fixtures/kernels', f)
      out.push(...src.file(p, f))
    }
    for (const t of src.trees())
      out.push(...src.file(join(t.obj, 'include/generated/autoksyms.h'), `${t.release} autoksyms.h`))
    return out
  },
  run(input) {
    const s = text(input)
    for (const reader of ['modpost', 'autoksyms', 'android'] as const) parseSymbolList(s, FILE, reader)
    parseAutoksyms(s)
  }
})

const modulesBuiltinTarget = target({
  name: 'modules-builtin',
  covers: 'src/sizes/builtin-ranges.ts parseModulesBuiltin (modules.builtin)',
  mutation: 'text',
  seeds(src) {
    const out = [
      textSeed('modules.builtin', 'kernel/lib/crc8.ko\nkernel/crypto/md4.ko\nkernel/drivers/char/mem-x.ko\n')
    ]
    for (const t of src.trees()) out.push(...src.file(t.modulesBuiltin, `${t.release} modules.builtin`))
    if (src.debian)
      out.push(
        ...src.textWindows(join(src.debian.modulesDir, 'modules.builtin'), 'debian modules.builtin', 200, 2)
      )
    return out
  },
  run(input) {
    parseModulesBuiltin(text(input))
  }
})

const builtinRangesTarget = target({
  name: 'builtin-ranges',
  covers: 'src/sizes/builtin-ranges.ts parseBuiltinRanges (modules.builtin.ranges, 6.12+)',
  mutation: 'text',
  seeds(src) {
    const out = [
      textSeed(
        'modules.builtin.ranges',
        '.text 00000000-00000000 = _text\n.text 0009e6c0-0009f1b0 crc8\n.text 0009f1b0-000a0000 md4 mem_x\n.data 00000000-00000000 = _sdata\n.data 00001a40-00001b00 crc8\n'
      )
    ]
    for (const t of src.trees())
      out.push(...src.file(t.modulesBuiltinRanges, `${t.release} modules.builtin.ranges`))
    return out
  },
  run(input) {
    parseBuiltinRanges(text(input), FILE)
  }
})

const kconfigTarget = target({
  name: 'kconfig',
  covers:
    'src/parse/kconfig.ts and what the build identity reads from it (src/model/open-build.ts buildInfo)',
  mutation: 'text',
  seeds(src) {
    const out = [
      textSeed(
        '.config',
        '#\n# Automatically generated file; DO NOT EDIT.\n#\nCONFIG_64BIT=y\nCONFIG_X86_64=y\nCONFIG_MODULES=y\n# CONFIG_MODVERSIONS is not set\nCONFIG_LOCALVERSION="-fuzz \\"x\\""\nCONFIG_NR_CPUS=64\nCONFIG_UNUSED_KSYMS_WHITELIST="kbr.txt"\nCONFIG_MODULE_COMPRESS_XZ=y\n'
      )
    ]
    out.push(...src.textWindows(src.debian?.config, 'debian config', 300, 4))
    for (const t of src.trees()) out.push(...src.file(t.config, `${t.release} .config`))
    return out
  },
  run(input) {
    const config = parseKconfig(text(input))
    buildInfo(
      { root: '/nonexistent', kind: 'explicit', modules: [], passes: [], missing: [], notes: [] },
      config
    )
  }
})

const sizeBudgetTarget = target({
  name: 'size-budget',
  covers: 'src/sizes/budget.ts (the size-budget input)',
  mutation: 'text',
  seeds: () => [
    textSeed('budget', 'total=+1%,module=+64KiB,vmlinux=256KiB'),
    textSeed('budget 2', 'vmlinux=+1.5%, module=1M')
  ],
  run(input) {
    parseSizeBudget(text(input))
  }
})

const PACKED_SEED = '0 crc8 2s\n3 _populate_table 1k\n0 md4_init 5\n0 zz 0'

/** What a review makes of two packed tables by decoding both (the reference for PackedCursor). */
function decodedComparison(a: string, b: string): BloatResult | 'unordered' | 'malformed' {
  try {
    const x = decodePacked(a, FILE)
    const y = decodePacked(b, 'seed')
    return x.ascending && y.ascending ? compareSortedSizes(x.names, x.sizes, y.names, y.sizes) : 'unordered'
  } catch (err) {
    if (err instanceof InputError) return 'malformed'
    throw err
  }
}

const sizesPackTarget = target({
  name: 'sizes-pack',
  covers:
    'src/sizes/pack.ts (front-coded symbol sizes kept in snapshots) and src/sizes/packed-cursor.ts, whose side-by-side comparison must equal decoding both tables',
  mutation: 'text',
  seeds: () => [textSeed('packed', PACKED_SEED)],
  run(input) {
    const t = text(input)
    const expected = decodedComparison(t, PACKED_SEED)
    let walked: BloatResult | 'unordered' | 'malformed'
    try {
      walked = compareSortedPacked(new PackedCursor(t, FILE), new PackedCursor(PACKED_SEED, 'seed')) ?? 'unordered'
    } catch (err) {
      if (!(err instanceof InputError)) throw err
      walked = 'malformed'
    }
    // Where either side has a result (tables well formed and ascending), both must have the same one.
    if ((typeof walked === 'object' || typeof expected === 'object') && !isDeepStrictEqual(walked, expected)) {
      throw new Error(`PackedCursor disagrees with decodePacked: ${JSON.stringify(walked).slice(0, 200)} vs ${JSON.stringify(expected).slice(0, 200)}`)
    }
    // The same against the seed held as name bytes (a review's vmlinux and module tables).
    let byBytes: BloatResult | 'unordered' | 'malformed'
    try {
      byBytes = compareWithByteTable(new PackedCursor(t, FILE), seedBytes()) ?? 'unordered'
    } catch (err) {
      if (!(err instanceof InputError)) throw err
      byBytes = 'malformed'
    }
    if ((typeof byBytes === 'object' || typeof expected === 'object') && !isDeepStrictEqual(byBytes, expected)) {
      throw new Error(`the byte-table walk disagrees with decodePacked: ${JSON.stringify(byBytes).slice(0, 200)} vs ${JSON.stringify(expected).slice(0, 200)}`)
    }
    unpackSizes(t, FILE)
  }
})

let seedTable: ByteSizeTable | undefined
/** PACKED_SEED as a ByteSizeTable (its names are clean: cleaning leaves them as they are). */
function seedBytes(): ByteSizeTable {
  if (!seedTable) {
    seedTable = new ByteSizeTable()
    for (const [name, size] of unpackSizes(PACKED_SEED, 'seed')) seedTable.addRaw(Buffer.from(name, 'latin1'), 0, name.length, size)
  }
  return seedTable
}

// ---- modules.order, through discovery ----

interface OrderCtx {
  root: string
}

const modulesOrderTarget = target<OrderCtx>({
  name: 'modules-order',
  covers:
    'modules.order as discovery reads it (src/discover/discover.ts): every module found must lie inside the build directory',
  mutation: 'text',
  seeds(src) {
    const out = [
      textSeed('modules.order', 'lib/crc8.o\ncrypto/md4.o\ndrivers/char/mem.o\n'),
      textSeed('old modules.order', 'kernel/lib/crc8.ko\n')
    ]
    for (const t of src.trees()) out.push(...src.file(t.modulesOrder, `${t.release} modules.order`))
    return out
  },
  setup(src) {
    const root = join(src.tmpDir(), 'order-tree')
    mkdirSync(join(root, 'lib'), { recursive: true })
    mkdirSync(join(root, 'crypto'), { recursive: true })
    for (const p of ['lib/crc8.ko', 'crypto/md4.ko', 'vmlinux']) writeFileSync(join(root, p), 'x')
    // A file outside the tree that a hostile modules.order could name.
    writeFileSync(join(src.tmpDir(), 'outside.ko'), 'x')
    return { root }
  },
  run(input, ctx) {
    writeFileSync(join(ctx.root, 'modules.order'), input)
    const layout = discover({ dir: ctx.root })
    const real = realpathSync(ctx.root)
    for (const m of layout.modules) {
      const r = relative(real, realpathSync(m.path))
      if (r.startsWith('..') || r === '')
        throw new Error(`module ${m.relPath} resolves outside the build directory: ${m.path}`)
    }
  }
})

// ---- snapshots and reports read back ----

interface SmallBuild {
  build: Build
  current: Map<string, unknown>
  snapshot: Snapshot
  report: Report
}

/** A small kbuild tree of real (or synthetic) parts: a few modules, Module.symvers, .config, modules.order. */
async function smallBuild(src: SeedSource): Promise<SmallBuild> {
  return src.memo('small-build', async () => {
    const root = join(src.tmpDir(), 'small-build')
    rmSync(root, { recursive: true, force: true })
    mkdirSync(join(root, 'lib'), { recursive: true })
    const mods = validModuleSeeds(src)
    const order: string[] = []
    mods.slice(0, 4).forEach((m, i) => {
      writeFileSync(join(root, `lib/m${i}.ko`), m.bytes)
      order.push(`lib/m${i}.o`)
    })
    writeFileSync(join(root, 'modules.order'), order.join('\n') + '\n')
    writeFileSync(join(root, 'Module.symvers'), SYMVERS)
    writeFileSync(join(root, 'System.map'), SYSTEM_MAP)
    writeFileSync(
      join(root, '.config'),
      'CONFIG_64BIT=y\nCONFIG_X86_64=y\nCONFIG_MODULES=y\nCONFIG_MODVERSIONS=y\nCONFIG_KALLSYMS=y\nCONFIG_KALLSYMS_ALL=y\n'
    )
    const options = defaultOptions({ sizeBudget: 'total=+1%' })
    const snapshot = await takeSnapshot({ input: { dir: root }, options, jobs: 0 })
    const report = await review({ input: { dir: root }, options, jobs: 0 })
    const { openBuild } = await import('../../../src/model/open-build.ts')
    const build = openBuild({ dir: root }, { jobs: 0 })
    const current = new Map<string, unknown>()
    for (const c of CHECKS) {
      if (!c.snapshot) continue
      try {
        current.set(c.id, await c.snapshot(build, options))
      } catch {
        // A check that cannot snapshot this tree: run() gets null.
      }
    }
    return { build, current, snapshot, report }
  })
}

const snapshotTarget = target<SmallBuild>({
  name: 'snapshot',
  covers:
    'src/snapshot/io.ts parseSnapshot (JSON and gzip), then every check run against it as the baseline (sizes, exports, kallsyms, BTF, symbol-list snapshot readers)',
  mutation: 'json',
  async seeds(src) {
    const b = await smallBuild(src)
    return [{ name: 'small build snapshot', bytes: new Uint8Array(Buffer.from(JSON.stringify(b.snapshot))) }]
  },
  setup: smallBuild,
  async run(input, ctx) {
    const bytes = input.length > 0 && input[input.length - 1]! % 7 === 0 ? gzip(input) : input
    const snap = await parseSnapshot(bytes, FILE)
    const options = defaultOptions({ sizeBudget: 'total=+1%' })
    for (const c of CHECKS) {
      const outcome = await c.run({
        build: ctx.build,
        options,
        current: ctx.current.get(c.id) ?? null,
        baseline: { info: snap.info, label: FILE, data: (snap.checks[c.id] as unknown) ?? null }
      })
      // A JavaScript error caught inside the check and passed off as a finding or summary.
      for (const text of [outcome.summary, ...outcome.findings.map(f => f.message)]) {
        if (JS_ERROR.test(text))
          throw new Error(`${c.id} check passes a JavaScript error off as a finding: ${text.slice(0, 300)}`)
      }
      renderBlocksText(outcome.blocks ?? [])
    }
  }
})

function envelopeOf(report: Report): string {
  return JSON.stringify({
    kind: 'kbuild-review-result',
    schemaVersion: 1,
    repository: 'torvalds/linux',
    runId: 42,
    pullRequest: { number: 7, headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40) },
    report
  })
}

const PATCH = `@@ -10,6 +10,7 @@ static int x;
 int a;
-EXPORT_SYMBOL(old_sym);
+EXPORT_SYMBOL_GPL(new_sym);
+EXPORT_SYMBOL_NS_GPL(ns_sym, "NS");
 int b;

\\ No newline at end of file
`

const reportTarget = target<SmallBuild>({
  name: 'report',
  covers:
    'reports and result envelopes read back in publish/aggregate mode (src/publish/envelope.ts), rendered as the comment (src/report/markdown.ts), text, and planned as review comments (src/publish/review.ts)',
  mutation: 'json',
  async seeds(src) {
    const b = await smallBuild(src)
    return [
      { name: 'small build envelope', bytes: new Uint8Array(Buffer.from(envelopeOf(b.report))) },
      { name: 'small build report', bytes: new Uint8Array(Buffer.from(JSON.stringify(b.report))) }
    ]
  },
  setup: smallBuild,
  run(input) {
    const s = text(input)
    const got = parseReportOrEnvelope(s, FILE)
    const envelope = got.kind === 'kbuild-review-result' ? parseEnvelope(s, FILE) : null
    const report = envelope ? envelope.report : (got as Report)
    const md = renderReports([report], 65_536, { fullReportAt: 'the artifact' })
    renderText(report, { details: true })
    parseSections(md)
    const diff = new PullDiff([{ filename: 'lib/crc8.c', patch: PATCH }])
    planReview([report], diff, '/work')
  }
})

const commentTarget = target<SmallBuild>({
  name: 'comment',
  covers:
    'sticky comment bodies read back from GitHub (src/publish/sections.ts) and PR patches (src/publish/diff.ts)',
  mutation: 'text',
  async seeds(src) {
    const b = await smallBuild(src)
    const md = renderReports([b.report], 65_536, { fullReportAt: 'the artifact' })
    return [textSeed('rendered comment', md), textSeed('patch', PATCH)]
  },
  setup: smallBuild,
  run(input, ctx) {
    const s = text(input)
    const sections = parseSections(s)
    const ours = parseSections(renderReports([ctx.report], 65_536, { fullReportAt: 'x' }))
    composeComment(mergeSections(sections, ours), 65_536, new Set(ours.map(o => o.meta.key)), 'the artifact')
    const diff = new PullDiff([{ filename: 'a.c', patch: s }])
    planReview([ctx.report], diff, '/work')
  }
})

// ---- a whole review over a tree with one artifact mutated ----

/** What JavaScript's own errors say; never what a parser's message about a file says. */
const JS_ERROR =
  /Cannot read propert|is not a function|is not iterable|is not defined|Invalid (typed )?array length|out of range\. It must be|Maximum call stack|Cannot convert|undefined \(reading|Unexpected token|in JSON at position/

const TREE_ARTIFACTS = [
  'System.map',
  'Module.symvers',
  '.config',
  'modules.order',
  'modules.builtin',
  'lib/m0.ko',
  'lib/m1.ko',
  'vmlinux'
] as const

interface TreeCtx {
  root: string
  original: Map<string, Uint8Array>
}

async function reviewTree(src: SeedSource): Promise<TreeCtx> {
  return src.memo('review-tree', async () => {
    const root = join(src.tmpDir(), 'review-tree')
    rmSync(root, { recursive: true, force: true })
    mkdirSync(join(root, 'lib'), { recursive: true })
    const mods = validModuleSeeds(src)
    const obj = syntheticObjects(src)[0]?.bytes ?? new Uint8Array(0)
    const { bytes: table } = kallsymsTables(sampleSymbols(200), 0xffffffff81000000n)
    const files: Record<string, Uint8Array | string> = {
      'System.map': SYSTEM_MAP,
      'Module.symvers': SYMVERS,
      '.config':
        'CONFIG_64BIT=y\nCONFIG_X86_64=y\nCONFIG_MODULES=y\nCONFIG_MODVERSIONS=y\nCONFIG_KALLSYMS=y\nCONFIG_KALLSYMS_ALL=y\nCONFIG_TRIM_UNUSED_KSYMS=y\n',
      'modules.order': 'lib/m0.o\nlib/m1.o\nlib/m2.o\n',
      'modules.builtin': 'kernel/lib/crc8.ko\n',
      'lib/m0.ko': mods[0]?.bytes ?? obj,
      'lib/m1.ko': mods[1]?.bytes ?? obj,
      'lib/m2.ko': mods[2]?.bytes ?? obj,
      vmlinux: obj.length ? withSections(src, obj, { '.rodata.kallsyms': table }, 'review-vmlinux') : table
    }
    const original = new Map<string, Uint8Array>()
    for (const [rel, data] of Object.entries(files)) {
      const bytes = typeof data === 'string' ? new Uint8Array(Buffer.from(data)) : data
      writeFileSync(join(root, rel), bytes)
      original.set(rel, bytes)
    }
    return { root, original }
  })
}

const reviewTarget = target<TreeCtx>({
  name: 'review',
  covers:
    'the whole review (src/engine.ts, every check) over a small build tree with one artifact replaced by the input: it must finish, and no check may stop on anything but a finding',
  mutation: 'bytes',
  async seeds(src) {
    const ctx = await reviewTree(src)
    return TREE_ARTIFACTS.map((rel, i) => {
      const data = ctx.original.get(rel)!
      const bytes = new Uint8Array(1 + data.length)
      bytes[0] = i
      bytes.set(data, 1)
      return { name: `tree ${rel}`, bytes }
    })
  },
  setup: reviewTree,
  async run(input, ctx) {
    const rel = TREE_ARTIFACTS[(input[0] ?? 0) % TREE_ARTIFACTS.length]!
    const path = join(ctx.root, rel)
    writeFileSync(path, input.subarray(1))
    try {
      const report = await review({
        input: { dir: ctx.root },
        options: defaultOptions({ sizeBudget: 'total=+1%' }),
        jobs: 0
      })
      // A check that stopped, or a JavaScript error caught somewhere and passed on as a message:
      // both mean some parser did not say which file is wrong and how.
      const crashed = report.checks
        .flatMap(c => c.findings)
        .filter(f => f.code === 'check-crashed' || JS_ERROR.test(f.message))
      if (crashed.length) throw new Error(`${rel}: ${crashed[0]!.code}: ${crashed[0]!.message}`)
      renderReports([report], 65_536, { fullReportAt: 'the artifact' })
      renderText(report, { details: true })
    } finally {
      writeFileSync(path, ctx.original.get(rel)!)
    }
  }
})

export const TARGETS: readonly FuzzTarget[] = [
  elfTarget,
  moduleTarget,
  decompressTarget,
  btfTarget,
  btfSplitTarget,
  kallsymsTableTarget,
  bootImageTarget,
  lz4Target,
  xzKernelTarget,
  systemMapTarget,
  mksysmapTarget,
  symversTarget,
  symbolListTarget,
  modulesOrderTarget,
  modulesBuiltinTarget,
  builtinRangesTarget,
  kconfigTarget,
  sizeBudgetTarget,
  sizesPackTarget,
  snapshotTarget,
  reportTarget,
  commentTarget,
  reviewTarget
]

export function targetNamed(name: string): FuzzTarget {
  const t = TARGETS.find(x => x.name === name)
  if (!t) throw new Error(`no fuzz target ${name}; known: ${TARGETS.map(x => x.name).join(', ')}`)
  return t
}
