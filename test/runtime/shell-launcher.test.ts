// The CLI's shell launcher (dist/kbuild-review, from src/runtime/shell-launcher.ts) must start
// Node exactly as relaunchPlan plans it: it is run here with a stand-in `node` that prints what
// it was given, and compared with relaunchPlan for the same arguments and environment.
import { spawnSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { shellLauncher } from '../../src/runtime/shell-launcher.ts'
import { relaunchPlan } from '../../src/runtime/tuning.ts'
import { REPO_ROOT } from '../support/kernels.ts'

const dist = join(REPO_ROOT, 'dist')
const work = mkdtempSync(join(tmpdir(), 'kbr-launcher-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

// A `node` that prints its arguments and the two variables the launcher sets.
const fakeBin = join(work, 'fake-bin')
mkdirSync(fakeBin)
writeFileSync(
  join(fakeBin, 'node'),
  '#!/bin/sh\nprintf "GLIBC_TUNABLES=%s\\n" "${GLIBC_TUNABLES-<unset>}"\nprintf "TUNED=%s\\n" "${KBUILD_REVIEW_TUNED-<unset>}"\nfor a do printf "ARG=%s\\n" "$a"; done\n',
  { mode: 0o755 }
)

interface Started {
  args: string[]
  tunables: string | undefined
  tuned: string | undefined
}

function launch(launcher: string, argv: string[], env: Record<string, string>): Started {
  const r = spawnSync(launcher, argv, { env: { ...env, PATH: `${fakeBin}:/usr/bin:/bin` }, encoding: 'utf8' })
  expect(r.status, r.stderr).toBe(0)
  const lines = r.stdout.split('\n').filter(l => l)
  const value = (key: string) => {
    const v = lines.find(l => l.startsWith(`${key}=`))!.slice(key.length + 1)
    return v === '<unset>' ? undefined : v
  }
  const args = lines.filter(l => l.startsWith('ARG=')).map(l => l.slice(4))
  // The script path as the launcher built it, resolved for the comparison.
  const script = args.findIndex(a => a.endsWith('cli-main.js'))
  args[script] = realpathSync(resolve(args[script]!))
  return { args, tunables: value('GLIBC_TUNABLES'), tuned: value('TUNED') }
}

function planned(argv: string[], env: Record<string, string>): Started {
  const script = realpathSync(join(dist, 'cli-main.js'))
  const plan = relaunchPlan({ script, argv, execArgv: [], env, platform: 'linux' })
  if (!plan) return { args: [script, ...argv], tunables: env.GLIBC_TUNABLES, tuned: env.KBUILD_REVIEW_TUNED }
  return { args: plan.args, tunables: plan.env.GLIBC_TUNABLES, tuned: plan.env.KBUILD_REVIEW_TUNED }
}

const ARGVS = [
  ['check', 'out', '--fail-on', 'never'],
  ['kallsyms', 'arch/x86/boot/bzImage'],
  ['--format', 'json', 'check', 'out'],
  ['-o', 'kallsyms', 'check'],
  ['--version'],
  [],
  ['check', 'a dir/with spaces', "it's", '*', '$HOME', '']
]
const ENVS: Array<Record<string, string>> = [
  {},
  { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' },
  { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' },
  { GLIBC_TUNABLES: 'glibc.malloc.top_pad' },
  { GLIBC_TUNABLES: '' },
  { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2:' },
  { KBUILD_REVIEW_TUNED: '1' },
  { KBUILD_REVIEW_RELAUNCH: '0' },
  { KBUILD_REVIEW_RELAUNCH: '1', GLIBC_TUNABLES: 'glibc.mem.tagging=0' }
]

describe('the shell launcher', () => {
  it('is what scripts/bundle.js wrote from tuning.ts', () => {
    expect(readFileSync(join(dist, 'kbuild-review'), 'utf8')).toBe(shellLauncher())
  })

  it('starts Node with the arguments and environment relaunchPlan gives', () => {
    let cases = 0
    for (const argv of ARGVS) {
      for (const env of ENVS) {
        expect(launch(join(dist, 'kbuild-review'), argv, env), JSON.stringify({ argv, env })).toEqual(
          planned(argv, env)
        )
        cases++
      }
    }
    expect(cases).toBe(ARGVS.length * ENVS.length)
  })

  it('finds cli-main.js through the symlinks npm makes (node_modules/.bin)', () => {
    const bin = join(work, 'node_modules', '.bin')
    mkdirSync(bin, { recursive: true })
    symlinkSync(relative(bin, join(dist, 'kbuild-review')), join(bin, 'kbuild-review'))
    symlinkSync(join(bin, 'kbuild-review'), join(work, 'absolute-link'))
    for (const link of [join(bin, 'kbuild-review'), join(work, 'absolute-link')]) {
      expect(launch(link, ['check', 'out'], {})).toEqual(planned(['check', 'out'], {}))
    }
  })
})
