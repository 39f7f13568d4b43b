// The symbol-list and export checks on the real 6.12 and 7.2 fixture kernels (TRIM_UNUSED_KSYMS,
// MODVERSIONS, a whitelist, an out-of-tree module), built by scripts/kernels/build.sh. Each
// finding class is produced by planting its defect into a copy of a real list, Module.symvers
// or module; the untouched trees give no finding at all.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportsCheck } from '../../src/checks/exports.ts'
import { symbolListCheck } from '../../src/checks/symbol-list.ts'
import { buildExports } from '../../src/exports/build-exports.ts'
import { readVersions } from '../../src/exports/imports.ts'
import { ElfFile } from '../../src/elf/elf.ts'
import { Build } from '../../src/model/build.ts'
import type { Finding } from '../../src/model/finding.ts'
import { openBuild } from '../../src/model/open-build.ts'
import { defaultOptions, type ReviewOptions } from '../../src/model/options.ts'
import { fixtureMissing, kernelBuild, type KernelBuild, type KernelVersion } from '../support/kernels.ts'
import { tempDir } from '../support/tmp.ts'
import { moduleDir, patchSection, plantedBuild } from './plant.ts'

const tmp = tempDir('kbr-exports-')

async function findings(build: Build, options: Partial<ReviewOptions> = {}, baseline: Build | null = null): Promise<Finding[]> {
  const o = defaultOptions(options)
  const lists = await symbolListCheck.run({ build, options: o, current: null, baseline: null })
  const base = baseline ? { info: baseline.info, label: 'base', data: await exportsCheck.snapshot!(baseline, o) } : null
  const exports = await exportsCheck.run({ build, options: o, current: null, baseline: base })
  return [...lists.findings, ...exports.findings]
}

/** "severity code @line symbol [module]", sorted: what each test asserts. */
function brief(fs: Finding[]): string[] {
  return fs.map(f => `${f.severity} ${f.code}${f.line ? ` @${f.line}` : ''}${f.symbol ? ` ${f.symbol}` : ''}${f.module ? ` [${f.module}]` : ''}`).sort()
}

function symversRows(path: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue
    const [crc, name, module, type, ns] = line.split('\t')
    out.set(name!, [crc!, module!, type!, ns ?? ''])
  }
  return out
}

/** Module.symvers without the rows of `drop`. */
const without = (...drop: string[]) => (text: string) =>
  text
    .split('\n')
    .filter(l => !drop.includes(l.split('\t')[1] ?? ''))
    .join('\n')

/** A copy of a module with the CRC it records for `symbol` (basic or extended modversions) changed. */
function withVersionCrc(bytes: Buffer, symbol: string, crc: number): Buffer {
  const elf = ElfFile.fromBytes(bytes, 'm')
  const v = readVersions(elf)!
  const i = v.names.indexOf(symbol)
  if (i < 0) throw new Error(`no version entry for ${symbol}`)
  const out = Buffer.from(bytes)
  const sec = elf.section(v.extended ? '__version_ext_crcs' : '__versions')!
  if (v.extended) out.writeUInt32LE(crc, sec.offset + i * 4)
  else out.writeBigUInt64LE(BigInt(crc), sec.offset + i * 64)
  return out
}

const VERSIONS: KernelVersion[] = ['6.12', '7.2']

describe.each(VERSIONS)('%s fixture kernel', ver => {
  const k: KernelBuild | null = kernelBuild(ver)
  const need = (skip: (note?: string) => void): KernelBuild | null => {
    if (!k) fixtureMissing(`kernel ${ver} (scripts/kernels/build.sh ${ver})`, skip)
    return k
  }
  const ext = (kb: KernelBuild, tree: 'base' | 'head') => readFileSync(kb[tree].ext.ko)
  const extVersions = (kb: KernelBuild) => readVersions(ElfFile.fromBytes(ext(kb, 'base'), 'kbr_ext.ko'))!

  it('the untouched base and head trees, each with its out-of-tree module, give no finding', async ({ skip }) => {
    const kb = need(skip)
    if (!kb) return
    for (const tree of [kb.base, kb.head]) {
      const build = openBuild({ dir: tree.obj })
      expect(brief(await findings(build, { extraModules: [tree.ext.dir] }))).toEqual([])
      const exp = await buildExports(build)
      // The real whitelist was read, and Module.symvers agrees with vmlinux's ksymtab and the .ko tables.
      expect(exp.binary?.vmlinux).toBe('vmlinux')
      expect(exp.binary?.covered.size).toBe(tree.modules.length + 1)
      expect(exp.mismatches).toEqual([])
      expect(exp.exports.length).toBe(symversRows(tree.moduleSymvers).size)
    }
  })

  it('before modpost links the .ko, the .o of modules.order give the same imports, and no finding', async ({ skip }) => {
    const kb = need(skip)
    if (!kb) return
    const linked = openBuild({ dir: kb.base.obj })
    const unlinked = new Build({ ...linked.layout, modules: [] }, linked.info, linked.config)
    const byKo = new Map((await buildExports(linked)).modules.map(m => [m.owner, m.linkage?.imports]))
    const objects = (await buildExports(unlinked)).modules
    expect(objects.map(m => m.file)).toEqual(kb.base.modules.map(m => m.path.slice(kb.base.obj.length + 1).replace(/\.ko$/, '.o')))
    for (const m of objects) {
      expect(m.object).toBe(true)
      expect(m.linkage?.imports).toEqual(byKo.get(m.owner))
    }
    expect(brief(await findings(unlinked))).toEqual([])
  })

  it('6.5+ whitelist reading: CR, whitespace and inline comments lose symbols; headers, comments and duplicates are noted', async ({ skip }) => {
    const kb = need(skip)
    if (!kb) return
    const list = [
      '[abi_symbol_list]',
      '# kept for kbr_ext.ko',
      'textsearch_prepare\r',
      '  textsearch_destroy',
      'crc32_be\t',
      'crc32_le # for the namespace test',
      'ktime_get',
      'ktime_get',
      'textsearch_find_continuous',
      ''
    ].join('\n')
    const build = plantedBuild(kb.base.obj, tmp, { whitelist: list })
    const fs = await findings(build)
    expect(brief(fs)).toEqual([
      'error symbol-list-comment @6',
      'error symbol-list-cr-line-ending @3',
      'error symbol-list-whitespace @4',
      'error symbol-list-whitespace @5',
      'notice symbol-list-comment @2',
      'notice symbol-list-duplicate @8',
      'notice symbol-list-header @1'
    ])
    expect(fs.every(f => f.file === kb.base.configWhitelistSetting)).toBe(true)
    expect(fs.find(f => f.line === 3)!.message).toMatch(/"textsearch_prepare" is silently not kept/)
  })

  it('an entry nothing exports gets the nearest names; a name that can never be an export is flagged', async ({ skip }) => {
    const kb = need(skip)
    if (!kb) return
    const real = readFileSync(kb.base.whitelist, 'utf8')
    const build = plantedBuild(kb.base.obj, tmp, { whitelist: `${real}textsearch_prepar\n__this_module\n` })
    const n = real.split('\n').length
    const fs = await findings(build)
    expect(brief(fs)).toEqual([`warning symbol-list-never-export @${n + 1} __this_module`, `warning symbol-list-unknown-symbol @${n} textsearch_prepar`])
    expect(fs.find(f => f.symbol === 'textsearch_prepar')!.message).toMatch(/did you mean textsearch_prepare\b/)
  })

  it('imports the final build does not export: in-tree (modpost "undefined!") and out-of-tree (depmod); Module.symvers then disagrees with the binaries', async ({ skip }) => {
    const kb = need(skip)
    if (!kb) return
    const build = plantedBuild(kb.base.obj, tmp, { symvers: without('textsearch_register', 'ktime_get') })
    const fs = await findings(build, { extraModules: [kb.base.ext.dir] })
    const users = (await buildExports(build)).modules.filter(m => m.linkage?.imports.includes('textsearch_register')).map(m => m.name)
    expect(users).toContain('ts_kmp')
    const lines = readFileSync(kb.base.whitelist, 'utf8').split('\n')
    expect(brief(fs)).toEqual(
      [
        'error import-unresolved ktime_get [kbr_ext]',
        ...users.map(u => `error import-unresolved textsearch_register [${u}]`),
        `warning symbol-list-unknown-symbol @${lines.indexOf('ktime_get') + 1} ktime_get`,
        'warning export-symvers-mismatch'
      ].sort()
    )
    expect(fs.find(f => f.module === 'ts_kmp')!.message).toContain('modpost: "textsearch_register" [lib/ts_kmp.ko] undefined!')
    expect(fs.find(f => f.code === 'export-symvers-mismatch')!.message).toMatch(/^2 exports are exported by the binaries but missing from Module.symvers \(ktime_get, textsearch_register\)/)
  })

  it('strict mode: the lists and the exports must match one to one, both directions', async ({ skip }) => {
    const kb = need(skip)
    if (!kb) return
    const build = openBuild({ dir: kb.base.obj })
    const all = [...symversRows(kb.base.moduleSymvers).keys()]
    const exact = join(tmp, `exact-${ver}.txt`)
    writeFileSync(exact, all.join('\n') + '\n')
    expect(brief(await findings(build, { strictSymbolList: true, symbolLists: [exact] }))).toEqual([])
    const whitelisted = new Set(readFileSync(kb.base.whitelist, 'utf8').split('\n'))
    const dropped = all.find(s => !whitelisted.has(s))!
    const planted = join(tmp, `strict-${ver}.txt`)
    writeFileSync(planted, [...all.filter(s => s !== dropped), 'kbr_no_such_export'].join('\n') + '\n')
    const fs = await findings(build, { strictSymbolList: true, symbolLists: [planted] })
    const module = symversRows(kb.base.moduleSymvers).get(dropped)![1]
    expect(brief(fs)).toEqual([`error symbol-list-strict-unlisted ${dropped} [${module}]`, `error symbol-list-unknown-symbol @${all.length} kbr_no_such_export`])
  })

  it('a supplied module that is not GPL-compatible, or was built against other CRCs, or lacks a version entry', async ({ skip }) => {
    const kb = need(skip)
    if (!kb) return
    const build = openBuild({ dir: kb.base.obj })
    const gplOnly = [...symversRows(kb.base.moduleSymvers)].filter(([, f]) => f[2] === 'EXPORT_SYMBOL_GPL').map(([n]) => n)
    expect(gplOnly).toContain('ktime_get')
    const bsd = moduleDir(tmp, 'kbr_ext.ko', patchSection(ext(kb, 'base'), '.modinfo', 'license=GPL\0', 'license=BSD\0'))
    const gplFs = await findings(build, { extraModules: [bsd] })
    expect(brief(gplFs)).toEqual(['error import-gpl-only ktime_get [kbr_ext]'])
    expect(gplFs[0]!.message).toMatch(/\(license "BSD"\) is not GPL-compatible but uses GPL-only ktime_get from vmlinux/)

    const crc = Number.parseInt(symversRows(kb.base.moduleSymvers).get('ktime_get')![0]!, 16)
    const stale = moduleDir(tmp, 'kbr_ext.ko', withVersionCrc(ext(kb, 'base'), 'ktime_get', (crc ^ 0x5a5a) >>> 0))
    const crcFs = await findings(build, { extraModules: [stale] })
    expect(brief(crcFs)).toEqual(['error import-crc-mismatch ktime_get [kbr_ext]'])
    expect(crcFs[0]!.message).toContain('disagrees about version of symbol ktime_get')

    const section = extVersions(kb).extended ? '__version_ext_names' : '__versions'
    const unversioned = moduleDir(tmp, 'kbr_ext.ko', patchSection(ext(kb, 'base'), section, 'ktime_get\0', 'ktime_gex\0'))
    // Extended modversions: the loader only warns about a missing entry.
    expect(brief(await findings(build, { extraModules: [unversioned] }))).toEqual(extVersions(kb).extended ? [] : ['error import-version-missing ktime_get [kbr_ext]'])
  })

  it('a supplied module using a namespaced export without importing the namespace', async ({ skip }) => {
    const kb = need(skip)
    if (!kb) return
    // head moved crc32_le into KBR_CRC32; make the module call crc32_le instead of crc32_be.
    const build = openBuild({ dir: kb.head.obj })
    expect(symversRows(kb.head.moduleSymvers).get('crc32_le')![3]).toBe('KBR_CRC32')
    const vsec = extVersions(kb).extended ? '__version_ext_names' : '__versions'
    const crcLe = Number.parseInt(symversRows(kb.head.moduleSymvers).get('crc32_le')![0]!, 16)
    let bytes = patchSection(ext(kb, 'head'), '.strtab', '\0crc32_be\0', '\0crc32_le\0')
    bytes = patchSection(bytes, vsec, 'crc32_be\0', 'crc32_le\0')
    bytes = withVersionCrc(bytes, 'crc32_le', crcLe)
    const fs = await findings(build, { extraModules: [moduleDir(tmp, 'kbr_ext.ko', bytes)] })
    expect(brief(fs)).toEqual(['error import-namespace-missing crc32_le [kbr_ext]'])
    expect(fs[0]!.message).toContain('MODULE_IMPORT_NS(KBR_CRC32)')
  })

  it('≤6.4 reading: comment and header words become entries, a tab or CR loses the symbol; the TRIM_UNUSED_KSYMS race', async ({ skip }) => {
    const kb = need(skip)
    if (!kb) return
    const list = ['# keep for kbr_ext.ko', '[abi_symbol_list]', '\ttextsearch_prepare', 'crc32_be\r', '  textsearch_destroy', 'ktime_get crc32_le', '__this_module', ''].join('\n')
    // autoksyms.h keeps textsearch_register (modules need it), but the vmlinux whose exports
    // Module.symvers lists was not relinked after it changed.
    const kept = ['crc32_be', 'crc32_le', 'ktime_get', 'textsearch_destroy', 'textsearch_prepare', 'textsearch_register']
    const autoksyms = `/*\n * Automatically generated file; DO NOT EDIT.\n */\n\n${kept.map(s => `#define __KSYM_${s} 1`).join('\n')}\n`
    const build = plantedBuild(kb.base.obj, tmp, { whitelist: list, autoksyms, symvers: without('textsearch_register'), version: { major: 6, minor: 4, patch: 0 } })
    const fs = (await findings(build)).filter(f => f.code !== 'export-symvers-mismatch')
    const users = (await buildExports(build)).modules.filter(m => m.linkage?.imports.includes('textsearch_register')).map(m => m.name)
    expect(brief(fs)).toEqual(
      [
        'error symbol-list-cr-line-ending @4',
        'error symbol-list-whitespace @3',
        'warning symbol-list-comment @1',
        'warning symbol-list-header @2',
        'warning symbol-list-never-export @7 __this_module',
        ...users.map(u => `error import-trim-race textsearch_register [${u}]`)
      ].sort()
    )
    expect(fs.find(f => f.line === 1)!.message).toContain('"#", "keep", "for", "kbr_ext.ko"')
    expect(fs.find(f => f.line === 7)!.message).toContain('relinks vmlinux needlessly')
  })

  it('against a baseline, the exports of a module that cannot be read are unknown, not removed', async ({ skip }) => {
    const kb = need(skip)
    if (!kb) return
    const base = openBuild({ dir: kb.base.obj })
    const crc32 = base.layout.modules.find(m => m.name === 'crc32')!
    const broken = join(tmp, `crc32-${ver}.ko`)
    writeFileSync(broken, readFileSync(crc32.path).subarray(0, 100))
    const layout = { ...base.layout, modules: base.layout.modules.map(m => (m === crc32 ? { ...m, path: broken } : m)) }
    delete layout.symvers
    const head = new Build(layout, base.info, base.config)
    const o = defaultOptions()
    const out = await exportsCheck.run({ build: head, options: o, current: null, baseline: { info: base.info, label: 'base', data: await exportsCheck.snapshot!(base, o) } })
    expect(brief(out.findings)).toEqual([])
    const owner = crc32.relPath.replace(/\.ko$/, '')
    const lost = [...symversRows(kb.base.moduleSymvers).values()].filter(f => f[1] === owner).length
    expect(lost).toBeGreaterThan(0)
    expect(out.blocks).toContainEqual({ kind: 'paragraph', text: `${lost} exports of the baseline belong to modules that could not be read here; they are not counted as removed` })
  })

  it('the export diff of head against base: planted removal, GPL-only and namespace changes; errors where a list or a supplied module needs them', async ({ skip }) => {
    const kb = need(skip)
    if (!kb) return
    const base = openBuild({ dir: kb.base.obj })
    const head = openBuild({ dir: kb.head.obj })
    // 6.12 has lib/crc32.ko, 7.x lib/crc/crc32.ko.
    const crcModule = symversRows(kb.head.moduleSymvers).get('crc32_le')![1]
    const planted = [
      `warning export-namespace-changed crc32_le [${crcModule}]`,
      `warning export-now-gpl-only crc32_be [${crcModule}]`,
      'warning export-removed textsearch_find_continuous [vmlinux]'
    ]
    // First without any list: the head tree with an empty whitelist.
    const unlisted = plantedBuild(kb.head.obj, tmp, { whitelist: '' })
    const exportFindings = async (build: Build, options: Partial<ReviewOptions>) => (await findings(build, options, base)).filter(f => f.code.startsWith('export-'))
    const planted3 = (fs: Finding[]) => brief(fs).filter(f => / (crc32_le|crc32_be|textsearch_find_continuous) /.test(f))
    expect(planted3(await exportFindings(unlisted, {}))).toEqual(planted)
    // The base whitelist, given as a symbol list, still lists all three.
    expect(planted3(await exportFindings(unlisted, { symbolLists: [kb.base.whitelistSource] }))).toEqual(planted.map(p => p.replace('warning', 'error')))
    // The out-of-tree module imports crc32_be, but it is GPL: that alone breaks nothing.
    expect(planted3(await exportFindings(unlisted, { extraModules: [kb.base.ext.dir] }))).toEqual(planted)
    // The head's own whitelist keeps crc32_be and crc32_le, so their changes break what it promises.
    const own = await exportFindings(head, {})
    expect(planted3(own)).toEqual([planted[0]!.replace('warning', 'error'), planted[1]!.replace('warning', 'error'), planted[2]])
    const line = readFileSync(kb.head.whitelist, 'utf8').split('\n').indexOf('crc32_be') + 1
    expect(own.find(f => f.symbol === 'crc32_be')!.message).toContain(`listed in ${kb.head.configWhitelistSetting}:${line}`)

    // The JSON section equals a plain comparison of the two Module.symvers files.
    const o = defaultOptions()
    const out = await exportsCheck.run({ build: head, options: o, current: null, baseline: { info: base.info, label: 'base', data: await exportsCheck.snapshot!(base, o) } })
    const section = (out.report as { exports: { added: Array<{ symbol: string }>; removed: Array<{ symbol: string }>; changed: Array<{ symbol: string; fields: string[] }> } }).exports
    const a = symversRows(kb.base.moduleSymvers)
    const b = symversRows(kb.head.moduleSymvers)
    expect(section.added.map(e => e.symbol)).toEqual([...b.keys()].filter(s => !a.has(s)).sort())
    expect(section.removed.map(e => e.symbol)).toEqual([...a.keys()].filter(s => !b.has(s)).sort())
    expect(section.added.map(e => e.symbol)).toContain('kallsyms_lookup_name')
    expect(section.changed.find(c => c.symbol === 'crc32_be')?.fields).toContain('gplOnly')
    expect(section.changed.find(c => c.symbol === 'crc32_le')?.fields).toContain('namespace')
  })
})
