import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { ModuleFile } from '../discover/layout.ts'
import type { AnalyzerOptions, ModuleSummary } from './analyzer.ts'
import { analyzeModule } from './analyze-module.ts'
import { analyzersFor } from './analyzers.ts'

export interface PoolOptions {
  /** Worker threads; default: one per core. 0 analyzes in this thread. */
  jobs?: number
  /**
   * Streams results in module order instead of collecting them: the returned array is then
   * empty and memory holds only results that arrived ahead of their turn.
   */
  onResult?: (summary: ModuleSummary, index: number) => void
}

/** Below this many modules, starting workers costs more than it saves. */
const IN_THREAD_BELOW = 24
/** Requests queued per worker, so a worker keeps going while the main thread is busy with vmlinux. */
const PER_WORKER = 16

/** The worker entry next to this file: .ts when running from source, .js in dist/. */
function workerUrl(): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
  return new URL(`./module-worker${ext}`, import.meta.url)
}

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
  if (jobs <= 0 || modules.length < IN_THREAD_BELOW) {
    await analyzeInThread(modules, options, sink.put)
    return sink.results
  }
  let next = 0
  const workers: Worker[] = []
  try {
    await Promise.all(
      Array.from({ length: jobs }, () => {
        const worker = new Worker(workerUrl(), { workerData: { options } })
        workers.push(worker)
        return new Promise<void>((resolve, reject) => {
          let inFlight = 0
          const send = () => {
            while (inFlight < PER_WORKER && next < modules.length) {
              const id = next++
              inFlight++
              worker.postMessage({ id, module: modules[id] })
            }
            if (inFlight === 0) resolve()
          }
          worker.on('message', (msg: { id: number; summary?: ModuleSummary; error?: string }) => {
            inFlight--
            const mod = modules[msg.id]!
            sink.put(msg.summary ?? failed(mod, msg.error ?? 'worker failed'), msg.id)
            send()
          })
          worker.on('error', reject)
          worker.on('exit', code => {
            if (inFlight > 0 || next < modules.length) reject(new Error(`module worker exited with code ${code}`))
          })
          send()
        })
      })
    )
  } finally {
    await Promise.all(workers.map(w => w.terminate()))
  }
  return sink.results
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
  put: (s: ModuleSummary, i: number) => void
): Promise<void> {
  const store = new Map<string, unknown>()
  const memo = <V>(key: string, make: () => V): V => {
    if (!store.has(key)) store.set(key, make())
    return store.get(key) as V
  }
  const analyzers = analyzersFor(options.analyzers)
  for (let i = 0; i < modules.length; i++) put(await analyzeModule(modules[i]!, analyzers, options, memo), i)
}

function failed(mod: ModuleFile, error: string): ModuleSummary {
  return {
    name: mod.name,
    relPath: mod.relPath,
    compression: mod.compression,
    fileBytes: 0,
    elfBytes: 0,
    signatureBytes: 0,
    error,
    facts: {},
    factErrors: {}
  }
}
