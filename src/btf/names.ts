/**
 * Name checks as the kernel makes them (kernel/bpf/btf.c btf_name_valid_identifier and
 * btf_name_valid_section), with the kernel's own ctype table (lib/ctype.c): Latin-1 letters
 * count as letters there, so the answer for bytes >= 0x80 differs from C's locale-free ctype.
 */

/** KSYM_NAME_LEN since 6.1 (include/linux/kallsyms.h): names longer than this are refused. */
export const KSYM_NAME_LEN = 512

const ALPHA = 1
const DIGIT = 2
const PRINT = 4

const CTYPE = new Uint8Array(256)
for (let c = 0; c < 256; c++) {
  let v = 0
  const upper = (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)
  const lower = (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c !== 0xf7)
  if (upper || lower) v |= ALPHA
  if (c >= 0x30 && c <= 0x39) v |= DIGIT
  // isprint: punctuation, letters, digits and the hard space; 0x7f and 0x80-0x9f are not.
  if ((c >= 0x20 && c <= 0x7e) || c >= 0xa0) v |= PRINT
  CTYPE[c] = v
}

/** Bytes __btf_name_char_ok accepts first (letters, '_', '.'), and after the first (digits too). */
const IDENT_FIRST = new Uint8Array(256)
const IDENT_REST = new Uint8Array(256)
for (let c = 0; c < 256; c++) {
  const punct = c === 0x5f || c === 0x2e
  IDENT_FIRST[c] = punct || (CTYPE[c]! & ALPHA) !== 0 ? 1 : 0
  IDENT_REST[c] = punct || (CTYPE[c]! & (ALPHA | DIGIT)) !== 0 ? 1 : 0
}

/**
 * A C identifier (dots allowed, for names like "foo.isra.0") of at most KSYM_NAME_LEN
 * characters. `pos` is where the name starts in `bytes`; the string runs to the next NUL (the
 * caller guarantees there is one, as the string section check does for the kernel). The
 * kernel's loop stops KSYM_NAME_LEN bytes in and accepts the name only if a NUL is there: the
 * same as one run of accepted bytes ending at a NUL no further than that.
 */
export function isValidIdentifier(bytes: Uint8Array, pos: number): boolean {
  const n = bytes.length
  if (pos >= n || IDENT_FIRST[bytes[pos]!] === 0) return false
  let p = pos + 1
  while (p < n && IDENT_REST[bytes[p]!] === 1) p++
  return p < n && bytes[p] === 0 && p - pos <= KSYM_NAME_LEN
}

/** A DATASEC name: non-empty, printable characters only, at most KSYM_NAME_LEN of them. */
export function isValidSectionName(bytes: Uint8Array, pos: number): boolean {
  if (pos >= bytes.length || bytes[pos] === 0) return false
  const limit = pos + KSYM_NAME_LEN
  let p = pos
  while (p < bytes.length && bytes[p] !== 0 && p < limit) {
    if ((CTYPE[bytes[p]!]! & PRINT) === 0) return false
    p++
  }
  return p < bytes.length && bytes[p] === 0
}

/** The NUL-terminated string at `pos`, byte for byte (Latin-1), so comparisons are strcmp's. */
export function cStringAt(bytes: Uint8Array, pos: number): string {
  let end = bytes.indexOf(0, pos)
  if (end < 0) end = bytes.length
  return Buffer.from(bytes.buffer, bytes.byteOffset + pos, end - pos).toString('latin1')
}
