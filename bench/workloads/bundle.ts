import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A workload's own entry bundled as dist/ ships (scripts/bundle.js): with the module worker
 * beside it when it uses the pool, no TypeScript stripping at start-up. Returns the entry's path.
 */
export async function bundleWorkload(name: string, entry: string, withWorker = false): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), `kbr-bench-${name}-`))
  const entryPoints: Record<string, string> = { [name]: fileURLToPath(entry) }
  if (withWorker) entryPoints['module-worker'] = fileURLToPath(new URL('../../src/load/module-worker.ts', import.meta.url))
  const { build } = await import('esbuild')
  await build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    logLevel: 'warning',
    external: ['esbuild'],
    banner: { js: "import { createRequire as __kbrCreateRequire } from 'node:module'; const require = __kbrCreateRequire(import.meta.url);" }
  })
  return join(outdir, `${name}.js`)
}
