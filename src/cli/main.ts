// The kbuild-review CLI: the same engine as the Action, no GitHub needed. src/cli.ts starts it.
import { Command, CommanderError } from 'commander'
import { describeError, InputError } from '../model/errors.ts'
import { COMMANDS } from './commands.ts'
import { registerCheck, UsageError } from './check-command.ts'
import { registerSnapshot } from './snapshot-command.ts'
import { registerSymbols } from './symbols-command.ts'
import { TOOL_VERSION } from '../report/schema.ts'

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('kbuild-review')
    .description('Review the build output of a Linux kernel: symbol lists, kallsyms passes, module BTF, exports, sizes')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeErr: s => process.stderr.write(s) })
  for (const register of [registerCheck, registerSnapshot, registerSymbols, ...COMMANDS]) register(program)
  try {
    await program.parseAsync(argv)
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2
    const prefix = err instanceof InputError || err instanceof UsageError ? '' : 'internal error: '
    process.stderr.write(`kbuild-review: ${prefix}${describeError(err)}\n`)
    return 2
  }
}
