import type { Workload } from '../workload.ts'
import { importsWorkload } from './imports.ts'
import { symbolsWorkload } from './symbols.ts'

/** Every benchmark workload, in the order BENCHMARKS.md lists them. One line each. */
export const WORKLOADS: Workload[] = [symbolsWorkload, importsWorkload]
