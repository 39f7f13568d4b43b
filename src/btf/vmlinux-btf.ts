import { FileSource } from '../bytes/source.ts'
import { ElfFile } from '../elf/elf.ts'
import { InputError, describeError } from '../model/errors.ts'
import { parseBtf, type Btf } from './btf.ts'
import { BTF_MAGIC } from './kinds.ts'
import { BtfResolver } from './resolve.ts'
import type { VerifierRules } from './rules.ts'
import { verifyLoad } from './verifier.ts'
import type { VerifierFailure } from './verifier-log.ts'

/** The vmlinux BTF modules are checked against, read once per worker and resolved as needed. */
export interface VmlinuxBtf {
  file: string
  btf?: Btf
  /** Resolves vmlinux types as module checks need them. */
  resolver?: BtfResolver
  /** Byte size of its .BTF. */
  bytes: number
  /** Why it cannot serve as the base (not readable, no .BTF, not BTF). */
  error?: string
}

/**
 * Reads only the .BTF section of `path` (a vmlinux, the BTF-only vmlinux of a headers package,
 * or a raw BTF file such as a copy of /sys/kernel/btf/vmlinux), never the whole file: a debug
 * vmlinux is a gigabyte.
 */
export function readBtfSection(
  path: string
): { bytes: Uint8Array; littleEndian: boolean; is64: boolean } | undefined {
  const src = new FileSource(path)
  try {
    if (src.size >= 2) {
      const head = src.read(0, 2, 'magic')
      const le = head[0]! | (head[1]! << 8)
      const be = (head[0]! << 8) | head[1]!
      if (le === BTF_MAGIC || be === BTF_MAGIC)
        return { bytes: src.read(0, src.size, 'BTF'), littleEndian: le === BTF_MAGIC, is64: true }
    }
    const elf = ElfFile.open(src)
    const sec = elf.section('.BTF')
    if (!sec) return undefined
    return { bytes: elf.data(sec), littleEndian: elf.littleEndian, is64: elf.is64 }
  } finally {
    src.close()
  }
}

/**
 * The vmlinux BTF as module checks need it: parsed structurally (the kernel's own boot-time
 * check of it is verifyVmlinuxBtf, run once per build rather than once per worker).
 */
export function loadVmlinuxBtf(path: string, rules: VerifierRules): VmlinuxBtf {
  let sec: ReturnType<typeof readBtfSection>
  try {
    sec = readBtfSection(path)
    if (!sec) return { file: path, bytes: 0, error: `${path} has no .BTF section` }
    const btf = parseBtf(sec.bytes, path, { encoding: rules.info, checkRefs: false })
    return {
      file: path,
      btf,
      resolver: new BtfResolver(btf, null, sec.is64 ? 8 : 4),
      bytes: sec.bytes.length
    }
  } catch (err) {
    return {
      file: path,
      bytes: sec?.bytes.length ?? 0,
      error: err instanceof InputError ? err.message : describeError(err)
    }
  }
}

/**
 * What the kernel's boot-time check (btf_parse_vmlinux) says of this vmlinux BTF: null when it
 * takes it, or when it cannot be read here (the module analysis reports that).
 */
export function verifyVmlinuxBtf(path: string, rules: VerifierRules): VerifierFailure | null {
  let sec: ReturnType<typeof readBtfSection>
  try {
    sec = readBtfSection(path)
  } catch {
    return null
  }
  if (!sec) return null
  const res = verifyLoad({ bytes: sec.bytes, file: path, littleEndian: sec.littleEndian, base: null, rules })
  return res.ok ? null : res.failure
}
