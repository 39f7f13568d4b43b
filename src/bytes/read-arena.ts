/**
 * Memory reused for the bytes of the module being analyzed. A fresh buffer per read costs page
 * faults on every new page (the kernel zero-fills it first), and reading Debian's 4,230 modules
 * touches a quarter gigabyte; reads from the arena land in pages touched already. Views it hands
 * out stay valid while any holder holds it: the bump pointer goes back to 0 only when the last
 * one releases it, so modules analyzed concurrently never share a byte.
 */
export class ReadArena {
  private buffer: Buffer | null = null
  private used = 0
  private holders = 0
  private readonly capacity: number

  constructor(capacity: number) {
    this.capacity = capacity
  }

  hold(): void {
    this.holders++
  }

  release(): void {
    if (this.holders > 0 && --this.holders === 0) this.used = 0
  }

  /** `length` bytes, uninitialized: from the arena while it is held and has room, else a fresh buffer. */
  take(length: number): Buffer {
    // Pieces start 16-byte aligned, as fresh buffers do (typed-array views over them need it).
    const start = (this.used + 15) & ~15
    if (this.holders === 0 || start + length > this.capacity) return Buffer.allocUnsafe(length)
    this.buffer ??= Buffer.allocUnsafeSlow(this.capacity)
    this.used = start + length
    return this.buffer.subarray(start, start + length)
  }
}
