// Reports name files relative to the build root, also where a worker only knew an absolute path
// (the vmlinux BTF that module BTF is checked against).
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { review } from '../../src/engine.ts'
import { defaultOptions } from '../../src/model/options.ts'
import type { Report } from '../../src/report/schema.ts'
import { SeedSource } from '../fuzz/harness/seeds.ts'
import { targetNamed } from '../fuzz/harness/targets.ts'
import { tempDir } from '../support/tmp.ts'
import { findings, kbuildTree } from './tree.ts'

const dir = tempDir('kbr-paths-')
const root = join(dir, 'build')
let report: Report
const src = new SeedSource({ real: false })
afterAll(() => src.dispose())

beforeAll(async () => {
  const seeds = await targetNamed('elf').seeds(src)
  const withBtf = seeds.find(s => s.name === 'cc object + split .BTF')
  if (!withBtf) throw new Error('no object with .BTF (cc or objcopy missing)')
  kbuildTree(root, dir, ['m_btf'], {
    'lib/m_btf.ko': withBtf.bytes,
    vmlinux: new Uint8Array(4096),
    '.config':
      'CONFIG_64BIT=y\nCONFIG_X86_64=y\nCONFIG_MODULES=y\nCONFIG_DEBUG_INFO_BTF=y\nCONFIG_DEBUG_INFO_BTF_MODULES=y\n'
  })
  report = await review({ input: { dir: root }, options: defaultOptions(), jobs: 0 })
}, 120_000)

describe('paths in reports', () => {
  it('are relative to the build root, the unusable vmlinux BTF included', () => {
    const btf = findings(report).filter(f => f.code.startsWith('btf-vmlinux'))
    expect(btf.map(f => f.message)).toEqual([
      'module BTF not validated: the vmlinux BTF is unusable: vmlinux: not an ELF file (bad magic) (at offset 0x0)'
    ])
    expect(JSON.stringify({ ...report, build: { ...report.build, root: '' } })).not.toContain(dir)
  })
})
