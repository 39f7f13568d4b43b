import { nmListed, nmTypeLetter, nmValue } from '../elf/nm.ts'
import type { ModuleAnalyzer } from './analyzer.ts'

/**
 * Every symbol as `nm` prints it (`%016x %c %s`, blanks for undefined), sorted by name.
 * On demand only (`kbuild-review symbols`): too large to collect on every review.
 */
export const symbolsAnalyzer: ModuleAnalyzer<string[]> = {
  id: 'symbols',
  analyze(elf) {
    const width = elf.is64 ? 16 : 8
    const blank = ' '.repeat(width)
    const rows: Array<[string, string]> = []
    for (const s of elf.symbols()) {
      if (!nmListed(s)) continue
      const t = nmTypeLetter(elf, s)
      const v = t === 'U' || t === 'w' || t === 'v' ? blank : nmValue(elf, s).toString(16).padStart(width, '0')
      rows.push([s.name, `${v} ${t} ${s.name}`])
    }
    rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    return rows.map(r => r[1])
  }
}
