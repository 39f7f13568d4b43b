import { nmListing } from '../elf/nm-listing.ts'
import { safeTerminal } from '../report/text-blocks.ts'
import type { ModuleAnalyzer } from './analyzer.ts'

/**
 * Every symbol as `nm` prints it (with options.symbolSizes as `nm -S`), names made
 * terminal-safe here, in the worker. One buffer of UTF-8 (lines joined by \n), moved to the main
 * thread without a copy (the worker transfers facts that own their ArrayBuffer). On demand only
 * (`kbuild-review symbols`): too large to collect on every review.
 */
export const symbolsAnalyzer: ModuleAnalyzer<Uint8Array> = {
  id: 'symbols',
  analyze(elf, ctx) {
    return nmListing(elf, { sizes: ctx.options.symbolSizes === true, escape: safeTerminal })
  }
}
