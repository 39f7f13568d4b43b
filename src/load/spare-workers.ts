import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

/** The worker entry next to this file: .ts when running from source, .js in dist/. */
export function workerUrl(): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
  return new URL(`./module-worker${ext}`, import.meta.url)
}

/**
 * Module workers started before the build is discovered: a worker takes about 0.2 s to boot
 * (an isolate, Node's bootstrap, the bundle), which then overlaps the directory walk of a
 * distro tree's modules instead of following it. The pool takes them first; whatever it does
 * not take is stopped. Until taken they do not keep the process alive.
 */
export class SpareWorkers {
  private readonly idle: Worker[] = []
  private readonly exited = new WeakSet<Worker>()

  constructor(count = availableParallelism()) {
    for (let i = 0; i < count; i++) {
      const w = new Worker(workerUrl())
      w.unref()
      // A spare that fails to start is not taken (its error is the pool's only once taken).
      w.on('error', () => this.exited.add(w))
      w.once('exit', () => this.exited.add(w))
      this.idle.push(w)
    }
  }

  /** A started worker, kept alive from now on; undefined when none is left. */
  take(): Worker | undefined {
    for (let w = this.idle.shift(); w; w = this.idle.shift()) {
      if (this.exited.has(w)) continue
      w.removeAllListeners()
      w.ref()
      return w
    }
    return undefined
  }

  /** Stops the workers not taken. */
  async stop(): Promise<void> {
    const rest = this.idle.splice(0)
    await Promise.all(rest.map(w => w.terminate()))
  }
}
