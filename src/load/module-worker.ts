// Worker thread entry: analyzes the modules it is sent, one message per module, and runs the
// side jobs it is given once it has no module left (src/load/side-jobs.ts).
import { parentPort, type MessagePort } from 'node:worker_threads'
import type { ModuleFile } from '../discover/layout.ts'
import { describeError } from '../model/errors.ts'
import type { AnalyzerOptions } from './analyzer.ts'
import { analyzeModule, type Preloaded } from './analyze-module.ts'
import { analyzersFor } from './analyzers.ts'
import { HintReader } from './hint-board.ts'
import type { SideJob } from './side-jobs.ts'

interface Request {
  id: number
  module: ModuleFile
  /** Decompressed bytes when the batch decoder already has them. */
  preloaded?: Preloaded
}

/** The first message: what to compute, and the port hints arrive on. */
interface Init {
  init: { options: AnalyzerOptions; hints?: MessagePort }
}

let setup: { options: AnalyzerOptions; hints: HintReader; analyzers: ReturnType<typeof analyzersFor> } | null = null
const memoStore = new Map<string, unknown>()
const memo = <V>(key: string, make: () => V): V => {
  if (!memoStore.has(key)) memoStore.set(key, make())
  return memoStore.get(key) as V
}

parentPort!.on('message', (msg: Init | Request | { side: SideJob }) => {
  if ('side' in msg) {
    // Loaded by the one worker that takes a side job, not by every worker at boot.
    import('../checks/off-thread.ts')
      .then(m => m.runSideJob(msg.side))
      .then(
        result => parentPort!.postMessage({ side: true, result }),
        err => parentPort!.postMessage({ side: true, error: describeError(err) })
      )
    return
  }
  if ('init' in msg) {
    setup = { options: msg.init.options, hints: new HintReader(msg.init.hints), analyzers: analyzersFor(msg.init.options.analyzers) }
    return
  }
  const req = msg
  if (!setup) {
    parentPort!.postMessage({ id: req.id, error: 'module worker: a module before the setup message' })
    return
  }
  analyzeModule(req.module, setup.analyzers, setup.options, memo, req.preloaded, setup.hints).then(
    summary => parentPort!.postMessage({ id: req.id, summary }, ownedBuffers(summary.facts)),
    err => parentPort!.postMessage({ id: req.id, error: describeError(err) })
  )
})

/** Facts that are byte arrays owning their whole ArrayBuffer move to the main thread uncopied. */
function ownedBuffers(facts: Record<string, unknown>): ArrayBuffer[] {
  const out: ArrayBuffer[] = []
  for (const v of Object.values(facts)) {
    if (v instanceof Uint8Array && v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) {
      out.push(v.buffer)
    }
  }
  return out
}
