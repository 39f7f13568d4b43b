import type { ModuleAnalyzer } from './analyzer.ts'

/**
 * What the checks read of .modinfo. Not every key=value pair: a distro module's aliases and
 * parameter descriptions are most of it, and every fact crosses from a worker thread.
 */
export interface ModInfo {
  license?: string
  /** Every license= in order (modpost requires all of them to be GPL-compatible). */
  licenses: string[]
  /** `intree=Y` is set by modpost for modules built in the kernel tree (absent for M= builds). */
  intree: boolean
  vermagic?: string
  importNs: string[]
  depends: string[]
}

/** .modinfo: NUL-separated `key=value` strings (include/linux/moduleparam.h, MODULE_INFO). */
export const modinfoAnalyzer: ModuleAnalyzer<ModInfo | null> = {
  id: 'modinfo',
  analyze(elf) {
    const sec = elf.section('.modinfo')
    if (!sec) return null
    const data = elf.data(sec)
    const entries: Array<[string, string]> = []
    let start = 0
    for (let i = 0; i <= data.length; i++) {
      if (i === data.length || data[i] === 0) {
        if (i > start) {
          const s = Buffer.from(data.subarray(start, i)).toString('utf8')
          const eq = s.indexOf('=')
          if (eq > 0) entries.push([s.slice(0, eq), s.slice(eq + 1)])
        }
        start = i + 1
      }
    }
    const get = (k: string) => entries.find(e => e[0] === k)?.[1]
    const all = (k: string) => entries.filter(e => e[0] === k).map(e => e[1])
    const depends = get('depends')
    return {
      license: get('license'),
      licenses: all('license'),
      intree: get('intree') === 'Y',
      vermagic: get('vermagic'),
      importNs: all('import_ns'),
      depends: depends ? depends.split(',').filter(Boolean) : []
    }
  }
}
