// The CLI's work: run by src/cli.ts, in the tuned child process it starts or in its own.
import { main } from './cli/main.ts'

process.exitCode = await main(process.argv)
