import type { Command } from 'commander'
import { takeSnapshot } from '../engine.ts'
import { writeSnapshot } from '../snapshot/io.ts'
import { addBuildFlags, discoverInput, reviewOptions, type BuildFlags } from './review-options.ts'

/** `kbuild-review snapshot <build> -o FILE`: what a later comparison needs, as versioned JSON. */
export function registerSnapshot(program: Command): void {
  addBuildFlags(
    program
      .command('snapshot')
      .description('write a compact snapshot of a build for later comparisons (gzip when FILE ends in .gz)')
      .argument('[build]', 'kbuild output directory (O=) or installed layout')
      .requiredOption('-o, --output <file>', 'snapshot file to write')
      .option('--commit <sha>', 'commit the build was made from (stored in the snapshot)')
  ).action(async (dir: string | undefined, flags: BuildFlags & { output: string; commit?: string }) => {
    const snap = await takeSnapshot(
      { input: discoverInput(dir, flags), options: reviewOptions(flags), ...(flags.jobs === undefined ? {} : { jobs: flags.jobs }) },
      flags.commit ? { commit: flags.commit } : {}
    )
    await writeSnapshot(flags.output, snap)
  })
}
