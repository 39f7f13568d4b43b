import type { ElfFile } from '../elf/elf.ts'

const VERMAGIC = Buffer.from('vermagic=')

/** The `vermagic=` value in .modinfo's bytes (NUL-separated key=value, include/linux/moduleparam.h). */
export function vermagicIn(modinfo: Uint8Array): string | undefined {
  const bytes = Buffer.from(modinfo.buffer, modinfo.byteOffset, modinfo.byteLength)
  for (let at = bytes.indexOf(VERMAGIC); at >= 0; at = bytes.indexOf(VERMAGIC, at + 1)) {
    if (at > 0 && bytes[at - 1] !== 0) continue // inside another entry's value
    let end = bytes.indexOf(0, at)
    if (end < 0) end = bytes.length
    return bytes.toString('latin1', at + VERMAGIC.length, end)
  }
  return undefined
}

/** The `vermagic=` value of a module's .modinfo, when it has one. */
export function vermagicOf(elf: ElfFile): string | undefined {
  const sec = elf.section('.modinfo')
  return sec ? vermagicIn(elf.data(sec)) : undefined
}
