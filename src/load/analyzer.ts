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
   * review without a baseline never reads them), or 'baseline': made unless the module's hint
   * says the baseline comparison will not read them (modules sent before the baseline was
   * loaded carry no hint and get them).
   */
  sizeTables?: 'all' | 'none' | 'baseline'
}

/** Analyzer id -> what a check told that analyzer about one module (see Build.hint). */
export type ModuleHints = Record<string, unknown>

export interface AnalyzerContext {
  module: ModuleFile
  options: AnalyzerOptions
  /** Per-worker memo for expensive shared inputs (a parsed base BTF, say). */
  memo<V>(key: string, make: () => V): V
  /** This analyzer's hint for this module, when a check gave one before the module was sent. */
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
