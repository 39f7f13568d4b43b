import type { ElfFile } from '../elf/elf.ts'
import type { ModuleFile } from '../discover/layout.ts'

/**
 * A per-module fact extractor. Every module is read, decompressed and parsed once, inside a
 * worker thread, and each registered analyzer takes what its check needs from the ELF. What
 * it returns must be structured-cloneable and small (it crosses the thread boundary).
 */
export interface ModuleAnalyzer<T = unknown> {
  readonly id: string
  analyze(elf: ElfFile, ctx: AnalyzerContext): T
}

export interface AnalyzerOptions {
  /** Analyzer ids to run; default: every analyzer in ANALYZERS. */
  analyzers?: string[]
  /** The symbols analyzer prints sizes too, as `nm -S`. */
  symbolSizes?: boolean
  /** The BTF vmlinux module BTF is validated against, when there is one. */
  btfBase?: string
  /**
   * The sizes analyzer's symbol-size tables: 'all' (default; snapshots keep them), 'none' (a
   * review without a baseline never reads them), or 'baseline': made when the module's hint
   * says the baseline comparison will read them; modules analyzed before the hints arrived
   * get none, and the sizes check reads those it needs again.
   */
  sizeTables?: 'all' | 'none' | 'baseline'
}

export interface AnalyzerContext {
  module: ModuleFile
  options: AnalyzerOptions
  /** Per-worker memo for expensive shared inputs (a parsed base BTF, say). */
  memo<V>(key: string, make: () => V): V
  /**
   * Whether a check's hints for this analyzer had arrived when the module was analyzed (see
   * Build.hint), and this module's hint among them. Hinted without a hint: the check gave
   * none for this module.
   */
  hinted?: boolean
  hint?: unknown
}

export interface ModuleSummary {
  name: string
  relPath: string
  compression: ModuleFile['compression']
  /** Size of the file on disk. */
  fileBytes: number
  /** Size of the ELF image (decompressed, signature trailer excluded). */
  elfBytes: number
  signatureBytes: number
  /** Set when the module could not be read or is not a valid ELF; facts is then empty. */
  error?: string
  /** Analyzer id -> its result, or `{ error }` when that analyzer failed on this module. */
  facts: Record<string, unknown>
  factErrors: Record<string, string>
}

/** Typed access to one analyzer's fact. */
export function factOf<T>(mod: ModuleSummary, analyzer: ModuleAnalyzer<T>): T | undefined {
  return mod.facts[analyzer.id] as T | undefined
}
