// The launcher as users meet it: the child's output and exit status pass through, a signal
// that kills the child kills the launcher, and the child really runs with the tuned settings.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../support/kernels.ts'

const RELAUNCH = join(REPO_ROOT, 'src/runtime/relaunch.ts')

/** A launcher process that runs `args` (after the node binary) through runRelaunched or runChild. */
function launch(how: 'runRelaunched' | 'runChild', args: string[], env: Record<string, string> = {}) {
  const call =
    how === 'runRelaunched'
      ? `runRelaunched({ args: ${JSON.stringify(args)}, env: { ...process.env, ...${JSON.stringify(env)} } })`
      : `runChild(${JSON.stringify(args)}, { ...process.env, ...${JSON.stringify(env)} })`
  const script = `import { runRelaunched, runChild } from ${JSON.stringify(RELAUNCH)}
const status = await ${call}
process.exitCode = status === null ? 99 : status`
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
}

describe.each(['runRelaunched', 'runChild'] as const)('%s', how => {
  it("passes the child's output and exit status on", () => {
    const r = launch(how, ['-e', 'process.stdout.write("out"); process.stderr.write("err"); process.exitCode = 3'])
    expect(r).toMatchObject({ status: 3, stdout: 'out', stderr: 'err' })
  })

  it('dies of the signal that killed the child', () => {
    const r = launch(how, ['-e', 'process.kill(process.pid, "SIGTERM")'])
    expect(r.signal).toBe('SIGTERM')
    expect(r.status).toBeNull()
  })

  it('gives the child the environment and flags of the plan', () => {
    const r = launch(how, ['--no-turbofan', '-e', 'console.log(process.env.KBR_PLAN, process.execArgv[0])'], {
      KBR_PLAN: 'planned'
    })
    expect(r.stdout).toBe('planned --no-turbofan\n')
  })
})

describe('the CLI entry', () => {
  const cli = (env: Record<string, string>) =>
    spawnSync(process.execPath, [join(REPO_ROOT, 'src/cli.ts'), 'check', '/nonexistent/kbr-build'], {
      encoding: 'utf8',
      env: { ...process.env, ...env }
    })

  it('reports a usage error with status 2, relaunched or not', () => {
    for (const env of [{}, { KBUILD_REVIEW_RELAUNCH: '0' }] as Array<Record<string, string>>) {
      const r = cli(env)
      expect(r.status).toBe(2)
      expect(r.stderr).toBe('kbuild-review: /nonexistent/kbr-build: no such directory\n')
    }
  })
})
