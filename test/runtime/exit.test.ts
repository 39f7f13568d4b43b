// How the CLI ends: exitWhenFlushed must not drop output still queued on a pipe (writes to
// pipes are asynchronous on POSIX, and process.exit alone loses them), and a reader that goes
// away ends the process quietly, as SIGPIPE ends nm.
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../support/kernels.ts'

const EXIT = join(REPO_ROOT, 'src/runtime/exit.ts')
const BIG = 8 << 20

/** A process that writes BIG bytes to stdout and a line to stderr, then ends through exit.ts. */
const script = `import { endQuietlyOnClosedPipe, exitWhenFlushed } from ${JSON.stringify(EXIT)}
endQuietlyOnClosedPipe()
process.stdout.write(Buffer.alloc(${BIG}, 0x61))
process.stderr.write('done\\n')
await exitWhenFlushed(3)`
const args = ['--input-type=module', '-e', script]

const dir = mkdtempSync(join(tmpdir(), 'kbr-exit-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('exitWhenFlushed', () => {
  it('delivers everything written to a pipe, then exits with the status', () => {
    const r = spawnSync(process.execPath, args, { maxBuffer: 2 * BIG })
    expect(r.status).toBe(3)
    expect(r.stdout.length).toBe(BIG)
    expect(r.stderr.toString()).toBe('done\n')
  })

  it('delivers everything written to a file', () => {
    const file = join(dir, 'out')
    const fd = openSync(file, 'w')
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', fd, 'pipe'] })
    closeSync(fd)
    expect(r.status).toBe(3)
    expect(statSync(file).size).toBe(BIG)
  })
})

describe('endQuietlyOnClosedPipe', () => {
  it('ends with 141 and nothing on stderr when the reader goes away', async () => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.once('data', () => child.stdout.destroy())
    const status = await new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
    expect(status).toBe(141)
    expect(stderr).not.toMatch(/EPIPE|Error/)
  })
})
