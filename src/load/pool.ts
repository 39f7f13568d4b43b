import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { ModuleFile } from '../discover/layout.ts'
import type { AnalyzerOptions, ModuleSummary } from './analyzer.ts'
import { HintReader, type HintBoard } from './hint-board.ts'
import { analyzeModule, emptySummary, type Preloaded } from './analyze-module.ts'
import { decodeXzBatch, systemXz } from './xz-batch.ts'
import { LIMITS } from './limits.ts'
import { analyzersFor } from './analyzers.ts'
import type { SideJobs } from './side-jobs.ts'
import { timing } from '../model/timing.ts'
import { workerUrl, type SpareWorkers } from './spare-workers.ts'

export interface PoolOptions {
  /** Worker threads; default: one per core. 0 analyzes in this thread. */
  jobs?: number
  /** Wall-clock limit per module in a worker (default LIMITS.maxModuleMillis). */
  moduleTimeoutMs?: number
  /**
   * Streams results in module order instead of collecting them: the returned array is then
   * empty and memory holds only results that arrived ahead of their turn.
   */
  onResult?: (summary: ModuleSummary, index: number) => void
  /** What checks tell the analyzers (Build.hint), read by each worker before each module. */
  hints?: HintBoard
  /** Workers started ahead (taken before new ones are made; those left over are stopped). */
  spares?: SpareWorkers
  /** Jobs a worker takes when it has no module left; closed when the pool ends (see SideJobs). */
  sideJobs?: SideJobs
}

/** Whether analyzeModules would use worker threads for this many modules (else it runs them in the caller's thread). */
export function usesWorkers(moduleCount: number, jobs: number = availableParallelism()): boolean {
  return jobs > 0 && moduleCount >= IN_THREAD_BELOW
}

/** Below this many modules, starting workers costs more than it saves. */
const IN_THREAD_BELOW = 24
/**
 * Requests queued per worker, so a worker keeps going while the main thread is busy with vmlinux
 * for up to a second (a module takes about a millisecond; hints reach queued modules too, see
 * HintBoard). Decompressed bytes handed over by the xz batch decoder are held to fewer, to
 * bound memory.
 */
const PER_WORKER = 1024
const PRELOADED_PER_WORKER = 16
/** What a worker may hold when few modules are left: its last results come back together with the others'. */
const MIN_IN_FLIGHT = 16

/**
 * Analyzes every module with every analyzer, spread over worker threads. Results come back in
 * the order of `modules`. Memory stays bounded: each worker holds at most PER_WORKER modules.
 */
export async function analyzeModules(
  modules: readonly ModuleFile[],
  options: AnalyzerOptions,
  pool: PoolOptions = {}
): Promise<ModuleSummary[]> {
  const jobs = Math.min(pool.jobs ?? availableParallelism(), Math.ceil(modules.length / 8))
  const sink = orderedSink(modules.length, pool.onResult)
  const timeout = pool.moduleTimeoutMs ?? LIMITS.maxModuleMillis
  if (!usesWorkers(modules.length, jobs)) {
    pool.sideJobs?.close()
    await pool.spares?.stop()
    await analyzeInThread(modules, options, sink.put, pool.hints)
    return sink.results
  }
  const queue = new ReadyQueue()
  const xzBatches = planXzBatches(modules, jobs)
  const batched = new Set(xzBatches.flat().map(t => t.index))
  for (let i = 0; i < modules.length; i++) if (!batched.has(i)) queue.push({ id: i })
  let remaining = modules.length
  // A few hundred modules (a second pass over the changed ones) must not all go to the first worker.
  const perWorker = Math.min(PER_WORKER, Math.max(1, Math.ceil(modules.length / (jobs * 4))))
  const workers: Worker[] = []
  // A worker's side job, ended or not: a worker is stopped only once its side job has ended.
  const sideRuns = new Map<Worker, Promise<void>>()
  const channels: Array<{ disconnect: () => void }> = []
  try {
    const decoding = xzBatches.map(batch =>
      decodeXzBatch(batch, d => queue.push(d.bytes ? { id: d.index, preloaded: { bytes: d.bytes, fileBytes: d.fileBytes } } : { id: d.index }))
    )
    /**
     * One worker until the queue is empty. A worker holding a module longer than the time limit
     * is stopped: that module is reported as such, the others it held go back to the queue, and
     * a fresh worker takes over (a hostile module must not stall the review).
     */
    const runWorker = () =>
      new Promise<'done' | 'stuck'>((resolve, reject) => {
        const channel = pool.hints?.connect()
        if (channel) channels.push(channel)
        const worker = pool.spares?.take() ?? new Worker(workerUrl())
        worker.postMessage({ init: { options, hints: channel?.port } }, channel ? [channel.port] : [])
        workers.push(worker)
        // Module index -> whether its bytes were handed over; in the order sent (the worker's order).
        const inFlight = new Map<number, boolean>()
        let preloadedInFlight = 0
        // The side job this worker runs; it is sent no module meanwhile.
        let side: ReturnType<SideJobs['take']> = undefined
        let sideEnded: (() => void) | undefined
        const unlisten = pool.sideJobs?.onSubmit(() => send())
        // The worker's last sign of progress: a result, or being given work when it had none.
        let progressAt = Date.now()
        let stopped = false
        const send = () => {
          if (stopped) return
          if (!side) {
            // Fewer held as the queue drains, so the workers finish together.
            const cap = Math.min(perWorker, Math.max(MIN_IN_FLIGHT, Math.ceil(queue.size / jobs)))
            while (inFlight.size < cap) {
              const task = queue.shift(preloadedInFlight < PRELOADED_PER_WORKER)
              if (!task) break
              if (inFlight.size === 0) progressAt = Date.now()
              inFlight.set(task.id, !!task.preloaded)
              if (task.preloaded) preloadedInFlight++
              const transfer = task.preloaded ? [task.preloaded.bytes.buffer as ArrayBuffer] : []
              const module = modules[task.id]!
              worker.postMessage({ id: task.id, module, preloaded: task.preloaded }, transfer)
            }
            if (inFlight.size === 0 && queue.size === 0) startSide()
          }
          // The modules are done whether or not a side job still runs (queue.finish() wakes it to see that).
          if (remaining === 0) finish('done')
          else if (inFlight.size === 0) queue.onPush(send)
        }
        const startSide = () => {
          side = pool.sideJobs?.take()
          if (!side) return
          sideRuns.set(worker, new Promise<void>(r => (sideEnded = r)))
          timing(`side job sent, ${remaining} modules left`)
          worker.postMessage({ side: side.job })
        }
        /** The worker's answer; null when it died first (the job goes back to its caller as null). */
        const endSide = (reply: SideReply | null) => {
          const job = side
          side = undefined
          if (!job) return
          timing(`side job back, ${remaining} modules left`)
          if (!reply) job.resolve(null)
          else if ('error' in reply) job.reject(new Error(reply.error))
          else job.resolve(reply.result)
          sideEnded?.()
        }
        const finish = (how: 'done' | 'stuck') => {
          stopped = true
          unlisten?.()
          clearInterval(watchdog)
          resolve(how)
        }
        /**
         * No result for `timeout` while holding work: the worker is stuck on the oldest module it
         * holds (it takes them in the order sent, and each before it has come back).
         */
        const watchdog = setInterval(
          () => {
            const oldest = inFlight.keys().next()
            if (oldest.done || Date.now() - progressAt <= timeout) return
            const mod = modules[oldest.value]!
            inFlight.delete(oldest.value)
            remaining--
            sink.put(failed(mod, `${mod.relPath}: analysis did not finish within ${timeout / 1000} s (the time limit per module) and was stopped`), oldest.value)
            // Modules the worker held besides go back (their preloaded bytes went to it: decoded again).
            for (const id of inFlight.keys()) queue.push({ id })
            inFlight.clear()
            if (remaining === 0) queue.finish()
            finish('stuck')
            void worker.terminate()
          },
          Math.min(1000, Math.max(10, timeout / 4))
        )
        worker.on('message', (msg: { id: number; summary?: ModuleSummary; error?: string } | SideReply) => {
          if ('side' in msg) {
            endSide(msg)
            send()
            return
          }
          if (stopped) return
          const wasPreloaded = inFlight.get(msg.id)
          if (wasPreloaded === undefined) return
          inFlight.delete(msg.id)
          if (wasPreloaded) preloadedInFlight--
          progressAt = Date.now()
          remaining--
          sink.put(msg.summary ?? failed(modules[msg.id]!, msg.error ?? 'worker failed'), msg.id)
          if (remaining === 0) queue.finish()
          send()
        })
        worker.on('error', err => {
          endSide(null)
          if (stopped) return
          // A dead worker takes no more side jobs.
          unlisten?.()
          clearInterval(watchdog)
          reject(err)
        })
        worker.on('exit', code => {
          endSide(null)
          if (stopped) return
          unlisten?.()
          clearInterval(watchdog)
          if (remaining > 0) reject(new Error(`module worker exited with code ${code}`))
        })
        send()
      })
    await Promise.all([
      ...decoding,
      ...Array.from({ length: jobs }, async () => {
        while ((await runWorker()) === 'stuck' && remaining > 0) {
          // A fresh worker for the rest of the queue.
        }
      })
    ])
  } finally {
    pool.sideJobs?.close()
    // A worker still on a side job is stopped when it ends: the modules' results do not wait for it.
    const stopping = workers.map(w => {
      const running = sideRuns.get(w)
      if (!running) return w.terminate()
      void running.then(() => w.terminate())
      return undefined
    })
    await Promise.all([...stopping, pool.spares?.stop()])
    for (const c of channels) c.disconnect()
  }
  return sink.results
}

/** A worker's answer to a side job: its result, or why it failed. */
type SideReply = { side: true; result: unknown } | { side: true; error: string }

interface Task {
  id: number
  preloaded?: Preloaded
}

/** Tasks ready for a worker; workers with nothing to do wait for the next push. */
class ReadyQueue {
  private tasks: Task[] = []
  private head = 0
  private waiting: Array<() => void> = []

  push(t: Task): void {
    this.tasks.push(t)
    this.wake()
  }

  get size(): number {
    return this.tasks.length - this.head
  }

  /** The next task; undefined when there is none, or when it carries bytes and `preloaded` is false. */
  shift(preloaded = true): Task | undefined {
    if (this.head >= this.tasks.length) return undefined
    const t = this.tasks[this.head]!
    if (t.preloaded && !preloaded) return undefined
    this.tasks[this.head++] = undefined as unknown as Task
    if (this.head > 1024 && this.head * 2 > this.tasks.length) {
      this.tasks = this.tasks.slice(this.head)
      this.head = 0
    }
    return t
  }

  onPush(fn: () => void): void {
    this.waiting.push(fn)
  }

  /** Wakes every waiting worker so each can see there is nothing left. */
  finish(): void {
    this.wake()
  }

  private wake(): void {
    const w = this.waiting
    this.waiting = []
    for (const fn of w) fn()
  }
}

/**
 * With a system xz, .xz modules are decoded in `jobs` contiguous batches by xz processes
 * (liblzma is about twice as fast as the WebAssembly decoder). KBR_NO_SYSTEM_XZ=1 turns it off.
 */
function planXzBatches(modules: readonly ModuleFile[], jobs: number): Array<Array<{ index: number; module: ModuleFile }>> {
  if (process.env.KBR_NO_SYSTEM_XZ === '1') return []
  const xz = modules.flatMap((module, index) => (module.compression === 'xz' ? [{ index, module }] : []))
  if (xz.length < IN_THREAD_BELOW || !systemXz()) return []
  const per = Math.ceil(xz.length / jobs)
  return Array.from({ length: jobs }, (_, i) => xz.slice(i * per, (i + 1) * per)).filter(b => b.length)
}

/** Collects results by index, or hands them to `onResult` in index order as they complete. */
function orderedSink(count: number, onResult: PoolOptions['onResult']) {
  const results: ModuleSummary[] = onResult ? [] : new Array(count)
  const early = new Map<number, ModuleSummary>()
  let nextOut = 0
  return {
    results,
    put(summary: ModuleSummary, index: number) {
      if (!onResult) {
        results[index] = summary
        return
      }
      early.set(index, summary)
      while (early.has(nextOut)) {
        const s = early.get(nextOut)!
        early.delete(nextOut)
        onResult(s, nextOut++)
      }
    }
  }
}

async function analyzeInThread(
  modules: readonly ModuleFile[],
  options: AnalyzerOptions,
  put: (s: ModuleSummary, i: number) => void,
  board: HintBoard | undefined
): Promise<void> {
  const store = new Map<string, unknown>()
  const memo = <V>(key: string, make: () => V): V => {
    if (!store.has(key)) store.set(key, make())
    return store.get(key) as V
  }
  const analyzers = analyzersFor(options.analyzers)
  const hints = new HintReader(board?.table)
  for (let i = 0; i < modules.length; i++) put(await analyzeModule(modules[i]!, analyzers, options, memo, undefined, hints), i)
}

function failed(mod: ModuleFile, error: string): ModuleSummary {
  return emptySummary(mod, error)
}
