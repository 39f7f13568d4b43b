// .modinfo as the checks read it: repeated keys kept in order, the bulk (aliases, parameter
// descriptions) not carried across threads.
import { describe, expect, it } from 'vitest'
import { ElfFile } from '../../src/elf/elf.ts'
import { modinfoAnalyzer } from '../../src/load/modinfo-analyzer.ts'
import { compileObject } from '../support/cc.ts'
import { tempDir } from '../support/tmp.ts'

/** One variable holding the NUL-separated strings, so the compiler cannot reorder them. */
const modinfo = (...kv: string[]) => `static const char modinfo[] __attribute__((section(".modinfo"), used, aligned(1))) = "${kv.join('\\0')}";\n`

describe('the modinfo analyzer', () => {
  it('reads every license, import_ns and depends, and nothing it does not need', () => {
    const src = modinfo(
      'license=GPL',
      'alias=pci:v00008086d*sv*sd*bc*sc*i*',
      'license=Dual BSD/GPL',
      'import_ns=CRYPTO_INTERNAL',
      'depends=libcrc32c,mii',
      'vermagic=6.12.0 SMP preempt mod_unload modversions ',
      'parm=debug:debug level'
    )
    const o = compileObject(tempDir(), 'modinfo', src)
    const m = modinfoAnalyzer.analyze(ElfFile.fromBytes(o, 'm.ko'), {} as never)!
    expect(m).toEqual({
      license: 'GPL',
      licenses: ['GPL', 'Dual BSD/GPL'],
      intree: false,
      vermagic: '6.12.0 SMP preempt mod_unload modversions ',
      importNs: ['CRYPTO_INTERNAL'],
      depends: ['libcrc32c', 'mii']
    })
  })
})
