// The read arena hands out pieces that never overlap while any module holds it, and reuses
// its memory only once every holder has released it.
import { describe, expect, it } from 'vitest'
import { ReadArena } from '../../src/bytes/read-arena.ts'

describe('ReadArena', () => {
  it('gives fresh buffers when nobody holds it', () => {
    const a = new ReadArena(1 << 20)
    const x = a.take(1 << 16)
    const y = a.take(1 << 16)
    expect(x.buffer).not.toBe(y.buffer)
    expect(x.byteLength).toBe(1 << 16)
  })
  it('keeps pieces of concurrent holders apart, aligned, and starts over after the last release', () => {
    const a = new ReadArena(1024)
    a.hold()
    const x = a.take(10)
    a.hold()
    const y = a.take(20)
    expect(x.buffer).toBe(y.buffer)
    expect(y.byteOffset).toBe(16)
    x.fill(1)
    y.fill(2)
    expect([...x]).toEqual(new Array(10).fill(1))
    a.release()
    // One holder left: no reuse yet.
    expect(a.take(8).byteOffset).toBe(48)
    a.release()
    a.hold()
    expect(a.take(8).byteOffset).toBe(0)
    a.release()
  })
  it('falls back to a fresh buffer when a piece does not fit', () => {
    const a = new ReadArena(64)
    a.hold()
    const x = a.take(48)
    const y = a.take(32)
    expect(y.buffer).not.toBe(x.buffer)
    expect(y.length).toBe(32)
    a.release()
  })
})
