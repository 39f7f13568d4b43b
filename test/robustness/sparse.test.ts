// 4 GiB sparse files (no disk space, all holes) where vmlinux, System.map and a module belong:
// each is refused with its name and the limit, nothing reads 4 GiB, the other modules and
// checks go on, and reports name files relative to the build root.
import { closeSync, openSync, ftruncateSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CHECKS } from '../../src/checks/registry.ts'
import { review } from '../../src/engine.ts'
import { LIMITS } from '../../src/load/limits.ts'
import { defaultOptions } from '../../src/model/options.ts'
import type { Report } from '../../src/report/schema.ts'
import { compileObject } from '../support/cc.ts'
import { tempDir } from '../support/tmp.ts'
import { cli, findings, kbuildTree, reportStrings } from './tree.ts'

const GiB4 = 4 * 2 ** 30
const dir = tempDir('kbr-sparse-')

/** A sparse file of `size` bytes holding `head` at its start. */
function sparse(path: string, size: number, head: Uint8Array = new Uint8Array(0)): void {
  const fd = openSync(path, 'w')
  try {
    if (head.length) writeSync(fd, head, 0, head.length, 0)
    ftruncateSync(fd, size)
  } finally {
    closeSync(fd)
  }
}

/**
 * A real ELF object made 4 GiB long, whose .rodata section header claims 3 GiB of that file:
 * every header is valid and in range, only the size is hostile.
 */
function hugeSectionElf(path: string): void {
  const obj = Buffer.from(
    compileObject(dir, 'huge', 'const char table[64] = "kallsyms";\nint f(void) { return table[1]; }\n')
  )
  const shoff = Number(obj.readBigUInt64LE(0x28))
  const shentsize = obj.readUInt16LE(0x3a)
  const shnum = obj.readUInt16LE(0x3c)
  const strndx = obj.readUInt16LE(0x3e)
  const strOff = Number(obj.readBigUInt64LE(shoff + strndx * shentsize + 0x18))
  for (let i = 0; i < shnum; i++) {
    const h = shoff + i * shentsize
    const name = obj.toString(
      'latin1',
      strOff + obj.readUInt32LE(h),
      obj.indexOf(0, strOff + obj.readUInt32LE(h))
    )
    if (name === '.rodata') {
      obj.writeBigUInt64LE(0x100000n, h + 0x18)
      obj.writeBigUInt64LE(3n * 2n ** 30n, h + 0x20)
    }
  }
  sparse(path, GiB4, obj)
}

let zeros: Report
let hostile: Report
let root1: string
let root2: string

beforeAll(async () => {
  root1 = kbuildTree(join(dir, 'zeros'), dir, ['good_a', 'good_b', 'big'])
  sparse(join(root1, 'vmlinux'), GiB4)
  sparse(join(root1, 'System.map'), GiB4)
  sparse(join(root1, 'lib/big.ko'), GiB4)
  sparse(join(root1, '.config'), GiB4)
  root2 = kbuildTree(join(dir, 'elf'), dir, ['good_a'])
  hugeSectionElf(join(root2, 'vmlinux'))
  zeros = await review({ input: { dir: root1 }, options: defaultOptions(), jobs: 0 })
  hostile = await review({ input: { dir: root2 }, options: defaultOptions(), jobs: 0 })
}, 300_000)

describe('4 GiB sparse files', () => {
  it('as a module: refused by size, the other modules analyzed', () => {
    const unreadable = findings(zeros).filter(f => f.code === 'module-unreadable')
    expect(unreadable).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'lib/big.ko',
        message: 'lib/big.ko: 4294967296 bytes is more than the 268435456-byte module limit'
      })
    ])
  })

  it('as System.map: refused by size in every check that reads it', () => {
    const aboutMap = findings(zeros).filter(
      f => f.message.includes('System.map') && /bytes is more than/.test(f.message)
    )
    expect(aboutMap.length).toBeGreaterThan(0)
    for (const f of aboutMap)
      expect(f.message).toMatch(/^System\.map: 4294967296 bytes is more than the text limit/)
  })

  it('as .config: refused, and the review goes on without it', () => {
    expect(findings(zeros).filter(f => f.code === 'path-refused')).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: `.config: 4294967296 bytes is more than the ${LIMITS.maxTextBytes}-byte text limit; reviewed without it`
      })
    ])
    expect(zeros.checks.map(c => c.id)).toEqual(CHECKS.map(c => c.id))
  })

  it('as vmlinux (all zeros): refused as not an ELF file, naming it', () => {
    const aboutVmlinux = findings(zeros).filter(f => /^vmlinux: /.test(f.message))
    expect(aboutVmlinux.length).toBeGreaterThan(0)
    for (const f of aboutVmlinux) expect(f.message).toMatch(/^vmlinux: not an ELF file \(bad magic\)/)
  })

  it('as vmlinux with a 3 GiB section: refused when that section would be read', () => {
    const refused = findings(hostile).filter(f => f.message.includes('vmlinux: '))
    expect(refused.length).toBeGreaterThan(0)
    for (const f of refused)
      expect(f.message).toMatch(
        /vmlinux: section \.rodata: 3221225472 bytes is more than the 536870912-byte read limit/
      )
  })

  it('never crash a check, and reports name files relative to the build root', () => {
    for (const [r, root] of [
      [zeros, root1],
      [hostile, root2]
    ] as const) {
      expect(findings(r).filter(f => f.code === 'check-crashed')).toEqual([])
      for (const f of findings(r)) if (f.file) expect(f.file.startsWith('/'), f.file).toBe(false)
      expect(reportStrings({ ...r, build: { ...r.build, root: '' } })).not.toContain(root)
    }
  })

  it('the CLI reports them and exits 1, not 2', () => {
    const r = cli(['check', root1, '--format', 'json', '--jobs', '0'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    expect(findings(JSON.parse(r.stdout) as Report).some(f => f.file === 'lib/big.ko')).toBe(true)
  })
})
