import { atLeast, type KernelVersion } from '../model/build-info.ts'
import { InputError } from '../model/errors.ts'

/**
 * scripts/mksysmap: the filter between `nm -n` and System.map / .tmp_vmlinuxN.syms. Lines
 * matching any pattern are dropped. Patterns apply to the whole `addr type name` line, as
 * sed and grep see it.
 */
export interface MksysmapFilter {
  /** Where the patterns came from: "scripts/mksysmap of the source tree" or a built-in era. */
  readonly origin: string
  readonly patterns: readonly RegExp[]
  /**
   * 6.4-6.10 form: `mksysmap vmlinux System.map <kallsyms.o>` also dropped every symbol the
   * kallsyms object defines (the kallsyms_* tables), so passes had identical symbol lists.
   */
  readonly dropsKallsymsObjectSymbols: boolean
}

export function keepsLine(filter: MksysmapFilter, line: string): boolean {
  for (const re of filter.patterns) if (re.test(line)) return false
  return true
}

/** The symbols scripts/kallsyms.c emits; what the 6.4-6.10 exclusion removed. */
export const KALLSYMS_TABLE_SYMBOLS: readonly string[] = [
  'kallsyms_addresses',
  'kallsyms_offsets',
  'kallsyms_relative_base',
  'kallsyms_num_syms',
  'kallsyms_names',
  'kallsyms_markers',
  'kallsyms_token_table',
  'kallsyms_token_index',
  'kallsyms_seqs_of_names'
]

// Before 6.1 (5.x): grep -v '\( [aNUw] \)\|\(__crc_\)\|\( \$[adt]\)\|\( \.L\)'
const BEFORE_6_1 = [/ [aNUw] /, /__crc_/, / \$[adt]/, / \.L/]
// 6.1-6.3: grep -v -e ' [aNUw] ' -e ' \$' -e ' \.L' -e ' __crc_' -e ' __kstrtab_' -e ' __kstrtabns_' -e ' L0$'
const GREP_6_1 = [/ [aNUw] /, / \$/, / \.L/, / __crc_/, / __kstrtab_/, / __kstrtabns_/, / L0$/]
// 6.4+: sed script; the list of 7.2 (later additions only name symbols older kernels never emit).
const SED_7_2 = [
  / [aNUw] /,
  / \$/,
  / \.L/,
  / __efistub_/,
  / __pi_\$/,
  / __pi_\.L/,
  / __kvm_nvhe_\$/,
  / __kvm_nvhe_\.L/,
  / __[A-Za-z0-9]*Thunk_/,
  / __kcfi_typeid_/,
  / __kvm_nvhe___kcfi_typeid_/,
  / __pi___kcfi_typeid_/,
  / __crc_/,
  / __kstrtab_/,
  / __kstrtabns_/,
  / __mod_device_table__/,
  /_from_arm$/,
  /_from_thumb$/,
  /_veneer$/,
  / L0$/,
  / _SDA_BASE_$/,
  / _SDA2_BASE_$/,
  / __UNIQUE_ID_modinfo_[0-9]*$/,
  /\.long_branch\./,
  /\.plt_branch\./
]

/**
 * The filter of a kernel version when its scripts/mksysmap is not at hand. Exact for the
 * grep form (6.1-6.3) and for 6.11+; 6.4-6.10 also excluded the kallsyms object's symbols
 * (the exact release that stopped doing so is 6.11, where step 0 made it unnecessary).
 */
export function builtinMksysmap(version: KernelVersion | null): MksysmapFilter {
  if (version && !atLeast(version, 6, 1)) return { origin: 'built-in filter of 5.x kernels', patterns: BEFORE_6_1, dropsKallsymsObjectSymbols: false }
  if (version && !atLeast(version, 6, 4)) return { origin: 'built-in filter of 6.1-6.3 kernels', patterns: GREP_6_1, dropsKallsymsObjectSymbols: false }
  if (version && !atLeast(version, 6, 11)) return { origin: 'built-in filter of 6.4-6.10 kernels', patterns: SED_7_2, dropsKallsymsObjectSymbols: true }
  return { origin: 'built-in filter of 6.11+ kernels', patterns: SED_7_2, dropsKallsymsObjectSymbols: false }
}

/**
 * Reads the filter out of a kernel's own scripts/mksysmap, whichever of its forms:
 * a `#!/bin/sed -f` script (6.11+), sed inside a double-quoted shell string (6.4-6.10, where
 * the shell removes one level of backslashes: `\$` reaches sed as `$`), `grep -v -e '...'`
 * (6.1-6.3) or one `grep -v '\(...\)\|\(...\)'` (older).
 */
export function parseMksysmapScript(text: string, file: string): MksysmapFilter {
  const patterns: RegExp[] = []
  // Line by line from the first `sed` of each: one regex over the whole text backtracks
  // quadratically on a long line full of `sed` words.
  const sedInShell = text.split('\n').some(line => {
    const at = line.search(/\bsed\b/)
    return at >= 0 && /-e\s+"/.test(line.slice(at))
  })
  if (/^#!\s*\/bin\/sed\b/.test(text) || sedInShell) {
    for (const raw of text.split('\n')) {
      const m = /^\/(.*)\/d\s*$/.exec(raw)
      if (!m) continue
      const re = sedInShell ? shellDoubleQuoteUnescape(m[1]!) : m[1]!
      patterns.push(breToRegExp(re, file))
    }
  } else {
    const dashE = [...text.matchAll(/-e\s+'([^']*)'/g)]
    if (dashE.length > 0) {
      for (const m of dashE) patterns.push(breToRegExp(m[1]!, file))
    } else {
      const m = /grep\s+-v\s+'([^']*)'/.exec(text)
      if (m) for (const alt of splitBreAlternatives(m[1]!)) patterns.push(breToRegExp(alt, file))
    }
  }
  if (patterns.length === 0) throw new InputError('unsupported', file, 'no sed or grep patterns found in this mksysmap script')
  // Every pattern runs on every map line: a script with thousands would take hours.
  if (patterns.length > MAX_PATTERNS) throw new InputError('unsupported', file, `${patterns.length} patterns; a mksysmap has about 25, at most ${MAX_PATTERNS} are used`)
  return { origin: `${file}`, patterns, dropsKallsymsObjectSymbols: /\$\{?3\}?/.test(text) }
}

/** Inside "...", sh keeps a backslash unless it precedes $ ` " \ or a newline. */
function shellDoubleQuoteUnescape(s: string): string {
  return s.replace(/\\([$`"\\\n])/g, '$1')
}

/** GNU grep BRE `\(a\)\|\(b\)` at the top level, split into its alternatives. */
function splitBreAlternatives(re: string): string[] {
  return re.split('\\|').map(a => a.replace(/^\\\(/, '').replace(/\\\)$/, ''))
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: 'A-Za-z0-9',
  alpha: 'A-Za-z',
  digit: '0-9',
  xdigit: '0-9A-Fa-f',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  punct: '!-\\/:-@\\[-`{-~'
}

/** Patterns and pattern length accepted from a build's own mksysmap (6.12 has 23, the longest 30 characters). */
const MAX_PATTERNS = 200
const MAX_PATTERN_CHARS = 1000

/** Repetitions (`*`, `\{m,n\}`) accepted in one pattern of a build's own mksysmap. */
const MAX_REPEATS = 3

/**
 * POSIX basic regular expression (with the GNU \| \( \) extensions) to a JavaScript RegExp.
 * Covers what mksysmap scripts use: literals, ., *, ^, $, bracket expressions with classes.
 */
export function breToRegExp(bre: string, file: string): RegExp {
  // V8 compiles a RegExp at its first use and overflows its stack on one of 100,000 characters.
  if (bre.length > MAX_PATTERN_CHARS) throw new InputError('unsupported', file, `a pattern of ${bre.length} characters; mksysmap patterns are short`)
  let out = ''
  // The patterns run on every map line in a backtracking engine: a repeated group or many
  // repetitions could take exponential or high-polynomial time on a hostile line. No
  // mksysmap pattern (6.1 to 7.2) repeats a group or has more than one `*`.
  let repeats = 0
  let afterGroup = false
  const repeat = () => {
    if (afterGroup) throw new InputError('unsupported', file, `pattern ${JSON.stringify(bre)} repeats a group`)
    if (++repeats > MAX_REPEATS) throw new InputError('unsupported', file, `pattern ${JSON.stringify(bre)} has more than ${MAX_REPEATS} repetitions`)
  }
  for (let i = 0; i < bre.length; i++) {
    const c = bre[i]!
    const wasAfterGroup: boolean = afterGroup
    afterGroup = false
    if (c === '\\') {
      const n = bre[++i]
      if (n === undefined) throw new InputError('bad-value', file, `pattern ${JSON.stringify(bre)} ends in a backslash`)
      if (n === '(' || n === ')' || n === '|') {
        out += n
        afterGroup = n === ')'
      } else if (n === '{') {
        afterGroup = wasAfterGroup
        repeat()
        out += n
      } else if (n === '}') out += n
      else if (/[0-9A-Za-z]/.test(n)) out += n === 'w' || n === 's' || n === 'W' || n === 'S' || n === 'b' ? '\\' + n : escapeJs(n)
      else out += escapeJs(n)
    } else if (c === '[') {
      const end = bracketEnd(bre, i)
      if (end < 0) throw new InputError('bad-value', file, `pattern ${JSON.stringify(bre)} has an unterminated [`)
      out += bracketToJs(bre.slice(i + 1, end), bre, file)
      i = end
    } else if (c === '^') out += i === 0 ? '^' : '\\^'
    else if (c === '$') out += i === bre.length - 1 ? '$' : '\\$'
    else if (c === '*') {
      afterGroup = wasAfterGroup
      repeat()
      out += c
    } else if (c === '.') out += c
    else out += escapeJs(c)
  }
  try {
    return new RegExp(out)
  } catch (err) {
    throw new InputError('bad-value', file, `pattern ${JSON.stringify(bre)}: ${(err as Error).message}`)
  }
}

/** The inside of a POSIX bracket expression (backslash is literal there) as a JS class. */
function bracketToJs(body: string, bre: string, file: string): string {
  let out = '['
  let i = 0
  if (body.startsWith('^')) {
    out += '^'
    i = 1
  }
  for (; i < body.length; i++) {
    const c = body[i]!
    if (c === '[' && body[i + 1] === ':') {
      const close = body.indexOf(':]', i + 2)
      const name = body.slice(i + 2, close)
      const cls = POSIX_CLASSES[name]
      if (cls === undefined) throw new InputError('unsupported', file, `character class [:${name}:] in ${JSON.stringify(bre)}`)
      out += cls
      i = close + 1
    } else if (c === '\\' || c === ']' || c === '[' || c === '^') out += '\\' + c
    else out += c
  }
  return out + ']'
}

function bracketEnd(re: string, open: number): number {
  let i = open + 1
  if (re[i] === '^') i++
  if (re[i] === ']') i++
  for (; i < re.length; i++) {
    if (re[i] === '[' && re[i + 1] === ':') {
      const close = re.indexOf(':]', i + 2)
      if (close < 0) return -1
      i = close + 1
    } else if (re[i] === ']') return i
  }
  return -1
}

function escapeJs(c: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(c) ? '\\' + c : c
}
