import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { parseBtf } from '../../../src/btf/btf.ts'
import { BtfBuilder } from '../../btf/builder.ts'
import type { SeedSource } from './seeds.ts'

/**
 * Seeds made here when no kernel fixture is at hand (CI): small inputs in every format, written
 * from the format descriptions in the kernel sources, not copied from any file.
 */

/** C that compiles to an object shaped like a module: .modinfo, __versions, a PREL32 ksymtab entry. */
export const MODULE_C = `
static const char l[] __attribute__((section(".modinfo"), used, aligned(1))) = "license=GPL";
static const char v[] __attribute__((section(".modinfo"), used, aligned(1))) = "vermagic=6.12.0 SMP preempt mod_unload modversions ";
static const char d[] __attribute__((section(".modinfo"), used, aligned(1))) = "depends=crc8,libcrc32c";
static const char n[] __attribute__((section(".modinfo"), used, aligned(1))) = "import_ns=CRYPTO_INTERNAL";
struct modversion_info { unsigned long crc; char name[64 - sizeof(unsigned long)]; };
static const struct modversion_info vers[] __attribute__((used, section("__versions"))) = {
  { 0x12345678, "module_layout" }, { 0x9abcdef0, "_printk" }, { 0x0badcafe, "kmalloc" } };
extern int _printk(const char *, ...);
extern void *kmalloc(unsigned long, int);
int fuzz_exported(int x) { return _printk("%d", x) + (kmalloc(8, 0) != 0); }
int fuzz_gpl(void) { return 2; }
static int fuzz_local(void) { return 3; }
int (*fuzz_ptr)(void) = fuzz_local;
const char fuzz_ro[] = "rodata";
int fuzz_bss[16];
asm(".section __ksymtab_strings,\\"aMS\\",%progbits,1\\n__kstrtab_fuzz_exported: .asciz \\"fuzz_exported\\"\\n__kstrtabns_fuzz_exported: .asciz \\"\\"\\n.previous\\n"
    ".section \\"___ksymtab+fuzz_exported\\",\\"a\\"\\n.balign 4\\n__ksymtab_fuzz_exported:\\n.long fuzz_exported - .\\n.long __kstrtab_fuzz_exported - .\\n.long __kstrtabns_fuzz_exported - .\\n.previous\\n");
`

/** A base BTF with one of each common kind. */
export function baseBtf(): { bytes: Uint8Array; builder: BtfBuilder } {
  const b = new BtfBuilder()
  const int = b.int('int', 4, 32, 1)
  const uint = b.int('unsigned int', 4)
  const chr = b.int('char', 1, 8, 2)
  const ptr = b.ptr(chr)
  const st = b.struct('list_head', 16, [
    ['next', ptr, 0],
    ['prev', ptr, 64]
  ])
  const fwd = b.fwd('task_struct')
  const arr = b.array(chr, int, 16)
  b.typedef('u32', uint)
  b.enumeration('state', 4, [
    ['A', 0],
    ['B', 1]
  ])
  b.enum64('big', 8, [['X', 1n << 40n]])
  b.qualifier('const', int)
  b.qualifier('volatile', ptr)
  const proto = b.proto(int, [
    ['a', int],
    ['b', ptr]
  ])
  b.func('do_thing', proto)
  const v = b.variable('counter', int)
  b.datasec('.data', 4, [[v, 0, 4]])
  b.float('double', 8)
  b.declTag('tag', v)
  b.typeTag('user', ptr)
  b.struct('with_arr', 24, [
    ['a', arr, 0],
    ['t', fwd, 128]
  ])
  void st
  return { bytes: b.build(), builder: b }
}

/** A split BTF referring into `base` (ids and strings continue after the base's). */
export function splitBtf(base: { endId: number; strLen: number }): Uint8Array {
  const b = new BtfBuilder(base)
  const s = b.struct('fuzz_dev', 24, [
    ['id', 1, 0],
    ['name', 3, 64],
    ['list', 5, 128]
  ])
  const p = b.ptr(s)
  const proto = b.proto(1, [['dev', p]])
  b.func('fuzz_probe', proto)
  b.typedef('fuzz_dev_t', s)
  return b.build()
}

/** A distilled base (.BTF.base shape: INT kept, named aggregates as FWD / sizeless STRUCT) and a split BTF on it. */
export function distilledPair(): { base: Uint8Array; split: Uint8Array } {
  const d = new BtfBuilder()
  const int = d.int('int', 4, 32, 1)
  const fwd = d.fwd('task_struct')
  const lh = d.struct('list_head', 0, [])
  const base = d.build()
  const parsed = parseBtf(base, 'distilled base')
  const s = new BtfBuilder({ endId: parsed.endId, strLen: parsed.header.strLen })
  const st = s.struct('fuzz_ext', 24, [
    ['x', int, 0],
    ['list', lh, 64]
  ])
  s.ptr(fwd)
  s.ptr(st)
  return { base, split: s.build() }
}

/** The kernel's token-compressed kallsyms tables for a symbol list, without compression (one char a token). */
export function kallsymsTables(
  syms: ReadonlyArray<{ addr: number; type: string; name: string }>,
  relativeBase: bigint
) {
  const out: number[] = []
  const pad = () => {
    while (out.length % 8) out.push(0)
  }
  const u32 = (v: number) => out.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24)
  const pos: Record<string, number> = {}
  pos.numSyms = out.length
  u32(syms.length)
  pad()
  pos.names = out.length
  const markers: number[] = []
  syms.forEach((s, i) => {
    if (i % 256 === 0) markers.push(out.length - pos.names!)
    const text = s.type + s.name
    out.push(text.length, ...Buffer.from(text, 'latin1'))
  })
  pad()
  pos.markers = out.length
  for (const m of markers) u32(m)
  pad()
  pos.tokenTable = out.length
  const index: number[] = []
  for (let i = 0; i < 256; i++) {
    index.push(out.length - pos.tokenTable)
    if (i !== 0) out.push(i)
    out.push(0)
  }
  pad()
  pos.tokenIndex = out.length
  for (const x of index) out.push(x & 0xff, x >>> 8)
  pad()
  pos.addresses = out.length
  for (const s of syms) u32(s.addr)
  pad()
  pos.relativeBase = out.length
  for (let i = 0n; i < 8n; i++) out.push(Number((relativeBase >> (8n * i)) & 0xffn))
  pos.seqsOfNames = out.length
  const order = syms
    .map((s, i) => [s.name, i] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  for (const [, i] of order) out.push((i >>> 16) & 0xff, (i >>> 8) & 0xff, i & 0xff)
  pad()
  return {
    bytes: new Uint8Array(out),
    pos: pos as Record<
      | 'numSyms'
      | 'names'
      | 'markers'
      | 'tokenTable'
      | 'tokenIndex'
      | 'addresses'
      | 'relativeBase'
      | 'seqsOfNames',
      number
    >
  }
}

/** A small synthetic symbol list in address order. */
export function sampleSymbols(n: number): Array<{ addr: number; type: string; name: string }> {
  const out = [{ addr: 0, type: 'T', name: '_text' }]
  const types = 'TtDdRrBbWV'
  for (let i = 1; i < n; i++)
    out.push({ addr: i * 48, type: types[i % types.length]!, name: `sym_${(i * 7919) % 1000}_${i}` })
  out.push({ addr: n * 48, type: 'B', name: '_end' })
  return out
}

/** A bzImage-shaped wrapper (setup header, boot protocol 2.15, payload fields) around a payload. */
export function bzImage(payload: Uint8Array): Uint8Array {
  const setupSects = 1
  const start = (setupSects + 1) * 512
  const b = new Uint8Array(start + payload.length)
  b[0x1f1] = setupSects
  b.set(Buffer.from('HdrS', 'latin1'), 0x202)
  b[0x206] = 0x0f
  b[0x207] = 0x02
  new DataView(b.buffer).setUint32(0x248, 0, true)
  new DataView(b.buffer).setUint32(0x24c, payload.length, true)
  b.set(payload, start)
  return b
}

/** Compresses with a command-line tool (xz, zstd, lz4); null when the tool is missing. */
export function compressWith(
  src: SeedSource,
  tool: string,
  args: string[],
  data: Uint8Array
): Uint8Array | null {
  try {
    return new Uint8Array(execFileSync(tool, args, { input: data, maxBuffer: 256 << 20 }))
  } catch {
    return null
  }
}

/** The kernel appends the uncompressed size to a payload (scripts/Makefile.lib size_append). */
export function sizeAppended(data: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(data.length + 4)
  out.set(data)
  new DataView(out.buffer).setUint32(data.length, size, true)
  return out
}

export function gzip(data: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(data))
}

/** Adds sections to an object with objcopy; the object unchanged when objcopy is missing. */
export function withSections(
  src: SeedSource,
  obj: Uint8Array,
  sections: Record<string, Uint8Array>,
  name: string
): Uint8Array {
  const dir = src.tmpDir()
  const inPath = join(dir, `${name}.in.o`)
  const outPath = join(dir, `${name}.out.o`)
  writeFileSync(inPath, obj)
  const args: string[] = []
  for (const [sec, data] of Object.entries(sections)) {
    const p = join(dir, `${name}${sec}.bin`)
    writeFileSync(p, data)
    args.push('--add-section', `${sec}=${p}`)
  }
  try {
    execFileSync('objcopy', [...args, inPath, outPath], { stdio: 'ignore' })
    return new Uint8Array(readFileSync(outPath))
  } catch {
    return obj
  }
}
