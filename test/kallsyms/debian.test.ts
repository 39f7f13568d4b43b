// The embedded table of Debian's released kernels, decoded from the stripped vmlinuz (zstd on
// 6.12 and 7.2, xz on 6.1, a raw arm64 Image) and compared with the real System.map of the -dbg package: it must be
// exactly what scripts/kallsyms.c builds from that map, nothing more, nothing less.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FileSource } from '../../src/bytes/source.ts'
import { kallsymsCheck } from '../../src/checks/kallsyms.ts'
import { ElfFile } from '../../src/elf/elf.ts'
import { unpackKernel } from '../../src/kallsyms/boot-image.ts'
import { decodeTable } from '../../src/kallsyms/decode-table.ts'
import { deriveSyms } from '../../src/kallsyms/derive-syms.ts'
import { readEmbeddedTable, tablesOfElf } from '../../src/kallsyms/embedded.ts'
import { expectedTable } from '../../src/kallsyms/expected.ts'
import { formatTable } from '../../src/kallsyms/format-table.ts'
import { TableWatcher, tablesByScan } from '../../src/kallsyms/locate-table.ts'
import { builtinMksysmap } from '../../src/kallsyms/mksysmap.ts'
import { formatSystemMap, parseSystemMap } from '../../src/kallsyms/system-map.ts'
import type { KernelImage } from '../../src/kallsyms/table.ts'
import { matchPacked } from '../../src/kallsyms/verify-packed.ts'
import { optionsForTable, verifyTable } from '../../src/kallsyms/verify-table.ts'
import { parseKernelVersion } from '../../src/model/build-info.ts'
import { openBuild } from '../../src/model/open-build.ts'
import { defaultOptions } from '../../src/model/options.ts'
import { debianRelease, fixtureMissing } from '../support/kernels.ts'
import { debianKernel } from './debian-support.ts'

const releases = (['new', 'old'] as const).map(which => ({ which, rel: debianRelease(which) }))

describe.each(releases)('Debian 6.12 ($which)', ({ which, rel }) => {
  it('vmlinuz decodes to System.map exactly, save its absolute symbols', async ctx => {
    if (!rel?.vmlinuz || !rel.dbgSystemMap) return fixtureMissing(`Debian 6.12 ${which} vmlinuz and -dbg System.map`, ctx.skip)
    const e = await readEmbeddedTable(rel.vmlinuz, 'vmlinuz')
    const mapText = readFileSync(rel.dbgSystemMap, 'utf8')
    const map = parseSystemMap(mapText, 'System.map')
    expect(e.table.layout).toMatchObject({ mode: 'absolute-percpu', foundBy: 'scan' })
    expect(e.source).toMatch(/bzImage zstd payload/)
    expect(e.table.issues).toEqual([])
    const options = optionsForTable(e.table, { version: parseKernelVersion(rel.release), allSymbols: true })
    const expected = expectedTable(map.symbols, options)
    // Byte for byte what kallsyms.c encodes: System.map without A lines, per-cpu symbols typed A.
    expect(formatTable(e.table, 16).toString('latin1')).toBe(formatSystemMap(expected, 16))
    const absolute = map.symbols.filter(s => s.type === 'A').length
    expect(e.table.count).toBe(map.symbols.length - absolute)
    expect(verifyTable(e.table, map, options).dropped).toEqual({ 'absolute symbol': absolute })
    // The packed comparison, which verifyTable tries first, agrees with the objects.
    expect(matchPacked(e.table, map, options)).toEqual({ dropped: { 'absolute symbol': absolute }, kept: expected.length })
    if (which === 'new') expect([map.symbols.length, e.table.count]).toEqual([163_210, 163_205])
  })

  it('stops inflating an ELF kernel once the tables are in; never a raw one', async ctx => {
    if (!rel?.vmlinuz) return fixtureMissing(`Debian 6.12 ${which} vmlinuz`, ctx.skip)
    const whole = await unpackKernel(readFileSync(rel.vmlinuz), 'vmlinuz')
    const seen = (bytes: Uint8Array) => {
      const w = new TableWatcher()
      // Fed as decompression feeds it: growing prefixes, 1 MiB at a time.
      for (let n = 1 << 20; n < bytes.length; n += 1 << 20) if (w.enough(bytes.subarray(0, n))) return n
      return null
    }
    const at = seen(whole.bytes)
    expect(at).not.toBeNull()
    expect(at!).toBeLessThan(whole.bytes.length / 2)
    // The same bytes without the ELF magic read as a raw Image: its relocations follow the tables.
    const raw = Uint8Array.from(whole.bytes.subarray(0, at! + (1 << 20)))
    raw[0] = 0
    expect(seen(raw)).toBeNull()
  })

  it('the -dbg vmlinux gives the same table by its symbols and by a scan of .rodata', async ctx => {
    if (!rel?.dbgVmlinux || !rel.vmlinuz) return fixtureMissing(`Debian 6.12 ${which} -dbg vmlinux`, ctx.skip)
    const elf = ElfFile.open(new FileSource(rel.dbgVmlinux, 'vmlinux'))
    try {
      const bySymbols = tablesOfElf(elf)!
      expect(bySymbols.table.layout.foundBy).toBe('symbols')
      const rodata = elf.section('.rodata')!
      const image: KernelImage = { file: 'vmlinux', bytes: elf.data(rodata), va: rodata.addr, le: true, is64: true, what: '.rodata' }
      const byScan = tablesByScan(image)!
      const { foundBy: _a, ...symLayout } = bySymbols.table.layout
      const { foundBy: _b, ...scanLayout } = byScan.layout
      expect(scanLayout).toEqual(symLayout)
      const fromImage = await readEmbeddedTable(rel.vmlinuz, 'vmlinuz')
      expect(Buffer.compare(formatTable(byScan, 16), formatTable(fromImage.table, 16))).toBe(0)
    } finally {
      elf.close()
    }
  })

  it('mksysmap of the -dbg vmlinux reproduces System.map byte for byte', ctx => {
    if (!rel?.dbgVmlinux || !rel.dbgSystemMap) return fixtureMissing(`Debian 6.12 ${which} -dbg vmlinux`, ctx.skip)
    const elf = ElfFile.open(new FileSource(rel.dbgVmlinux, 'vmlinux'))
    try {
      const derived = deriveSyms(elf, builtinMksysmap(parseKernelVersion(rel.release)))
      expect(formatSystemMap(derived, 16)).toBe(readFileSync(rel.dbgSystemMap, 'utf8'))
    } finally {
      elf.close()
    }
  })

  it('the check is quiet on the installed layout', async ctx => {
    if (!rel?.dbgSystemMap || !rel.vmlinuz) return fixtureMissing(`Debian 6.12 ${which}`, ctx.skip)
    const build = openBuild({ dir: rel.root })
    const options = defaultOptions()
    const current = await kallsymsCheck.snapshot!(build, options)
    const out = await kallsymsCheck.run({ build, options, current, baseline: null })
    expect(out.findings).toEqual([])
    expect(out.blocks ?? []).toEqual([])
    expect(out.summary).toMatch(/^[\d,]+ symbols, embedded table matches System\.map$/)
    expect(current).toMatchObject({ passes: 0, tableSymbols: expect.any(Number) })
  })
})

describe.each([
  { key: '6.1-amd64' as const, source: /bzImage xz payload/, mode: 'absolute-percpu', drops: ['absolute symbol', 'kallsyms table symbol (left out before 6.11)'] },
  {
    key: '6.1-arm64' as const,
    source: /^arm64 Image, by scan$/,
    mode: 'base-relative',
    drops: ['absolute symbol', 'kallsyms table symbol (left out before 6.11)', 'name pattern kallsyms.c ignored before 6.4', 'outside the text sections (no KALLSYMS_ALL)']
  },
  { key: '7.2-amd64' as const, source: /bzImage zstd payload/, mode: 'pc-relative', drops: ['absolute symbol'] }
])('Debian $key', ({ key, source, mode, drops }) => {
  it('the boot image decodes to System.map exactly, save what that kallsyms.c drops by design', async ctx => {
    const k = debianKernel(key)
    if ('missing' in k) return fixtureMissing(`Debian ${key}: ${k.missing}`, ctx.skip)
    const e = await readEmbeddedTable(k.image, 'vmlinuz')
    expect(e.source).toMatch(source)
    expect(e.table.layout.mode).toBe(mode)
    expect(e.table.issues).toEqual([])
    // arm64: the link address comes from the Image's own relocations, not from a default.
    expect(e.notes).toEqual([])
    const map = parseSystemMap(readFileSync(k.systemMap, 'utf8'), 'System.map')
    const options = optionsForTable(e.table, { version: parseKernelVersion(k.release) })
    const v = verifyTable(e.table, map, options)
    expect(v.diff.identical).toBe(true)
    const expected = expectedTable(map.symbols, options)
    expect(formatTable(e.table, 16).toString('latin1')).toBe(formatSystemMap(expected, 16))
    expect(Object.keys(v.dropped).sort()).toEqual([...drops].sort())
    expect(matchPacked(e.table, map, options)?.kept).toBe(expected.length)
    if (key === '6.1-amd64') expect(e.table.layout.addresses).toBeLessThan(e.table.layout.numSyms) // the pre-6.4 order
  })
})

describe('a tampered table in a real image', () => {
  const rel = debianRelease('new')
  async function image(): Promise<{ image: KernelImage; map: ReturnType<typeof parseSystemMap> } | null> {
    if (!rel?.vmlinuz || !rel.dbgSystemMap) return null
    const k = await unpackKernel(readFileSync(rel.vmlinuz), 'vmlinuz')
    const elf = ElfFile.fromBytes(Uint8Array.from(k.bytes), 'vmlinux.bin')
    const rodata = elf.section('.rodata')!
    return {
      image: { file: 'vmlinux.bin', bytes: elf.data(rodata), va: rodata.addr, le: true, is64: true, what: '.rodata' },
      map: parseSystemMap(readFileSync(rel.dbgSystemMap, 'utf8'), 'System.map')
    }
  }

  it('names the exact symbol whose offset, name, marker, token or lookup order was changed', async ctx => {
    const got = await image()
    if (!got) return fixtureMissing('Debian 6.12 new vmlinuz and -dbg System.map', ctx.skip)
    const { image: img, map } = got
    const clean = tablesByScan(img)!
    const layout = clean.layout
    const options = optionsForTable(clean, { version: parseKernelVersion(rel!.release), allSymbols: true })
    const idx = clean.entries.findIndex(e => e.name === 'schedule')
    const view = new DataView(img.bytes.buffer, img.bytes.byteOffset, img.bytes.byteLength)
    const original = Uint8Array.from(img.bytes)
    const restore = () => img.bytes.set(original)

    // An offset: absolute-percpu stores relative_base - 1 - address, so -16 moves it up 16 bytes.
    const at = layout.addresses + 4 * idx
    view.setInt32(at, view.getInt32(at, true) - 16, true)
    let d = verifyTable(decodeTable(img, layout), map, options).diff
    expect(d.moved).toEqual([{ name: 'schedule', type: 'T', from: clean.entries[idx]!.addr, to: clean.entries[idx]!.addr + 16n }])
    expect(d.lost.length + d.added.length + d.retyped.length).toBe(0)
    restore()

    // The last token byte of a name: the name changes, nothing else does.
    let off = layout.names
    for (let i = 0; i < idx; i++) off += 1 + img.bytes[off]!
    const len = img.bytes[off]!
    img.bytes[off + len] = img.bytes[off + len] === 0x30 ? 0x31 : 0x30
    const t = decodeTable(img, layout)
    d = verifyTable(t, map, options).diff
    expect(d.lost.map(s => s.name)).toEqual(['schedule'])
    expect(d.added).toHaveLength(1)
    expect(d.added[0]).toMatchObject({ type: 'T', addr: clean.entries[idx]!.addr })
    expect(d.added[0]!.name).not.toBe('schedule')
    expect(t.issues.filter(i => i.code !== 'seqs-not-sorted')).toEqual([])
    restore()

    // A marker, a token index entry, the lookup order.
    view.setUint32(layout.markers + 12, view.getUint32(layout.markers + 12, true) + 1, true)
    expect(decodeTable(img, layout).issues).toEqual([
      { code: 'marker-mismatch', message: expect.stringMatching(/^kallsyms_markers\[3\] is \d+ but symbol 768 starts at offset \d+ of kallsyms_names$/) }
    ])
    restore()
    view.setUint16(layout.tokenIndex + 2 * 0x7a, view.getUint16(layout.tokenIndex + 2 * 0x7a, true) + 1, true)
    expect(decodeTable(img, layout).issues.map(i => i.code)).toContain('token-index-mismatch')
    restore()
    const seqs = layout.seqsOfNames!
    const a = Uint8Array.from(img.bytes.subarray(seqs + 300, seqs + 303))
    img.bytes.copyWithin(seqs + 300, seqs + 303, seqs + 306)
    img.bytes.set(a, seqs + 303)
    expect(decodeTable(img, layout).issues).toEqual([{ code: 'seqs-not-sorted', message: expect.stringMatching(/^kallsyms_seqs_of_names\[100\] \(.+\) sorts after kallsyms_seqs_of_names\[101\]/) }])
    restore()
    expect(decodeTable(img, layout).issues).toEqual([])
  })
})
