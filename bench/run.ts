// npm run bench [-- name... --runs N]: each workload beside its peer, alternating, in one run.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { delimiter, dirname } from 'node:path'
import type { WorkloadRun } from './workload.ts'
import { WORKLOADS } from './workloads/index.ts'

interface Sample {
  seconds: number
  peakKiB: number
}

const TIME = '/usr/bin/time'

// Our CLI's launcher starts the `node` on PATH: let it be the one running the bench.
process.env.PATH = `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`

function measure(argv: string[]): Sample {
  const r = spawnSync(TIME, ['-f', '%e %M', ...argv], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 })
  const lines = r.stderr.toString().trim().split('\n')
  const last = lines.at(-1) ?? ''
  const m = /^(\d+(?:\.\d+)?) (\d+)$/.exec(last)
  if (r.status !== 0 || !m) {
    throw new Error(`${argv.join(' ')} failed (status ${r.status}): ${lines.slice(-5).join(' | ')}`)
  }
  return { seconds: Number(m[1]), peakKiB: Number(m[2]) }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

const args = process.argv.slice(2)
let runs = 3
const names: string[] = []
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i])
  else names.push(args[i]!)
}
if (!existsSync(TIME)) {
  console.error(`bench needs GNU time at ${TIME} (Debian package "time")`)
  process.exit(2)
}

console.log(`# kbuild-review benchmarks, ${new Date().toISOString().slice(0, 10)}`)
console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; median of ${runs} runs\n`)
console.log('| workload | ours (s) | peer | peer (s) | speed-up | ours peak MiB | peer peak MiB | note |')
console.log('|---|---:|---|---:|---:|---:|---:|---|')
let failed = false
for (const w of WORKLOADS.filter(w => names.length === 0 || names.includes(w.name))) {
  let run: WorkloadRun | { skip: string }
  try {
    run = await w.prepare()
  } catch (err) {
    run = { skip: `prepare failed: ${(err as Error).message}` }
  }
  if ('skip' in run) {
    console.log(`| ${w.name} | – | – | – | – | – | – | skipped: ${run.skip} |`)
    continue
  }
  try {
    const ours: Sample[] = []
    const peer: Sample[] = []
    // Warm the page cache once for both, then alternate so drift hits both sides alike.
    measure(run.ours)
    if (run.peer) measure(run.peer)
    for (let i = 0; i < runs; i++) {
      ours.push(measure(run.ours))
      if (run.peer) peer.push(measure(run.peer))
    }
    const o = median(ours.map(s => s.seconds))
    const mib = (xs: Sample[]) => (median(xs.map(s => s.peakKiB)) / 1024).toFixed(0)
    if (run.peer) {
      const p = median(peer.map(s => s.seconds))
      console.log(
        `| ${w.name} | ${o.toFixed(2)} | ${run.peerName} | ${p.toFixed(2)} | ${(p / Math.max(o, 0.01)).toFixed(1)}x | ${mib(ours)} | ${mib(peer)} | ${run.note ?? ''} |`
      )
    } else {
      console.log(`| ${w.name} | ${o.toFixed(2)} | – | – | – | ${mib(ours)} | – | ${run.note ?? ''} |`)
    }
  } catch (err) {
    failed = true
    console.log(`| ${w.name} | error | | | | | | ${(err as Error).message.slice(0, 200)} |`)
  }
}
process.exitCode = failed ? 1 : 0
