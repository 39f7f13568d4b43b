import { LIMITS } from '../load/limits.ts'
import { InputError } from './errors.ts'

/**
 * Refuses JSON text holding more objects and arrays, or nesting deeper, than LIMITS allows,
 * before JSON.parse builds it: a file of a few MiB can otherwise hold tens of millions of
 * containers and take gigabytes. A linear scan that skips string contents; malformed text
 * is left for JSON.parse to report.
 */
export function checkJsonShape(text: string, file: string, what: string): void {
  let containers = 0
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      // To the closing quote: one not escaped by an odd run of backslashes.
      for (;;) {
        const q = text.indexOf('"', i + 1)
        if (q < 0) return
        let b = q - 1
        while (text.charCodeAt(b) === 0x5c) b--
        i = q
        if ((q - 1 - b) % 2 === 0) break
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++containers > LIMITS.maxJsonContainers) {
        throw new InputError('too-large', file, `${what}: more than ${LIMITS.maxJsonContainers} objects and arrays`)
      }
      if (++depth > LIMITS.maxJsonDepth) throw new InputError('too-large', file, `${what}: nested more than ${LIMITS.maxJsonDepth} deep`)
    } else if (c === 0x5d || c === 0x7d) depth--
  }
}
