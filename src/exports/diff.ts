import { InputError } from '../model/errors.ts'
import { compareNames, tableOf, type ExportedSymbol } from './model.ts'

/** A build's exports as snapshots keep them: module names once, one short row per export. */
export interface ExportSnapshot {
  source: 'symvers' | 'binaries' | 'none'
  modversions: boolean
  modules: string[]
  /** [symbol, index into modules, 1 when GPL-only, namespace, CRC or null] */
  rows: Array<[string, number, 0 | 1, string, number | null]>
}

export function toExportSnapshot(source: ExportSnapshot['source'], modversions: boolean, exports: readonly ExportedSymbol[]): ExportSnapshot {
  const index = new Map<string, number>()
  const modules: string[] = []
  const rows: ExportSnapshot['rows'] = []
  for (const e of [...exports].sort((a, b) => compareNames(a.symbol, b.symbol))) {
    let i = index.get(e.module)
    if (i === undefined) {
      i = modules.length
      modules.push(e.module)
      index.set(e.module, i)
    }
    rows.push([e.symbol, i, e.gplOnly ? 1 : 0, e.namespace, e.crc])
  }
  return { source, modversions, modules, rows }
}

/** The exports of a snapshot, checked: snapshots come from files a workflow hands us. */
export function fromExportSnapshot(s: unknown, file: string): ExportedSymbol[] {
  const bad = (what: string) => new InputError('bad-value', file, `exports snapshot: ${what}`)
  if (!s || typeof s !== 'object') throw bad('not an object')
  const snap = s as Partial<ExportSnapshot>
  if (!Array.isArray(snap.modules) || !Array.isArray(snap.rows)) throw bad('no "modules" or "rows" array')
  const modules = snap.modules
  if (!modules.every(m => typeof m === 'string')) throw bad('module names must be strings')
  return snap.rows.map((r, i) => {
    if (!Array.isArray(r) || r.length !== 5) throw bad(`row ${i} is not [symbol, module, gpl, namespace, crc]`)
    const [symbol, mod, gpl, namespace, crc] = r as unknown[]
    const module = typeof mod === 'number' ? modules[mod] : undefined
    if (typeof symbol !== 'string' || module === undefined || (gpl !== 0 && gpl !== 1) || typeof namespace !== 'string') throw bad(`row ${i} is malformed`)
    if (crc !== null && (typeof crc !== 'number' || !Number.isInteger(crc) || crc < 0 || crc > 0xffffffff)) throw bad(`row ${i}: CRC is not a 32-bit number`)
    return { symbol, module, gplOnly: gpl === 1, namespace, crc: crc as number | null }
  })
}

export type ChangedField = 'gplOnly' | 'namespace' | 'crc' | 'module'

export interface ExportChange {
  symbol: string
  before: ExportedSymbol
  after: ExportedSymbol
  fields: ChangedField[]
}

export interface ExportDiff {
  added: ExportedSymbol[]
  removed: ExportedSymbol[]
  changed: ExportChange[]
}

/**
 * Exports added, removed and changed between two builds, each sorted by name. A CRC counts as
 * changed only when both builds have one (a build without MODVERSIONS says nothing about CRCs).
 */
export function diffExports(base: readonly ExportedSymbol[], head: readonly ExportedSymbol[]): ExportDiff {
  const before = tableOf(base)
  const after = tableOf(head)
  const added: ExportedSymbol[] = []
  const removed: ExportedSymbol[] = []
  const changed: ExportChange[] = []
  for (const [name, b] of before) {
    const a = after.get(name)
    if (!a) {
      removed.push(b)
      continue
    }
    const fields: ChangedField[] = []
    if (a.gplOnly !== b.gplOnly) fields.push('gplOnly')
    if (a.namespace !== b.namespace) fields.push('namespace')
    if (a.crc !== null && b.crc !== null && a.crc !== b.crc) fields.push('crc')
    if (a.module !== b.module) fields.push('module')
    if (fields.length) changed.push({ symbol: name, before: b, after: a, fields })
  }
  for (const [name, a] of after) if (!before.has(name)) added.push(a)
  const byName = (x: { symbol: string }, y: { symbol: string }) => compareNames(x.symbol, y.symbol)
  return { added: added.sort(byName), removed: removed.sort(byName), changed: changed.sort(byName) }
}

export interface ModuleCounts {
  module: string
  added: number
  removed: number
  changed: number
}

/** Counts per module (removed: the base's owner; added and changed: the head's), busiest first. */
export function countsPerModule(d: ExportDiff): ModuleCounts[] {
  const m = new Map<string, ModuleCounts>()
  const get = (module: string) => {
    let c = m.get(module)
    if (!c) m.set(module, (c = { module, added: 0, removed: 0, changed: 0 }))
    return c
  }
  for (const e of d.added) get(e.module).added++
  for (const e of d.removed) get(e.module).removed++
  for (const c of d.changed) get(c.after.module).changed++
  const total = (c: ModuleCounts) => c.added + c.removed + c.changed
  return [...m.values()].sort((a, b) => total(b) - total(a) || compareNames(a.module, b.module))
}
