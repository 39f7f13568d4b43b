// BTF name checks against a line-by-line transcription of the kernel's loops (kernel/bpf/btf.c,
// 6.12: btf_name_valid_identifier with __btf_name_char_ok, and lib/ctype.c's Latin-1 table).
import { describe, expect, it } from 'vitest'
import { isValidIdentifier, isValidSectionName, KSYM_NAME_LEN } from '../../src/btf/names.ts'

// lib/ctype.c: letters are A-Z, a-z and Latin-1 0xc0-0xde, 0xdf-0xff except 0xd7 and 0xf7.
const isalpha = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7)
const isdigit = (c: number) => c >= 0x30 && c <= 0x39
const charOk = (c: number, first: boolean) => (first ? isalpha(c) : isalpha(c) || isdigit(c)) || c === 0x5f || c === 0x2e

function kernelIdentifier(src: Uint8Array, at: number): boolean {
  if (!charOk(src[at]!, true)) return false
  let i = 1
  for (; i < KSYM_NAME_LEN && src[at + i]; i++) if (!charOk(src[at + i]!, false)) return false
  return !src[at + i]
}

/** Deterministic bytes: mostly identifier characters, some of everything else, NULs between. */
function strings(seed: number, length: number): Uint8Array {
  let x = seed
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0)
  const alphabet = [0x5f, 0x2e, 0x41, 0x7a, 0x30, 0x39, 0xc0, 0xd7, 0xdf, 0xf7, 0xff, 0x2d, 0x20, 0x80]
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++) {
    const r = next() % 100
    out[i] = r < 4 ? 0 : r < 80 ? alphabet[next() % 6]! : r < 95 ? alphabet[next() % alphabet.length]! : next() & 0xff
  }
  out[length - 1] = 0
  return out
}

describe('isValidIdentifier', () => {
  it('agrees with the kernel at every offset of mixed strings', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const bytes = strings(seed, 4000)
      for (let at = 0; at < bytes.length; at++) expect(isValidIdentifier(bytes, at), `seed ${seed} offset ${at}`).toBe(kernelIdentifier(bytes, at))
    }
  })

  it('accepts KSYM_NAME_LEN characters and refuses one more', () => {
    for (const [length, valid] of [
      [KSYM_NAME_LEN - 1, true],
      [KSYM_NAME_LEN, true],
      [KSYM_NAME_LEN + 1, false],
      [KSYM_NAME_LEN + 40, false]
    ] as const) {
      const bytes = new Uint8Array(length + 1).fill(0x61)
      bytes[length] = 0
      expect(isValidIdentifier(bytes, 0), `length ${length}`).toBe(valid)
      expect(kernelIdentifier(bytes, 0)).toBe(valid)
    }
  })

  it('refuses a first digit, a bad byte, and an offset at or past the end', () => {
    const bytes = new TextEncoder().encode('9lives\0ok.isra.0\0a-b\0\xd7x\0')
    expect(isValidIdentifier(bytes, 0)).toBe(false)
    expect(isValidIdentifier(bytes, 1)).toBe(true)
    expect(isValidIdentifier(bytes, 7)).toBe(true)
    expect(isValidIdentifier(bytes, 17)).toBe(false)
    expect(isValidIdentifier(bytes, bytes.length)).toBe(false)
  })
})

describe('isValidSectionName', () => {
  it('accepts KSYM_NAME_LEN printable characters and refuses one more', () => {
    const bytes = new Uint8Array(KSYM_NAME_LEN + 2).fill(0x2e)
    bytes[KSYM_NAME_LEN] = 0
    expect(isValidSectionName(bytes, 0)).toBe(true)
    bytes[KSYM_NAME_LEN] = 0x2e
    bytes[KSYM_NAME_LEN + 1] = 0
    expect(isValidSectionName(bytes, 0)).toBe(false)
  })
})
