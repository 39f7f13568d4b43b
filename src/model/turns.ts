/**
 * Waits for the next turn of the event loop, one waiting task per turn. The module workers are
 * given more work only when this thread handles their messages, which it cannot do while checks
 * run one after another through promise continuations (a second and more for a distro kernel:
 * workers ran dry). Long steps await this first, so the loop polls between them. Immediates
 * queued together would all run in the same check phase, hence one release per turn.
 */
export function nextTurn(): Promise<void> {
  return new Promise(resolve => {
    waiting.push(resolve)
    if (!scheduled) {
      scheduled = true
      setImmediate(release)
    }
  })
}

const waiting: Array<() => void> = []
let scheduled = false

function release(): void {
  const next = waiting.shift()
  if (waiting.length) setImmediate(release)
  else scheduled = false
  next?.()
}
