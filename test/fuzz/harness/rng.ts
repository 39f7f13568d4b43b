/**
 * A small deterministic PRNG (mulberry32). Every mutated input is a pure function of
 * (seed file, rng seed), so a crash or a hang is reproduced from two numbers.
 */
export class Rng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** A uint32. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }

  /** An integer in [0, n); 0 when n <= 0. */
  int(n: number): number {
    if (n <= 1) return 0
    if (n <= 0x100000000) return Math.floor((this.next() / 0x100000000) * n)
    return Math.floor(((this.next() * 0x100000000 + this.next()) / 2 ** 64) * n)
  }

  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1)
  }

  chance(p: number): boolean {
    return this.next() / 0x100000000 < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[this.int(items.length)]!
  }

  /** Small numbers far more often than large ones (1, 2, 4, ... up to max). */
  small(max: number): number {
    const bits = this.int(Math.max(1, Math.ceil(Math.log2(max + 1))) + 1)
    return Math.min(max, 1 + this.int(2 ** bits))
  }
}
