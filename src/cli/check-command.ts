import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Option, type Command } from 'commander'
import { failsOn, review, timing } from '../engine.ts'
import { renderJson } from '../report/json.ts'
import { renderText } from '../report/text.ts'
import { addBuildFlags, discoverInput, reviewOptions, type BuildFlags } from './review-options.ts'
import { demoSample } from './demo.ts'

/** `kbuild-review check <build>`: the review a PR would get, on the terminal or in a file. */
export function registerCheck(program: Command): void {
  addBuildFlags(
    program
      .command('check')
      .description('review a kernel build (exit 1 when findings reach --fail-on, 2 on usage or input errors)')
      .argument('[build]', 'kbuild output directory (O=) or installed layout')
      .option('--baseline <build-or-snapshot>', 'base build directory or snapshot file to compare with')
      .addOption(new Option('--format <format>', 'report format').choices(['text', 'markdown', 'json']).default('text'))
      .option('-o, --output <file>', 'write the report here instead of stdout')
      .addOption(new Option('--fail-on <level>', 'exit 1 at this severity').choices(['error', 'warning', 'never']).default('error'))
      .option('--demo', 'review the embedded sample build (prints the PR comment it would post)')
  ).action(async (dir: string | undefined, flags: BuildFlags & { baseline?: string; format: string; output?: string; demo?: boolean }, cmd: Command) => {
    if (flags.demo) {
      const sample = demoSample(fileURLToPath(import.meta.url))
      dir = sample.build
      flags.baseline ??= sample.baseline
      flags.btfBase ??= sample.btfBase
      if (cmd.getOptionValueSource('format') === 'default') flags.format = 'markdown'
    }
    if (!dir && !flags.vmlinux && !flags.systemMap && !flags.symvers && !flags.modulesDir) {
      throw new UsageError('check needs a build directory (or --vmlinux/--system-map/--symvers/--modules-dir)')
    }
    const options = reviewOptions(flags)
    const report = await review({ input: discoverInput(dir, flags), baseline: flags.baseline ?? null, options, ...(flags.jobs === undefined ? {} : { jobs: flags.jobs }) })
    const text =
      flags.format === 'json'
        ? renderJson(report)
        : flags.format === 'markdown'
          ? (await import('../report/markdown.ts')).renderMarkdown(report)
          : renderText(report)
    timing('report rendered')
    if (flags.output) writeFileSync(flags.output, text)
    else process.stdout.write(text)
    process.exitCode = failsOn(report, options.failOn) ? 1 : 0
  })
}

export class UsageError extends Error {}
