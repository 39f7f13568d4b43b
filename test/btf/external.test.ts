// The out-of-tree module of the fixture kernels (scripts/kernels/build.sh): built with M=, it
// carries a distilled base (.BTF.base) that must parse and relocate onto its vmlinux, survive the
// rebuilt head vmlinux, and be reported when a type it needs changed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseBtf, type Btf } from '../../src/btf/btf.ts'
import { KIND } from '../../src/btf/kinds.ts'
import { btfAnalyzer, type BtfModuleFact } from '../../src/btf/module-analyzer.ts'
import { readBtfSection } from '../../src/btf/vmlinux-btf.ts'
import { btfCheck } from '../../src/checks/btf.ts'
import { ElfFile } from '../../src/elf/elf.ts'
import type { ModuleSummary } from '../../src/load/analyzer.ts'
import { modinfoAnalyzer } from '../../src/load/modinfo-analyzer.ts'
import { openBuild } from '../../src/model/open-build.ts'
import { defaultOptions } from '../../src/model/options.ts'
import {
  debianRelease,
  fixtureMissing,
  kernelBuild,
  type KernelBuild,
  type KernelVersion
} from '../support/kernels.ts'

const tmp = mkdtempSync(join(tmpdir(), 'kbr-btf-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function analyze(ko: string, btfBase: string): { fact: BtfModuleFact; summary: ModuleSummary } {
  const store = new Map<string, unknown>()
  const memo = <V>(k: string, make: () => V): V => {
    if (!store.has(k)) store.set(k, make())
    return store.get(k) as V
  }
  const module = { name: 'kbr_ext', path: ko, relPath: 'kbr_ext.ko', compression: 'none' as const }
  const elf = ElfFile.fromBytes(readFileSync(ko), 'kbr_ext.ko')
  const fact = btfAnalyzer.analyze(elf, { module, options: { btfBase }, memo })
  const summary: ModuleSummary = {
    ...module,
    fileBytes: 0,
    elfBytes: 0,
    signatureBytes: 0,
    facts: { btf: fact, modinfo: modinfoAnalyzer.analyze(elf, { module, options: {}, memo }) },
    factErrors: {}
  }
  return { fact, summary }
}

/** The vmlinux BTF with `edit` applied to a copy, written as a raw BTF file. */
function editedVmlinux(
  vmlinux: string,
  name: string,
  edit: (btf: Btf, bytes: Uint8Array, wordAt: (id: number, k: number) => number) => Uint8Array
): string {
  const sec = readBtfSection(vmlinux)!
  const btf = parseBtf(sec.bytes, vmlinux)
  const bytes = Uint8Array.from(sec.bytes)
  const typeStart = btf.header.hdrLen + btf.header.typeOff
  const out = edit(btf, bytes, (id, k) => typeStart + (btf.recs[id - 1]! + k) * 4)
  const path = join(tmp, name)
  writeFileSync(path, out)
  return path
}

function distilledNames(ko: string): string[] {
  const elf = ElfFile.fromBytes(readFileSync(ko), ko)
  const dist = parseBtf(elf.data(elf.section('.BTF.base')!), '.BTF.base')
  const out: string[] = []
  for (let id = 1; id < dist.endId; id++)
    if (dist.kind(id) === KIND.STRUCT || dist.kind(id) === KIND.UNION) out.push(dist.name(id))
  return out
}

for (const ver of ['6.12', '7.2'] as KernelVersion[]) {
  describe(`the ${ver} out-of-tree module's .BTF.base`, () => {
    const k: KernelBuild | null = kernelBuild(ver)
    const ready = (skip: (note?: string) => void): KernelBuild | null => {
      if (!k || !k.features.btfBase) {
        fixtureMissing(
          `kernel ${ver} with an out-of-tree module carrying .BTF.base (scripts/kernels/build.sh ${ver})`,
          skip
        )
        return null
      }
      return k
    }

    it('parses and relocates onto its vmlinux, and the check is quiet', async ({ skip }) => {
      const kb = ready(skip)
      if (!kb) return
      const { fact, summary } = analyze(kb.base.ext.ko, kb.base.vmlinux)
      expect(fact.baseRefBytes).toBeGreaterThan(0)
      expect(fact.relocation).toMatchObject({ ok: true, unmatchedCount: 0, ambiguousCount: 0 })
      expect(fact.relocation!.distilledTypes).toBeGreaterThan(5)
      expect(fact).toMatchObject({ load: null, resolve: null })
      expect(fact.mismatch).toBeUndefined()
      const build = openBuild(
        { modulesDir: kb.base.ext.dir, btfBase: kb.base.vmlinux, config: kb.base.config },
        {}
      )
      build.memo('modules', async () => [summary])
      const outcome = await btfCheck.run({ build, options: defaultOptions(), current: null, baseline: null })
      expect(outcome.findings).toEqual([])
      expect(outcome.summary).toMatch(/^1 module: 1 with split BTF valid against .*, 1 with \.BTF\.base$/)
    })

    it('relocates onto the rebuilt head vmlinux too: what .BTF.base is for', ({ skip }) => {
      const kb = ready(skip)
      if (!kb) return
      const { fact } = analyze(kb.base.ext.ko, kb.head.vmlinux)
      expect(fact.relocation?.ok).toBe(true)
      expect(fact).toMatchObject({ load: null, resolve: null })
    })

    it('reports embedded types whose size changed in the vmlinux it is loaded into', ({ skip }) => {
      const kb = ready(skip)
      if (!kb) return
      const names = new Set(distilledNames(kb.base.ext.ko))
      const changed = editedVmlinux(kb.base.vmlinux, `grown-${ver}.btf`, (btf, bytes, wordAt) => {
        const dv = new DataView(bytes.buffer)
        for (let id = 1; id < btf.endId; id++) {
          const kind = btf.kind(id)
          if ((kind === KIND.STRUCT || kind === KIND.UNION) && names.has(btf.name(id))) {
            dv.setUint32(wordAt(id, 2), btf.third(id) + 8, true)
          }
        }
        return bytes
      })
      const { fact } = analyze(kb.base.ext.ko, changed)
      const r = fact.relocation!
      expect(r.ok).toBe(false)
      // Only the types the module embeds must keep their size; pointed-to ones still match.
      expect(r.unmatchedCount).toBeGreaterThan(0)
      expect(r.unmatched.every(t => t.embedded)).toBe(true)
      expect(r.unmatchedCount).toBeLessThan(names.size)
      const first = r.unmatched[0]!
      expect(fact.load).toMatchObject({
        step: 'relocation',
        errno: 22,
        text: `distilled base BTF type '${first.name}' [${first.id}] is not mapped to base BTF id`
      })
    })

    it('reports a needed type that vmlinux no longer has', ({ skip }) => {
      const kb = ready(skip)
      if (!kb) return
      const renamed = editedVmlinux(kb.base.vmlinux, `renamed-${ver}.btf`, (btf, bytes, wordAt) => {
        // Rename every ts_config (the module only points to it) to a string appended at the end.
        const extra = Buffer.from('kbr_renamed_ts_config\0', 'latin1')
        const out = new Uint8Array(bytes.length + extra.length)
        out.set(bytes)
        out.set(extra, bytes.length)
        const dv = new DataView(out.buffer)
        const off = btf.header.strLen
        dv.setUint32(20, btf.header.strLen + extra.length, true)
        for (const id of btf.idsNamed('ts_config')) dv.setUint32(wordAt(id, 0), off, true)
        return out
      })
      const { fact } = analyze(kb.base.ext.ko, renamed)
      expect(fact.relocation?.unmatched.map(t => `${t.kind} ${t.name} ${t.embedded}`)).toEqual([
        'STRUCT ts_config false'
      ])
      expect(fact.load?.text).toMatch(
        /^distilled base BTF type 'ts_config' \[\d+\] is not mapped to base BTF id$/
      )
    })
  })
}

describe('a 6.12 out-of-tree module against a vmlinux of another configuration', () => {
  // Seen with the fixture's small config: struct mutex is 24 bytes there, 32 in Debian's.
  it('reports the structs it embeds whose size differs there', ({ skip }) => {
    const k = kernelBuild('6.12')
    const deb = debianRelease('old')
    if (!k?.features.btfBase || !deb?.btfVmlinux) {
      fixtureMissing('kernel 6.12 with its out-of-tree module and Debian 6.12.115 headers', skip)
      return
    }
    const { fact } = analyze(k.base.ext.ko, deb.btfVmlinux)
    const unmatched = fact.relocation?.unmatched ?? []
    expect(unmatched.length).toBeGreaterThan(0)
    expect(unmatched.every(t => t.embedded && t.kind === 'STRUCT')).toBe(true)
    expect(fact.load?.step).toBe('relocation')
  })
})

describe('the 7.2 out-of-tree module against the 6.12 fixture vmlinux', () => {
  // Seen: struct mutex is 16 bytes in the 7.2 fixture and 24 in the 6.12 one, and embedded.
  it('reports the embedded structs whose size differs in that kernel', ({ skip }) => {
    const k72 = kernelBuild('7.2')
    const k612 = kernelBuild('6.12')
    if (!k72?.features.btfBase || !k612) {
      fixtureMissing('kernels 7.2 (with its out-of-tree module) and 6.12', skip)
      return
    }
    const { fact } = analyze(k72.base.ext.ko, k612.base.vmlinux)
    expect(fact.rules).toBe('7.2')
    const unmatched = fact.relocation?.unmatched ?? []
    expect(unmatched.length).toBeGreaterThan(0)
    expect(unmatched.every(t => t.embedded && t.kind === 'STRUCT')).toBe(true)
    expect(fact.load).toMatchObject({ step: 'relocation', errno: 22 })
  })
})
