import type { ModuleAnalyzer } from './analyzer.ts'
import { modinfoAnalyzer } from './modinfo-analyzer.ts'

/**
 * Every analyzer run on every module, in one pass per module. A new check that needs per-module
 * facts adds its analyzer here (one line) and reads it back with factOf().
 */
export const ANALYZERS: readonly ModuleAnalyzer[] = [modinfoAnalyzer]
