/** One exported symbol with every attribute modpost and the module loader look at. */
export interface ExportedSymbol {
  symbol: string
  /**
   * The owning object as Module.symvers names it: `vmlinux`, or the module's path without
   * `.ko` (`drivers/net/phy/libphy`; relative to M= for external modules).
   */
  module: string
  /** EXPORT_SYMBOL_GPL (6.x: in __ksymtab_gpl; 7.x: bit 0 of its __kflagstab byte). */
  gplOnly: boolean
  /** Symbol namespace; '' for none. 7.x adds `module:<names>` namespaces. */
  namespace: string
  /** The modversions CRC; null when the build has no MODVERSIONS. */
  crc: number | null
}

/** Exports by name. A name exported twice is kept once (modpost refuses the build anyway). */
export type ExportTable = Map<string, ExportedSymbol>

export function tableOf(rows: Iterable<ExportedSymbol>): ExportTable {
  const table: ExportTable = new Map()
  for (const r of rows) if (!table.has(r.symbol)) table.set(r.symbol, r)
  return table
}

export function formatCrc(crc: number | null): string {
  return crc === null ? 'none' : `0x${crc.toString(16).padStart(8, '0')}`
}

/** `EXPORT_SYMBOL_GPL` / `EXPORT_SYMBOL`, as Module.symvers writes it. */
export function exportKind(gplOnly: boolean): string {
  return gplOnly ? 'EXPORT_SYMBOL_GPL' : 'EXPORT_SYMBOL'
}

/** Byte-wise comparison, as `LC_ALL=C sort` and the kernel's sorted ksymtab order names. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
