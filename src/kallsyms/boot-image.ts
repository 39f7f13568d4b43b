import { promisify } from 'node:util'
import { createGunzip, createZstdDecompress, gunzip, zstdDecompress } from 'node:zlib'

const gunzipAsync = promisify(gunzip)
const zstdAsync = promisify(zstdDecompress)
import { decompress } from '../load/decompress.ts'
import { LIMITS } from '../load/limits.ts'
import { InputError } from '../model/errors.ts'
import { decodeLz4Legacy } from './lz4-legacy.ts'
import { rewriteXzForLzma2, undoX86BcjBlocks } from './xz-bcj.ts'
import { oneChunkSize } from '../bytes/zlib-chunk.ts'

export type PayloadCompression = 'none' | 'gzip' | 'xz' | 'zstd' | 'lz4'

/** The kernel inside a boot image: an ELF (x86 vmlinux.bin) or a raw arm64 Image. */
export interface UnpackedKernel {
  bytes: Uint8Array
  format: 'elf' | 'arm64-image'
  /** The outer container: x86 bzImage, an EFI zboot image, a plain compressed file, or none. */
  container: 'bzImage' | 'zboot' | 'compressed' | 'none'
  compression: PayloadCompression
  /** Little-endian unless an arm64 Image header says otherwise. */
  le: boolean
  /** Decompression stopped early because `enough` said so: only a prefix of the kernel. */
  partial: boolean
}

/** Called with the data decompressed so far; true stops decompression (gzip and zstd payloads). */
export type Enough = (prefix: Uint8Array) => boolean

const ARM64_MAGIC = 0x644d5241 // "ARM\x64" at 0x38

function u32le(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0
}

function startsWith(b: Uint8Array, at: number, magic: readonly number[]): boolean {
  return at + magic.length <= b.length && magic.every((m, i) => b[at + i] === m)
}

const MAGICS: ReadonlyArray<readonly [Exclude<PayloadCompression, 'none'> | 'lzma' | 'bzip2' | 'lzo', readonly number[]]> = [
  ['gzip', [0x1f, 0x8b]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
  ['lz4', [0x02, 0x21, 0x4c, 0x18]],
  ['bzip2', [0x42, 0x5a, 0x68]],
  ['lzo', [0x89, 0x4c, 0x5a, 0x4f]],
  ['lzma', [0x5d, 0x00, 0x00]]
]

function compressionOf(b: Uint8Array, at = 0): (typeof MAGICS)[number][0] | null {
  for (const [name, magic] of MAGICS) if (startsWith(b, at, magic)) return name
  return null
}

/**
 * Finds the kernel in a boot image: a vmlinux ELF as is; an x86 bzImage (setup header "HdrS",
 * boot protocol 2.08+, payload_offset/payload_length at 0x248, Documentation/arch/x86/boot.rst);
 * an arm64 Image (magic at 0x38, Documentation/arch/arm64/booting.rst) or Image.gz; an EFI
 * zboot image ("zimg", drivers/firmware/efi/libstub/zboot-header.S); any of these compressed.
 */
export async function unpackKernel(bytes: Uint8Array, file: string, maxBytes: number = LIMITS.maxKernelImageBytes, enough?: Enough): Promise<UnpackedKernel> {
  if (startsWith(bytes, 0, [0x7f, 0x45, 0x4c, 0x46])) return { bytes, format: 'elf', container: 'none', compression: 'none', le: bytes[5] !== 2, partial: false }
  if (isArm64Image(bytes)) return { bytes, format: 'arm64-image', container: 'none', compression: 'none', le: arm64Le(bytes), partial: false }

  if (bytes.length > 0x250 && startsWith(bytes, 0x202, [0x48, 0x64, 0x72, 0x53])) {
    const version = bytes[0x206]! | (bytes[0x207]! << 8)
    if (version < 0x208) throw new InputError('unsupported', file, `bzImage boot protocol ${version >> 8}.${(version & 0xff).toString().padStart(2, '0')} has no payload fields (2.08+ needed)`, 0x206)
    const setupSects = bytes[0x1f1]! || 4
    const start = (setupSects + 1) * 512 + u32le(bytes, 0x248)
    const length = u32le(bytes, 0x24c)
    if (start + length > bytes.length || length < 8) throw new InputError('truncated', file, `bzImage payload (0x${start.toString(16)}, ${length} bytes) runs past the file`, 0x248)
    return inner(bytes.subarray(start, start + length), file, 'bzImage', maxBytes, true, enough)
  }
  if (startsWith(bytes, 0, [0x4d, 0x5a]) && startsWith(bytes, 4, [0x7a, 0x69, 0x6d, 0x67])) {
    const start = u32le(bytes, 8)
    const length = u32le(bytes, 12)
    if (start + length > bytes.length) throw new InputError('truncated', file, 'EFI zboot payload runs past the file', 8)
    return inner(bytes.subarray(start, start + length), file, 'zboot', maxBytes, true, enough)
  }
  if (compressionOf(bytes) !== null && compressionOf(bytes) !== 'lzma') return inner(bytes, file, 'compressed', maxBytes, false, enough)
  throw new InputError('unsupported', file, 'not a vmlinux ELF, x86 bzImage, arm64 Image, EFI zboot image or compressed kernel')
}

async function inner(
  payload: Uint8Array,
  file: string,
  container: UnpackedKernel['container'],
  maxBytes: number,
  sizeAppended: boolean,
  enough: Enough | undefined
): Promise<UnpackedKernel> {
  const kind = compressionOf(payload)
  if (kind === null) throw new InputError('unsupported', file, `${container} payload has an unknown compression (starts ${Buffer.from(payload.subarray(0, 4)).toString('hex')})`)
  if (kind === 'lzma' || kind === 'bzip2' || kind === 'lzo') throw new InputError('unsupported', file, `${container} payload is ${kind}-compressed; gzip, xz, zstd and lz4 are supported`)
  // Kernel payloads end with the uncompressed size (scripts/Makefile.lib size_append; gzip's own ISIZE).
  const declared = payload.length >= 4 ? u32le(payload, payload.length - 4) : 0
  const limit = Math.min(maxBytes, declared > 0 && sizeAppended ? declared + (1 << 20) : maxBytes)
  let out: Uint8Array
  let partial = false
  const body = sizeAppended && kind !== 'gzip' ? payload.subarray(0, payload.length - 4) : payload
  switch (kind) {
    case 'gzip':
    case 'zstd':
      if (enough) ({ bytes: out, partial } = await inflateUntil(body, kind, file, limit, declared, enough))
      else out = await inflate(body, kind, file, limit, declared)
      break
    case 'lz4':
      out = decodeLz4Legacy(body, file, limit)
      break
    case 'xz': {
      const rw = rewriteXzForLzma2(payload, file)
      out = await decompress(rw.stream, 'xz', file, limit)
      if (rw.x86) undoX86BcjBlocks(out, rw.blockSizes)
      break
    }
  }
  if (startsWith(out, 0, [0x7f, 0x45, 0x4c, 0x46])) return { bytes: out, format: 'elf', container, compression: kind, le: out[5] !== 2, partial }
  if (isArm64Image(out)) return { bytes: out, format: 'arm64-image', container, compression: kind, le: arm64Le(out), partial }
  throw new InputError('unsupported', file, `the ${kind} payload is neither an ELF nor an arm64 Image`)
}

function isArm64Image(b: Uint8Array): boolean {
  return b.length >= 64 && u32le(b, 0x38) === ARM64_MAGIC
}

/** arm64 Image header flags bit 0: kernel endianness (1 = big). */
function arm64Le(b: Uint8Array): boolean {
  return (b[0x18]! & 1) === 0
}

/**
 * gzip and zstd through node:zlib in one output chunk of the declared size (no concatenation
 * of 64 KiB pieces); more output than `limit` is refused. On the libuv thread pool: a 60 MB
 * kernel takes a few hundred milliseconds the review's own thread spends on other artifacts.
 */
async function inflate(body: Uint8Array, kind: 'gzip' | 'zstd', file: string, limit: number, declared: number): Promise<Uint8Array> {
  const chunkSize = oneChunkSize(declared, limit)
  try {
    return await (kind === 'gzip' ? gunzipAsync(body, { maxOutputLength: limit, chunkSize }) : zstdAsync(body, { maxOutputLength: limit, chunkSize }))
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || /maxOutputLength|too large/i.test(e.message ?? '')) {
      throw new InputError('too-large', file, `${kind} payload expands beyond ${limit} bytes`)
    }
    throw new InputError('bad-value', file, `corrupt ${kind} payload: ${e.message ?? String(err)}`)
  }
}

/**
 * Streaming gzip/zstd that stops as soon as `enough` is satisfied. With the declared size known,
 * the stream's output buffer is made that large and the input goes in pieces: node:zlib then
 * writes each piece's output right after the previous one in that one buffer, and the prefix
 * is a view of it (no copy; a 60 MB buffer gets huge pages where 1 MiB pieces each fault in
 * 256 small ones). Output that does not continue the previous piece is copied, as without a size.
 */
function inflateUntil(
  body: Uint8Array,
  kind: 'gzip' | 'zstd',
  file: string,
  limit: number,
  declared: number,
  enough: Enough
): Promise<{ bytes: Uint8Array; partial: boolean }> {
  // Pieces of at least 1 MiB: a declared size may be wrong (a raw zstd stream has no size
  // field, its last bytes are read as one), and a small one would mean a callback per few bytes.
  const chunkSize = declared > 0 && declared < limit ? Math.max(1 << 20, declared + 1) : 1 << 20
  // A view of the stream's own buffer while its pieces follow each other, else our copy (own).
  let out: Uint8Array = Buffer.allocUnsafe(0)
  let own = false
  let op = 0
  const stream = kind === 'gzip' ? createGunzip({ chunkSize }) : createZstdDecompress({ chunkSize })
  return new Promise((resolve, reject) => {
    let settled = false
    const finish = (f: () => void) => {
      if (settled) return
      settled = true
      f()
    }
    stream.on('data', (chunk: Buffer) => {
      if (settled) return
      if (op + chunk.length > limit) {
        stream.destroy()
        finish(() => reject(new InputError('too-large', file, `${kind} payload expands beyond ${limit} bytes`)))
        return
      }
      if (!own && (op === 0 || (chunk.buffer === out.buffer && chunk.byteOffset === out.byteOffset + op))) {
        out = new Uint8Array(chunk.buffer, op === 0 ? chunk.byteOffset : out.byteOffset, op + chunk.length)
      } else {
        if (!own || op + chunk.length > out.length) {
          const grown = Buffer.allocUnsafe(Math.min(limit, Math.max(out.length * 2, op + chunk.length, 1 << 20)))
          grown.set(out.subarray(0, op))
          out = grown
          own = true
        }
        out.set(chunk, op)
      }
      op += chunk.length
      if (enough(out.subarray(0, op))) {
        stream.destroy()
        finish(() => resolve({ bytes: out.subarray(0, op), partial: true }))
      }
    })
    stream.on('end', () => finish(() => resolve({ bytes: out.subarray(0, op), partial: false })))
    stream.on('error', (err: Error) => finish(() => reject(new InputError('bad-value', file, `corrupt ${kind} payload: ${err.message}`))))
    for (let at = 0; at < body.length; at += INPUT_PIECE) stream.write(body.subarray(at, Math.min(body.length, at + INPUT_PIECE)))
    stream.end()
  })
}

/** Compressed bytes per write: about 0.7 MB of kernel each, so `enough` is asked that often. */
const INPUT_PIECE = 256 * 1024
