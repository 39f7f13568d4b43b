const MIN_CHUNK = 64 * 1024

/**
 * The output chunk size that lets node:zlib inflate data of `declared` bytes in one chunk: the
 * size plus one (a full chunk makes zlib ask for another), within [64 KiB, limit]. Without it
 * zlib joins 16 KiB pieces at the end: for a 16 MB distro snapshot that join, mostly faulting in
 * the joined copy, was 100 ms. The size is only a hint: a wrong one (several gzip members, a
 * lie) just gives more chunks, joined as before. `declared` is 0 when unknown (64 KiB chunks).
 */
export function oneChunkSize(declared: number, limit: number): number {
  return Math.max(MIN_CHUNK, Math.min(limit, declared + 1))
}

/** oneChunkSize for gzip data: its last member's ISIZE (RFC 1952: the input length mod 2^32). */
export function gunzipChunkSize(bytes: Uint8Array, limit: number): number {
  const n = bytes.length
  if (n < 18) return MIN_CHUNK
  return oneChunkSize(
    (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16) | (bytes[n - 1]! << 24)) >>> 0,
    limit
  )
}
