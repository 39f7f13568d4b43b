// Bundles the Action (dist/index.js), the CLI (dist/cli.js, a launcher, and dist/cli-main.js,
// the CLI it starts) and the module worker (dist/module-worker.js) with esbuild. dist/ is
// committed and must match src/. No code splitting: each entry is self-contained, so the
// worker and the CLI always sit beside their callers.
import { build } from 'esbuild'

await build({
  entryPoints: {
    index: 'src/index.ts',
    cli: 'src/cli.ts',
    'cli-main': 'src/cli-main.ts',
    'module-worker': 'src/load/module-worker.ts'
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __kbrCreateRequire } from 'node:module'; const require = __kbrCreateRequire(import.meta.url);"
  }
})
