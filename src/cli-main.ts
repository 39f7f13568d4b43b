// The CLI's work: run by src/cli.ts, in the tuned child process it starts or in its own.
import { main } from './cli/main.ts'
import { endQuietlyOnClosedPipe, exitWhenFlushed } from './runtime/exit.ts'

endQuietlyOnClosedPipe()
await exitWhenFlushed(await main(process.argv))
