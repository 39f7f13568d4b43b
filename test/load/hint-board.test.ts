// Hints reach a worker's modules whether given before or after the worker got them: the worker
// drains its port before each module.
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { HintBoard, HintReader } from '../../src/load/hint-board.ts'

describe('HintBoard', () => {
  it('gives a new reader every hint so far, and later hints as they come', () => {
    const board = new HintBoard()
    board.set('sizes', new Map([['a', 1]]))
    const { port, disconnect } = board.connect()
    const reader = new HintReader(port)
    expect(reader.read().get('sizes')?.get('a')).toBe(1)
    expect(reader.read().get('btf')).toBeUndefined()
    board.set('btf', new Map([['b', [1, 2]]]))
    board.set('sizes', new Map([['a', 2]]))
    expect(reader.read().get('btf')?.get('b')).toEqual([1, 2])
    expect(reader.read().get('sizes')?.get('a')).toBe(2)
    disconnect()
    port.close()
  })

  it('reads the table itself in this thread', () => {
    const board = new HintBoard()
    const reader = new HintReader(board.table)
    expect(reader.read().get('sizes')).toBeUndefined()
    board.set('sizes', new Map([['a', 'read']]))
    expect(reader.read().get('sizes')?.get('a')).toBe('read')
  })

  it('reaches a worker busy with messages sent before the hint', async () => {
    const board = new HintBoard()
    const { port, disconnect } = board.connect()
    // The worker reads the hint port synchronously after each request, as module-worker.ts does.
    const worker = new Worker(
      `const { parentPort, workerData, receiveMessageOnPort } = require('node:worker_threads')
       const seen = new Map()
       parentPort.on('message', n => {
         for (let m = receiveMessageOnPort(workerData.port); m; m = receiveMessageOnPort(workerData.port)) seen.set(m.message[0], m.message[1])
         parentPort.postMessage([n, seen.get('x')?.get('k') ?? null])
       })`,
      { eval: true, workerData: { port }, transferList: [port] }
    )
    const replies: Array<[number, unknown]> = []
    const done = new Promise<void>(resolve =>
      worker.on('message', (r: [number, unknown]) => {
        replies.push(r)
        if (replies.length === 3) resolve()
      })
    )
    for (const n of [1, 2, 3]) worker.postMessage(n)
    // Given after the three requests were queued in the worker: each still sees it.
    board.set('x', new Map([['k', 'v']]))
    await done
    await worker.terminate()
    disconnect()
    expect(replies).toEqual([
      [1, 'v'],
      [2, 'v'],
      [3, 'v']
    ])
  })
})
