import type { Finding, Severity } from '../model/finding.ts'
import { formatCrc } from './model.ts'
import type { ImportProblem } from './resolve.ts'
import type { ListIssue, ListReader, SymbolList } from './symbol-list.ts'

/** One list line as a message shows it: control characters made visible. */
export function visible(s: string): string {
  return JSON.stringify(s)
}

function names(xs: readonly string[]): string {
  return xs.map(x => visible(x)).join(', ')
}

const READER_NAME: Record<Exclude<ListReader, 'android'>, string> = {
  modpost: 'modpost (6.5+) reads each line as one name, byte for byte',
  autoksyms: 'gen_autoksyms.sh (≤6.4) splits the file on spaces'
}

/**
 * A line the kernel misreads. Severity: error when a symbol the author meant is lost from a list
 * the kernel reads in this build; warning when the kernel reads bogus names; notice when the
 * line is harmless here. Lists the kernel does not read in this build go one step lower.
 */
export function listIssueFinding(list: SymbolList, issue: ListIssue, kernelReads: boolean): Finding {
  const at = { file: list.file, line: issue.line }
  if (issue.kind === 'duplicate') {
    return {
      severity: 'notice',
      code: 'symbol-list-duplicate',
      message: `duplicate entry ${visible(issue.text.trim())} (first on line ${issue.firstLine}); harmless, but the list is meant to hold each symbol once`,
      ...at
    }
  }
  const reader = list.reader === 'android' ? 'modpost' : list.reader
  let severity: Severity = issue.lost.length ? 'error' : issue.bogus.length ? 'warning' : 'notice'
  if (!kernelReads) severity = severity === 'error' ? 'warning' : 'notice'
  const when = kernelReads ? '' : 'if this list were CONFIG_UNUSED_KSYMS_WHITELIST, '
  const verb = kernelReads ? (issue.lost.length === 1 ? 'is' : 'are') : 'would be'
  const lost = issue.lost.length ? `; ${issue.lost.length === 1 ? visible(issue.lost[0]!) : names(issue.lost)} ${verb} silently not kept` : ''
  const bogus = issue.bogus.length ? `; it ${kernelReads ? 'reads' : 'would read'} ${names(issue.bogus)} as symbol name${issue.bogus.length === 1 ? '' : 's'}` : ''
  let what: string
  switch (issue.kind) {
    case 'cr':
      what =
        reader === 'modpost'
          ? list.crOnly
            ? 'the file ends its lines with CR only: modpost splits on LF and sees one long name'
            : 'the line ends with CR (CRLF line endings): modpost keeps the CR in the name'
          : 'the line ends with CR: it stays in the word, and GCC ends `#define __KSYM_<word> 1` at the CR, leaving a stray " 1" line in autoksyms.h that breaks compilation'
      break
    case 'whitespace':
      what =
        reader === 'modpost'
          ? `the line has ${/^\s|\s$/.test(issue.text) ? 'leading or trailing' : 'inner'} whitespace, which modpost keeps in the name`
          : 'the line holds a tab, which gen_autoksyms.sh keeps in the word (only spaces separate names)'
      break
    case 'comment':
      what = reader === 'modpost' ? 'modpost does not understand # comments' : 'gen_autoksyms.sh does not understand # comments'
      break
    case 'header':
      what = reader === 'modpost' ? 'modpost does not understand [section] headers' : 'gen_autoksyms.sh does not understand [section] headers'
      break
  }
  const harmless = !issue.lost.length && !issue.bogus.length ? '; the line matches no export, so it is harmless in this build' : ''
  return {
    severity,
    code: issue.kind === 'cr' ? 'symbol-list-cr-line-ending' : `symbol-list-${issue.kind}`,
    message: `${when}${what}${lost}${bogus}${harmless} (${READER_NAME[reader]})`,
    ...at
  }
}

/** An import problem as a finding: each is a future modpost error or module load failure. */
export function importFinding(p: ImportProblem, extra: boolean, trimRace: boolean): Finding {
  const m = p.module
  const who = extra ? `out-of-tree module ${m.name}` : `module ${m.name}`
  const base = { severity: 'error' as const, module: m.name, file: m.file }
  switch (p.kind) {
    case 'unresolved':
      if (trimRace) {
        return {
          ...base,
          code: 'import-trim-race',
          symbol: p.symbol,
          message: `${who} needs ${p.symbol}, which include/generated/autoksyms.h keeps but the final vmlinux does not export: vmlinux was not relinked after autoksyms.h changed (the TRIM_UNUSED_KSYMS race of ≤6.4); rebuild vmlinux`
        }
      }
      return {
        ...base,
        code: 'import-unresolved',
        symbol: p.symbol,
        message: `${who} needs ${p.symbol}, which this build does not export (${extra ? 'depmod: "needs unknown symbol", and the module will not load' : `modpost: "${p.symbol}" [${m.owner}.ko] undefined!`})`
      }
    case 'gpl-only':
      return {
        ...base,
        code: 'import-gpl-only',
        symbol: p.symbol,
        message: `${who} ${p.licenses.length ? `(license ${p.licenses.map(l => `"${l}"`).join(', ')}) is not GPL-compatible` : 'has no MODULE_LICENSE, which the loader treats as not GPL-compatible,'} but uses GPL-only ${p.symbol} from ${p.export.module}`
      }
    case 'namespace':
      return {
        ...base,
        code: 'import-namespace-missing',
        symbol: p.symbol,
        message: `${who} uses ${p.symbol} from namespace ${p.export.namespace} but does not import it (add MODULE_IMPORT_NS(${p.export.namespace}))`
      }
    case 'crc':
      return {
        ...base,
        code: 'import-crc-mismatch',
        symbol: p.symbol,
        message: `${who} was built against ${p.symbol} with CRC ${formatCrc(p.recorded)}, but ${p.export.module} exports it with ${formatCrc(p.export.crc)}: "disagrees about version of symbol ${p.symbol}" at load`
      }
    case 'no-version':
      return {
        ...base,
        code: 'import-version-missing',
        symbol: p.symbol,
        message: `${who} records no CRC for ${p.symbol} in __versions, but ${p.export.module} exports it with one: "no symbol version for ${p.symbol}" and the load fails`
      }
    case 'unversioned':
      return {
        ...base,
        code: 'import-unversioned',
        message: `${who} has no __versions section, but ${p.symbols} of the exports it uses carry CRCs: a MODVERSIONS kernel refuses it unless built with CONFIG_MODULE_FORCE_LOAD and loaded with --force`
      }
  }
}
