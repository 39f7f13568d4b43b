import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ElfFile } from '../../src/elf/elf.ts'
import { symbolsAnalyzer } from '../../src/load/symbols-analyzer.ts'
import { compileObject, SAMPLE_C } from '../support/cc.ts'
import { tempDir } from '../support/tmp.ts'

const dir = tempDir()

function nmLines(path: string): string[] {
  return execFileSync('nm', [path]).toString().split('\n').filter(Boolean).sort()
}

function oursLines(bytes: Buffer): string[] {
  const elf = ElfFile.fromBytes(bytes, 'x')
  return symbolsAnalyzer.analyze(elf, { options: {} } as never).split('\n').sort()
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
    })
  }
})
