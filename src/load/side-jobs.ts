/** Work for a module worker besides modules: a kind its entry knows, and structured-cloneable input. */
export interface SideJob {
  kind: string
  input: unknown
}

interface Pending {
  job: SideJob
  resolve: (result: unknown) => void
  reject: (err: Error) => void
}

/**
 * Jobs that need no module, run by a module worker once it has no module left (the pool takes
 * them, see analyzeModules). Once every module is analyzed the main thread still has the checks
 * that read them to run, alone: a job taken then uses the core that would sit idle. A job no
 * worker takes resolves to null, and its caller runs it itself.
 */
export class SideJobs {
  private readonly pending: Pending[] = []
  private readonly listeners = new Set<() => void>()
  private closed = false

  /** The job's result; null when no worker will run it. Rejects when the job failed in the worker. */
  submit(job: SideJob): Promise<unknown> {
    if (this.closed) return Promise.resolve(null)
    return new Promise((resolve, reject) => {
      this.pending.push({ job, resolve, reject })
      for (const fn of [...this.listeners]) fn()
    })
  }

  /** The oldest job not yet taken. */
  take(): Pending | undefined {
    return this.pending.shift()
  }

  /** Calls `fn` whenever a job is submitted, until the returned function is called. */
  onSubmit(fn: () => void): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  /** No worker will take jobs any more: those waiting, and those submitted from now on, resolve to null. */
  close(): void {
    this.closed = true
    this.listeners.clear()
    for (let p = this.pending.shift(); p; p = this.pending.shift()) p.resolve(null)
  }
}
