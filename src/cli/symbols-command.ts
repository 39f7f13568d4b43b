import type { Command } from 'commander'
import { discover } from '../discover/discover.ts'
import { analyzeModules } from '../load/pool.ts'
import { safeTerminal } from '../report/text-blocks.ts'

const NEWLINE = Buffer.from('\n')

/** `kbuild-review symbols <build|modules-dir>`: every module's symbols, as `nm` over the files prints them. */
export function registerSymbols(program: Command): void {
  program
    .command('symbols')
    .description("list every module's symbols in nm format (module files decompressed as needed)")
    .argument('<dir>', 'build directory, installed layout or directory of modules')
    .option('-S, --print-size', 'print symbol sizes too, as nm -S')
    .option('-j, --jobs <n>', 'worker threads (default: one per core)', v => Number(v))
    .action(async (dir: string, flags: { jobs?: number; printSize?: boolean }) => {
      const layout = discover({ dir, modulesDir: dir })
      let failed = 0
      const chunks: Uint8Array[] = []
      let pending = 0
      const flush = () => {
        if (chunks.length) process.stdout.write(Buffer.concat(chunks))
        chunks.length = 0
        pending = 0
      }
      await analyzeModules(
        layout.modules,
        { analyzers: ['symbols'], symbolSizes: !!flags.printSize },
        {
          ...(flags.jobs === undefined ? {} : { jobs: flags.jobs }),
          onResult(m) {
            if (m.error) {
              process.stderr.write(`kbuild-review: ${safeTerminal(m.error)}\n`)
              failed++
              return
            }
            const listing = m.facts.symbols as Uint8Array | undefined
            chunks.push(Buffer.from(`\n${safeTerminal(m.relPath)}:\n`))
            if (listing?.length) chunks.push(listing, NEWLINE)
            pending += listing?.length ?? 0
            if (pending > 1 << 20) flush()
          }
        }
      )
      flush()
      if (failed) process.exitCode = 2
    })
}
