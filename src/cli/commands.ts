import type { Command } from 'commander'

/**
 * CLI subcommands. Each lives in its own file exporting a function that registers it on the
 * program; add one line here.
 */
export const COMMANDS: Array<(program: Command) => void> = []
