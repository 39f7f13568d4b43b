// readModuleImage reads a small uncompressed module whole and a large one lazily; both must
// see the same ELF, the same signature trailer and the same sizes.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readModuleImage } from '../../src/load/analyze-module.ts'
import { compileObject, SAMPLE_C } from '../support/cc.ts'
import { tempDir } from '../support/tmp.ts'

const dir = tempDir()
const object = compileObject(dir, 'sample', SAMPLE_C)

function signed(elf: Uint8Array): Buffer {
  const sig = Buffer.alloc(300, 7)
  const info = Buffer.alloc(12)
  info[2] = 2 // PKEY_ID_PKCS7
  info.writeUInt32BE(sig.length, 8)
  return Buffer.concat([elf, sig, info, Buffer.from('~Module signature appended~\n')])
}

describe('reading an uncompressed module', () => {
  it('gives the same image read whole (small) and lazily (large)', async () => {
    // The same object, once as it is and once with 100 KiB after it (inside the ELF image).
    const small = signed(object)
    const large = signed(Buffer.concat([object, Buffer.alloc(100 * 1024)]))
    expect(small.length).toBeLessThan(64 * 1024)
    expect(large.length).toBeGreaterThan(64 * 1024)
    const images = []
    for (const [name, bytes] of [['small.ko', small], ['large.ko', large]] as const) {
      const path = join(dir, name)
      writeFileSync(path, bytes)
      const image = await readModuleImage({ name: name.slice(0, -3), path, relPath: name, compression: 'none' })
      images.push(image)
      expect(image.fileBytes).toBe(bytes.length)
      expect(image.signatureBytes).toBe(300 + 12 + 28)
      expect(image.elf.source.size).toBe(bytes.length - image.signatureBytes)
    }
    const [a, b] = images
    expect(a!.elf.sections.map(s => [s.name, s.size])).toEqual(b!.elf.sections.map(s => [s.name, s.size]))
    expect(a!.elf.symbols()).toEqual(b!.elf.symbols())
    for (const i of images) i.elf.close()
  })
})
