import type { Workload } from '../workload.ts'
import { debianKoRoot, ourCli } from './inputs.ts'

/** Issue 2: list every symbol of every module of a distro kernel, beside nm over the same files. */
export const symbolsWorkload: Workload = {
  name: 'symbols',
  description: 'every symbol of every uncompressed Debian 6.12 module, nm format',
  async prepare() {
    const ko = debianKoRoot()
    if ('skip' in ko) return ko
    return {
      ours: [...ourCli(), 'symbols', ko.dir],
      peer: ['sh', '-c', `find '${ko.dir}' -name '*.ko' -print0 | xargs -0 nm > /dev/null`],
      peerName: 'nm',
      note: `${ko.count} modules`
    }
  }
}
