// Every CLI start and every module worker pays for the Node built-ins and packages its bundle
// loads at the top: node:crypto costs ~13 ms, node:child_process ~6, xz-decompress (with the web
// streams it pulls in) ~6, node:fs/promises ~3. A review of uncompressed modules and the
// kallsyms command need none of them, so they are loaded on first use.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../support/kernels.ts'

/**
 * The node: built-ins a bundle imports statically: `import ... from "node:x"`, or the module
 * scripts/bundle.js makes of such an import, `module.exports = process.getBuiltinModule("node:x")`
 * (a built-in loaded on first use is a bare getBuiltinModule call instead).
 */
function staticBuiltins(bundle: string): Set<string> {
  const text = readFileSync(join(REPO_ROOT, 'dist', bundle), 'utf8')
  const imports = [...text.matchAll(/^import\b[^;]*?\bfrom\s+["'](node:[a-z_/]+)["']/gm)]
  const wrapped = [...text.matchAll(/\bmodule\.exports = process\.getBuiltinModule\("(node:[a-z_/]+)"\)/g)]
  return new Set([...imports, ...wrapped].map(m => m[1]!))
}

/** Node's internal modules loaded by the time `dist/cli-main.js args` exits. */
function loadedBy(args: string[]): string[] {
  const report =
    "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(process.moduleLoadList) + '\\n'))"
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent(report)}`,
      join(REPO_ROOT, 'dist/cli-main.js'),
      ...args
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, KBUILD_REVIEW_TUNED: '1' }
    }
  )
  const line = r.stderr.split('\n').find(l => l.startsWith('LOADED '))
  if (!line) throw new Error(`no module list: ${r.stderr}`)
  return JSON.parse(line.slice('LOADED '.length)) as string[]
}

describe('bundles load the costly built-ins only when used', () => {
  it('finds what it looks for', () => {
    expect(staticBuiltins('cli.js')).toContain('node:url')
    expect(staticBuiltins('module-worker.js')).toContain('node:worker_threads')
    // commander imports node:child_process for its executable subcommands.
    expect(loadedBy(['--version'])).toContain('NativeModule child_process')
  })

  it('the launcher imports neither node:child_process nor node:crypto', () => {
    const b = staticBuiltins('cli.js')
    expect(b).not.toContain('node:child_process')
    expect(b).not.toContain('node:crypto')
  })

  it('module workers import neither node:child_process nor node:crypto', () => {
    const b = staticBuiltins('module-worker.js')
    expect(b).not.toContain('node:child_process')
    expect(b).not.toContain('node:crypto')
  })

  it('module workers evaluate xz-decompress only when they decode .xz', () => {
    // esbuild turns the package's dynamic import into a promise that requires it when run.
    const calls = readFileSync(join(REPO_ROOT, 'dist/module-worker.js'), 'utf8')
      .split('\n')
      .filter(l => l.includes('require_xz_decompress()'))
    expect(calls.length).toBeGreaterThan(0)
    for (const l of calls)
      expect(l).toMatch(/await Promise\.resolve\(\)\.then\(\(\) => __toESM\(require_xz_decompress\(\)/)
  })

  it('a CLI start loads neither node:crypto, node:fs/promises nor web streams', () => {
    const loaded = loadedBy(['--version'])
    for (const m of ['crypto', 'fs/promises', 'stream/web']) expect(loaded).not.toContain(`NativeModule ${m}`)
  })
})
