// The BTF check over module facts: the .BTF.base policy, the baseline diff, aggregation.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KIND } from '../../src/btf/kinds.ts'
import type { BtfModuleFact } from '../../src/btf/module-analyzer.ts'
import { btfCheck, type BtfSnapshot } from '../../src/checks/btf.ts'
import type { BuildLayout, ModuleFile } from '../../src/discover/layout.ts'
import type { ModuleSummary } from '../../src/load/analyzer.ts'
import type { ModInfo } from '../../src/load/modinfo-analyzer.ts'
import { Build } from '../../src/model/build.ts'
import type { BuildInfo } from '../../src/model/build-info.ts'
import { defaultOptions, type ReviewOptions } from '../../src/model/options.ts'
import { BtfBuilder } from './builder.ts'

interface Mod {
  name: string
  btf?: number
  baseRef?: number
  intree?: boolean
  fact?: Partial<BtfModuleFact>
}

function summary(m: Mod): ModuleSummary {
  const fact: BtfModuleFact = {
    btfBytes: m.btf ?? 1000,
    baseRefBytes: m.baseRef ?? 0,
    rules: '6.12',
    load: null,
    resolve: null,
    ...m.fact
  }
  const modinfo: ModInfo = { licenses: [], intree: m.intree ?? true, importNs: [], depends: [] }
  return {
    name: m.name,
    relPath: `kernel/${m.name}.ko`,
    compression: 'none',
    fileBytes: 0,
    elfBytes: 0,
    signatureBytes: 0,
    facts: { btf: fact, modinfo },
    factErrors: {}
  }
}

function build(
  mods: Mod[],
  version = { major: 6, minor: 12, patch: 0 },
  config: Record<string, string> = { DEBUG_INFO_BTF_MODULES: 'y' },
  btfBase = '/b/vmlinux'
): Build {
  const modules: ModuleFile[] = mods.map(m => ({
    name: m.name,
    path: `/b/${m.name}.ko`,
    relPath: `kernel/${m.name}.ko`,
    compression: 'none'
  }))
  const layout: BuildLayout = {
    root: '/b',
    kind: 'explicit',
    btfBase,
    modules,
    passes: [],
    missing: [],
    notes: []
  }
  const info: BuildInfo = {
    release: `${version.major}.${version.minor}.0`,
    version,
    arch: 'x86_64',
    layout: 'explicit',
    config
  }
  const b = new Build(layout, info, null)
  b.memo('modules', async () => mods.map(summary))
  return b
}

async function run(b: Build, options: Partial<ReviewOptions> = {}, baseline?: BtfSnapshot) {
  const opts = defaultOptions(options)
  const current = await btfCheck.snapshot!(b, opts)
  return btfCheck.run({
    build: b,
    options: opts,
    current,
    baseline: baseline ? { info: b.info, label: 'base', data: baseline } : null
  })
}

describe('the .BTF.base policy', () => {
  const mods: Mod[] = [
    { name: 'intree' },
    { name: 'vendor', intree: false },
    { name: 'vendor_ok', intree: false, baseRef: 300 }
  ]

  it('requires it of out-of-tree modules by default', async () => {
    const out = await run(build(mods))
    expect(out.findings).toEqual([
      {
        severity: 'error',
        code: 'btf-base-ref-missing',
        module: 'vendor',
        file: 'kernel/vendor.ko',
        message:
          'kernel/vendor.ko has split BTF but no .BTF.base (built out of tree (no intree=Y in .modinfo)): its BTF only fits this exact vmlinux and is lost or refused after any kernel rebuild'
      }
    ])
    expect(out.summary).toBe(
      '3 modules: 3 with split BTF valid against vmlinux BTF, 1 missing .BTF.base, 1 with .BTF.base'
    )
  })

  it('requires it of every module with "required", of none with "off"', async () => {
    expect((await run(build(mods), { btfBaseRef: 'required' })).findings.map(f => f.module)).toEqual([
      'intree',
      'vendor'
    ])
    expect((await run(build(mods), { btfBaseRef: 'off' })).findings).toEqual([])
  })

  it('says once that kernels before 6.11 have no .BTF.base', async () => {
    const out = await run(build(mods, { major: 6, minor: 6, patch: 0 }))
    expect(out.findings).toEqual([
      {
        severity: 'notice',
        code: 'btf-base-ref-unsupported',
        message:
          '1 module without .BTF.base, which btf-base-ref=required-for-external asks for, but .BTF.base needs Linux 6.11 or later and this build is 6.6'
      }
    ])
  })
})

describe('against a baseline', () => {
  it('reports modules that lost BTF or .BTF.base, and BTF size changes', async () => {
    const mods: Mod[] = [
      { name: 'a', btf: 0 },
      { name: 'b', intree: false, baseRef: 0 },
      { name: 'c', btf: 1200 },
      { name: 'd' },
      { name: 'new', btf: 400 }
    ]
    const baseline: BtfSnapshot = {
      modules: { a: [800, 0], b: [1000, 200], c: [1000, 0], d: [1000, 0], gone: [400, 0] }
    }
    const out = await run(build(mods), { btfBaseRef: 'off' }, baseline)
    expect(out.findings.map(f => [f.severity, f.code, f.module])).toEqual([
      ['warning', 'btf-module-without-btf', 'a'],
      ['warning', 'btf-module-lost-btf', 'a'],
      ['warning', 'btf-module-lost-base-ref', 'b']
    ])
    const table = out.blocks?.find(
      b => b.kind === 'details' && String(b.summary).startsWith('Module BTF against')
    )
    expect(table).toMatchObject({
      summary:
        'Module BTF against base: 4,200 -> 3,600 bytes (-600, -14.29%), 4 modules changed, added or removed'
    })
    expect(table?.kind === 'details' && table.blocks[0]).toMatchObject({
      rows: [
        [{ code: 'a' }, '800', '0', '-800'],
        [{ code: 'gone' }, '400', '-', '-400'],
        [{ code: 'new' }, '-', '400', '+400'],
        [{ code: 'c' }, '1,000', '1,200', '+200']
      ]
    })
  })
})

describe('many modules with the same problem', () => {
  it('become one finding with the list in a details block', async () => {
    const bad = (i: number): Mod => ({
      name: `m${i}`,
      fact: {
        load: {
          step: 'types',
          errno: 22,
          typeId: 5,
          dmesg: ['BPF: [5] Invalid name_offset:99'],
          text: '[5] Invalid name_offset:99'
        }
      }
    })
    const out = await run(
      build([...Array(12).keys()].map(bad), undefined, {
        DEBUG_INFO_BTF_MODULES: 'y',
        MODULE_ALLOW_BTF_MISMATCH: 'n'
      })
    )
    expect(out.findings).toHaveLength(1)
    expect(out.findings[0]!.message).toBe(
      `12 modules: BTF refused by the kernel's load-time check. First: kernel/m0.ko: the kernel's BTF check refuses it at "[5] Invalid name_offset:99"; the module fails to load with "failed to validate module [m0] BTF: -22".`
    )
    const details = out.blocks?.[0]
    expect(details?.kind === 'details' && details.blocks).toEqual([
      {
        kind: 'list',
        items: [...Array(12).keys()].map(i => `kernel/m${i}.ko: "[5] Invalid name_offset:99"`)
      },
      { kind: 'code', text: 'BPF: [5] Invalid name_offset:99\nfailed to validate module [m0] BTF: -22' }
    ])
  })

  it('says when the kernel would refuse the vmlinux BTF itself', async () => {
    const b = new BtfBuilder()
    b.record('int', KIND.INT, 1, 4, [32]) // vlen on an INT
    const dir = mkdtempSync(join(tmpdir(), 'kbr-btf-'))
    try {
      writeFileSync(join(dir, 'vmlinux.btf'), b.build())
      const out = await run(build([{ name: 'a' }], undefined, undefined, join(dir, 'vmlinux.btf')))
      expect(out.findings[0]).toMatchObject({
        severity: 'error',
        code: 'btf-vmlinux-invalid',
        message: `${join(dir, 'vmlinux.btf')}: the kernel refuses this vmlinux BTF at boot: "[1] INT int size=4 bits_offset=0 nr_bits=32 encoding=(none) vlen != 0", so no module gets BTF either`
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('is quiet, one line, when all is well', async () => {
    const out = await run(build([{ name: 'a' }, { name: 'b' }]))
    expect(out).toMatchObject({
      findings: [],
      blocks: [],
      summary: '2 modules: 2 with split BTF valid against vmlinux BTF, 0 with .BTF.base'
    })
  })
})
