// Issue 5: every Debian module's imports resolved against the kernel's exports (Module.symvers),
// beside `nm -u` merely listing the same modules' undefined symbols.
// Run directly (`node bench/workloads/imports.ts <ko-dir> <Module.symvers>`), this file is our
// side: the review's own module pool (worker threads, modinfo + linkage analyzers) and resolver.
import { existsSync, readFileSync } from 'node:fs'
import { relative } from 'node:path'
import type { Workload } from '../workload.ts'
import { bundleWorkload } from './bundle.ts'
import type { ModuleFile } from '../../src/discover/layout.ts'
import { walkFiles } from '../../src/discover/walk.ts'
import { analyzeModules } from '../../src/load/pool.ts'
import { modinfoAnalyzer } from '../../src/load/modinfo-analyzer.ts'
import { linkageAnalyzer } from '../../src/exports/module-analyzer.ts'
import { linkedModule, moduleOwner } from '../../src/exports/module-set.ts'
import { tableOf } from '../../src/exports/model.ts'
import { parseSymvers, symversExports } from '../../src/exports/symvers.ts'
import { resolveImports } from '../../src/exports/resolve.ts'
import { debianRelease } from '../../test/support/kernels.ts'

export const importsWorkload: Workload = {
  name: 'imports',
  description: "every uncompressed Debian 6.12 module's imports resolved against Module.symvers, beside nm -u",
  async prepare() {
    const rel = debianRelease('new')
    if (!rel || !existsSync(rel.koRoot) || !rel.moduleSymvers) return { skip: 'Debian release not in the cache: run scripts/kernels/fetch-debian.sh' }
    const count = walkFiles(rel.koRoot, n => n.endsWith('.ko'), 100_000).length
    const entry = await bundleWorkload('imports', import.meta.url, true)
    return {
      ours: [process.execPath, entry, rel.koRoot, rel.moduleSymvers],
      peer: ['sh', '-c', `find '${rel.koRoot}' -name '*.ko' -print0 | xargs -0 nm -u > /dev/null`],
      peerName: 'nm -u',
      note: `${count} modules; ours also checks GPL-only, namespaces and CRCs; bundled with esbuild like dist/`
    }
  }
}

async function resolveAll(dir: string, symversPath: string): Promise<void> {
  const files: ModuleFile[] = walkFiles(dir, n => n.endsWith('.ko'), 100_000).map(path => ({
    name: path.slice(path.lastIndexOf('/') + 1, -3).replace(/-/g, '_'),
    path,
    relPath: relative(dir, path),
    compression: 'none'
  }))
  const summaries = await analyzeModules(files, { analyzers: [modinfoAnalyzer.id, linkageAnalyzer.id] })
  const modules = summaries.map(s => linkedModule(s, moduleOwner(s.relPath, true), s.relPath, false))
  const table = tableOf(symversExports(parseSymvers(readFileSync(symversPath, 'utf8'), symversPath), true))
  const problems = resolveImports(modules, table)
  const imports = modules.reduce((n, m) => n + (m.linkage?.imports.length ?? 0), 0)
  console.log(`${modules.length} modules, ${imports} imports, ${table.size} exports, ${problems.length} problems`)
}

if (import.meta.main) {
  const [dir, symvers] = process.argv.slice(2)
  if (!dir || !symvers) {
    console.error('usage: node bench/workloads/imports.ts <ko-dir> <Module.symvers>')
    process.exit(2)
  }
  await resolveAll(dir, symvers)
}
