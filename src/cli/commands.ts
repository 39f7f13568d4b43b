import type { Command } from 'commander'
import { registerKallsyms } from './kallsyms-command.ts'

/**
 * CLI subcommands. Each lives in its own file exporting a function that registers it on the
 * program; add one line here.
 */
export const COMMANDS: Array<(program: Command) => void> = [registerKallsyms]
