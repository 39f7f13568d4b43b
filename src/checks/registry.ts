import type { AnyCheck } from './check.ts'
import { btfCheck } from './btf.ts'
import { exportsCheck } from './exports.ts'
import { inventoryCheck } from './inventory.ts'
import { kallsymsCheck } from './kallsyms.ts'
import { sizesCheck } from './sizes.ts'
import { symbolListCheck } from './symbol-list.ts'

/**
 * Every check, in report order. A new check is one file in src/checks/ plus one line here.
 */
export const CHECKS: readonly AnyCheck[] = [inventoryCheck, kallsymsCheck, symbolListCheck, exportsCheck, sizesCheck, btfCheck]
