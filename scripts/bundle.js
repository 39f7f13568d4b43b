// Bundles the Action (dist/index.js), the CLI (dist/cli.js, a launcher, and dist/cli-main.js,
// the CLI it starts) and the module worker (dist/module-worker.js) with esbuild, and writes
// the CLI's shell launcher (dist/kbuild-review). dist/ is committed and must match src/. No
// code splitting: each entry is self-contained, so the worker and the CLI always sit beside
// their callers.
import { chmodSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { build } from 'esbuild'
import { shellLauncher } from '../src/runtime/shell-launcher.ts'

// Node's builtins as process.getBuiltinModule() objects, not ESM imports: an ESM import of a
// builtin builds a facade of all its exports, which runs lazy getters (fs loads its streams).
// In a bare script ten such imports take 17 ms; the CLI and each module worker start 10-12 ms
// sooner without them (BENCHMARKS.md, seventh sitting).
const builtins = new Set(builtinModules.flatMap(m => (m.startsWith('node:') ? [m] : [m, `node:${m}`])))
const builtinsAtRuntime = {
  name: 'builtins-at-runtime',
  setup(b) {
    b.onResolve({ filter: /^[a-z_:/]+$/ }, a =>
      builtins.has(a.path) ? { path: a.path.replace(/^(node:)?/, 'node:'), namespace: 'builtin' } : undefined
    )
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, a => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(a.path)})`,
      loader: 'js'
    }))
  }
}

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
  plugins: [builtinsAtRuntime],
  banner: {
    js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);"
  }
})

// The CLI's bin: one Node start instead of the two of dist/cli.js (src/runtime/shell-launcher.ts).
writeFileSync('dist/kbuild-review', shellLauncher())
chmodSync('dist/kbuild-review', 0o755)
