import type { SizeMap } from './symbol-sizes.ts'

/**
 * name -> summed size, with each name's position. A table compared with a baseline's marks
 * the names it matched by position, instead of a second map for the baseline and a third
 * lookup per name (vmlinux: 140,000 names per review).
 */
export class SizeTable {
  readonly positions = new Map<string, number>()
  readonly names: string[] = []
  readonly sizes: number[] = []

  add(name: string, size: number): void {
    const i = this.positions.get(name)
    if (i === undefined) {
      this.positions.set(name, this.names.length)
      this.names.push(name)
      this.sizes.push(size)
    } else {
      this.sizes[i]! += size
    }
  }

  static fromMap(m: SizeMap): SizeTable {
    const t = new SizeTable()
    for (const [name, size] of m) t.add(name, size)
    return t
  }

  get size(): number {
    return this.names.length
  }

  /** The same table as a map, in the order names were first added. */
  toMap(): SizeMap {
    const m: SizeMap = new Map()
    for (let i = 0; i < this.names.length; i++) m.set(this.names[i]!, this.sizes[i]!)
    return m
  }
}
