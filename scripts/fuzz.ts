#!/usr/bin/env node
// The long fuzz run: every parser (or the ones named) over N mutated inputs each, seeds from
// the real kernel files in the cache. Checks each input parses or is refused with an
// InputError, within a time bound, with each parser's process under a memory cap (RSS). Each
// parser runs in its own child process, so its memory is measured exactly and freed after it.
// Writes a summary.
//
//   node scripts/fuzz.ts [--iterations N] [--parser name[,name]] [--seconds S] [--jobs J]
//                        [--out DIR] [--start K] [--time-bound MS] [--memory-cap MIB] [--synthetic]
//   node scripts/fuzz.ts --replay FILE --parser name      replay one input
//   node scripts/fuzz.ts --minimize FILE --parser name    shrink a crashing input
//
// Every input is a function of (parser, rng seed): a crash, a hang or a memory blow-up is
// reported with its rng seed and reproduced with --start SEED --iterations 1.
import { fork, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
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
  /** The child writes here, before each input, its rng seed and start time (two f64). */
  marker: string
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

// ---- child process: runs inputs [start, end) of one parser ----

async function childMain(job: WorkerJob): Promise<void> {
  const t = targetNamed(job.parser)
  const src = new SeedSource({ real: job.real })
  const seeds = await t.seeds(src)
  const ctx = await t.setup(src)
  const pick = seedPicker(seeds)
  const marker = openSync(job.marker, 'w')
  const mark = new Float64Array(2)
  const markBytes = new Uint8Array(mark.buffer)
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
  let harnessErrors = 0
  const bySite = new Map<string, CrashReport>()
  let lastPost = Date.now()
  const crashDir = join(job.out, 'crashers', t.name)
  for (let r = job.start; r < job.end; r++) {
    if (Date.now() > job.deadline) break
    // Marked before the input is made: a mutation that never ends is a hang of this rng seed
    // (and is seen even as a restarted child's first input), not of the one before.
    mark[0] = r
    mark[1] = Date.now()
    writeSync(marker, markBytes, 0, 16, 0)
    let made: ReturnType<typeof makeInput>
    try {
      made = makeInput(t, seeds, pick, r)
    } catch (err) {
      // The harness's own failure (not the parser's): say so once, go on.
      if (!harnessErrors++)
        console.error(`${t.name}: the mutator failed at rng ${r}: ${describeCrash(err, 3)}`)
      continue
    }
    const { seed, input } = made
    const t0 = performance.now()
    const o = await runInput(t, input, ctx)
    const ms = performance.now() - t0
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
      process.send!({ ...p })
      lastPost = Date.now()
    }
  }
  closeSync(marker)
  await new Promise<void>(resolve => process.send!({ ...p, kind: 'done' }, () => resolve()))
  process.disconnect()
}

// ---- parent: one child per parser (J at a time), watchdog, summary ----

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
      'memory-cap': { type: 'string', default: '1536' },
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
  // A finite "never" (IPC turns Infinity into null).
  const deadline = opts.seconds === null ? 8.64e15 : t0 + opts.seconds * 1000
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
    const marker = join(opts.out, `.marker-${parser}`)
    writeFileSync(marker, new Uint8Array(16))
    const base = { ...result, crashes: [...result.crashes], slow: [...result.slow] }
    const job: WorkerJob = {
      parser,
      start: next,
      end,
      deadline,
      out: opts.out,
      real: opts.real,
      timeBound: opts.timeBound,
      marker
    }
    const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--child'], {
      execArgv: [...process.execArgv, `--max-old-space-size=${opts.workerHeap}`],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    let killed: 'hang' | 'memory' | null = null
    let current = next
    const readMarker = (): { r: number; started: number } => {
      const b = new Float64Array(2)
      const fd = openSync(marker, 'r')
      try {
        readSync(fd, new Uint8Array(b.buffer), 0, 16, 0)
      } finally {
        closeSync(fd)
      }
      return { r: b[0]!, started: b[1]! }
    }
    const finished = new Promise<void>(resolve => {
      child.on('message', (p: Progress) => {
        merge(p, base)
        // A child that has said it is done but lingers (an open handle) is stopped.
        if (p.kind === 'done')
          setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000).unref()
      })
      child.on('exit', (code, signal) => {
        if (!killed && (code !== 0 || signal)) {
          // Died on its own: out of memory (V8 aborts) or a fatal error outside runInput.
          killed = 'memory'
          result.memoryKills.push({
            rngSeed: readMarker().r,
            note: `child exited with ${signal ?? `code ${code}`}`
          })
        }
        resolve()
      })
    })
    child.send(job)
    const watchdog = setInterval(() => {
      if (killed || child.pid === undefined) return
      const m = readMarker()
      current = m.r || current
      let rss = 0
      try {
        rss =
          Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024
      } catch {
        return
      }
      peak.rss = Math.max(peak.rss, rss)
      result.peakRssMiB = Math.max(result.peakRssMiB, Math.round(rss / MIB))
      if (m.started > 0 && Date.now() - m.started > opts.timeBound * 4) {
        killed = 'hang'
        result.hangs.push({ rngSeed: m.r, note: `still running after ${Date.now() - m.started} ms` })
        child.kill('SIGKILL')
      } else if (rss > opts.memoryCap * MIB) {
        killed = 'memory'
        result.memoryKills.push({
          rngSeed: m.r,
          note: `RSS ${Math.round(rss / MIB)} MiB over the ${opts.memoryCap} MiB cap`
        })
        child.kill('SIGKILL')
      }
    }, 250)
    await finished
    clearInterval(watchdog)
    if (!killed) break
    // Skip the input that hung or blew memory, go on with the next.
    result.restarts++
    next = readMarkerSafe(marker, current) + 1
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
    `Time bound ${opts.timeBound} ms per input (slower inputs are listed; a parser still busy after ${opts.timeBound * 4} ms is stopped as a hang). Memory cap ${opts.memoryCap} MiB RSS per parser process (sampled every 250 ms; V8 old space limited to ${opts.workerHeap} MiB). Highest RSS of any parser process ${Math.round(peakRss / MIB)} MiB.`,
    '',
    '| parser | inputs | seconds | inputs/s | parsed | refused | crash sites | hangs | over memory | slowest input (ms) | peak RSS (MiB) | seeds (real) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'
  ]
  for (const r of results) {
    lines.push(
      `| ${r.parser} | ${r.done.toLocaleString('en-US')} | ${r.seconds} | ${Math.round(r.done / Math.max(r.seconds, 0.1)).toLocaleString('en-US')} | ${r.ok.toLocaleString('en-US')} | ${r.refused.toLocaleString('en-US')} | ${r.crashes.length} | ${r.hangs.length} | ${r.memoryKills.length} | ${r.maxMs.toFixed(1)} | ${r.peakRssMiB} | ${r.seeds} (${r.realSeeds}) |`
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

function readMarkerSafe(path: string, fallback: number): number {
  try {
    const b = new Float64Array(2)
    const fd = openSync(path, 'r')
    readSync(fd, new Uint8Array(b.buffer), 0, 16, 0)
    closeSync(fd)
    return b[0] || fallback
  } catch {
    return fallback
  }
}

if (process.argv.includes('--child')) process.once('message', (job: WorkerJob) => void childMain(job))
else await main()
