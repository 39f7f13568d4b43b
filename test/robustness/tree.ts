import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compileObject } from '../support/cc.ts'
import { MODULE_C } from '../fuzz/harness/synthetic.ts'
import type { Report } from '../../src/report/schema.ts'
import type { Finding } from '../../src/model/finding.ts'

export const RELEASE = '6.12.0-kbr'
export const REPO = fileURLToPath(new URL('../..', import.meta.url))

/** A module-shaped object (modinfo, __versions, a ksymtab entry) whose symbols carry `name`. */
export function moduleObject(dir: string, name: string): Buffer {
  return compileObject(dir, name, MODULE_C.replaceAll('fuzz_', `${name}_`), ['-g0'])
}

/** Writes files (paths relative to root), creating directories. */
export function writeTree(root: string, files: Record<string, Uint8Array | string>): string {
  for (const [rel, data] of Object.entries(files)) {
    const p = join(root, rel)
    mkdirSync(dirname(p), { recursive: true })
    writeFileSync(p, data)
  }
  return root
}

export const CONFIG =
  'CONFIG_64BIT=y\nCONFIG_X86_64=y\nCONFIG_MODULES=y\nCONFIG_MODVERSIONS=y\nCONFIG_KALLSYMS=y\n'

/** Where an installed layout keeps module `rel` (e.g. kernel/lib/a.ko.xz). */
export function modPath(rel: string): string {
  return `lib/modules/${RELEASE}/${rel}`
}

export function findings(r: Report): Finding[] {
  return r.checks.flatMap(c => c.findings)
}

/** Runs the CLI the way a user does (Node 24 from node_modules), returning exit status and output. */
export function cli(args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(join(REPO, 'node_modules/.bin/node'), [join(REPO, 'src/cli.ts'), ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 << 20
    })
    return { status: 0, stdout, stderr: '' }
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string }
    return { status: e.status, stdout: e.stdout, stderr: e.stderr }
  }
}

/** A kbuild output tree: .config, Module.symvers, modules.order and `good` modules under lib/. */
export function kbuildTree(
  root: string,
  objDir: string,
  good: readonly string[],
  extra: Record<string, Uint8Array | string> = {}
): string {
  const files: Record<string, Uint8Array | string> = {
    '.config': CONFIG,
    'Module.symvers': `0x9abcdef0\t_printk\tvmlinux\tEXPORT_SYMBOL\t\n0x0badcafe\tkmalloc\tvmlinux\tEXPORT_SYMBOL\t\n`,
    'include/config/kernel.release': `${RELEASE}\n`,
    'modules.order': good.map(n => `lib/${n}.o\n`).join(''),
    ...extra
  }
  for (const n of good) files[`lib/${n}.ko`] ??= moduleObject(objDir, n)
  return writeTree(root, files)
}

/** Every string in a report, for "no absolute path, no secret leaks" checks. */
export function reportStrings(r: Report): string {
  return JSON.stringify(r)
}
