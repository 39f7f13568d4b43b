import { spawn } from 'node:child_process'
import type { Relaunch } from './tuning.ts'

/** Signals a terminal or CI runner sends to stop us; the child gets them too. */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/**
 * Runs the planned child with this process's stdio and waits for it. Resolves with its exit
 * status; when a signal killed it, this process dies of the same signal. Resolves null when
 * the child could not be started at all, so the caller runs the work itself.
 */
export function runRelaunched(plan: Relaunch): Promise<number | null> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, plan.args, { stdio: 'inherit', env: plan.env })
    const forward = (signal: NodeJS.Signals) => {
      child.kill(signal)
    }
    const stopForwarding = () => {
      for (const s of FORWARDED) process.off(s, forward)
    }
    for (const s of FORWARDED) process.on(s, forward)
    child.once('error', () => {
      // Only a child that never started: once it runs, its end is an 'exit'.
      if (child.pid !== undefined) return
      stopForwarding()
      resolve(null)
    })
    child.once('exit', (code, signal) => {
      stopForwarding()
      if (signal) process.kill(process.pid, signal)
      resolve(code ?? 1)
    })
  })
}
