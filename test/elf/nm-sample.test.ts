import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ElfFile } from '../../src/elf/elf.ts'
import { symbolsAnalyzer } from '../../src/load/symbols-analyzer.ts'
import { compileObject, SAMPLE_C } from '../support/cc.ts'
import { tempDir } from '../support/tmp.ts'

const dir = tempDir()

/** nm's lines in nm's order (LC_ALL=C: names compared as bytes). */
function nmLines(path: string, flags: string[] = []): string[] {
  return execFileSync('nm', [...flags, path], { env: { ...process.env, LC_ALL: 'C' } })
    .toString()
    .split('\n')
    .filter(Boolean)
}

function oursLines(bytes: Buffer, symbolSizes = false): string[] {
  const elf = ElfFile.fromBytes(bytes, 'x')
  const listing = symbolsAnalyzer.analyze(elf, { options: { symbolSizes } } as never)
  return Buffer.from(listing).toString('utf8').split('\n').filter(Boolean)
}

describe('nm-compatible listing of objects made here', () => {
  for (const [name, flags] of [
    ['x86_64', []],
    ['fcommon', ['-fcommon']],
    ['m32', ['-m32']]
  ] as const) {
    it(`matches nm for ${name}`, ctx => {
      let bytes: Buffer
      try {
        bytes = compileObject(dir, name, SAMPLE_C + 'int common_var;\n', [...flags])
      } catch {
        ctx.skip() // -m32 needs gcc-multilib
        return
      }
      const ours = oursLines(bytes)
      expect(ours.length).toBeGreaterThan(5)
      expect(ours).toEqual(nmLines(join(dir, `${name}.o`)))
      expect(oursLines(bytes, true)).toEqual(nmLines(join(dir, `${name}.o`), ['-S']))
    })
  }
})

describe('nm order on names that sort hard', () => {
  it('puts equal names in symbol-table order and compares bytes past long shared prefixes', () => {
    // Two objects with the same static names, linked with ld -r: equal local names in one table.
    const part = (tag: string) => `
static int helper(int x) { return x + ${tag.length}; }
static int shared_prefix_long_name_${tag}_a;
static int shared_prefix_long_name_${tag}_b;
int caf\u00e9_${tag}(int x) { return helper(x) + shared_prefix_long_name_${tag}_a + shared_prefix_long_name_${tag}_b; }
int zz_${tag};
int Zz_${tag};
int _${tag};
`
    compileObject(dir, 'part1', part('one'), ['-fno-inline'])
    compileObject(dir, 'part2', part('two'), ['-fno-inline'])
    const linked = join(dir, 'linked.o')
    execFileSync('ld', ['-r', '-o', linked, join(dir, 'part1.o'), join(dir, 'part2.o')])
    const bytes = readFileSync(linked)
    const theirs = nmLines(linked)
    expect(theirs.filter(l => l.endsWith(' helper'))).toHaveLength(2)
    expect(theirs.some(l => l.includes('caf\u00e9_one'))).toBe(true)
    expect(oursLines(bytes)).toEqual(theirs)
    expect(oursLines(bytes, true)).toEqual(nmLines(linked, ['-S']))
  })
})
