import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { gunzipChunkSize, oneChunkSize } from '../../src/bytes/zlib-chunk.ts'

describe('gunzipChunkSize', () => {
  it('is the declared size plus one, so the output comes in one chunk', () => {
    expect(gunzipChunkSize(gzipSync(Buffer.alloc(1_000_000, 7)), 1 << 30)).toBe(1_000_001)
  })

  it('stays within 64 KiB and the limit whatever the trailer says', () => {
    expect(gunzipChunkSize(gzipSync(Buffer.alloc(10)), 1 << 30)).toBe(65_536)
    const lying = gzipSync(Buffer.alloc(10))
    lying.writeUInt32LE(0xffffffff, lying.length - 4)
    expect(gunzipChunkSize(lying, 1 << 20)).toBe(1 << 20)
    expect(gunzipChunkSize(Buffer.from([0x1f, 0x8b]), 1 << 20)).toBe(65_536)
  })
})

describe('oneChunkSize', () => {
  it('is 64 KiB when the size is unknown, the size plus one within the limit otherwise', () => {
    expect(oneChunkSize(0, 1 << 30)).toBe(65_536)
    expect(oneChunkSize(57_647_116, 1 << 30)).toBe(57_647_117)
    expect(oneChunkSize(57_647_116, 1 << 20)).toBe(1 << 20)
  })
})
