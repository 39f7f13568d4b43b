import type { Workload } from '../workload.ts'
import { bloatWorkload } from './bloat.ts'
import { btfWorkload } from './btf.ts'
import { importsWorkload } from './imports.ts'
import { kallsymsWorkload } from './kallsyms.ts'
import { sizesWorkload } from './sizes.ts'
import { symbolsWorkload } from './symbols.ts'
import { checkWorkload, checkXzWorkload } from './check.ts'

/** Every benchmark workload, in the order BENCHMARKS.md lists them. One line each. */
export const WORKLOADS: Workload[] = [checkWorkload, checkXzWorkload, symbolsWorkload, importsWorkload, sizesWorkload, bloatWorkload, btfWorkload, kallsymsWorkload]
