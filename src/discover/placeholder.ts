import { openSync, readSync, closeSync, fstatSync } from 'node:fs'

/**
 * Debian's linux-image packages ship an 83-byte System.map that only says the real one is in
 * the -dbg package ("ffffffffffffffff B The real System.map is in the linux-image-<ver>-dbg
 * package"). A map of fewer than two symbol lines is no map.
 */
export function isPlaceholderSystemMap(path: string): boolean {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    if (size > 4096) return false
    const buf = Buffer.alloc(size)
    readSync(fd, buf, 0, size, 0)
    const text = buf.toString('utf8')
    return /real System\.map is in/i.test(text) || text.trim().split('\n').filter(Boolean).length < 2
  } finally {
    closeSync(fd)
  }
}
