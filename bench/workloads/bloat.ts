// Issue 6: symbol-size deltas of two Debian -dbg vmlinux files, beside scripts/bloat-o-meter -c.
// Run directly (`node bench/workloads/bloat.ts <old> <new>`), this file is our side: it prints
// the same lines as the script.
import type { Workload } from '../workload.ts'
import { bundleWorkload } from './bundle.ts'
import { FileSource } from '../../src/bytes/source.ts'
import { ElfFile } from '../../src/elf/elf.ts'
import { compareSizes, formatBloat } from '../../src/sizes/bloat.ts'
import { CATEGORIES, CATEGORY_TITLES, categorySizes, sizedSymbols } from '../../src/sizes/symbol-sizes.ts'
import { debianRelease } from '../../test/support/kernels.ts'
import { bloatOMeter } from '../../test/sizes/support.ts'

export const bloatWorkload: Workload = {
  name: 'bloat',
  description: 'symbol-size diff (-c) of the two Debian 6.12 -dbg vmlinux files, beside scripts/bloat-o-meter',
  async prepare() {
    const a = debianRelease('old')?.dbgVmlinux
    const b = debianRelease('new')?.dbgVmlinux
    if (!a || !b) return { skip: 'Debian -dbg vmlinux files not in the cache: run scripts/kernels/fetch-debian.sh' }
    const script = bloatOMeter()
    if (!script) return { skip: 'no scripts/bloat-o-meter (scripts/kernels/build.sh 6.12) or no python3' }
    const outfile = await bundleWorkload('bloat', import.meta.url)
    return {
      ours: [process.execPath, outfile, a, b],
      peer: ['python3', script, '-c', a, b],
      peerName: 'bloat-o-meter -c',
      note: 'two 350 MB vmlinux files; ours bundled with esbuild like dist/'
    }
  }
}

function bloat(a: string, b: string): void {
  const load = (p: string) => {
    const elf = ElfFile.open(new FileSource(p))
    try {
      return categorySizes(sizedSymbols(elf))
    } finally {
      elf.close()
    }
  }
  const old = load(a)
  const cur = load(b)
  const out = CATEGORIES.flatMap(c => formatBloat(compareSizes(old[c], cur[c]), CATEGORY_TITLES[c]))
  process.stdout.write(out.join('\n') + '\n')
}

if (import.meta.main) bloat(process.argv[2]!, process.argv[3]!)
