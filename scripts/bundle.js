// Bundles the Action (dist/index.js), the CLI (dist/cli.js) and the module worker
// (dist/module-worker.js) with esbuild. dist/ is committed and must match src/. No code
// splitting: each entry is self-contained, so the worker always sits beside its caller.
import { build } from 'esbuild'

await build({
  entryPoints: {
    index: 'src/index.ts',
    cli: 'src/cli.ts',
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
