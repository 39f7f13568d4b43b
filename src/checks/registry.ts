import type { AnyCheck } from './check.ts'
import { inventoryCheck } from './inventory.ts'

/**
 * Every check, in report order. A new check is one file in src/checks/ plus one line here.
 */
export const CHECKS: readonly AnyCheck[] = [inventoryCheck]
