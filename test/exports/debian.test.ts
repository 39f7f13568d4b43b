// Exports of two consecutive Debian 6.12 releases (headers + images + -dbg), extracted by
// scripts/kernels/fetch-debian.sh: the diff must equal a plain comparison of their
// Module.symvers files, and come out the same from the binaries alone.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exportsCheck } from '../../src/checks/exports.ts'
import { symbolListCheck } from '../../src/checks/symbol-list.ts'
import { buildExports } from '../../src/exports/build-exports.ts'
import { readKsymtab } from '../../src/exports/ksymtab.ts'
import { ElfFile } from '../../src/elf/elf.ts'
import { FileSource } from '../../src/bytes/source.ts'
import { Build } from '../../src/model/build.ts'
import { openBuild } from '../../src/model/open-build.ts'
import { defaultOptions } from '../../src/model/options.ts'
import { debianRelease, fixtureMissing, type DebianRelease } from '../support/kernels.ts'

const releases = { old: debianRelease('old'), new: debianRelease('new') }

function both(skip: (note?: string) => void): [DebianRelease, DebianRelease] | null {
  const { old: o, new: n } = releases
  if (!o || !n || !o.moduleSymvers || !n.moduleSymvers || !o.dbgVmlinux || !n.dbgVmlinux) {
    fixtureMissing('Debian 6.12 old/new with headers and -dbg (scripts/kernels/fetch-debian.sh)', skip)
    return null
  }
  return [o, n]
}

/** Module.symvers read independently of the code under test: name -> "crc module type namespace". */
function symversRows(path: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue
    const [crc, name, module, type, ns] = line.split('\t')
    out.set(name!, [crc!, module!, type!, ns ?? ''])
  }
  return out
}

/** The expected diff as sorted "symbol fields" strings. */
function expectedDiff(oldPath: string, newPath: string) {
  const a = symversRows(oldPath)
  const b = symversRows(newPath)
  const added = [...b.keys()].filter(k => !a.has(k)).sort()
  const removed = [...a.keys()].filter(k => !b.has(k)).sort()
  const changed: string[] = []
  for (const [k, x] of a) {
    const y = b.get(k)
    if (!y) continue
    const fields: string[] = []
    if (x[2] !== y[2]) fields.push('gplOnly')
    if (x[3] !== y[3]) fields.push('namespace')
    if (x[0] !== y[0]) fields.push('crc')
    if (x[1] !== y[1]) fields.push('module')
    if (fields.length) changed.push(`${k} ${fields.join(',')}`)
  }
  return { added, removed, changed: changed.sort() }
}

interface Section {
  added: Array<{ symbol: string }>
  removed: Array<{ symbol: string }>
  changed: Array<{ symbol: string; fields: string[] }>
}

function asStrings(s: Section) {
  return {
    added: s.added.map(e => e.symbol),
    removed: s.removed.map(e => e.symbol),
    changed: s.changed.map(c => `${c.symbol} ${c.fields.join(',')}`)
  }
}

const opened = new Map<DebianRelease, Build>()

/**
 * The release as an installed layout over its decompressed modules, optionally without
 * Module.symvers, and without the -dbg vmlinux (leaving the stripped boot image). Variants share
 * one analysis of the 4,230 modules.
 */
function open(r: DebianRelease, withSymvers: boolean, withVmlinux = true): Build {
  let full = opened.get(r)
  if (!full) opened.set(r, (full = openBuild({ dir: r.root, modulesDir: r.koRoot })))
  if (withSymvers && withVmlinux) return full
  const layout = { ...full.layout }
  if (!withSymvers) {
    delete layout.symvers
    delete layout.symversKind
  }
  if (!withVmlinux) delete layout.vmlinux
  const variant = new Build(layout, full.info, full.config)
  variant.memo('modules', () => full.modules())
  return variant
}

async function diffOf(oldBuild: Build, newBuild: Build): Promise<Section> {
  const options = defaultOptions()
  const base = await exportsCheck.snapshot!(oldBuild, options)
  const current = await exportsCheck.snapshot!(newBuild, options)
  const out = await exportsCheck.run({ build: newBuild, options, current, baseline: { info: oldBuild.info, label: 'old', data: base } })
  return (out.report as { exports: Section }).exports
}

describe('Debian 6.12 exports', () => {
  it('the -dbg vmlinux ksymtab decodes to exactly the vmlinux rows of Module.symvers', ({ skip }) => {
    const rs = both(skip)
    if (!rs) return
    for (const r of rs) {
      const elf = ElfFile.open(new FileSource(r.dbgVmlinux!))
      const got = readKsymtab(elf).map(e => `${e.symbol} ${e.gplOnly ? 'EXPORT_SYMBOL_GPL' : 'EXPORT_SYMBOL'} ${e.namespace} 0x${e.crc!.toString(16).padStart(8, '0')}`)
      elf.close()
      const want = [...symversRows(r.moduleSymvers!)].filter(([, f]) => f[1] === 'vmlinux').map(([n, f]) => `${n} ${f[2]} ${f[3]} ${f[0]}`)
      expect(got.length).toBeGreaterThan(11_000)
      expect(got.sort()).toEqual(want.sort())
    }
  })

  it('the export diff equals a field-by-field comparison of the two Module.symvers', async ({ skip }) => {
    const rs = both(skip)
    if (!rs) return
    const [o, n] = rs
    const want = expectedDiff(o.moduleSymvers!, n.moduleSymvers!)
    const got = asStrings(await diffOf(open(o, true), open(n, true)))
    expect(got).toEqual(want)
    // The comparison has substance: these releases differ in all three ways.
    expect(want.added.length).toBeGreaterThan(0)
    expect(want.removed.length).toBeGreaterThan(0)
    expect(want.changed.length).toBeGreaterThan(1000)
  })

  it('the same diff comes from the binaries alone (-dbg vmlinux and .ko ksymtabs)', async ({ skip }) => {
    const rs = both(skip)
    if (!rs) return
    const [o, n] = rs
    const oldBuild = open(o, false)
    const newBuild = open(n, false)
    const exp = await buildExports(newBuild)
    expect(exp.source).toBe('binaries')
    expect(exp.exports.length).toBe(symversRows(n.moduleSymvers!).size)
    expect(asStrings(await diffOf(oldBuild, newBuild))).toEqual(expectedDiff(o.moduleSymvers!, n.moduleSymvers!))
  })

  it('the same diff comes from the stripped boot images and the .ko ksymtabs', async ({ skip }) => {
    const rs = both(skip)
    if (!rs) return
    const [o, n] = rs
    const newBuild = open(n, false, false)
    const exp = await buildExports(newBuild)
    expect(exp.binary?.vmlinux).toMatch(/vmlinuz-6\.12\.117\+deb12-amd64 \(bzImage, zstd\)$/)
    expect(exp.exports.length).toBe(symversRows(n.moduleSymvers!).size)
    expect(asStrings(await diffOf(open(o, false, false), newBuild))).toEqual(expectedDiff(o.moduleSymvers!, n.moduleSymvers!))
  })

  it('Module.symvers agrees with the binaries and every module resolves: no finding', async ({ skip }) => {
    const rs = both(skip)
    if (!rs) return
    const build = open(rs[1], true)
    const options = defaultOptions()
    const exp = await buildExports(build)
    expect(exp.modules.length).toBe(rs[1].moduleCount)
    expect(exp.binary?.covered.size).toBe(rs[1].moduleCount + 1)
    expect(exp.exports.every(e => exp.binary!.covered.has(e.module))).toBe(true)
    expect(exp.mismatches).toEqual([])
    const lists = await symbolListCheck.run({ build, options, current: null, baseline: null })
    expect(lists.findings).toEqual([])
    expect(lists.summary).toMatch(/4,230 modules checked against 26,\d{3} exports \(Module.symvers\): all resolve/)
    const exports = await exportsCheck.run({ build, options, current: null, baseline: null })
    expect(exports.findings).toEqual([])
  })
})
