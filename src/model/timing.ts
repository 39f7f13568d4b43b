/**
 * KBR_TIMINGS=1 prints when each stage ended to stderr (for profiling, never in reports): the
 * time since the process started and this thread's CPU time so far. On two cores shared by
 * three threads, the gap between the two says how long this thread waited for a core.
 */
const TIMINGS = process.env.KBR_TIMINGS === '1'

export function timing(what: string): void {
  if (!TIMINGS) return
  const cpu = process.threadCpuUsage()
  const s = (ms: number) => (ms / 1000).toFixed(2)
  process.stderr.write(`[${s(performance.now())}s, thread cpu ${s((cpu.user + cpu.system) / 1000)}s] ${what}\n`)
}
