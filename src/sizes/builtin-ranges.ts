import { InputError } from '../model/errors.ts'

/**
 * modules.builtin.ranges (6.12+, CONFIG_BUILTIN_MODULE_RANGES), written by
 * scripts/generate_builtin_ranges.awk: per vmlinux output section, offset ranges from the
 * section's base owned by built-in modules, and one anchor per section:
 *   .text 00000000-00000000 = _text
 *   .text 0009e6c0-0009f1b0 em_cmp
 *   .data 00001a40-00001b00 mod_a mod_b      (an object linked into several modules)
 * Offsets are `%08x`; module names have '-' turned into '_'.
 */
export interface BuiltinRange {
  section: string
  start: number
  end: number
  modules: string[]
}

export interface RangeAnchor {
  section: string
  offset: number
  symbol: string
}

export interface BuiltinRanges {
  ranges: BuiltinRange[]
  anchors: RangeAnchor[]
}

const LINE = /^(\S+) ([0-9a-fA-F]+)-([0-9a-fA-F]+) (.+)$/

export function parseBuiltinRanges(text: string, file: string): BuiltinRanges {
  const ranges: BuiltinRange[] = []
  const anchors: RangeAnchor[] = []
  let lineNo = 0
  for (const raw of text.split('\n')) {
    lineNo++
    const line = raw.trimEnd()
    if (line === '') continue
    const m = LINE.exec(line)
    if (!m) throw new InputError('bad-value', file, `line ${lineNo}: expected "<section> <start>-<end> <module...>", got "${clip(line)}"`)
    const start = hex(m[2]!, file, lineNo)
    const end = hex(m[3]!, file, lineNo)
    if (end < start) throw new InputError('bad-value', file, `line ${lineNo}: range end 0x${m[3]} is before its start 0x${m[2]}`)
    const rest = m[4]!.trim().split(/\s+/)
    if (rest[0] === '=') {
      if (rest.length !== 2) throw new InputError('bad-value', file, `line ${lineNo}: an anchor names one symbol, got "${clip(line)}"`)
      anchors.push({ section: m[1]!, offset: start, symbol: rest[1]! })
    } else {
      ranges.push({ section: m[1]!, start, end, modules: rest })
    }
  }
  return { ranges, anchors }
}

function hex(s: string, file: string, lineNo: number): number {
  if (s.length > 12) throw new InputError('bad-value', file, `line ${lineNo}: offset 0x${s} is too large`)
  return parseInt(s, 16)
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s
}

/**
 * modules.builtin: `kernel/<path>/<name>.ko` per built-in module; the kernel's module name is the
 * file name with '-' as '_' (as scripts/generate_builtin_ranges.awk and modprobe see it).
 */
export function parseModulesBuiltin(text: string): string[] {
  const out: string[] = []
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (!line) continue
    const base = line.slice(line.lastIndexOf('/') + 1).replace(/\.ko$/, '')
    if (base) out.push(base.replace(/-/g, '_'))
  }
  return out
}
