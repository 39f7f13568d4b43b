// `kbuild-review kallsyms <image>`: the table as System.map lines on stdout and nothing else;
// with --system-map, differences on stderr and exit status 1.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { expectedTable } from '../../src/kallsyms/expected.ts'
import { formatSystemMap, parseSystemMap } from '../../src/kallsyms/system-map.ts'
import { parseKernelVersion } from '../../src/model/build-info.ts'
import { debianRelease, fixtureMissing, REPO_ROOT } from '../support/kernels.ts'

const dir = mkdtempSync(join(tmpdir(), 'kbr-kallsyms-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'src/cli.ts'), 'kallsyms', ...args], { encoding: 'latin1', maxBuffer: 1 << 26 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('kbuild-review kallsyms', () => {
  const rel = debianRelease('new')
  it('prints the table of a vmlinuz as System.map lines, only those', ctx => {
    if (!rel?.vmlinuz || !rel.dbgSystemMap) return fixtureMissing('Debian 6.12 new vmlinuz and -dbg System.map', ctx.skip)
    const map = parseSystemMap(readFileSync(rel.dbgSystemMap, 'utf8'), 'System.map')
    const r = cli(rel.vmlinuz)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const expected = expectedTable(map.symbols, { version: parseKernelVersion(rel.release), allSymbols: true, absolutePercpu: true })
    expect(r.stdout).toBe(formatSystemMap(expected, 16))
  })

  it('compares with a System.map: quiet on a match, each difference and status 1 otherwise', ctx => {
    if (!rel?.vmlinuz || !rel.dbgSystemMap) return fixtureMissing('Debian 6.12 new vmlinuz and -dbg System.map', ctx.skip)
    const ok = cli(rel.vmlinuz, '--system-map', rel.dbgSystemMap)
    expect(ok.status).toBe(0)
    expect(ok.stderr).toMatch(/^kbuild-review: the table matches .*\(163,?205 symbols; left out by design: 5 absolute symbol\)\n$/)
    const text = readFileSync(rel.dbgSystemMap, 'latin1')
    const line = text.split('\n').find(l => l.endsWith(' T schedule'))!
    const moved = (BigInt('0x' + line.slice(0, 16)) + 0x40n).toString(16).padStart(16, '0') + ' T schedule'
    const path = join(dir, 'System.map')
    writeFileSync(path, text.replace(line + '\n', moved + '\n'), 'latin1')
    const bad = cli(rel.vmlinuz, '--system-map', path)
    expect(bad.status).toBe(1)
    expect(bad.stderr).toBe(
      `kbuild-review: the table differs from ${path}: 1 symbol moved\n` + `  schedule  T  0x${moved.slice(0, 16).replace(/^0+/, '')}  0x${line.slice(0, 16).replace(/^0+/, '')}    moved -0x40\n`
    )
    expect(bad.stdout.length).toBeGreaterThan(1_000_000)
  })

  it('names what it cannot read', () => {
    const path = join(dir, 'empty')
    writeFileSync(path, '')
    const r = cli(path)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^kbuild-review: .*empty: not a vmlinux ELF, x86 bzImage/)
  })
})
