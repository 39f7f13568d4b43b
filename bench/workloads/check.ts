import type { Workload } from '../workload.ts'
import { debianBaselineSnapshot, debianUncompressedTree, ourCli } from './inputs.ts'
import { debianRelease } from '../../test/support/kernels.ts'

/** Issue 3 targets: the whole check of Debian 6.12 against a baseline snapshot (no peer does all of it). */
export const checkWorkload: Workload = {
  name: 'check',
  description: 'whole check of Debian 6.12.117 (uncompressed .ko tree) against a 6.12.115 snapshot; target <= 3 s, 1 GiB',
  async prepare() {
    const tree = debianUncompressedTree()
    if ('skip' in tree) return tree
    const base = debianBaselineSnapshot()
    if ('skip' in base) return base
    return { ours: [...ourCli(), 'check', tree.dir, '--baseline', base.file, '--fail-on', 'never'], note: '4,230 .ko' }
  }
}

export const checkXzWorkload: Workload = {
  name: 'check-xz',
  description: 'whole check of Debian 6.12.117 as installed (.ko.xz) against a 6.12.115 snapshot; target <= 12 s',
  async prepare() {
    const rel = debianRelease('new')
    if (!rel) return { skip: 'Debian release not in the cache' }
    const base = debianBaselineSnapshot()
    if ('skip' in base) return base
    return { ours: [...ourCli(), 'check', rel.root, '--baseline', base.file, '--fail-on', 'never'], note: '4,230 .ko.xz' }
  }
}
