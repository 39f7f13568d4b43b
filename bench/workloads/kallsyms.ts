// Issue 4: decoding the kallsyms table of Debian's stripped 6.12 vmlinuz (bzImage, zstd
// payload) beside vmlinux-to-elf's kallsyms-finder. Both print the same System.map lines.
// The peer is not vendored: fetch github:marin-m/vmlinux-to-elf to $KBR_VMLINUX_TO_ELF
// (default /tmp/vmlinux-to-elf) and give it a Python with zstandard and peewee
// ($KBR_VMLINUX_TO_ELF_PYTHON, default python3).
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import type { Workload } from '../workload.ts'
import { ourCli } from './inputs.ts'
import { debianRelease } from '../../test/support/kernels.ts'

function peerSetup(): { dir: string; python: string } | { skip: string } {
  const dir = process.env.KBR_VMLINUX_TO_ELF ?? '/tmp/vmlinux-to-elf'
  const python = process.env.KBR_VMLINUX_TO_ELF_PYTHON ?? 'python3'
  if (!existsSync(join(dir, 'vmlinux_to_elf/scripts/kallsyms_finder.py'))) return { skip: `vmlinux-to-elf not found at ${dir} (fetch github:marin-m/vmlinux-to-elf there)` }
  // The finder looks the kernel up in a version database it ships as a large blob; an empty
  // database with its tables lets it run without one (the lookup only prints links).
  const prep = spawnSync(
    python,
    ['-c', 'import vmlinux_to_elf.kernel_db.database as d, zstandard; d.db.create_tables([d.KernelVersion, d.KernelRelevantFile])'],
    { env: { ...process.env, PYTHONPATH: dir }, encoding: 'utf8' }
  )
  if (prep.status !== 0) return { skip: `vmlinux-to-elf cannot run with ${python}: ${prep.stderr.trim().split('\n').at(-1)}` }
  return { dir, python }
}

export const kallsymsWorkload: Workload = {
  name: 'kallsyms',
  description: "decode the kallsyms table of Debian's stripped 6.12 vmlinuz (zstd bzImage), beside vmlinux-to-elf kallsyms-finder",
  async prepare() {
    const image = debianRelease('new')?.vmlinuz
    if (!image || !existsSync(image)) return { skip: 'Debian 6.12 vmlinuz not in the cache: run scripts/kernels/fetch-debian.sh' }
    const peer = peerSetup()
    if ('skip' in peer) return peer
    return {
      ours: [...ourCli(), 'kallsyms', image],
      peer: ['env', `PYTHONPATH=${peer.dir}`, peer.python, '-m', 'vmlinux_to_elf.scripts.kallsyms_finder', image],
      peerName: 'vmlinux-to-elf kallsyms-finder',
      note: '163,205 symbols, identical output'
    }
  }
}
