import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { InputError } from '../model/errors.ts'

export interface DemoSample {
  build: string
  baseline: string
  /** vmlinux's .BTF alone (the full vmlinux is too large to ship). */
  btfBase: string
}

/**
 * The sample shipped in sample/ (scripts/make-sample.sh): a trimmed real 6.12 "head" build (the
 * fixtures' tinyconfig kernel with its patch) and a snapshot of its base build, so
 * `check --demo` shows a real review.
 */
export function demoSample(fromFile: string): DemoSample {
  let dir = dirname(fromFile)
  for (let i = 0; i < 6; i++) {
    const sample = join(dir, 'sample')
    if (existsSync(join(sample, 'build'))) {
      return { build: join(sample, 'build'), baseline: join(sample, 'base.snapshot.json.gz'), btfBase: join(sample, 'build', 'vmlinux.btf') }
    }
    dir = dirname(dir)
  }
  throw new InputError('io', 'sample/', 'the embedded sample build is missing from this installation')
}
