import { recordedCrc } from './module-analyzer.ts'
import type { ExportedSymbol, ExportTable } from './model.ts'
import type { LinkedModule } from './module-set.ts'

/**
 * What goes wrong when a module's imports meet the exports, as modpost's check_exports and
 * the module loader (kernel/module/main.c resolve_symbol, version.c check_version) see it.
 */
export type ImportProblem =
  | { kind: 'unresolved'; module: LinkedModule; symbol: string }
  | { kind: 'gpl-only'; module: LinkedModule; symbol: string; export: ExportedSymbol; licenses: string[] }
  | { kind: 'namespace'; module: LinkedModule; symbol: string; export: ExportedSymbol }
  | { kind: 'crc'; module: LinkedModule; symbol: string; export: ExportedSymbol; recorded: number }
  | { kind: 'no-version'; module: LinkedModule; symbol: string; export: ExportedSymbol }
  | { kind: 'unversioned'; module: LinkedModule; symbols: number }

/** include/linux/license.h license_is_gpl_compatible. */
const GPL_COMPATIBLE = new Set(['GPL', 'GPL v2', 'GPL and additional rights', 'Dual BSD/GPL', 'Dual MIT/GPL', 'Dual MPL/GPL'])

/** Every license= of .modinfo (modpost requires all of them to be GPL-compatible). */
export function licensesOf(m: LinkedModule): string[] {
  return m.modinfo?.licenses ?? []
}

/**
 * modpost marks a module GPL-incompatible when any license is; the loader treats a module
 * without MODULE_LICENSE as "unspecified", which is not GPL-compatible either.
 */
export function gplCompatible(licenses: readonly string[]): boolean {
  return licenses.length > 0 && licenses.every(l => GPL_COMPATIBLE.has(l))
}

/**
 * 7.x `module:<pattern>[,<pattern>...]` namespaces: exported to the named modules only, with a
 * trailing '*' as a prefix match; '-' and '_' compare equal (kernel/module/main.c
 * verify_module_namespace, mod_strncmp).
 */
export function moduleNamespaceAllows(namespace: string, moduleName: string): boolean {
  if (!namespace.startsWith('module:')) return false
  const norm = (s: string) => s.replace(/-/g, '_')
  const name = norm(moduleName)
  for (const raw of namespace.slice('module:'.length).split(',')) {
    if (raw === '') continue
    const glob = raw.endsWith('*')
    const pat = norm(glob ? raw.slice(0, -1) : raw)
    if (glob ? name.startsWith(pat) : name === pat) return true
  }
  return false
}

/**
 * Resolves each module's imports against `table`. A symbol the module exports itself is not an
 * import. Weak imports that nothing exports are fine (modpost skips them); resolved ones are
 * checked like the others. CRCs are compared only where both sides have one, as the loader does.
 */
export function resolveImports(modules: readonly LinkedModule[], table: ExportTable): ImportProblem[] {
  const out: ImportProblem[] = []
  for (const m of modules) {
    const l = m.linkage
    if (!l) continue
    const licenses = licensesOf(m)
    const gplOk = gplCompatible(licenses)
    const importNs = new Set(m.modinfo?.importNs ?? [])
    const versions = l.versions
    let versioned = 0
    // `at`: the symbol's index in versions.names (imports first, then weak imports).
    const check = (symbol: string, weak: boolean, at: number) => {
      const e = table.get(symbol)
      if (!e) {
        if (!weak) out.push({ kind: 'unresolved', module: m, symbol })
        return
      }
      if (e.module === m.owner) return
      if (e.gplOnly && !gplOk) out.push({ kind: 'gpl-only', module: m, symbol, export: e, licenses })
      if (e.namespace !== '' && !importNs.has(e.namespace) && !moduleNamespaceAllows(e.namespace, m.baseName)) {
        out.push({ kind: 'namespace', module: m, symbol, export: e })
      }
      if (e.crc === null || m.object) return
      versioned++
      if (!versions) return
      const recorded = versions.crcs[at]!
      if (Number.isNaN(recorded)) {
        // Extended modversions: the loader only warns about a missing entry.
        if (!versions.extended) out.push({ kind: 'no-version', module: m, symbol, export: e })
      } else if (recorded !== e.crc) out.push({ kind: 'crc', module: m, symbol, export: e, recorded })
    }
    l.imports.forEach((s, i) => check(s, false, i))
    l.weak.forEach((s, i) => check(s, true, l.imports.length + i))
    // check_modstruct_version: every module's module_layout CRC is checked against vmlinux's.
    const layout = table.get('module_layout')
    const recordedLayout = versions ? recordedCrc(versions, 'module_layout') : undefined
    if (layout && layout.crc !== null && recordedLayout !== undefined && recordedLayout !== layout.crc && !l.imports.includes('module_layout')) {
      out.push({ kind: 'crc', module: m, symbol: 'module_layout', export: layout, recorded: recordedLayout })
    }
    if (!versions && versioned > 0) out.push({ kind: 'unversioned', module: m, symbols: versioned })
  }
  return out
}
