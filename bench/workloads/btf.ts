// Issue 4: validate the split BTF of every Debian 6.12 module against the headers package's BTF
// vmlinux, beside a bpftool loop over the same uncompressed modules (`bpftool -B vmlinux btf dump
// file m.ko`, which parses each module's BTF against the base and prints it).
// Run directly (node bench/workloads/btf.ts <modules-dir> <vmlinux>) it is our side of the
// workload: the module pool with the BTF analyzer alone, over the .ko files a directory walk
// finds (as find(1) does for the peer).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { BtfModuleFact } from '../../src/btf/module-analyzer.ts'
import { moduleName } from '../../src/discover/discover.ts'
import type { ModuleFile } from '../../src/discover/layout.ts'
import { analyzeModules } from '../../src/load/pool.ts'
import { debianRelease } from '../../test/support/kernels.ts'
import type { Workload } from '../workload.ts'
import { bundleWorkload } from './bundle.ts'
import { debianKoRoot } from './inputs.ts'

export const btfWorkload: Workload = {
  name: 'btf',
  description: 'split BTF of every uncompressed Debian 6.12 module validated against the headers BTF vmlinux',
  async prepare() {
    const ko = debianKoRoot()
    if ('skip' in ko) return ko
    const rel = debianRelease('new')
    const vmlinux = rel?.btfVmlinux
    if (!vmlinux || !existsSync(vmlinux)) return { skip: 'no BTF vmlinux in the cached headers package' }
    if (spawnSync('bpftool', ['version']).status !== 0)
      return { skip: 'bpftool is not installed (Debian package "bpftool")' }
    return {
      ours: [process.execPath, await bundleWorkload('btf', import.meta.url, true), ko.dir, vmlinux],
      peer: [
        'sh',
        '-c',
        `find '${ko.dir}' -name '*.ko' -print0 | xargs -0 -n1 bpftool -B '${vmlinux}' btf dump file > /dev/null`
      ],
      peerName: 'bpftool -B vmlinux btf dump file (one per module)',
      note: `${ko.count} modules; ours bundled with esbuild like dist/`
    }
  }
}

function modulesIn(root: string, dir = root, out: ModuleFile[] = []): ModuleFile[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name)
    if (e.isDirectory()) modulesIn(root, path, out)
    else if (e.isFile() && e.name.endsWith('.ko'))
      out.push({ name: moduleName(e.name), path, relPath: relative(root, path), compression: 'none' })
  }
  return out
}

async function main(dir: string, vmlinux: string): Promise<void> {
  const results = await analyzeModules(modulesIn(dir), { analyzers: ['btf'], btfBase: vmlinux })
  let valid = 0
  let problems = 0
  for (const m of results) {
    const f = m.facts.btf as BtfModuleFact | undefined
    if (f && f.btfBytes && !f.skipped && !f.load && !f.resolve && !f.mismatch) valid++
    else problems++
  }
  process.stdout.write(
    `${results.length} modules, ${valid} with valid split BTF, ${problems} with problems\n`
  )
  if (problems) process.exitCode = 1
}

if (import.meta.main) {
  const [dir, vmlinux] = process.argv.slice(2)
  if (!dir || !vmlinux) {
    process.stderr.write('usage: node bench/workloads/btf.ts <modules-dir> <vmlinux>\n')
    process.exit(2)
  }
  await main(dir, vmlinux)
}
