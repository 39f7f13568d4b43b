/**
 * Module signature trailer (include/linux/module_signature.h, scripts/sign-file.c): the ELF
 * image, then signer, key id and signature, then struct module_signature (12 bytes, sig_len
 * big-endian in the last 4), then the magic string.
 */
const MAGIC = Buffer.from('~Module signature appended~\n', 'latin1')
const INFO_SIZE = 12

export interface SignatureSplit {
  /** The ELF image without the trailer. */
  elf: Uint8Array
  /** Bytes of the trailer (0 when unsigned). */
  signatureBytes: number
}

export function splitSignature(bytes: Uint8Array): SignatureSplit {
  const trailer = signatureTrailerBytes(bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)), bytes.length)
  return { elf: trailer ? bytes.subarray(0, bytes.length - trailer) : bytes, signatureBytes: trailer }
}

/** How many bytes from the end of a file tell whether it is signed and how long the trailer is. */
export const TAIL_BYTES = 40

/**
 * The length of the signature trailer of a file of `fileSize` bytes whose last bytes are `tail`
 * (at least TAIL_BYTES of them, or the whole file); 0 when unsigned or when the trailer would
 * not fit the file.
 */
export function signatureTrailerBytes(tail: Uint8Array, fileSize: number): number {
  const n = tail.length
  if (n < MAGIC.length + INFO_SIZE) return 0
  for (let i = 0; i < MAGIC.length; i++) {
    if (tail[n - MAGIC.length + i] !== MAGIC[i]) return 0
  }
  const info = n - MAGIC.length - INFO_SIZE
  const signerLen = tail[info + 3]!
  const keyIdLen = tail[info + 4]!
  const sigLen = new DataView(tail.buffer, tail.byteOffset + info + 8, 4).getUint32(0, false)
  const trailer = MAGIC.length + INFO_SIZE + signerLen + keyIdLen + sigLen
  return trailer > fileSize ? 0 : trailer
}
