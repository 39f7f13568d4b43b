import { readFileSync, statSync } from 'node:fs'
import { relative, isAbsolute } from 'node:path'
import type { BuildLayout, ModuleFile } from '../discover/layout.ts'
import { FileSource } from '../bytes/source.ts'
import { ElfFile } from '../elf/elf.ts'
import type { AnalyzerOptions, ModuleSummary } from '../load/analyzer.ts'
import { HintBoard } from '../load/hint-board.ts'
import { LIMITS } from '../load/limits.ts'
import { analyzeModules, usesWorkers, type PoolOptions } from '../load/pool.ts'
import { SideJobs, type SideJob } from '../load/side-jobs.ts'
import type { Kconfig } from '../parse/kconfig.ts'
import type { BuildInfo } from './build-info.ts'
import { InputError } from './errors.ts'

/** What the module pass computes beyond the defaults (see AnalyzerOptions). */
export type BuildAnalysis = Pick<AnalyzerOptions, 'sizeTables'>

/** Up to this many modules, Build.analyzeAgain reads them in this thread. */
const AGAIN_IN_THREAD = 256

/**
 * A discovered build with lazily parsed artifacts. Every parse runs at most once and is
 * shared by all checks (memo); a check asks only for what it needs, so a disabled check costs
 * nothing. Parsers throw InputError; checks turn those into findings.
 */
export class Build {
  readonly layout: BuildLayout
  readonly info: BuildInfo
  readonly config: Kconfig | null
  private readonly pool: PoolOptions
  private readonly analysis: BuildAnalysis
  private readonly memos = new Map<string, unknown>()
  private readonly hints = new HintBoard()
  private readonly sideJobs = new SideJobs()

  constructor(layout: BuildLayout, info: BuildInfo, config: Kconfig | null, pool: PoolOptions = {}, analysis: BuildAnalysis = {}) {
    this.layout = layout
    this.info = info
    this.config = config
    this.pool = pool
    this.analysis = analysis
  }

  /** Computes `make()` once per build under `key` (promises included, so concurrent callers share). */
  memo<V>(key: string, make: () => V): V {
    if (!this.memos.has(key)) this.memos.set(key, make())
    return this.memos.get(key) as V
  }

  /** A path as reports show it: relative to the build root when inside it. */
  rel(path: string): string {
    const r = relative(this.layout.root, path)
    return r && !r.startsWith('..') && !isAbsolute(r) ? r : path
  }

  /** Reads a text artifact whole, bounded. */
  readText(path: string): string {
    return this.memo(`text:${path}`, () => {
      const name = this.rel(path)
      const st = statSync(path, { throwIfNoEntry: false })
      if (!st) throw new InputError('io', name, 'no such file')
      if (!st.isFile()) throw new InputError('not-a-file', name, st.isDirectory() ? 'is a directory, expected a file' : 'is not a regular file')
      if (st.size > LIMITS.maxTextBytes) throw new InputError('too-large', name, `${st.size} bytes is more than the text limit`)
      return readFileSync(path, 'utf8')
    })
  }

  /** vmlinux (or 6.18+ vmlinux.unstripped when asked), opened for ranged reads. */
  vmlinux(which: 'vmlinux' | 'unstripped' = 'vmlinux'): ElfFile | null {
    const path = which === 'unstripped' ? (this.layout.vmlinuxUnstripped ?? this.layout.vmlinux) : this.layout.vmlinux
    if (!path) return null
    return this.memo(`elf:${path}`, () => ElfFile.open(new FileSource(path, this.rel(path))))
  }

  /** Closes the files this build keeps open for ranged reads (vmlinux). */
  close(): void {
    for (const v of this.memos.values()) if (v instanceof ElfFile) v.close()
  }

  /** Every module analyzed once by every registered analyzer (worker threads). */
  modules(): Promise<ModuleSummary[]> {
    return this.memo('modules', () =>
      analyzeModules(this.layout.modules, this.analyzerOptions(), { ...this.pool, hints: this.hints, sideJobs: this.sideJobs })
    )
  }

  /**
   * `job` run by a module worker once it has no module left (SideJobs); null when the modules
   * are not analyzed in workers, or were all analyzed before a worker could take it.
   */
  offThread(job: SideJob): Promise<unknown> {
    if (!usesWorkers(this.layout.modules.length, this.pool.jobs)) return Promise.resolve(null)
    void this.modules().catch(() => undefined)
    return this.sideJobs.submit(job)
  }

  /**
   * Tells `analyzer` something about the modules (module name -> value, the analyzer's
   * ctx.hint): a check that has the baseline can say what its comparison will not need. It
   * reaches every module not yet analyzed; those analyzed before have ctx.hinted unset.
   */
  hint(analyzer: string, byModule: ReadonlyMap<string, unknown>): void {
    this.hints.set(analyzer, byModule)
  }

  /**
   * Some of the build's modules again, by on-demand analyzers (ids). A few hundred are read in
   * this thread: the on-demand analyzers take well under a millisecond a module, and new
   * workers cost a fifth of a second of CPU each to start.
   */
  analyzeAgain(modules: readonly ModuleFile[], analyzers: string[]): Promise<ModuleSummary[]> {
    const pool = modules.length <= AGAIN_IN_THREAD ? { ...this.pool, jobs: 0 } : this.pool
    return analyzeModules(modules, { ...this.analyzerOptions(), analyzers }, pool)
  }

  private analyzerOptions(): AnalyzerOptions {
    const options: AnalyzerOptions = {}
    if (this.layout.btfBase) options.btfBase = this.layout.btfBase
    if (this.analysis.sizeTables) options.sizeTables = this.analysis.sizeTables
    return options
  }
}
