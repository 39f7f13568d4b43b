// Workers started before discovery: taken once each, alive when taken, stopped when not.
import { describe, expect, it } from 'vitest'
import { SpareWorkers } from '../../src/load/spare-workers.ts'

describe('SpareWorkers', () => {
  it('hands out each started worker once, running', async () => {
    const spares = new SpareWorkers(2)
    const a = spares.take()!
    const b = spares.take()!
    expect(a).toBeDefined()
    expect(b).not.toBe(a)
    expect(spares.take()).toBeUndefined()
    // A taken worker is the pool's: it answers a module request before setup with an error.
    const reply = await new Promise(resolve => {
      a.once('message', resolve)
      a.postMessage({ id: 7, module: { name: 'x', relPath: 'x.ko', path: '/nonexistent/x.ko', compression: 'none' } })
    })
    expect(reply).toEqual({ id: 7, error: 'module worker: a module before the setup message' })
    await Promise.all([a.terminate(), b.terminate()])
  })

  it('stops the ones not taken, and has none left after', async () => {
    const spares = new SpareWorkers(1)
    await spares.stop()
    expect(spares.take()).toBeUndefined()
  })
})
