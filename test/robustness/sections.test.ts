// A module whose ELF header announces 2^31 sections (extended numbering: e_shnum 0, the count in
// section header 0), ELF64 and ELF32, among good modules: refused by name before any table is
// read, and the others analyzed.
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { review } from '../../src/engine.ts'
import { ElfFile } from '../../src/elf/elf.ts'
import { InputError } from '../../src/model/errors.ts'
import { defaultOptions } from '../../src/model/options.ts'
import type { Report } from '../../src/report/schema.ts'
import { compileObject } from '../support/cc.ts'
import { tempDir } from '../support/tmp.ts'
import { cli, findings, kbuildTree, moduleObject } from './tree.ts'

const dir = tempDir('kbr-sections-')
const root = join(dir, 'build')

/** e_shnum = 0 and section header 0's sh_size = 2^31: "2^31 sections" in extended numbering. */
function withHugeSectionCount(obj: Buffer): Buffer {
  const b = Buffer.from(obj)
  const is64 = b[4] === 2
  const shoff = is64 ? Number(b.readBigUInt64LE(0x28)) : b.readUInt32LE(0x20)
  b.writeUInt16LE(0, is64 ? 0x3c : 0x30)
  if (is64) b.writeBigUInt64LE(2n ** 31n, shoff + 0x20)
  else b.writeUInt32LE(2 ** 31, shoff + 0x14)
  return b
}

let report: Report
let huge64: Buffer
let huge32: Buffer

beforeAll(async () => {
  huge64 = withHugeSectionCount(moduleObject(dir, 'huge64'))
  huge32 = withHugeSectionCount(compileObject(dir, 'huge32', 'int x(void) { return 1; }\n', ['-m32']))
  kbuildTree(root, dir, ['good_a', 'huge64', 'huge32', 'good_b'], {
    'lib/huge64.ko': huge64,
    'lib/huge32.ko': huge32
  })
  report = await review({ input: { dir: root }, options: defaultOptions(), jobs: 0 })
}, 120_000)

describe('a module with 2^31 sections', () => {
  it('is refused by the ELF reader before it reads a section table', () => {
    for (const [bytes, name] of [
      [huge64, 'huge64.ko'],
      [huge32, 'huge32.ko']
    ] as const) {
      let err: unknown
      try {
        ElfFile.fromBytes(bytes, name)
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(InputError)
      expect((err as InputError).code).toBe('too-large')
      expect((err as Error).message).toBe(
        `${name}: 2147483648 section headers is more than the 1048576 accepted`
      )
    }
  })

  it('is one error finding in the review, the other modules are checked', () => {
    const unreadable = findings(report).filter(f => f.code === 'module-unreadable')
    expect(unreadable.map(f => [f.file, f.message]).sort()).toEqual([
      ['lib/huge32.ko', 'lib/huge32.ko: 2147483648 section headers is more than the 1048576 accepted'],
      ['lib/huge64.ko', 'lib/huge64.ko: 2147483648 section headers is more than the 1048576 accepted']
    ])
    expect(report.checks.find(c => c.id === 'symbol-list')!.summary).toMatch(/^4 modules checked/)
    expect(findings(report).filter(f => f.code === 'check-crashed')).toEqual([])
  })

  it('makes the CLI fail with the refusal, not crash', () => {
    const r = cli(['check', root, '--format', 'json', '--jobs', '0'])
    expect(r.status).toBe(1)
    expect(r.stderr).toBe('')
    expect(findings(JSON.parse(r.stdout) as Report).filter(f => f.code === 'module-unreadable')).toHaveLength(
      2
    )
  })
})
