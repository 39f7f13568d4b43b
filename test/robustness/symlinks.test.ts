// A fork's build tree with symlinks and listed paths that lead outside it (to /etc/shadow, to a
// secret next to the checkout), symlink loops and a symlinked directory on the way: each is
// refused by name as an error finding, nothing outside is read, and the review goes on.
import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { review } from '../../src/engine.ts'
import { defaultOptions } from '../../src/model/options.ts'
import type { Report } from '../../src/report/schema.ts'
import { tempDir } from '../support/tmp.ts'
import { cli, findings, kbuildTree, moduleObject, reportStrings } from './tree.ts'

const dir = tempDir('kbr-links-')
const root = join(dir, 'build')
const outside = join(dir, 'outside')
const SECRET = 'KBR-SECRET-8d1f0a'

let report: Report

beforeAll(async () => {
  mkdirSync(outside)
  // A real module outside the tree, carrying a marker that must never reach a report.
  writeFileSync(join(outside, 'secret.ko'), Buffer.concat([moduleObject(dir, 'secret'), Buffer.from(SECRET)]))
  writeFileSync(join(outside, 'System.map'), `ffffffff81000000 T ${SECRET}\n`)
  kbuildTree(root, dir, ['good_a', 'good_b'])
  symlinkSync('/etc/shadow', join(root, 'System.map'))
  symlinkSync('/etc/shadow', join(root, 'lib/shadow.ko'))
  symlinkSync('../../outside/secret.ko', join(root, 'lib/secret.ko'))
  symlinkSync('loop_b.ko', join(root, 'lib/loop_a.ko'))
  symlinkSync('loop_a.ko', join(root, 'lib/loop_b.ko'))
  symlinkSync('../../outside', join(root, 'lib/viadir'))
  writeFileSync(
    join(root, 'modules.order'),
    [
      'lib/good_a.o',
      'lib/shadow.o',
      'lib/secret.o',
      'lib/loop_a.o',
      'lib/viadir/secret.o',
      '../outside/secret.o',
      'lib/good_b.o',
      ''
    ].join('\n')
  )
  report = await review({ input: { dir: root }, options: defaultOptions(), jobs: 0 })
}, 120_000)

describe('paths that leave the build directory', () => {
  it('are each refused by name, as an error finding', () => {
    const refused = findings(report)
      .filter(f => f.code === 'path-refused')
      .map(f => [f.severity, f.message])
    expect(refused.sort()).toEqual(
      [
        'System.map: is a symlink to /etc/shadow, outside the build directory',
        'lib/shadow.ko: is a symlink to /etc/shadow, outside the build directory',
        'lib/secret.ko: is a symlink to ../../outside/secret.ko, outside the build directory',
        'lib/loop_a.ko: is a symlink loop',
        'lib/viadir/secret.ko: resolves outside the build directory',
        '../outside/secret.ko: resolves outside the build directory'
      ]
        .map(m => ['error', m])
        .sort()
    )
  })

  it('are never read: nothing from outside reaches the report', () => {
    expect(reportStrings(report)).not.toContain(SECRET)
    expect(report.build.artifacts.systemMap).toBeUndefined()
  })

  it('do not stop the review: the modules inside are read and checked', () => {
    const inventory = report.checks.find(c => c.id === 'inventory')!
    expect(inventory.summary).toMatch(/2 modules/)
    const symbols = report.checks.find(c => c.id === 'symbol-list')!
    expect(symbols.summary).toMatch(/^2 modules checked/)
    expect(findings(report).filter(f => f.code === 'check-crashed')).toEqual([])
  })

  it('make the CLI fail with the refusals, not stop it', () => {
    const r = cli(['check', root, '--format', 'json', '--jobs', '0'])
    expect(r.status).toBe(1)
    expect(findings(JSON.parse(r.stdout) as Report).filter(f => f.code === 'path-refused')).toHaveLength(6)
  })
})

describe("the source tree's scripts/mksysmap", () => {
  it('is not read when it is a FIFO or a device (a read that never ends); the built-in filter is used', async () => {
    const tree = kbuildTree(join(dir, 'fifo-build'), dir, ['good_a'], {
      'System.map': 'ffffffff81000000 T _text\nffffffff81000010 T good\n'
    })
    const src = join(dir, 'fifo-src')
    mkdirSync(join(src, 'scripts'), { recursive: true })
    execFileSync('mkfifo', [join(src, 'scripts/mksysmap')])
    symlinkSync(src, join(tree, 'source'))
    const r = await review({ input: { dir: tree }, options: defaultOptions(), jobs: 0 })
    expect(r.checks.find(c => c.id === 'kallsyms')!.findings.filter(f => f.code === 'check-crashed')).toEqual(
      []
    )
    const zero = join(dir, 'zero-src')
    mkdirSync(join(zero, 'scripts'), { recursive: true })
    symlinkSync('/dev/zero', join(zero, 'scripts/mksysmap'))
    const tree2 = kbuildTree(join(dir, 'zero-build'), dir, ['good_a'], {
      'System.map': 'ffffffff81000000 T _text\n'
    })
    symlinkSync(zero, join(tree2, 'source'))
    const r2 = await review({ input: { dir: tree2 }, options: defaultOptions(), jobs: 0 })
    expect(r2.checks.map(c => c.id)).toContain('kallsyms')
  })
})

describe('an installed layout whose lib/modules leaves the tree', () => {
  it('is refused by name and not walked', async () => {
    const tree = join(dir, 'installed')
    mkdirSync(join(tree, 'boot'), { recursive: true })
    writeFileSync(join(tree, 'boot/config-6.12.0-kbr'), 'CONFIG_MODULES=y\n')
    mkdirSync(join(outside, 'modules/6.12.0-kbr/kernel'), { recursive: true })
    writeFileSync(join(outside, 'modules/6.12.0-kbr/kernel/secret.ko'), Buffer.from(SECRET))
    mkdirSync(join(tree, 'lib'))
    symlinkSync(join(outside, 'modules'), join(tree, 'lib/modules'))
    writeFileSync(
      join(tree, 'boot/System.map-6.12.0-kbr'),
      'ffffffff81000000 T _text\nffffffff81000010 T good\n'
    )
    const r = await review({ input: { dir: tree }, options: defaultOptions(), jobs: 0 })
    expect(
      findings(r)
        .filter(f => f.code === 'path-refused')
        .map(f => f.message)
    ).toEqual([`lib/modules: is a symlink to ${join(outside, 'modules')}, outside the build directory`])
    expect(reportStrings(r)).not.toContain(SECRET)
  })
})
