import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import type { ByteSource } from '../bytes/source.ts'
import { InputError } from '../model/errors.ts'
import { SHF_ALLOC, SHT_NOBITS } from '../elf/constants.ts'
import { dependsOnLayoutOptions, layoutOptionsFromVermagic, MODULE_CLASSES, moduleSectionClass, type ClassSizes } from './module-classes.ts'
import { vermagicIn } from '../load/vermagic.ts'
import { visitSections, type SectionInfo } from './section-scan.ts'

/** Bytes read before the section header table: enough for .shstrtab, which ld puts just before it. */
const BEFORE_HEADERS = 4096
/** Bytes read past the section headers: a module signature trailer is well below this. */
const AFTER_HEADERS = 8192
/** The first read, one page: the ELF header (and a tiny module whole). */
const HEAD = 4096

/** One buffer for every file's header and tail: listing thousands of modules allocates nothing per file. */
let scratch = new Uint8Array(4 * HEAD)
let scratchView = new DataView(scratch.buffer)

function ensureScratch(bytes: number): void {
  if (bytes <= scratch.length) return
  const grown = new Uint8Array(Math.max(bytes, scratch.length * 2))
  grown.set(scratch.subarray(0, HEAD))
  scratch = grown
  scratchView = new DataView(scratch.buffer)
}

/**
 * A file read as `size` reads it: the start (a small module whole) and, for a larger one, the
 * tail holding the section headers and their names; anything else is read on demand. The last
 * read runs to the end of the file, which gives its size without an fstat. Slices it returns are
 * valid until the next HeadersSource is made.
 */
class HeadersSource implements ByteSource {
  readonly file: string
  readonly size: number
  private readonly fd: number
  private headLength = 0
  private tailStart = -1
  private tailEnd = -1

  constructor(path: string, file: string) {
    this.file = file
    try {
      this.fd = openSync(path, 'r')
    } catch (err) {
      throw new InputError('io', file, `cannot open: ${(err as NodeJS.ErrnoException).code ?? String(err)}`)
    }
    try {
      this.headLength = this.fill(scratch, 0, 0, HEAD)
      let size = -1
      if (this.headLength < HEAD) {
        size = this.headLength // the whole file in one read
      } else if (scratch[4] === 2 && scratch[5] === 1) {
        // A larger ELF64 little-endian file: read from just before its section headers to the end.
        const shoff = scratchView.getUint32(40, true) + scratchView.getUint32(44, true) * 0x100000000
        const tableEnd = shoff + scratchView.getUint16(58, true) * scratchView.getUint16(60, true)
        const start = Math.max(HEAD, shoff - BEFORE_HEADERS)
        const want = tableEnd + AFTER_HEADERS - start
        if (Number.isSafeInteger(tableEnd) && want > 0) {
          ensureScratch(HEAD + want)
          const got = this.fill(scratch, HEAD, start, want)
          this.tailStart = start
          this.tailEnd = start + got
          if (got < want) size = this.tailEnd
        }
      }
      if (size < 0) {
        const st = fstatSync(this.fd)
        if (!st.isFile()) throw new InputError('not-a-file', file, 'is not a regular file')
        size = st.size
      }
      this.size = size
    } catch (err) {
      closeSync(this.fd)
      if (err instanceof InputError) throw err
      const code = (err as NodeJS.ErrnoException).code
      throw new InputError(code === 'EISDIR' ? 'not-a-file' : 'io', file, code === 'EISDIR' ? 'is a directory, expected a file' : `cannot read: ${code ?? String(err)}`)
    }
  }

  /** Reads up to `length` bytes at `offset`; fewer only at the end of the file. */
  private fill(buf: Uint8Array, at: number, offset: number, length: number): number {
    let done = 0
    while (done < length) {
      const n = readSync(this.fd, buf, at + done, length - done, offset + done)
      if (n === 0) break
      done += n
    }
    return done
  }

  read(offset: number, length: number, what: string): Uint8Array {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > this.size) {
      throw new InputError('truncated', this.file, `${what} (0x${length.toString(16)} bytes) runs past the end of the file (0x${this.size.toString(16)} bytes)`, offset)
    }
    if (offset + length <= this.headLength) return scratch.subarray(offset, offset + length)
    if (this.tailStart >= 0 && offset >= this.tailStart && offset + length <= this.tailEnd) {
      const at = HEAD + offset - this.tailStart
      return scratch.subarray(at, at + length)
    }
    const buf = new Uint8Array(length)
    if (this.fill(buf, 0, offset, length) < length) throw new InputError('truncated', this.file, `${what}: the file shrank while reading`, offset)
    return buf
  }

  close(): void {
    closeSync(this.fd)
  }
}

/**
 * Class sizes of an uncompressed module file from its section headers alone (no symbols, no
 * contents): the quick path for size listings. Compressed modules go through the analyzer.
 * Sections classed by the vermagic (.exit, .static_call_sites) are classed with the defaults
 * first and moved once .modinfo has been read, which only such modules pay for.
 */
export function moduleFileClassSizes(path: string, file = path): { classes: ClassSizes; fileBytes: number } {
  const src = new HeadersSource(path, file)
  try {
    const classes = MODULE_CLASSES.map(() => 0)
    const pending: SectionInfo[] = []
    let modinfo: SectionInfo | undefined
    const visit = (s: SectionInfo, machine: number) => {
      if (s.name === '.modinfo') modinfo = { ...s }
      const c = moduleSectionClass(s, machine)
      if (!c) return
      classes[MODULE_CLASSES.indexOf(c)]! += s.size
      if (dependsOnLayoutOptions(s.name)) pending.push({ ...s })
    }
    // Only SHF_ALLOC sections (and .modinfo, which is one) need their names.
    const { machine } = visitSections(src, visit, flags => (flags & SHF_ALLOC) !== 0)
    if (pending.length && modinfo && modinfo.type !== SHT_NOBITS) {
      const opts = layoutOptionsFromVermagic(vermagicIn(src.read(modinfo.offset, modinfo.size, '.modinfo')))
      for (const s of pending) {
        const was = moduleSectionClass(s, machine)!
        const is = moduleSectionClass(s, machine, opts)
        classes[MODULE_CLASSES.indexOf(was)]! -= s.size
        if (is) classes[MODULE_CLASSES.indexOf(is)]! += s.size
      }
    }
    return { classes, fileBytes: src.size }
  } finally {
    src.close()
  }
}
