/** 128 + SIGPIPE: how a shell tool ends when its reader goes away (`kallsyms vmlinuz | head`). */
export const CLOSED_PIPE_STATUS = 141

/**
 * A stdout whose reader has gone ends the CLI quietly with CLOSED_PIPE_STATUS, as SIGPIPE ends
 * nm or cat. Node ignores SIGPIPE, so the write fails with EPIPE instead, and unhandled that
 * printed a stack trace.
 */
export function endQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(CLOSED_PIPE_STATUS)
    throw err
  })
}

/**
 * Ends the process with `status` once everything written to stdout and stderr has reached the
 * OS. Node's orderly exit after the event loop empties tears down every isolate's heap and
 * frees each Buffer one by one: after a distro review (three isolates, half a gigabyte of module
 * bytes) that took 0.1-0.2 s of wall time and 0.3 s of CPU, for nothing the review still needs.
 * process.exit skips it, but it drops writes still queued on a pipe (asynchronous on POSIX),
 * so it waits for both streams first.
 */
export async function exitWhenFlushed(status: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)])
  process.exit(status)
}

/** Resolves once the writes queued on `stream` before it are done (or failed). */
function flushed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise(resolve => {
    try {
      stream.write('', () => resolve())
    } catch {
      resolve()
    }
  })
}
