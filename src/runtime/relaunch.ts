import type { Relaunch } from './tuning.ts'

/** Signals a terminal or CI runner sends to stop us; a spawned child gets them too. */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/**
 * Becomes the planned process: execve(2) on POSIX (same pid, stdio and signals, nothing left
 * behind to wait), else a child with this process's stdio whose status and killing signal
 * are passed on. Resolves with the status to exit with; null when no process could be started,
 * so the caller runs the work itself.
 */
export async function runRelaunched(plan: Relaunch): Promise<number | null> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(plan.env)) if (v !== undefined) env[k] = v
  if (process.execve) {
    try {
      process.execve(process.execPath, [process.execPath, ...plan.args], env)
    } catch {
      // execve(2) failed and this process is unchanged: try a child instead.
    }
  }
  return runChild(plan.args, env)
}

/**
 * The fallback of runRelaunched where execve(2) is missing (Windows) or fails. node:child_process
 * is loaded here, not with the launcher: on Linux it is never needed, and loading it costs ~6 ms.
 */
export function runChild(args: string[], env: Record<string, string>): Promise<number | null> {
  const { spawn } = process.getBuiltinModule('node:child_process')
  return new Promise(resolve => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env })
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
