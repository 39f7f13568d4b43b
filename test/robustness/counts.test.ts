// Maximum counts: symbols of an ELF and of a kallsyms table, BTF types and vlen. A header that
// announces more than a kernel artifact can hold is refused before anything that size is built.
import { describe, expect, it } from 'vitest'
import { parseBtf } from '../../src/btf/btf.ts'
import { KIND, MAX_TYPE_ID } from '../../src/btf/kinds.ts'
import { ElfFile } from '../../src/elf/elf.ts'
import { decodeTable } from '../../src/kallsyms/decode-table.ts'
import { parseMksysmapScript } from '../../src/kallsyms/mksysmap.ts'
import { BtfBuilder } from '../btf/builder.ts'
import { compileObject } from '../support/cc.ts'
import { tempDir } from '../support/tmp.ts'
import { kallsymsTables, sampleSymbols } from '../fuzz/harness/synthetic.ts'
import { inputErrorOf } from '../support/errors.ts'

const dir = tempDir('kbr-counts-')

describe('maximum counts', () => {
  it('ELF symbols: a .symtab announcing 2^21 + 1 entries is refused before they are read', () => {
    const obj = Buffer.from(compileObject(dir, 'syms', 'int a; int b(void) { return a; }\n'))
    const shoff = Number(obj.readBigUInt64LE(0x28))
    const shnum = obj.readUInt16LE(0x3c)
    for (let i = 0; i < shnum; i++) {
      const h = shoff + i * 64
      // SHT_SYMTAB: its size becomes 2^21 + 1 entries and its data sits in a file that long.
      if (obj.readUInt32LE(h + 4) === 2) {
        obj.writeBigUInt64LE(0n, h + 0x18)
        obj.writeBigUInt64LE(BigInt(24 * (2 ** 21 + 1)), h + 0x20)
      }
    }
    const big = Buffer.concat([obj, Buffer.alloc(24 * (2 ** 21 + 1) - obj.length + 16)])
    const err = inputErrorOf(() => ElfFile.fromBytes(big, 'syms.ko').symbols())
    expect(err.code).toBe('too-large')
    expect(err.message).toBe('syms.ko: .symtab: 2097153 symbols is more than accepted')
  })

  it('BTF types: more than BTF_MAX_TYPE is refused', () => {
    const b = new BtfBuilder()
    for (let i = 0; i <= MAX_TYPE_ID; i++) b.record('', KIND.PTR, 0, 0)
    const err = inputErrorOf(() => parseBtf(b.build(), 'many.btf'))
    expect(err.code).toBe('too-large')
    expect(err.message).toBe(
      `many.btf: BTF has more than ${MAX_TYPE_ID} types, the most a BTF can have (BTF_MAX_TYPE)`
    )
  })

  it('BTF vlen: a STRUCT announcing 2^24 - 1 members is refused when they are not there', () => {
    const b = new BtfBuilder()
    b.int('int', 4)
    b.record('s', KIND.STRUCT, 0xffffff, 8, [0, 1, 0])
    const err = inputErrorOf(() => parseBtf(b.build(), 'vlen.btf'))
    expect(err.code).toBe('truncated')
    expect(err.message).toMatch(/^vlen\.btf: BTF type \[2\] STRUCT needs 201326592 bytes/)
  })

  it('kallsyms symbols: kallsyms_num_syms beyond 2^24 is refused', () => {
    const { bytes, pos } = kallsymsTables(sampleSymbols(10), 0xffffffff81000000n)
    new DataView(bytes.buffer).setUint32(pos.numSyms, 2 ** 24 + 1, true)
    const err = inputErrorOf(() =>
      decodeTable(
        { file: 'vmlinux', bytes, va: 0xffffffff82000000n, le: true, is64: true, what: 'test' },
        { ...pos, mode: 'base-relative', foundBy: 'symbols' }
      )
    )
    expect(err.message).toMatch(/^vmlinux: kallsyms_num_syms is 16777217, more than a kernel can have/)
  })

  it("a build's mksysmap: a 92 KB pattern (V8 overflowed its stack compiling it) and 201 patterns are refused", () => {
    const long = `#!/bin/sed -f\n/${' \\$[adtx]\\(\\.\\|$\\)\\/d\\/'.repeat(4000)}x/d\n`
    expect(inputErrorOf(() => parseMksysmapScript(long, 'scripts/mksysmap')).message).toMatch(
      /^scripts\/mksysmap: a pattern of 92001 characters/
    )
    const many = `#!/bin/sed -f\n${Array.from({ length: 201 }, (_, i) => `/ sym_${i}$/d`).join('\n')}\n`
    expect(inputErrorOf(() => parseMksysmapScript(many, 'scripts/mksysmap')).message).toMatch(
      /^scripts\/mksysmap: 201 patterns/
    )
  })
})
