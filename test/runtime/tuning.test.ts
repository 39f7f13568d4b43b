// The tuned child the CLI starts: its flags and environment, and when there is none.
import { describe, expect, it } from 'vitest'
import { relaunchPlan, TUNED_NODE_FLAGS, withMallocTunables } from '../../src/runtime/tuning.ts'

const facts = {
  script: '/opt/kbr/dist/cli-main.js',
  argv: ['check', 'out', '--fail-on', 'never'],
  execArgv: [] as string[],
  env: { PATH: '/usr/bin' } as Record<string, string | undefined>,
  platform: 'linux'
}

describe('relaunchPlan', () => {
  it('runs the CLI with our flags, the arguments as given, and the environment marked', () => {
    const plan = relaunchPlan(facts)!
    expect(plan.args).toEqual([
      '--max-semi-space-size=8',
      '--min-semi-space-size=8',
      '--no-turbofan',
      '--single-threaded-gc',
      '--initial-old-space-size=256',
      '/opt/kbr/dist/cli-main.js',
      'check',
      'out',
      '--fail-on',
      'never'
    ])
    expect(plan.env).toEqual({
      PATH: '/usr/bin',
      KBUILD_REVIEW_TUNED: '1',
      GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864'
    })
  })

  it("puts the user's own Node flags after ours, so theirs win", () => {
    const plan = relaunchPlan({ ...facts, execArgv: ['--max-semi-space-size=64', '--cpu-prof'] })!
    expect(plan.args.slice(0, TUNED_NODE_FLAGS.length + 3)).toEqual([
      ...TUNED_NODE_FLAGS,
      '--max-semi-space-size=64',
      '--cpu-prof',
      '/opt/kbr/dist/cli-main.js'
    ])
  })

  it('is null in the child, and when KBUILD_REVIEW_RELAUNCH=0', () => {
    expect(relaunchPlan({ ...facts, env: { KBUILD_REVIEW_TUNED: '1' } })).toBeNull()
    expect(relaunchPlan({ ...facts, env: { KBUILD_REVIEW_RELAUNCH: '0' } })).toBeNull()
    expect(relaunchPlan({ ...facts, env: { KBUILD_REVIEW_RELAUNCH: '1' } })).not.toBeNull()
  })

  it('is null when Node was started with code to run (a new process would run that code)', () => {
    expect(relaunchPlan({ ...facts, execArgv: ['-e', 'import("kbuild-review")'] })).toBeNull()
    expect(relaunchPlan({ ...facts, execArgv: ['--eval=1'] })).toBeNull()
    expect(relaunchPlan({ ...facts, execArgv: ['--print', '1'] })).toBeNull()
    expect(relaunchPlan({ ...facts, execArgv: ['--enable-source-maps'] })).not.toBeNull()
  })

  it('gives the kallsyms command (one isolate) the malloc tunables without V8 flags', () => {
    const plan = relaunchPlan({ ...facts, argv: ['kallsyms', 'vmlinuz'], execArgv: ['--cpu-prof'] })!
    expect(plan.args).toEqual(['--cpu-prof', '/opt/kbr/dist/cli-main.js', 'kallsyms', 'vmlinuz'])
    expect(plan.env.GLIBC_TUNABLES).toBe('glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864')
    // The command is the first argument that is not an option; a file named so is not it.
    expect(
      relaunchPlan({ ...facts, argv: ['check', 'kallsyms'] })!.args.slice(0, TUNED_NODE_FLAGS.length)
    ).toEqual([...TUNED_NODE_FLAGS])
  })

  it('sets glibc tunables only on Linux', () => {
    expect(relaunchPlan({ ...facts, platform: 'darwin' })!.env.GLIBC_TUNABLES).toBeUndefined()
  })
})

describe('withMallocTunables', () => {
  it("adds ours to the user's tunables and keeps the user's value of any of ours", () => {
    const ours = 'glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864'
    expect(withMallocTunables(undefined)).toBe(ours)
    expect(withMallocTunables('')).toBe(ours)
    expect(withMallocTunables('glibc.malloc.arena_max=2')).toBe(`glibc.malloc.arena_max=2:${ours}`)
    expect(withMallocTunables('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=0')).toBe(
      'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=0:glibc.malloc.top_pad=67108864'
    )
    expect(withMallocTunables('glibc.malloc.hugetlb=2')).toBe(
      'glibc.malloc.hugetlb=2:glibc.malloc.top_pad=67108864'
    )
    expect(withMallocTunables('glibc.malloc.top_pad=0')).toBe('glibc.malloc.top_pad=0:glibc.malloc.hugetlb=1')
  })
})
