import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { discover } from '../../src/discover/discover.ts'
import { tempDir } from '../support/tmp.ts'

function tree(root: string, files: Record<string, string>): string {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true })
    writeFileSync(join(root, rel), content)
  }
  return root
}

const MAP = 'ffffffff81000000 T _text\nffffffff81000010 T start\n'

describe('discover', () => {
  it('finds a kbuild O= tree with its link passes (6.12 names)', () => {
    const root = tree(tempDir(), {
      vmlinux: 'x',
      'System.map': MAP,
      'Module.symvers': '',
      '.config': 'CONFIG_MODULES=y\n',
      'modules.order': 'lib/crc8.o\nlib/missing.o\n',
      'lib/crc8.ko': 'x',
      'include/config/kernel.release': '6.12.117\n',
      '.tmp_vmlinux.kallsyms0.syms': '',
      '.tmp_vmlinux1': 'x',
      '.tmp_vmlinux1.syms': MAP,
      '.tmp_vmlinux1.kallsyms.o': 'x',
      '.tmp_vmlinux1.btf.o': 'x',
      '.tmp_vmlinux2': 'x',
      '.tmp_vmlinux2.syms': MAP
    })
    const l = discover({ dir: root })
    expect(l.kind).toBe('kbuild')
    expect(l.release).toBe('6.12.117')
    expect(l.symversKind).toBe('Module.symvers')
    expect(l.modules.map(m => [m.name, m.relPath])).toEqual([['crc8', 'lib/crc8.ko']])
    expect(l.missing).toContain('lib/missing.ko (listed in modules.order)')
    expect(l.passes.map(p => [p.pass, !!p.syms, !!p.elf, !!p.kallsymsObject])).toEqual([
      [0, true, false, false],
      [1, true, true, true],
      [2, true, true, false]
    ])
  })

  it('maps the pre-6.1 .tmp_System.map onto the last pass', () => {
    const root = tree(tempDir(), { vmlinux: 'x', '.tmp_vmlinux1': 'x', '.tmp_vmlinux2': 'x', '.tmp_kallsyms2.o': 'x', '.tmp_System.map': MAP })
    const passes = discover({ dir: root }).passes
    expect(passes.at(-1)).toMatchObject({ pass: 2, kallsymsObject: join(root, '.tmp_kallsyms2.o'), syms: join(root, '.tmp_System.map') })
  })

  it('reads a Debian installed layout and sees through the placeholder System.map', () => {
    const rel = '6.12.115+deb12-amd64'
    const root = tree(tempDir(), {
      [`boot/vmlinuz-${rel}`]: 'x',
      [`boot/config-${rel}`]: 'CONFIG_X86_64=y\n',
      [`boot/System.map-${rel}`]: `ffffffffffffffff B The real System.map is in the linux-image-${rel}-dbg package\n`,
      [`lib/modules/${rel}/kernel/lib/crc-itu-t.ko.xz`]: 'x',
      [`lib/modules/${rel}/updates/vendor.ko.zst`]: 'x',
      [`lib/modules/${rel}/modules.order`]: 'kernel/lib/crc-itu-t.ko\n',
      [`usr/src/linux-headers-${rel}/Module.symvers`]: '',
      [`usr/src/linux-headers-${rel}/vmlinux`]: 'x'
    })
    const l = discover({ dir: root })
    expect(l.kind).toBe('installed')
    expect(l.release).toBe(rel)
    expect(l.systemMap).toBeUndefined()
    expect(l.systemMapPlaceholder).toBe(true)
    expect(l.notes.join()).toMatch(/placeholder/)
    expect(l.btfBase).toBe(join(root, `usr/src/linux-headers-${rel}/vmlinux`))
    expect(l.modules.map(m => [m.name, m.compression])).toEqual([
      ['crc_itu_t', 'xz'],
      ['vendor', 'zstd']
    ])
  })

  it('prefers the -dbg System.map and vmlinux when extracted', () => {
    const rel = '6.12.115+deb12-amd64'
    const root = tree(tempDir(), {
      [`boot/System.map-${rel}`]: 'ffffffffffffffff B The real System.map is in the linux-image-x-dbg package\n',
      [`usr/lib/debug/boot/System.map-${rel}`]: MAP,
      [`usr/lib/debug/boot/vmlinux-${rel}`]: 'x',
      [`lib/modules/${rel}/modules.builtin`]: ''
    })
    const l = discover({ dir: root })
    expect(l.systemMap).toBe(join(root, `usr/lib/debug/boot/System.map-${rel}`))
    expect(l.systemMapPlaceholder).toBeFalsy()
    expect(l.vmlinux).toBe(join(root, `usr/lib/debug/boot/vmlinux-${rel}`))
  })

  it('refuses a symlink that leaves the build directory', () => {
    const root = tree(tempDir(), { 'Module.symvers': '' })
    symlinkSync('/etc/shadow', join(root, 'System.map'))
    // Refused and reported (the inventory check makes it an error finding); the rest is still discovered.
    const layout = discover({ dir: root })
    expect(layout.refused).toEqual([expect.stringMatching(/^System\.map: is a symlink to \/etc\/shadow, outside the build directory$/)])
    expect(layout.systemMap).toBeUndefined()
    expect(layout.symvers).toBe(join(root, 'Module.symvers'))
  })

  it('does not follow directory symlink loops', () => {
    const root = tree(tempDir(), { 'boot/config-1.0': '', 'lib/modules/1.0/a.ko': 'x' })
    symlinkSync('..', join(root, 'lib/modules/1.0/loop'))
    expect(discover({ dir: root }).modules.map(m => m.name)).toEqual(['a'])
  })

  it('lists what it looked for when nothing is there', () => {
    const root = tempDir()
    expect(() => discover({ dir: root })).toThrow(/no kernel build found\. Looked for: vmlinux in .*System\.map in .*Module\.symvers/)
  })

  it('lets explicit paths win and checks them', () => {
    const root = tree(tempDir(), { 'my.map': MAP, 'sub/x': '' })
    const l = discover({ systemMap: join(root, 'my.map') })
    expect(l.kind).toBe('explicit')
    expect(l.systemMap).toBe(join(root, 'my.map'))
    expect(() => discover({ dir: root, vmlinux: join(root, 'sub') })).toThrow(/--vmlinux: is a directory, expected a file/)
    expect(() => discover({ dir: root, symvers: join(root, 'nope') })).toThrow(/--symvers: no such file/)
  })
})
