import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ElfFile } from '../../src/elf/elf.ts'
import { nmTypeLetter } from '../../src/elf/nm.ts'
import { compileObject, SAMPLE_C } from '../support/cc.ts'
import { toBigEndian } from '../support/elf-swap.ts'
import { tempDir } from '../support/tmp.ts'

const dir = tempDir()

function summary(elf: ElfFile) {
  return {
    sections: elf.sections.map(s => [s.name, s.type, s.flags, s.size, s.offset]),
    symbols: elf.symbols().map(s => [s.name, s.value, s.size, s.bind, s.type, s.shndx, nmTypeLetter(elf, s)]),
    relocations: elf.sections.filter(s => s.type === 4).map(s => elf.relocations(s))
  }
}

describe('ELF classes and byte orders', () => {
  for (const [name, flags] of [
    ['ELF64', []],
    ['ELF32', ['-m32']]
  ] as const) {
    it(`reads ${name} big-endian exactly as little-endian`, () => {
      const le = compileObject(dir, name, SAMPLE_C, [...flags])
      const a = ElfFile.fromBytes(le, 'le.o')
      const b = ElfFile.fromBytes(toBigEndian(le), 'be.o')
      expect(a.littleEndian).toBe(true)
      expect(b.littleEndian).toBe(false)
      expect(a.is64).toBe(name === 'ELF64')
      expect(summary(b)).toEqual(summary(a))
    })
  }

  it('finds the section name table through SHN_XINDEX and section 0 sh_link', () => {
    const obj = compileObject(dir, 'xindex', SAMPLE_C)
    const names = ElfFile.fromBytes(obj, 'a.o').sections.map(s => s.name)
    const b = Buffer.from(obj)
    const shoff = Number(b.readBigUInt64LE(40))
    b.writeUInt32LE(b.readUInt16LE(62), shoff + 40) // section 0 sh_link = the real index
    b.writeUInt16LE(0xffff, 62) // e_shstrndx = SHN_XINDEX
    expect(ElfFile.fromBytes(b, 'b.o').sections.map(s => s.name)).toEqual(names)
  })

  it('decodes relocations as readelf does', () => {
    const obj = compileObject(dir, 'rel', SAMPLE_C)
    const elf = ElfFile.fromBytes(obj, 'rel.o')
    const text = elf.sections.find(s => s.name === '.rela.text')!
    const ours = elf.relocations(text).map(r => `${r.offset.toString(16).padStart(16, '0')} ${r.symbol} ${r.type}`)
    const theirs = execFileSync('readelf', ['-rW', join(dir, 'rel.o')])
      .toString()
      .split("Relocation section '.rela.text'")[1]!
      .split('\n\n')[0]!
      .split('\n')
      .filter(l => /^[0-9a-f]{16} /.test(l))
      .map(l => {
        const [off, info] = l.split(/\s+/)
        const i = BigInt('0x' + info)
        return `${off} ${Number(i >> 32n)} ${Number(i & 0xffffffffn)}`
      })
    expect(ours.length).toBeGreaterThan(2)
    expect(ours).toEqual(theirs)
  })

  it('reads the GNU build-id note', () => {
    const c = join(dir, 'exe.c')
    const exe = join(dir, 'exe')
    execFileSync('sh', ['-c', `printf 'int main(void){return 0;}' > ${c} && cc -Wl,--build-id=sha1 -o ${exe} ${c}`])
    const expected = /Build ID: ([0-9a-f]+)/.exec(execFileSync('readelf', ['-n', exe]).toString())![1]
    const elf = ElfFile.fromBytes(execFileSync('cat', [exe]), 'exe')
    expect(elf.buildId()).toBe(expected)
  })
})
