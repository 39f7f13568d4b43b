/**
 * The CLI runs the review in a child process started with settings a Node script cannot give
 * itself (BENCHMARKS.md, "2026-12-05, second sitting" and "sixth sitting", measures each):
 * - glibc.malloc.hugetlb=1 (glibc 2.35+; ignored by older glibc and other C libraries): malloc
 *   asks for transparent huge pages, so the Buffers of a review (a quarter gigabyte of module
 *   bytes, a 60 MB inflated boot image) fault once per 2 MiB instead of once per 4 KiB;
 * - glibc.malloc.top_pad=64 MiB: malloc grows its heaps 64 MiB at a time. By default a
 *   thread's heap grows a page-rounded request at a time, one mprotect(2) each (about 3,000
 *   per review, from the compiler threads and the module workers), and pieces that small get
 *   no huge pages. Only what is touched becomes resident;
 * - an 8 MiB young generation from the start, for the main thread as for the module workers:
 *   no growing it while the snapshot, System.map and the symbol tables are parsed, and half
 *   the fresh memory of the 16 MiB one, which cost more to fault in than its scavenges saved;
 * - no TurboFan: a review is a few seconds of code run by three isolates at once, and Maglev's
 *   code is ready sooner and costs a fraction of the compile time.
 * - a garbage collector without helper threads: three isolates already keep both cores busy,
 *   and helpers that scavenge or mark beside them only add threads to share the cores among.
 * - an old generation that starts at 256 MiB: a distro review's main thread peaks near 190 MiB
 *   and a worker's near 40, so no isolate runs full collections just to grow its heap (a
 *   worker's first one took 80-90 ms).
 * The `kallsyms` command runs in one isolate for a third of a second: it gets the malloc
 * tunables only (the V8 flags made it 10 % slower). None of them changes what the review finds.
 */

/** Set in the child's environment: the process is already tuned. */
export const TUNED_MARK = 'KBUILD_REVIEW_TUNED'
/** `KBUILD_REVIEW_RELAUNCH=0` runs the CLI in the process it was started in, as started. */
export const RELAUNCH_SWITCH = 'KBUILD_REVIEW_RELAUNCH'

export const TUNED_NODE_FLAGS: readonly string[] = [
  '--max-semi-space-size=8',
  '--min-semi-space-size=8',
  '--no-turbofan',
  '--single-threaded-gc',
  '--initial-old-space-size=256'
]

/** glibc tunables for the child, each unless the user set that one (name=value). */
export const MALLOC_TUNABLES: readonly string[] = ['glibc.malloc.hugetlb=1', 'glibc.malloc.top_pad=67108864']

/** Commands whose work is one isolate's (no module workers): V8's defaults suit them. */
export const SINGLE_ISOLATE_COMMANDS: ReadonlySet<string> = new Set(['kallsyms'])

/** Our Node flags for the command in `argv` (its first argument that is not an option). */
export function nodeFlagsFor(argv: readonly string[]): readonly string[] {
  const command = argv.find(a => !a.startsWith('-'))
  return command !== undefined && SINGLE_ISOLATE_COMMANDS.has(command) ? [] : TUNED_NODE_FLAGS
}

const EVAL_FLAGS = new Set(['-e', '--eval', '-p', '--print', '-i', '--interactive'])

export interface Relaunch {
  /** Arguments for process.execPath. */
  args: string[]
  env: Record<string, string | undefined>
}

export interface ProcessFacts {
  /** The script the child runs. */
  script: string
  /** The arguments after the script. */
  argv: readonly string[]
  execArgv: readonly string[]
  env: Record<string, string | undefined>
  platform: string
}

/**
 * The process to run instead of this one; null when this one is it already, the user turned
 * relaunching off, or Node was given code to run. The user's own Node flags come after ours,
 * so theirs win.
 */
export function relaunchPlan(p: ProcessFacts): Relaunch | null {
  if (p.env[TUNED_MARK] === '1' || p.env[RELAUNCH_SWITCH] === '0') return null
  // Started by code given on the command line (node -e "import(...)"): a new process would run
  // that code, not the CLI.
  if (p.execArgv.some(a => EVAL_FLAGS.has(a.split('=')[0]!))) return null
  const env: Record<string, string | undefined> = { ...p.env, [TUNED_MARK]: '1' }
  if (p.platform === 'linux') env.GLIBC_TUNABLES = withMallocTunables(p.env.GLIBC_TUNABLES)
  return { args: [...nodeFlagsFor(p.argv), ...p.execArgv, p.script, ...p.argv], env }
}

/** GLIBC_TUNABLES with our malloc tunables added, keeping the user's (and their value of any of ours). */
export function withMallocTunables(tunables: string | undefined): string {
  const own = tunables ? tunables.split(':') : []
  const names = new Set(own.map(t => t.split('=')[0]))
  return [...own, ...MALLOC_TUNABLES.filter(t => !names.has(t.split('=')[0]))].join(':')
}
