// Every CLI start and every module worker pays for the Node built-ins its bundle imports at the
// top: node:crypto costs ~13 ms, node:child_process ~6 ms. Those two are needed only for .ko.xz
// batches and the launcher's fallback, so they are loaded on first use (process.getBuiltinModule).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../support/kernels.ts'

/** The node: built-ins a bundle imports statically (import ... from "node:x"). */
function staticBuiltins(bundle: string): Set<string> {
  const text = readFileSync(join(REPO_ROOT, 'dist', bundle), 'utf8')
  return new Set([...text.matchAll(/^import\b[^;]*?\bfrom\s+["'](node:[a-z_/]+)["']/gm)].map(m => m[1]!))
}

describe('bundles load the costly built-ins only when used', () => {
  it('finds the static imports it looks for', () => {
    expect(staticBuiltins('cli.js')).toContain('node:url')
    expect(staticBuiltins('module-worker.js')).toContain('node:worker_threads')
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

  it('the CLI does not import node:crypto', () => {
    expect(staticBuiltins('cli-main.js')).not.toContain('node:crypto')
  })
})
