import { nmListed, nmTypeLetter, nmValue } from '../elf/nm.ts'
import type { ModuleAnalyzer } from './analyzer.ts'

/**
 * Every symbol as `nm` prints it (`%016x %c %s`, blanks for undefined), sorted by name; with
 * options.symbolSizes as `nm -S` (the size after the value, for defined symbols of nonzero size).
 * On demand only (`kbuild-review symbols`): too large to collect on every review.
 */
export const symbolsAnalyzer: ModuleAnalyzer<string[]> = {
  id: 'symbols',
  analyze(elf, ctx) {
    const sizes = ctx.options.symbolSizes === true
    const width = elf.is64 ? 16 : 8
    const blank = ' '.repeat(width)
    const rows: Array<[string, string]> = []
    for (const s of elf.symbols()) {
      if (!nmListed(s)) continue
      const t = nmTypeLetter(elf, s)
      const undef = t === 'U' || t === 'w' || t === 'v'
      let v = undef ? blank : nmValue(elf, s).toString(16).padStart(width, '0')
      if (sizes && !undef && s.size !== 0) v += ' ' + s.size.toString(16).padStart(width, '0')
      rows.push([s.name, `${v} ${t} ${s.name}`])
    }
    rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    return rows.map(r => r[1])
  }
}
