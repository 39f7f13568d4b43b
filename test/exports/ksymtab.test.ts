// Export tables in both layouts, as relocatable objects and linked executables, compiled fresh
// with the system compiler: the tables are written in assembly the way the kernel's export
// macros lay them out (three PREL32 offsets or three pointers per entry, sorted by name).
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ElfFile } from '../../src/elf/elf.ts'
import { readKsymtab } from '../../src/exports/ksymtab.ts'
import { readImports, readVersions } from '../../src/exports/imports.ts'
import { tempDir } from '../support/tmp.ts'

const dir = tempDir('kbr-ksymtab-')

interface Sym {
  name: string
  gpl: boolean
  ns: string
  crc: number
}

/** Assembly for one export table; `flags` selects the 7.x single-table + __kflagstab form. */
function tables(syms: Sym[], ref: (target: string) => string, flags: boolean): string {
  const sorted = [...syms].sort((a, b) => (a.name < b.name ? -1 : 1))
  let s = '.section .note.GNU-stack,"",%progbits\n'
  for (const x of sorted) {
    s += `.section __ksymtab_strings,"aMS",%progbits,1\nstr_${x.name}: .asciz "${x.name}"\nns_${x.name}: .asciz "${x.ns}"\n`
  }
  const groups = flags ? [sorted] : [sorted.filter(x => !x.gpl), sorted.filter(x => x.gpl)]
  groups.forEach((group, g) => {
    const suffix = flags || g === 0 ? '' : '_gpl'
    for (const x of group) {
      s += `.section __ksymtab${suffix},"a"\n.balign 4\n${ref(x.name)}\n${ref(`str_${x.name}`)}\n${ref(`ns_${x.name}`)}\n`
      s += `.section __kcrctab${suffix},"a"\n.balign 4\n.long ${x.crc}\n`
      if (flags) s += `.section __kflagstab,"a"\n.byte ${x.gpl ? 1 : 0}\n`
    }
  })
  return s
}

function build(name: string, syms: Sym[], layout: 'prel32' | 'abs64', flags: boolean): { obj: ElfFile; exe: ElfFile } {
  const ref = layout === 'prel32' ? (t: string) => `.long ${t} - .` : (t: string) => `.quad ${t}`
  const c = `${syms.map(x => `int ${x.name}(void) { return 1; }`).join('\n')}\nextern int imported_fn(void);\nint _start(void) { return imported_fn(); }\n`
  const asm = tables(syms, ref, flags)
  writeFileSync(join(dir, `${name}.c`), c)
  writeFileSync(join(dir, `${name}.s`), asm)
  execFileSync('cc', ['-c', '-O1', '-fno-pic', '-o', join(dir, `${name}-c.o`), join(dir, `${name}.c`)])
  execFileSync('cc', ['-c', '-o', join(dir, `${name}-s.o`), join(dir, `${name}.s`)])
  execFileSync('ld', ['-r', '-o', join(dir, `${name}.o`), join(dir, `${name}-c.o`), join(dir, `${name}-s.o`)])
  execFileSync('ld', ['-static', '--unresolved-symbols=ignore-all', '-e', '_start', '-o', join(dir, name), join(dir, `${name}.o`)])
  return {
    obj: ElfFile.fromBytes(readFileSync(join(dir, `${name}.o`)), `${name}.o`),
    exe: ElfFile.fromBytes(readFileSync(join(dir, name)), name)
  }
}

const SYMS: Sym[] = [
  { name: 'zeta_fn', gpl: false, ns: '', crc: 0x11111111 },
  { name: 'alpha_fn', gpl: true, ns: '', crc: 0xdeadbeef },
  { name: 'mid_fn', gpl: false, ns: 'MY_NS', crc: 0x00000001 },
  { name: 'beta_fn', gpl: true, ns: 'module:foo,bar*', crc: 0x7fffffff }
]

const expected = (syms: Sym[]) =>
  syms.map(s => ({ symbol: s.name, gplOnly: s.gpl, namespace: s.ns, crc: s.crc })).sort((a, b) => (a.symbol < b.symbol ? -1 : 1))

describe('readKsymtab', () => {
  for (const layout of ['prel32', 'abs64'] as const) {
    for (const flags of [false, true]) {
      const form = flags ? '7.x __ksymtab + __kflagstab' : '6.x __ksymtab + __ksymtab_gpl'
      it(`decodes ${layout} tables, ${form}, from a relocatable object and a linked executable`, () => {
        const { obj, exe } = build(`t-${layout}-${flags}`, SYMS, layout, flags)
        for (const elf of [obj, exe]) {
          const got = readKsymtab(elf).sort((a, b) => (a.symbol < b.symbol ? -1 : 1))
          expect(got).toEqual(expected(SYMS))
        }
      })
    }
  }

  it('returns nothing for an object without export tables', () => {
    const { obj } = build('t-none', [], 'prel32', false)
    expect(readKsymtab(obj)).toEqual([])
  })

  it('rejects a table whose name references leave __ksymtab_strings', () => {
    const { exe } = build('t-bad', SYMS, 'prel32', false)
    const bytes = new Uint8Array(exe.source.read(0, exe.source.size, 'all'))
    const sec = exe.section('__ksymtab')!
    // Entry 0's name offset: make it point far away.
    new DataView(bytes.buffer).setInt32(sec.offset + 4, 0x10000000, true)
    expect(() => readKsymtab(ElfFile.fromBytes(bytes, 'bad'))).toThrow(/cannot decode __ksymtab/)
  })
})

describe('readImports and readVersions', () => {
  it('lists undefined globals as modpost does, without __this_module', () => {
    const c = `extern int used_fn(void); extern int __this_module; extern int weak_fn(void) __attribute__((weak));
      int f(void) { return used_fn() + __this_module + (weak_fn ? weak_fn() : 0); }
      static const struct { unsigned long crc; char name[56]; } v[] __attribute__((used, section("__versions"))) = { { 0x1234, "used_fn" }, { 0xabcdef01, "module_layout" } };`
    writeFileSync(join(dir, 'imp.c'), c)
    execFileSync('cc', ['-c', '-O1', '-o', join(dir, 'imp.o'), join(dir, 'imp.c')])
    const elf = ElfFile.fromBytes(readFileSync(join(dir, 'imp.o')), 'imp.o')
    expect(readImports(elf)).toEqual({ imports: ['used_fn'], weak: ['weak_fn'] })
    expect(readVersions(elf)).toEqual({ names: ['used_fn', 'module_layout'], crcs: [0x1234, 0xabcdef01], extended: false })
  })
})
