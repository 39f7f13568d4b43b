import { SHF_ALLOC } from '../elf/constants.ts'
import type { ElfFile } from '../elf/elf.ts'

interface Range {
  name: string
  start: bigint
  end: bigint
}

/** Which section of a linked vmlinux an address falls in, for grouping moved symbols. */
export class SectionIndex {
  private readonly ranges: Range[]

  constructor(ranges: Range[]) {
    this.ranges = [...ranges].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
  }

  static ofElf(elf: ElfFile): SectionIndex {
    return new SectionIndex(
      elf.sections.filter(s => (s.flags & SHF_ALLOC) !== 0 && s.size > 0).map(s => ({ name: s.name, start: s.addr, end: s.addr + BigInt(s.size) }))
    )
  }

  /**
   * The section holding `addr`; an address just past a section's end (a linker-script end
   * marker such as _etext) belongs to that section when no other section starts there.
   */
  sectionOf(addr: bigint): string | null {
    let lo = 0
    let hi = this.ranges.length - 1
    let best = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (this.ranges[mid]!.start <= addr) {
        best = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    // Several sections can share a start (empty ones are filtered); take the one that contains addr.
    for (let i = best; i >= 0 && i >= best - 8; i--) {
      const r = this.ranges[i]!
      if (addr >= r.start && addr < r.end) return r.name
    }
    for (let i = best; i >= 0 && i >= best - 8; i--) if (this.ranges[i]!.end === addr) return this.ranges[i]!.name
    return null
  }
}
