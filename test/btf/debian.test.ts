// Module BTF of Debian's 6.12 releases (scripts/kernels/fetch-debian.sh): every module of
// 6.12.115 against the BTF-only vmlinux of its own linux-headers package, the same modules
// against 6.12.117's, and planted corruptions in a copy of a real module.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBtf } from '../../src/btf/btf.ts'
import { KIND } from '../../src/btf/kinds.ts'
import { btfAnalyzer, type BtfModuleFact } from '../../src/btf/module-analyzer.ts'
import { readBtfSection } from '../../src/btf/vmlinux-btf.ts'
import { btfCheck } from '../../src/checks/btf.ts'
import type { CheckOutcome } from '../../src/checks/check.ts'
import type { ModuleFile } from '../../src/discover/layout.ts'
import { ElfFile } from '../../src/elf/elf.ts'
import type { ModuleSummary } from '../../src/load/analyzer.ts'
import { modinfoAnalyzer } from '../../src/load/modinfo-analyzer.ts'
import { analyzeModules } from '../../src/load/pool.ts'
import type { Build } from '../../src/model/build.ts'
import { openBuild } from '../../src/model/open-build.ts'
import { defaultOptions } from '../../src/model/options.ts'
import { debianRelease, fixtureMissing, type DebianRelease } from '../support/kernels.ts'

const OLD = debianRelease('old')
const NEW = debianRelease('new')

function releases(skip: (note?: string) => void): [DebianRelease, DebianRelease] | null {
  if (!OLD?.btfVmlinux || !NEW?.btfVmlinux || !OLD.config) {
    fixtureMissing('Debian 6.12.115 and 6.12.117 with headers (scripts/kernels/fetch-debian.sh)', skip)
    return null
  }
  return [OLD, NEW]
}

/** The old release's decompressed modules checked against `btfBase`, analyzed by modinfo + btf only. */
async function review(r: DebianRelease, btfBase: string): Promise<{ build: Build; outcome: CheckOutcome }> {
  const build = openBuild({ modulesDir: r.koRoot, btfBase, config: r.config! }, {})
  build.memo('modules', () =>
    analyzeModules(build.layout.modules, { analyzers: ['modinfo', 'btf'], btfBase })
  )
  const options = defaultOptions()
  const current = await btfCheck.snapshot!(build, options)
  return { build, outcome: await btfCheck.run({ build, options, current, baseline: null }) }
}

function facts(mods: ModuleSummary[]): BtfModuleFact[] {
  return mods.map(m => m.facts.btf as BtfModuleFact)
}

describe('Debian 6.12 module BTF', () => {
  it('validates all 4,230 modules of 6.12.115 against its headers BTF vmlinux with no finding', async ({
    skip
  }) => {
    const pair = releases(skip)
    if (!pair) return
    const [old] = pair
    const { build, outcome } = await review(old, old.btfVmlinux!)
    const mods = await build.modules()
    expect(mods).toHaveLength(4230)
    expect(mods.filter(m => m.error || m.factErrors.btf)).toEqual([])
    expect(outcome.findings).toEqual([])
    expect(outcome.status ?? 'pass').toBe('pass')
    expect(outcome.summary).toMatch(
      /^4,230 modules: 4,230 with split BTF valid against .*linux-headers-6\.12\.115\+deb12-amd64\/vmlinux, 0 with \.BTF\.base$/
    )
    const f = facts(mods)
    expect(f.every(x => x.rules === '6.12' && x.btfBytes > 0 && x.baseRefBytes === 0)).toBe(true)
    // 72 MB of split BTF in all (KERNEL-NOTES: 4,230 modules, 72 MB together).
    expect(f.reduce((s, x) => s + x.btfBytes, 0)).toBe(72_723_894)
  })

  it("reports every module as built against another vmlinux when checked with 6.12.117's", async ({
    skip
  }) => {
    const pair = releases(skip)
    if (!pair) return
    const [old, next] = pair
    const { build, outcome } = await review(old, next.btfVmlinux!)
    const f = facts(await build.modules())
    // What these two releases show: every module's names and references are off, 3,870 modules
    // are refused by the kernel's load-time check, 360 pass it with garbage types.
    expect(f.filter(x => x.mismatch?.likely)).toHaveLength(4230)
    expect(f.filter(x => x.load)).toHaveLength(3870)
    expect(f.filter(x => !x.load && x.resolve)).toHaveLength(359)
    expect(f.filter(x => !x.load && !x.resolve)).toHaveLength(1)
    expect(outcome.findings.map(x => [x.severity, x.code])).toEqual([['error', 'btf-base-mismatch']])
    expect(outcome.findings[0]!.message).toMatch(
      /^4,230 modules: BTF generated against a different vmlinux \(all of them: the vmlinux BTF checked against is probably not the one these modules were built with\)\. First: /
    )
    expect(outcome.summary).toMatch(
      /^4,230 modules: 0 with split BTF valid against .*, 4,230 built against a different vmlinux, 0 with \.BTF\.base$/
    )
    // The first module passes the kernel's load-time checks: only the evidence catches it.
    expect(outcome.findings[0]!.message).toContain(
      'First: kernel/arch/x86/crypto/aegis128-aesni.ko: BTF generated against a different vmlinux than'
    )
    expect(outcome.findings[0]!.message).toMatch(
      /The kernel's checks pass, so BPF sees wrong types for aegis128_aesni\.$/
    )
    // Every module is listed, with what the kernel says where it refuses the BTF.
    const list = outcome.blocks?.[0]
    expect(
      list?.kind === 'details' && list.blocks[0]?.kind === 'list' ? list.blocks[0].items.length : 0
    ).toBe(4230)
    const items =
      list?.kind === 'details' && list.blocks[0]?.kind === 'list' ? list.blocks[0].items.map(String) : []
    expect(items.filter(i => i.includes('; kernel: '))).toHaveLength(3870)
  })
})

describe('Debian 6.12.117 modules against the previous release', () => {
  it("are all reported as built against another vmlinux when checked with 6.12.115's", async ({ skip }) => {
    const pair = releases(skip)
    if (!pair) return
    const [old, next] = pair
    const { build, outcome } = await review(next, old.btfVmlinux!)
    const f = facts(await build.modules())
    expect(f).toHaveLength(4230)
    expect(f.filter(x => x.mismatch?.likely)).toHaveLength(4230)
    expect(outcome.findings.map(x => x.code)).toEqual(['btf-base-mismatch'])
  })
})

/** A real module, its .BTF located, for planting corruptions in a copy. */
function realModule(r: DebianRelease, rel: string) {
  const path = join(r.koRoot, rel)
  const bytes = readFileSync(path)
  const elf = ElfFile.fromBytes(bytes, rel)
  const sec = elf.section('.BTF')!
  const le = elf.littleEndian
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const hdrLen = dv.getUint32(sec.offset + 4, le)
  const typeStart = sec.offset + hdrLen + dv.getUint32(sec.offset + 8, le)
  const vm = readBtfSection(r.btfVmlinux!)!
  const base = parseBtf(vm.bytes, 'vmlinux')
  const btf = parseBtf(elf.data(sec), rel, { base })
  /** File offset of word k of type `id`'s record. */
  const wordAt = (id: number, k: number) => typeStart + (btf.recs[id - btf.firstId]! + k) * 4
  const shdr = Number(dv.getBigUint64(0x28, true)) + sec.index * 64
  return { path, bytes, btf, base, wordAt, sizeFieldAt: shdr + 32, le }
}

async function analyzeCopy(
  r: DebianRelease,
  rel: string,
  bytes: Uint8Array
): Promise<{ fact: BtfModuleFact; outcome: CheckOutcome }> {
  const store = new Map<string, unknown>()
  const memo = <V>(k: string, make: () => V): V => {
    if (!store.has(k)) store.set(k, make())
    return store.get(k) as V
  }
  const module: ModuleFile = { name: 'fat', path: rel, relPath: rel, compression: 'none' }
  const elf = ElfFile.fromBytes(bytes, rel)
  const fact = btfAnalyzer.analyze(elf, { module, options: { btfBase: r.btfVmlinux! }, memo })
  const summary: ModuleSummary = {
    name: module.name,
    relPath: rel,
    compression: 'none',
    fileBytes: bytes.length,
    elfBytes: bytes.length,
    signatureBytes: 0,
    facts: { btf: fact, modinfo: modinfoAnalyzer.analyze(elf, { module, options: {}, memo }) },
    factErrors: {}
  }
  const build = openBuild(
    { modulesDir: join(r.koRoot, 'kernel/fs/fat'), btfBase: r.btfVmlinux!, config: r.config! },
    {}
  )
  build.memo('modules', async () => [summary])
  const options = defaultOptions()
  return { fact, outcome: await btfCheck.run({ build, options, current: null, baseline: null }) }
}

describe('planted corruptions in a copy of a real module (fat.ko of 6.12.115)', () => {
  const REL = 'kernel/fs/fat/fat.ko'

  it('a name offset past the strings: the kernel refuses it at that type', async ({ skip }) => {
    const pair = releases(skip)
    if (!pair) return
    const m = realModule(pair[0], REL)
    const copy = Uint8Array.from(m.bytes)
    const id = m.btf.firstId
    new DataView(copy.buffer).setUint32(m.wordAt(id, 0), 0xfffff0, m.le)
    const { fact, outcome } = await analyzeCopy(pair[0], REL, copy)
    expect(fact.load).toMatchObject({
      step: 'types',
      errno: 22,
      typeId: id,
      text: `[${id}] Invalid name_offset:16777200`
    })
    expect(fact.mismatch?.likely).toBe(false)
    expect(outcome.findings).toEqual([
      {
        severity: 'error',
        code: 'btf-module-rejected',
        module: 'fat',
        file: REL,
        message: `${REL}: the kernel's BTF check refuses it at "[${id}] Invalid name_offset:16777200"; the module loads without its BTF (CONFIG_MODULE_ALLOW_BTF_MISMATCH=y).`
      }
    ])
  })

  it('a typedef pointing past the last type: refused without a message', async ({ skip }) => {
    const pair = releases(skip)
    if (!pair) return
    const m = realModule(pair[0], REL)
    const id = firstOwn(m.btf, KIND.TYPEDEF)
    const copy = Uint8Array.from(m.bytes)
    new DataView(copy.buffer).setUint32(m.wordAt(id, 2), m.btf.endId + 100, m.le)
    const { fact, outcome } = await analyzeCopy(pair[0], REL, copy)
    expect(fact.load).toEqual({ step: 'modifier-chains', errno: 22, typeId: id, dmesg: [], text: '' })
    expect(outcome.findings.map(f => f.message)).toEqual([
      `${REL}: the kernel's BTF check refuses it at type [${id}]: a reference past the last type (the kernel prints no message); the module loads without its BTF (CONFIG_MODULE_ALLOW_BTF_MISMATCH=y).`
    ])
  })

  it('a pointer past the last type: loads, but full verification names it', async ({ skip }) => {
    const pair = releases(skip)
    if (!pair) return
    const m = realModule(pair[0], REL)
    const id = firstOwn(m.btf, KIND.PTR)
    const bad = m.btf.endId + 100
    const copy = Uint8Array.from(m.bytes)
    new DataView(copy.buffer).setUint32(m.wordAt(id, 2), bad, m.le)
    const { fact, outcome } = await analyzeCopy(pair[0], REL, copy)
    expect(fact.load).toBeNull()
    expect(fact.resolve).toMatchObject({
      step: 'resolve',
      typeId: id,
      text: `[${id}] PTR (anon) type_id=${bad} Invalid type_id`
    })
    expect(outcome.findings.map(f => [f.code, f.message])).toEqual([
      [
        'btf-module-inconsistent',
        `${REL}: the kernel takes this BTF at load, but its types do not resolve against ${pair[0].btfVmlinux}: full verification (as for BPF_BTF_LOAD) stops at "[${id}] PTR (anon) type_id=${bad} Invalid type_id".`
      ]
    ])
  })

  it('a truncated section: the header promises more than there is', async ({ skip }) => {
    const pair = releases(skip)
    if (!pair) return
    const m = realModule(pair[0], REL)
    const copy = Uint8Array.from(m.bytes)
    const dv = new DataView(copy.buffer)
    dv.setBigUint64(m.sizeFieldAt, dv.getBigUint64(m.sizeFieldAt, true) - 100n, true)
    const { fact, outcome } = await analyzeCopy(pair[0], REL, copy)
    expect(fact.load).toMatchObject({
      step: 'header',
      errno: 22,
      text: 'Total section length too long',
      dmesg: ['BPF: Total section length too long']
    })
    expect(outcome.findings.map(f => [f.code, f.message])).toEqual([
      [
        'btf-module-rejected',
        `${REL}: the kernel's BTF check refuses it at "Total section length too long"; the module loads without its BTF (CONFIG_MODULE_ALLOW_BTF_MISMATCH=y).`
      ]
    ])
  })
})

function firstOwn(btf: ReturnType<typeof parseBtf>, kind: number): number {
  for (let id = btf.firstId; id < btf.endId; id++) if (btf.kind(id) === kind) return id
  throw new Error(`no own type of kind ${kind}`)
}
