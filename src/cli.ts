#!/usr/bin/env node
// The kbuild-review CLI entry. It loads nothing of the CLI itself: it starts src/cli-main.ts in
// a tuned child process (src/runtime/tuning.ts) and passes its exit status on, or, when that
// is off or this is already the child, imports it here.
import { fileURLToPath } from 'node:url'
import { runRelaunched } from './runtime/relaunch.ts'
import { relaunchPlan } from './runtime/tuning.ts'

// Beside this file both in src/ and in dist/ (bundled without code splitting).
const cliMain = new URL(`./cli-main${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url)

const plan = relaunchPlan({
  script: fileURLToPath(cliMain),
  argv: process.argv.slice(2),
  execArgv: process.execArgv,
  env: process.env,
  platform: process.platform
})
const status = plan ? await runRelaunched(plan) : null
if (status !== null) process.exitCode = status
else await import(cliMain.href)
