/** What identifies a build: shown in every report and stored in snapshots. */
export interface KernelVersion {
  major: number
  minor: number
  patch: number
}

export interface BuildInfo {
  /** include/config/kernel.release, the modules directory name, or the ELF/boot image banner. */
  release: string | null
  version: KernelVersion | null
  /** Kernel ARCH name (x86_64 builds report x86_64; 32-bit x86 reports x86). */
  arch: string | null
  layout: 'kbuild' | 'installed' | 'explicit'
  /** Config options that matter to the checks, as found (y/m/n/string); absent means unset. */
  config: Record<string, string>
}

/** Parses the leading "6.12.3" of a release string such as "6.12.3-amd64" or "7.2.0-rc1". */
export function parseKernelVersion(release: string | null | undefined): KernelVersion | null {
  if (!release) return null
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(release)
  if (!m) return null
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) }
}

/** version >= major.minor */
export function atLeast(v: KernelVersion | null, major: number, minor: number): boolean {
  if (!v) return false
  return v.major > major || (v.major === major && v.minor >= minor)
}
