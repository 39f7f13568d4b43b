// Issue 6: section-class sizes of every Debian module, beside `size` over the same files.
// Run directly (`node bench/workloads/sizes.ts <dir>`), this file is our side of the workload:
// the files are split between this thread and one worker per further idle core (a worker costs
// ~0.1 s of CPU to start, which only pays off when a core is free to run it).
import { readdirSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import type { Workload } from '../workload.ts'
import { bundleWorkload } from './bundle.ts'
import { MODULE_CLASSES } from '../../src/sizes/module-classes.ts'
import { moduleFileClassSizes } from '../../src/sizes/module-file-sizes.ts'
import { debianKoRoot } from './inputs.ts'

export const sizesWorkload: Workload = {
  name: 'sizes',
  description: 'section-class sizes of every uncompressed Debian 6.12 module, beside size(1)',
  async prepare() {
    const ko = debianKoRoot()
    if ('skip' in ko) return ko
    const outfile = await bundleWorkload('sizes', import.meta.url)
    return {
      ours: [process.execPath, outfile, ko.dir],
      peer: ['sh', '-c', `find '${ko.dir}' -name '*.ko' -print0 | xargs -0 size > /dev/null`],
      peerName: 'size',
      note: `${ko.count} modules; ours bundled with esbuild like dist/`
    }
  }
}

function koFiles(dir: string): string[] {
  const out: string[] = []
  const stack = [dir]
  while (stack.length) {
    const d = stack.pop()!
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) stack.push(`${d}/${e.name}`)
      else if (e.name.endsWith('.ko')) out.push(`${d}/${e.name}`)
    }
  }
  return out.sort()
}

/** One line per module: the class sizes in MODULE_CLASSES order, then the path (like size's rows). */
function sizeLines(files: readonly string[]): string[] {
  return files.map(f => `${moduleFileClassSizes(f).classes.join('\t')}\t${f}`)
}

async function listSizes(dir: string): Promise<void> {
  const files = koFiles(dir)
  const idle = Math.floor(availableParallelism() - (loadavg()[0] ?? 0))
  const jobs = Math.max(1, Math.min(availableParallelism(), idle, Math.ceil(files.length / 1000)))
  const chunk = Math.ceil(files.length / jobs)
  const parts = Array.from({ length: jobs }, (_, i) => files.slice(i * chunk, (i + 1) * chunk))
  const others = parts.slice(1).map(
    part =>
      new Promise<string[]>((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url), { workerData: { sizeFiles: part } })
        w.once('message', resolve)
        w.once('error', reject)
      })
  )
  const mine = sizeLines(parts[0]!)
  const rest = await Promise.all(others)
  process.stdout.write([`${MODULE_CLASSES.join('\t')}\tfilename`, ...mine, ...rest.flat()].join('\n') + '\n')
}

const data = workerData as { sizeFiles?: string[] } | null
if (!isMainThread && data?.sizeFiles) parentPort!.postMessage(sizeLines(data.sizeFiles))
else if (import.meta.main) await listSizes(process.argv[2] ?? '.')
