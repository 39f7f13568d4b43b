/**
 * A benchmark workload: our command and the peer tool's command doing the same job, run
 * alternately in one session by bench/run.ts, which reports median wall time and peak memory
 * of each and their ratio.
 */
export interface WorkloadRun {
  /** argv of our side, e.g. [process.execPath, 'src/cli.ts', 'symbols', dir]. */
  ours: string[]
  /** argv of the peer, e.g. ['sh', '-c', 'find ... | xargs nm']; none for whole-review targets. */
  peer?: string[]
  peerName?: string
  /** Shown beside the result: inputs, counts. */
  note?: string
}

export interface Workload {
  name: string
  description: string
  /** Locates inputs (real kernels in the cache); `{ skip }` says why it cannot run here. */
  prepare(): Promise<WorkloadRun | { skip: string }>
}
