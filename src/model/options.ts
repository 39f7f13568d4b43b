/** Everything a review can be told, from CLI flags or Action inputs. */
export type FailOn = 'error' | 'warning' | 'never'
export type BtfBaseRefPolicy = 'required-for-external' | 'required' | 'off'

export interface ReviewOptions {
  /** Symbol lists to check besides the one CONFIG_UNUSED_KSYMS_WHITELIST names. */
  symbolLists: string[]
  /** Require the symbol list and the built exports to match one to one (Android KMI strict mode). */
  strictSymbolList: boolean
  /** A directory of out-of-tree/vendor .ko resolved against the kernel's exports. */
  extraModules: string[]
  btfBaseRef: BtfBaseRefPolicy
  /** Size budget, e.g. "total=+1%,module=+64KiB" (parsed by the size check). */
  sizeBudget: string | null
  failOn: FailOn
  /** Identifies the build configuration in reports, snapshots and sticky comments. */
  configKey: string
  /** Only these check ids (empty: all). */
  only: string[]
}

export function defaultOptions(overrides: Partial<ReviewOptions> = {}): ReviewOptions {
  return {
    symbolLists: [],
    strictSymbolList: false,
    extraModules: [],
    btfBaseRef: 'required-for-external',
    sizeBudget: null,
    failOn: 'error',
    configKey: 'default',
    only: [],
    ...overrides
  }
}
