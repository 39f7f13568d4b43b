#!/usr/bin/env node
// The long fuzz run: every parser (or the ones named) over N mutated inputs each, seeds from
// the real kernel files in the cache. Checks each input parses or is refused with an
// InputError, within a time bound, with the process under a memory cap. Writes a summary.
//
//   node scripts/fuzz.ts [--iterations N] [--parser name[,name]] [--seconds S] [--jobs J]
//                        [--out DIR] [--start K] [--time-bound MS] [--memory-cap MIB] [--synthetic]
//   node scripts/fuzz.ts --replay FILE --parser name      replay one input
//   node scripts/fuzz.ts --minimize FILE --parser name    shrink a crashing input
//
// Every input is a function of (parser, rng seed): a crash, a hang or a memory blow-up is
// reported with its rng seed and reproduced with --start SEED --iterations 1.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { crashSite, describeCrash, makeInput, runInput, seedPicker } from '../test/fuzz/harness/runner.ts'
import { SeedSource } from '../test/fuzz/harness/seeds.ts'
import { targetNamed, TARGETS } from '../test/fuzz/harness/targets.ts'

interface WorkerJob {
  parser: string
  start: number
  end: number
  /** Stop starting new inputs after this wall-clock time (ms since the epoch). */
  deadline: number
  out: string
  real: boolean
  timeBound: number
  /** [0] index of the input running now, [1] its start (ms, from Date.now), [2] done flag. */
  shared: SharedArrayBuffer
}

interface CrashReport {
  site: string
  description: string
  rngSeed: number
  seed: string
  file: string
  bytes: number
  count: number
}

interface Progress {
  kind: 'progress' | 'done'
  parser: string
  seeds: number
  realSeeds: number
  done: number
  ok: number
  refused: number
  crashes: CrashReport[]
  slow: Array<{ rngSeed: number; ms: number; seed: string }>
  maxMs: number
  maxMsSeed: number
  totalMs: number
}

// ---- worker: runs inputs [start, end) of one parser ----

async function workerMain(job: WorkerJob): Promise<void> {
  const t = targetNamed(job.parser)
  const src = new SeedSource({ real: job.real })
  const seeds = await t.seeds(src)
  const ctx = await t.setup(src)
  const pick = seedPicker(seeds)
  const now = new Float64Array(job.shared)
  const p: Progress = {
    kind: 'progress',
    parser: t.name,
    seeds: seeds.length,
    realSeeds: seeds.filter(s => s.real).length,
    done: 0,
    ok: 0,
    refused: 0,
    crashes: [],
    slow: [],
    maxMs: 0,
    maxMsSeed: -1,
    totalMs: 0
  }
  const bySite = new Map<string, CrashReport>()
  let lastPost = Date.now()
  const crashDir = join(job.out, 'crashers', t.name)
  for (let r = job.start; r < job.end; r++) {
    if (Date.now() > job.deadline) break
    const { seed, input } = makeInput(t, seeds, pick, r)
    now[0] = r
    const t0 = performance.now()
    now[1] = Date.now()
    const o = await runInput(t, input, ctx)
    const ms = performance.now() - t0
    now[1] = 0
    p.done++
    p.totalMs += ms
    if (ms > p.maxMs) {
      p.maxMs = ms
      p.maxMsSeed = r
    }
    if (ms > job.timeBound) p.slow.push({ rngSeed: r, ms: Math.round(ms), seed: seeds[seed]!.name })
    if (o.status === 'ok') p.ok++
    else if (o.status === 'refused') p.refused++
    else {
      const site = crashSite(o.error)
      const known = bySite.get(site)
      if (known) known.count++
      else {
        mkdirSync(crashDir, { recursive: true })
        const hash = createHash('sha256').update(site).digest('hex').slice(0, 10)
        const file = join(crashDir, `${hash}-${r}.bin`)
        writeFileSync(file, input)
        const c: CrashReport = {
          site,
          description: describeCrash(o.error, 6),
          rngSeed: r,
          seed: seeds[seed]!.name,
          file,
          bytes: input.length,
          count: 1
        }
        bySite.set(site, c)
        p.crashes.push(c)
      }
    }
    if (Date.now() - lastPost > 2000) {
      parentPort!.postMessage({ ...p })
      lastPost = Date.now()
    }
  }
  parentPort!.postMessage({ ...p, kind: 'done' })
}

// ---- main thread: one worker per parser (J at a time), watchdog, summary ----

interface ParserResult extends Omit<Progress, 'kind'> {
  seconds: number
  hangs: Array<{ rngSeed: number; note: string }>
  memoryKills: Array<{ rngSeed: number; note: string }>
  peakRssMiB: number
  restarts: number
}

const MIB = 1024 * 1024

function parseCli() {
  const { values } = parseArgs({
    options: {
      iterations: { type: 'string', default: '1000000' },
      parser: { type: 'string' },
      seconds: { type: 'string' },
      jobs: { type: 'string', default: '1' },
      out: { type: 'string', default: '/tmp/kbr-fuzz' },
      start: { type: 'string', default: '1' },
      'time-bound': { type: 'string', default: '5000' },
      'memory-cap': { type: 'string', default: '2048' },
      'worker-heap': { type: 'string', default: '1024' },
      synthetic: { type: 'boolean', default: false },
      replay: { type: 'string' },
      minimize: { type: 'string' }
    }
  })
  return values
}

async function runParser(
  parser: string,
  opts: {
    iterations: number
    start: number
    seconds: number | null
    out: string
    real: boolean
    timeBound: number
    memoryCap: number
    workerHeap: number
  },
  peak: { rss: number }
): Promise<ParserResult> {
  const t0 = Date.now()
  const deadline = opts.seconds === null ? Number.POSITIVE_INFINITY : t0 + opts.seconds * 1000
  const end = opts.start + opts.iterations
  const result: ParserResult = {
    parser,
    seeds: 0,
    realSeeds: 0,
    done: 0,
    ok: 0,
    refused: 0,
    crashes: [],
    slow: [],
    maxMs: 0,
    maxMsSeed: -1,
    totalMs: 0,
    seconds: 0,
    hangs: [],
    memoryKills: [],
    peakRssMiB: 0,
    restarts: 0
  }
  let next = opts.start
  const merge = (p: Progress, base: Omit<Progress, 'kind'>) => {
    result.seeds = p.seeds
    result.realSeeds = p.realSeeds
    result.done = base.done + p.done
    result.ok = base.ok + p.ok
    result.refused = base.refused + p.refused
    result.totalMs = base.totalMs + p.totalMs
    result.crashes = [...base.crashes, ...p.crashes.filter(c => !base.crashes.some(b => b.site === c.site))]
    result.slow = [...base.slow, ...p.slow].slice(0, 50)
    if (p.maxMs > base.maxMs) {
      result.maxMs = p.maxMs
      result.maxMsSeed = p.maxMsSeed
    }
  }
  while (next < end && Date.now() < deadline) {
    const shared = new SharedArrayBuffer(16)
    const now = new Float64Array(shared)
    const base = { ...result, crashes: [...result.crashes], slow: [...result.slow] }
    const job: WorkerJob = {
      parser,
      start: next,
      end,
      deadline,
      out: opts.out,
      real: opts.real,
      timeBound: opts.timeBound,
      shared
    }
    const worker = new Worker(new URL(import.meta.url), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: opts.workerHeap }
    })
    let killed: 'hang' | 'memory' | null = null
    const finished = new Promise<void>(resolve => {
      worker.on('message', (p: Progress) => {
        merge(p, base)
        if (p.kind === 'done') resolve()
      })
      worker.on('error', err => {
        // Out of heap inside the worker (resourceLimits) or an error outside runInput.
        const r = now[0]!
        result.memoryKills.push({ rngSeed: r, note: `worker died: ${describeCrash(err, 2)}` })
        killed = 'memory'
        resolve()
      })
      worker.on('exit', () => resolve())
    })
    const watchdog = setInterval(() => {
      const rss = process.memoryUsage().rss
      peak.rss = Math.max(peak.rss, rss)
      result.peakRssMiB = Math.max(result.peakRssMiB, Math.round(rss / MIB))
      const started = now[1]!
      if (started > 0 && Date.now() - started > opts.timeBound * 4) {
        killed = 'hang'
        result.hangs.push({ rngSeed: now[0]!, note: `still running after ${Date.now() - started} ms` })
        void worker.terminate()
      } else if (rss > opts.memoryCap * MIB) {
        killed = 'memory'
        result.memoryKills.push({
          rngSeed: now[0]!,
          note: `process RSS ${Math.round(rss / MIB)} MiB over the ${opts.memoryCap} MiB cap`
        })
        void worker.terminate()
      }
    }, 250)
    await finished
    clearInterval(watchdog)
    await worker.terminate()
    if (!killed) break
    // Skip the input that hung or blew memory, go on with the next.
    result.restarts++
    next = now[0]! + 1
    result.done = Math.max(result.done, next - opts.start)
  }
  result.seconds = Math.round((Date.now() - t0) / 100) / 10
  return result
}

function summaryMarkdown(
  results: ParserResult[],
  opts: { timeBound: number; memoryCap: number; workerHeap: number },
  peakRss: number
): string {
  const lines = [
    `# Fuzz run ${new Date().toISOString()}`,
    '',
    `Time bound ${opts.timeBound} ms per input (a worker still busy after ${opts.timeBound * 4} ms is killed as a hang); memory cap ${opts.memoryCap} MiB RSS for the process, ${opts.workerHeap} MiB V8 heap per worker. Peak RSS ${Math.round(peakRss / MIB)} MiB.`,
    '',
    '| parser | inputs | seconds | inputs/s | parsed | refused | crash sites | hangs | over memory | slowest input (ms) | seeds (real) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'
  ]
  for (const r of results) {
    lines.push(
      `| ${r.parser} | ${r.done.toLocaleString('en-US')} | ${r.seconds} | ${Math.round(r.done / Math.max(r.seconds, 0.1)).toLocaleString('en-US')} | ${r.ok.toLocaleString('en-US')} | ${r.refused.toLocaleString('en-US')} | ${r.crashes.length} | ${r.hangs.length} | ${r.memoryKills.length} | ${r.maxMs.toFixed(1)} | ${r.seeds} (${r.realSeeds}) |`
    )
  }
  const problems = results.flatMap(r => [
    ...r.crashes.map(
      c =>
        `- ${r.parser}: crash ×${c.count} at ${c.site}: ${c.description} (rng ${c.rngSeed}, seed ${c.seed}, saved as ${c.file})`
    ),
    ...r.hangs.map(h => `- ${r.parser}: hang at rng ${h.rngSeed}: ${h.note}`),
    ...r.memoryKills.map(h => `- ${r.parser}: memory at rng ${h.rngSeed}: ${h.note}`),
    ...r.slow.slice(0, 5).map(s => `- ${r.parser}: slow input rng ${s.rngSeed} (${s.ms} ms, seed ${s.seed})`)
  ])
  lines.push(
    '',
    problems.length ? '## Problems' : 'No crash, hang or memory cap exceeded.',
    '',
    ...problems,
    ''
  )
  return lines.join('\n')
}

async function replay(file: string, parser: string, real: boolean): Promise<void> {
  const t = targetNamed(parser)
  const src = new SeedSource({ real })
  const ctx = await t.setup(src)
  const input = new Uint8Array(readFileSync(file))
  const t0 = performance.now()
  const o = await runInput(t, input, ctx)
  const ms = (performance.now() - t0).toFixed(1)
  if (o.status === 'crash') {
    console.log(`crash after ${ms} ms: ${describeCrash(o.error, 12)}`)
    process.exitCode = 1
  } else console.log(`${o.status} after ${ms} ms${'message' in o && o.message ? `: ${o.message}` : ''}`)
}

/** Removes chunks (lines first for text) while the input still crashes at the same site. */
async function minimize(file: string, parser: string, real: boolean): Promise<void> {
  const t = targetNamed(parser)
  const ctx = await t.setup(new SeedSource({ real }))
  let cur = new Uint8Array(readFileSync(file))
  const first = await runInput(t, cur, ctx)
  if (first.status !== 'crash') throw new Error(`${file} does not crash ${parser} (${first.status})`)
  const site = crashSite(first.error)
  const same = async (b: Uint8Array) => {
    const o = await runInput(t, b, ctx)
    return o.status === 'crash' && crashSite(o.error) === site
  }
  let tries = 0
  for (let chunk = Math.max(1, cur.length >> 1); chunk >= 1 && tries < 50_000; chunk = chunk >> 1) {
    for (let at = 0; at + chunk <= cur.length && tries < 50_000;) {
      const cand = new Uint8Array(cur.length - chunk)
      cand.set(cur.subarray(0, at))
      cand.set(cur.subarray(at + chunk), at)
      tries++
      if (await same(cand)) cur = cand
      else at += chunk
    }
  }
  const outFile = file.replace(/(\.bin)?$/, '.min.bin')
  writeFileSync(outFile, cur)
  console.log(
    `${site}: ${readFileSync(file).length} -> ${cur.length} bytes in ${tries} tries, written to ${outFile}`
  )
}

async function main(): Promise<void> {
  const a = parseCli()
  const real = !a.synthetic
  if (a.replay || a.minimize) {
    if (!a.parser) throw new Error('--parser is required with --replay and --minimize')
    if (a.replay) await replay(a.replay, a.parser, real)
    else await minimize(a.minimize!, a.parser, real)
    return
  }
  const parsers = a.parser ? a.parser.split(',') : TARGETS.map(t => t.name)
  for (const p of parsers) targetNamed(p)
  const opts = {
    iterations: Number(a.iterations),
    start: Number(a.start),
    seconds: a.seconds ? Number(a.seconds) : null,
    out: a.out!,
    real,
    timeBound: Number(a['time-bound']),
    memoryCap: Number(a['memory-cap']),
    workerHeap: Number(a['worker-heap'])
  }
  mkdirSync(opts.out, { recursive: true })
  const peak = { rss: 0 }
  const results: ParserResult[] = []
  const queue = [...parsers]
  const jobs = Math.max(1, Number(a.jobs))
  const write = () => {
    const ordered = parsers.map(p => results.find(r => r.parser === p)).filter(r => r !== undefined)
    writeFileSync(
      join(opts.out, 'summary.json'),
      JSON.stringify({ options: opts, peakRssMiB: Math.round(peak.rss / MIB), results: ordered }, null, 2)
    )
    writeFileSync(join(opts.out, 'summary.md'), summaryMarkdown(ordered, opts, peak.rss))
  }
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      for (let p = queue.shift(); p; p = queue.shift()) {
        const r = await runParser(p, opts, peak)
        results.push(r)
        console.log(
          `${r.parser}: ${r.done} inputs in ${r.seconds} s, ${r.ok} parsed, ${r.refused} refused, ${r.crashes.length} crash sites, ${r.hangs.length} hangs, ${r.memoryKills.length} over memory, slowest ${r.maxMs.toFixed(1)} ms`
        )
        for (const c of r.crashes) console.log(`  crash ×${c.count} ${c.description} -> ${c.file}`)
        write()
      }
    })
  )
  write()
  console.log(`summary: ${join(opts.out, 'summary.md')}`)
  if (results.some(r => r.crashes.length || r.hangs.length || r.memoryKills.length)) process.exitCode = 1
}

if (isMainThread) await main()
else await workerMain(workerData as WorkerJob)
