import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileSource } from '../../src/bytes/source.ts'
import { ElfFile } from '../../src/elf/elf.ts'
import { InputError } from '../../src/model/errors.ts'
import { compileObject, SAMPLE_C } from '../support/cc.ts'
import { tempDir } from '../support/tmp.ts'

const dir = tempDir()
const good = compileObject(dir, 'sample', SAMPLE_C)

/** Parses fully: headers, every section's data, every symbol. */
function parseAll(bytes: Uint8Array, name = 'm.ko'): ElfFile {
  const elf = ElfFile.fromBytes(bytes, name)
  for (const s of elf.sections) elf.data(s)
  elf.symbols()
  return elf
}

function expectInputError(fn: () => unknown, code: InputError['code'], message: RegExp) {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).code).toBe(code)
    expect((err as Error).message).toMatch(/^m\.ko: /)
    expect((err as Error).message).toMatch(message)
    return
  }
  throw new Error('expected an InputError')
}

describe('ElfFile on corrupt input', () => {
  it('parses the intact object', () => {
    const elf = parseAll(good)
    expect(elf.is64).toBe(true)
    expect(elf.symbols().map(s => s.name)).toContain('exported_fn')
  })

  it('rejects a zero-length file', () => {
    expectInputError(() => parseAll(new Uint8Array(0)), 'truncated', /only 0 bytes/)
  })

  it('rejects wrong magic', () => {
    const b = Buffer.from(good)
    b[1] = 0x58
    expectInputError(() => parseAll(b), 'bad-magic', /bad magic/)
  })

  it('rejects an unknown class', () => {
    const b = Buffer.from(good)
    b[4] = 9
    expectInputError(() => parseAll(b), 'bad-value', /unknown ELF class 9/)
  })

  it('rejects every truncation with a clear error', () => {
    for (const cut of [20, 63, good.length >> 1, good.length - 1]) {
      expect(() => parseAll(good.subarray(0, cut))).toThrow(InputError)
    }
  })

  it('rejects a section header table offset past the end', () => {
    const b = Buffer.from(good)
    b.writeBigUInt64LE(BigInt(good.length + 100), 40)
    expectInputError(() => parseAll(b), 'truncated', /section header 0 .* runs past the end/)
  })

  it('rejects a section whose data leaves the file', () => {
    const b = Buffer.from(good)
    const shoff = Number(b.readBigUInt64LE(40))
    b.writeBigUInt64LE(0x7fffffffn, shoff + 64 + 24) // section 1 sh_offset
    expectInputError(() => parseAll(b), 'truncated', /section 1 .* runs past the end/)
  })

  it('refuses a 2^31 section count without allocating', () => {
    const b = Buffer.from(good)
    const shoff = Number(b.readBigUInt64LE(40))
    b.writeUInt16LE(0, 60) // e_shnum = 0: the count lives in section 0's sh_size
    b.writeBigUInt64LE(2n ** 31n, shoff + 32)
    expectInputError(() => parseAll(b), 'too-large', /2147483648 section headers/)
  })

  it('rejects a symbol name offset outside the string table', () => {
    const b = Buffer.from(good)
    const elf = ElfFile.fromBytes(good, 'm.ko')
    const symtab = elf.sections.find(s => s.name === '.symtab')!
    b.writeUInt32LE(0x7ffffff0, symtab.offset + 24) // symbol 1 st_name
    expectInputError(() => parseAll(b), 'bad-value', /symbol 1: name offset/)
    // The label lookup reads no other name, but checks every offset as symbols() does.
    expectInputError(() => ElfFile.fromBytes(b, 'm.ko').symbolsNamed(['nothing']), 'bad-value', /symbol 1: name offset/)
    const want = ['exported_fn', 'counter', 'imported']
    expect(elf.symbolsNamed(want)).toEqual(elf.symbols().filter(x => want.includes(x.name)))
    expect(elf.symbolsNamed(want)).toHaveLength(3)
  })

  it('names a directory given where a file is expected', () => {
    const d = join(dir, 'adir')
    mkdirSync(d)
    expect(() => new FileSource(d)).toThrow(/is a directory, expected a file/)
  })

  it('reads ranges of a file without loading it whole', () => {
    const p = join(dir, 'sample.copy.o')
    writeFileSync(p, good)
    const elf = ElfFile.open(new FileSource(p, 'sample.copy.o'))
    expect(elf.symbols().map(s => s.name)).toEqual(ElfFile.fromBytes(good, 'x').symbols().map(s => s.name))
    elf.close()
  })
})
