import type { Block, Finding, Text } from '../model/finding.ts'
import type { Check } from './check.ts'

/** What was found: the build's identity, its artifacts, and modules that could not be read. */
export const inventoryCheck: Check = {
  id: 'inventory',
  title: 'Build inventory',
  async run({ build }) {
    const l = build.layout
    const info = build.info
    const findings: Finding[] = []
    const modules = l.modules.length ? await build.modules() : []
    for (const m of modules) {
      if (m.error) findings.push({ severity: 'error', code: 'module-unreadable', message: m.error, module: m.name, file: m.relPath })
    }
    for (const message of l.refused ?? []) findings.push({ severity: 'error', code: 'path-refused', message })
    if (l.systemMapPlaceholder) {
      findings.push({
        severity: 'notice',
        code: 'system-map-placeholder',
        message: 'System.map is a packaging placeholder; install the -dbg package or pass --system-map for symbol checks',
        file: l.systemMap ? build.rel(l.systemMap) : undefined
      })
    }
    const found: string[] = []
    if (l.vmlinux) found.push('vmlinux')
    if (l.bootImage) found.push('boot image')
    if (l.systemMap && !l.systemMapPlaceholder) found.push('System.map')
    if (l.symvers) found.push(l.symversKind ?? 'Module.symvers')
    if (l.config) found.push('.config')
    if (l.passes.length) found.push(`${l.passes.length} link-pass map${l.passes.length === 1 ? '' : 's'}`)
    const compressed = new Set(l.modules.map(m => m.compression).filter(c => c !== 'none'))
    found.push(`${l.modules.length.toLocaleString('en-US')} module${l.modules.length === 1 ? '' : 's'}${compressed.size ? ` (${[...compressed].join(', ')})` : ''}`)
    const who = [info.release ? `Linux ${info.release}` : 'Linux (release unknown)', info.arch ?? 'arch unknown'].join(' ')
    const summary = `${who}, ${l.kind} layout: ${found.join(', ')}`

    const rows: Text[][] = []
    const artifact = (name: string, path: string | undefined) => rows.push([name, path ? { code: build.rel(path) } : 'not found'])
    artifact('vmlinux', l.vmlinux)
    artifact('boot image', l.bootImage)
    artifact('System.map', l.systemMap)
    artifact(l.symversKind ?? 'Module.symvers', l.symvers)
    artifact('.config', l.config)
    artifact('modules.order', l.modulesOrder)
    artifact('modules.builtin', l.modulesBuiltin)
    artifact('modules.builtin.ranges', l.modulesBuiltinRanges)
    artifact('BTF base', l.btfBase)
    for (const p of l.passes) {
      rows.push([`link pass ${p.pass}`, { code: [p.syms, p.elf].filter(Boolean).map(x => build.rel(x!)).join(', ') || '(object only)' }])
    }
    const config = Object.entries(info.config).map(([k, v]): Text[] => [{ code: `CONFIG_${k}` }, { code: v }])
    const blocks: Block[] = [
      {
        kind: 'details',
        summary: 'Artifacts and configuration',
        blocks: [
          { kind: 'table', columns: ['Artifact', 'Path'], rows },
          ...(config.length ? [{ kind: 'table' as const, columns: ['Option', 'Value'], rows: config }] : []),
          ...(l.notes.length ? [{ kind: 'list' as const, items: l.notes }] : [])
        ]
      }
    ]
    return { summary, findings, blocks }
  }
}
