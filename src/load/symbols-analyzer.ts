import { nmListed, nmTypeLetter, nmValue } from '../elf/nm.ts'
import { safeTerminal } from '../report/text-blocks.ts'
import type { ModuleAnalyzer } from './analyzer.ts'

const HEX_LIMIT = BigInt(Number.MAX_SAFE_INTEGER)

function hex(v: bigint, width: number): string {
  return (v <= HEX_LIMIT ? Number(v).toString(16) : v.toString(16)).padStart(width, '0')
}

/**
 * Every symbol as `nm` prints it (`%016x %c %s`, blanks for undefined), sorted by name; with
 * options.symbolSizes as `nm -S` (the size after the value, for defined symbols of nonzero size).
 * Names are made terminal-safe here, in the worker. One string (lines joined by \n): a single
 * string crosses the thread boundary as one copy, a million small ones do not. On demand only
 * (`kbuild-review symbols`): too large to collect on every review.
 */
export const symbolsAnalyzer: ModuleAnalyzer<string> = {
  id: 'symbols',
  analyze(elf, ctx) {
    const sizes = ctx.options.symbolSizes === true
    const width = elf.is64 ? 16 : 8
    const blank = ' '.repeat(width)
    // "name\0line": the default sort compares UTF-16 units natively, far faster than a comparator.
    const keyed: string[] = []
    for (const s of elf.symbols()) {
      if (!nmListed(s)) continue
      const t = nmTypeLetter(elf, s)
      const undef = t === 'U' || t === 'w' || t === 'v'
      let v = undef ? blank : hex(nmValue(elf, s), width)
      if (sizes && !undef && s.size !== 0) v += ' ' + s.size.toString(16).padStart(width, '0')
      const name = safeTerminal(s.name)
      keyed.push(`${name}\0${v} ${t} ${name}`)
    }
    keyed.sort()
    for (let i = 0; i < keyed.length; i++) keyed[i] = keyed[i]!.slice(keyed[i]!.indexOf('\0') + 1)
    return keyed.join('\n')
  }
}
