import { describe, expect, it } from 'vitest'
import { diffExports, fromExportSnapshot, toExportSnapshot } from '../../src/exports/diff.ts'
import { removeDot } from '../../src/exports/imports.ts'
import { packLinkage, recordedCrc, unpackLinkage } from '../../src/exports/module-analyzer.ts'
import { tableOf, type ExportedSymbol } from '../../src/exports/model.ts'
import type { LinkedModule } from '../../src/exports/module-set.ts'
import { boundedDistance, nearestNames, neverExportReason } from '../../src/exports/names.ts'
import { gplCompatible, moduleNamespaceAllows, resolveImports } from '../../src/exports/resolve.ts'
import { parseSymvers } from '../../src/exports/symvers.ts'
import { parseAutoksyms } from '../../src/exports/whitelist.ts'

describe('Module.symvers', () => {
  it('reads the five fields, 7.x module: namespaces included', () => {
    const rows = parseSymvers('0x1a2b3c4d\tkmalloc\tvmlinux\tEXPORT_SYMBOL\t\n0x00000000\tfoo\tdrivers/x/y\tEXPORT_SYMBOL_GPL\tmodule:kvm,kvm-*\n', 'M')
    expect(rows).toEqual([
      { symbol: 'kmalloc', module: 'vmlinux', gplOnly: false, namespace: '', crc: 0x1a2b3c4d, line: 1 },
      { symbol: 'foo', module: 'drivers/x/y', gplOnly: true, namespace: 'module:kvm,kvm-*', crc: 0, line: 2 }
    ])
  })

  it('stops where modpost stops, naming the line', () => {
    expect(() => parseSymvers('0x1\tkmalloc\tvmlinux\n', 'M')).toThrow(/M: line 1: expected 5 tab-separated fields/)
    expect(() => parseSymvers('0x1\tk\tvmlinux\tEXPORT_SYMBOL\t\n\n', 'M')).toThrow(/line 2/)
    expect(() => parseSymvers('zz\tk\tvmlinux\tEXPORT_SYMBOL\t\n', 'M')).toThrow(/CRC "zz"/)
    expect(() => parseSymvers('0x1\tk\tvmlinux\tEXPORT_SYMBOL_FOO\t\n', 'M')).toThrow(/unknown export type/)
  })
})

describe('names', () => {
  it('knows names that can never be exports', () => {
    expect(neverExportReason('__this_module')).toMatch(/struct module/)
    expect(neverExportReason('__ksymtab_kmalloc')).toMatch(/drop the __ksymtab_ prefix/)
    expect(neverExportReason('foo()')).toMatch(/not a C identifier/)
    expect(neverExportReason('kmalloc')).toBeNull()
    expect(neverExportReason('module_layout')).toBeNull()
  })

  it('suggests near names, not everything', () => {
    const names = ['kmalloc', 'kfree', 'kmemdup', 'kzalloc', 'vmalloc']
    expect(nearestNames('kmaloc', names)).toEqual(['kmalloc'])
    expect(nearestNames('KMALLOC', names)).toEqual(['kmalloc'])
    expect(nearestNames('kmlaloc', names)).toEqual(['kmalloc'])
    expect(nearestNames('xyz', names)).toEqual([])
    // 6.10 renamed the allocator exports: the old name is still a part of the new one.
    expect(nearestNames('kmalloc', ['devm_kmalloc', '__kmalloc_noprof', 'kmalloc_caches', 'kfree'])).toEqual(['kmalloc_caches', '__kmalloc_noprof', 'devm_kmalloc'])
    expect(boundedDistance('kitten', 'sitting', 3)).toBe(3)
    expect(boundedDistance('kitten', 'sitting', 1)).toBe(2)
  })

  it("strips modpost's numeric clone suffixes only", () => {
    expect(removeDot('foo.123')).toBe('foo')
    expect(removeDot('foo.123.cold')).toBe('foo')
    expect(removeDot('foo.cold')).toBe('foo.cold')
    expect(removeDot('.TOC.')).toBe('.TOC.')
  })

  it('reads autoksyms.h', () => {
    expect([...parseAutoksyms('/*\n */\n#define __KSYM_kmalloc 1\n#define __KSYM_module_layout 1\n')]).toEqual(['kmalloc', 'module_layout'])
  })
})

const exp = (symbol: string, module = 'vmlinux', gplOnly = false, namespace = '', crc: number | null = 1): ExportedSymbol => ({ symbol, module, gplOnly, namespace, crc })

function mod(name: string, o: { imports?: string[]; weak?: string[]; license?: string[]; ns?: string[]; versions?: Array<[string, number]> | null }): LinkedModule {
  // By default the module was built against the exports it uses (CRC 1, mod_ns 7).
  const versions = o.versions === undefined ? (o.imports ?? []).map((s): [string, number] => [s, s === 'mod_ns' ? 7 : 1]) : o.versions
  return {
    name,
    baseName: name,
    owner: `drivers/${name}`,
    file: `${name}.ko`,
    object: false,
    linkage: unpackLinkage(
      packLinkage(o.imports ?? [], o.weak ?? [], versions ? { names: versions.map(v => v[0]), crcs: versions.map(v => v[1]), extended: false } : null, [])
    ),
    modinfo: {
      license: o.license?.[0] ?? 'GPL',
      licenses: o.license ?? ['GPL'],
      intree: true,
      importNs: o.ns ?? [],
      depends: []
    }
  }
}

describe('resolveImports', () => {
  const table = tableOf([exp('kmalloc'), exp('gpl_fn', 'vmlinux', true), exp('ns_fn', 'drivers/a', false, 'NS_A'), exp('mod_ns', 'drivers/b', false, 'module:kbr_*', 7)])
  const kinds = (m: LinkedModule) => resolveImports([m], table).map(p => `${p.kind}:${'symbol' in p ? p.symbol : p.symbols}`)

  it('finds nothing wrong with a well-formed module', () => {
    expect(kinds(mod('ok', { imports: ['kmalloc', 'gpl_fn', 'ns_fn'], ns: ['NS_A'], versions: [['kmalloc', 1], ['gpl_fn', 1], ['ns_fn', 1]] }))).toEqual([])
  })

  it('reports unresolved (not weak), GPL-only, namespace, CRC and missing versions', () => {
    expect(kinds(mod('m', { imports: ['nothere'], weak: ['weak_nothere'] }))).toEqual(['unresolved:nothere'])
    expect(kinds(mod('m', { imports: ['gpl_fn'], license: ['Proprietary'] }))).toEqual(['gpl-only:gpl_fn'])
    expect(kinds(mod('m', { imports: ['gpl_fn'], license: ['GPL', 'Proprietary'] }))).toEqual(['gpl-only:gpl_fn'])
    expect(kinds(mod('m', { imports: ['ns_fn'] }))).toEqual(['namespace:ns_fn'])
    expect(kinds(mod('m', { imports: ['kmalloc'], versions: [['kmalloc', 2]] }))).toEqual(['crc:kmalloc'])
    expect(kinds(mod('m', { imports: ['kmalloc', 'gpl_fn'], versions: [['kmalloc', 1]] }))).toEqual(['no-version:gpl_fn'])
    expect(kinds(mod('m', { imports: ['kmalloc'], versions: null }))).toEqual(['unversioned:1'])
  })

  it('lets module: namespaces through to the modules they name', () => {
    expect(kinds(mod('kbr_ext', { imports: ['mod_ns'] }))).toEqual([])
    expect(kinds(mod('other', { imports: ['mod_ns'] }))).toEqual(['namespace:mod_ns'])
    expect(moduleNamespaceAllows('module:kvm,kvm-intel', 'kvm_intel')).toBe(true)
    expect(moduleNamespaceAllows('module:kvm', 'kvm_amd')).toBe(false)
    expect(gplCompatible([])).toBe(false)
    expect(gplCompatible(['Dual MIT/GPL'])).toBe(true)
  })
})

describe('diffExports', () => {
  it('reports added, removed and each changed attribute, CRCs only when both builds have one', () => {
    const base = [exp('a'), exp('b'), exp('c', 'vmlinux', false, '', 5), exp('d', 'drivers/x'), exp('e', 'vmlinux', false, '', null)]
    const head = [exp('b', 'vmlinux', true, 'NS'), exp('c', 'vmlinux', false, '', 6), exp('d', 'drivers/y'), exp('e', 'vmlinux', false, '', 9), exp('f')]
    const d = diffExports(base, head)
    expect(d.added.map(e => e.symbol)).toEqual(['f'])
    expect(d.removed.map(e => e.symbol)).toEqual(['a'])
    expect(d.changed.map(c => `${c.symbol}:${c.fields.join(',')}`)).toEqual(['b:gplOnly,namespace', 'c:crc', 'd:module'])
  })

  it('round-trips through the snapshot form and rejects malformed snapshots', () => {
    const rows = [exp('b', 'drivers/x', true, 'NS', 0xffffffff), exp('a', 'vmlinux', false, '', null)]
    const back = fromExportSnapshot(JSON.parse(JSON.stringify(toExportSnapshot('symvers', true, rows))), 's')
    expect(back).toEqual([rows[1], rows[0]])
    expect(() => fromExportSnapshot({ modules: ['x'], rows: [['a', 3, 0, '', null]] }, 's')).toThrow(/row 0 is malformed/)
    expect(() => fromExportSnapshot({ modules: [], rows: 'x' }, 's')).toThrow(/no "modules" or "rows"/)
  })
})

describe('linkage facts across threads', () => {
  it('pack and unpack round-trip: CRCs aligned with the names, version-only names appended, first entry wins', () => {
    const exports = [{ symbol: 'mine', gplOnly: true, namespace: 'NS', crc: 9 }]
    const raw = { names: ['kmalloc', 'module_layout', 'kfree', 'kmalloc'], crcs: [1, 2, 0x1ffffffff, 4], extended: false }
    const l = unpackLinkage(structuredClone(packLinkage(['kfree', 'kmalloc', 'unversioned'], ['maybe'], raw, exports)))
    expect(l.imports).toEqual(['kfree', 'kmalloc', 'unversioned'])
    expect(l.weak).toEqual(['maybe'])
    expect(l.exports).toEqual(exports)
    expect(l.versions!.names).toEqual(['kfree', 'kmalloc', 'unversioned', 'maybe', 'module_layout'])
    expect(Array.from(l.versions!.crcs)).toEqual([0x1ffffffff, 1, Number.NaN, Number.NaN, 2])
    expect(recordedCrc(l.versions!, 'module_layout')).toBe(2)
    expect(recordedCrc(l.versions!, 'unversioned')).toBeUndefined()
    expect(unpackLinkage(packLinkage([], [], null, []))).toEqual({ imports: [], weak: [], versions: null, exports: [] })
  })
})
