import { promisify } from 'node:util'
import { gunzip, zstdDecompress } from 'node:zlib'
import { gunzipChunkSize } from '../bytes/zlib-chunk.ts'
import { InputError } from '../model/errors.ts'
import { LIMITS } from './limits.ts'
import { xzUncompressedSize } from './xz-index.ts'

const gunzipAsync = promisify(gunzip)
const zstdAsync = promisify(zstdDecompress)

export type Compression = 'none' | 'xz' | 'zstd' | 'gzip'

export function compressionOf(path: string): Compression {
  if (path.endsWith('.xz')) return 'xz'
  if (path.endsWith('.zst')) return 'zstd'
  if (path.endsWith('.gz')) return 'gzip'
  return 'none'
}

/**
 * Decompresses a whole module. gzip and zstd come with Node; xz uses xz-decompress
 * (xz-embedded compiled to WebAssembly, bundled, no native addon). Output beyond
 * `maxBytes` is refused, so a small bomb cannot exhaust memory.
 */
export async function decompress(
  bytes: Uint8Array,
  kind: Compression,
  file: string,
  maxBytes: number = LIMITS.maxDecompressedBytes
): Promise<Uint8Array> {
  try {
    switch (kind) {
      case 'none':
        return bytes
      // The callback forms, not gunzipSync/zstdDecompressSync: Node 24's sync forms leave their
      // stream open when the data is corrupt (16 KiB and the native state kept per call: 1.3 GB
      // after 20,000 corrupt gzips; a fuzz run's memory grew this way). Default 16 KiB pieces
      // for zstd: Node goes on to a next frame only when a piece is full at the end of one (as
      // the kernel's module_zstd_decompress does with pages), so a frame-sized piece would
      // silently stop a multi-frame stream after its first frame.
      case 'gzip':
        return await gunzipAsync(bytes, { maxOutputLength: maxBytes, chunkSize: gunzipChunkSize(bytes, maxBytes) })
      case 'zstd':
        return await zstdAsync(bytes, { maxOutputLength: maxBytes })
      case 'xz':
        return await xzDecompress(bytes, file, maxBytes)
    }
  } catch (err) {
    if (err instanceof InputError) throw err
    const e = err as NodeJS.ErrnoException
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || /maxOutputLength|buffer.*too large/i.test(e.message ?? '')) {
      throw new InputError('too-large', file, `${kind} data expands beyond the ${maxBytes}-byte limit`)
    }
    throw new InputError('bad-value', file, `corrupt ${kind} data: ${e.message ?? String(err)}`)
  }
}

async function xzDecompress(bytes: Uint8Array, file: string, maxBytes: number): Promise<Uint8Array> {
  if (bytes.length < 6 || bytes[0] !== 0xfd || bytes[1] !== 0x37 || bytes[2] !== 0x7a || bytes[3] !== 0x58) {
    throw new InputError('bad-magic', file, 'not xz data (bad magic)', 0)
  }
  // The index says what the stream expands to: a bomb is refused before any decoding, and a
  // stream that outgrows its index (xz itself notices only at the end) is stopped right there.
  let declared: number | undefined
  try {
    declared = xzUncompressedSize(bytes, file)
  } catch {
    declared = undefined
  }
  if (declared !== undefined && declared > maxBytes) {
    throw new InputError('too-large', file, `xz data expands beyond the ${maxBytes}-byte limit (its index declares ${declared} bytes)`)
  }
  const input = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes)
      controller.close()
    }
  })
  // Loaded on first use: the package and the web streams it pulls in cost every CLI start and
  // every module worker ~6 ms, and only .xz data that system xz did not take needs them.
  const { default: xz } = await import('xz-decompress')
  const reader = new xz.XzReadableStream(input).getReader()
  // With the size from the index (checked against the limit above), pieces go straight into
  // the output: no second copy at the end, half the peak.
  const whole = declared !== undefined ? new Uint8Array(declared) : null
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (total + value.byteLength > maxBytes) {
      await reader.cancel()
      throw new InputError('too-large', file, `xz data expands beyond the ${maxBytes}-byte limit`)
    }
    if (declared !== undefined && total + value.byteLength > declared) {
      await reader.cancel()
      throw new InputError('bad-value', file, `corrupt xz data: expands beyond the ${declared} bytes its index declares`)
    }
    if (whole) whole.set(value, total)
    else chunks.push(value)
    total += value.byteLength
  }
  // Shorter than declared (xz-embedded checks the index; still): a copy, so a lying index
  // cannot pin a large buffer behind a small output.
  if (whole) return total === declared ? whole : whole.slice(0, total)
  if (chunks.length === 1) return chunks[0]!
  const out = new Uint8Array(total)
  let o = 0
  for (const c of chunks) {
    out.set(c, o)
    o += c.byteLength
  }
  return out
}
