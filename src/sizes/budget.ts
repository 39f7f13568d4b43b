import { InputError } from '../model/errors.ts'

/**
 * The size-budget input: how much growth against the baseline is allowed before it becomes a
 * finding. Comma-separated `<scope>=<limit>`:
 *   total=+1%        vmlinux plus every loadable module, as loaded
 *   vmlinux=+256KiB  vmlinux alone (every SHF_ALLOC byte: text, data, bss, init, tables)
 *   module=+64KiB    each module present on both sides (moves between =m and =y excepted)
 * A limit is bytes (a plain number, or with K/KiB, M/MiB, G/GiB: powers of 1024) or a percent
 * of the baseline (`+1.5%`). The `+` is optional; growth strictly above the limit is over
 * budget. KB/MB are refused as ambiguous. Example: "total=+1%,module=+64KiB".
 */
export type BudgetScope = 'total' | 'vmlinux' | 'module'
export type BudgetLimit = { bytes: number } | { percent: number }
export type SizeBudget = Partial<Record<BudgetScope, BudgetLimit>>

const SCOPES: readonly BudgetScope[] = ['total', 'vmlinux', 'module']
const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kib: 1024, m: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gib: 1024 ** 3 }
const LIMIT = /^\+?(\d+(?:\.\d+)?)\s*(%|[a-z]*)$/i

export function parseSizeBudget(text: string, source = 'size-budget'): SizeBudget {
  const out: SizeBudget = {}
  for (const raw of text.split(',')) {
    const part = raw.trim()
    if (!part) continue
    const eq = part.indexOf('=')
    const scope = (eq < 0 ? '' : part.slice(0, eq).trim().toLowerCase()) as BudgetScope
    if (!SCOPES.includes(scope)) {
      throw new InputError('bad-value', source, `"${part}": expected <scope>=<limit> with scope ${SCOPES.join(', ')} (e.g. "total=+1%,module=+64KiB")`)
    }
    if (out[scope]) throw new InputError('bad-value', source, `"${scope}" is given twice`)
    const value = part.slice(eq + 1).trim()
    const m = LIMIT.exec(value)
    if (!m) throw new InputError('bad-value', source, `"${part}": the limit must be bytes (64KiB, 1M, 4096) or a percent (+1%)`)
    const n = Number(m[1])
    const unit = m[2]!.toLowerCase()
    if (unit === '%') {
      out[scope] = { percent: n }
      continue
    }
    const mult = UNITS[unit]
    if (mult === undefined) {
      const hint = unit === 'kb' || unit === 'mb' || unit === 'gb' ? ` (ambiguous: write ${unit[0]!.toUpperCase()}iB for powers of 1024)` : ''
      throw new InputError('bad-value', source, `"${part}": unknown unit "${m[2]}"${hint}`)
    }
    const bytes = n * mult
    if (!Number.isSafeInteger(Math.round(bytes))) throw new InputError('bad-value', source, `"${part}": limit too large`)
    out[scope] = { bytes: Math.round(bytes) }
  }
  return out
}

/** Whether growth from `before` to `after` is over the limit. Shrinking never is. */
export function overBudget(limit: BudgetLimit, before: number, after: number): boolean {
  const growth = after - before
  if (growth <= 0) return false
  if ('bytes' in limit) return growth > limit.bytes
  // No baseline bytes: any growth is infinitely many percent.
  return before === 0 || (growth * 100) / before > limit.percent
}

export function describeLimit(limit: BudgetLimit): string {
  return 'bytes' in limit ? `+${limit.bytes.toLocaleString('en-US')} bytes` : `+${limit.percent}%`
}
