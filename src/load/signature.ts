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
  const n = bytes.length
  if (n < MAGIC.length + INFO_SIZE) return { elf: bytes, signatureBytes: 0 }
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[n - MAGIC.length + i] !== MAGIC[i]) return { elf: bytes, signatureBytes: 0 }
  }
  const info = n - MAGIC.length - INFO_SIZE
  const signerLen = bytes[info + 3]!
  const keyIdLen = bytes[info + 4]!
  const sigLen = new DataView(bytes.buffer, bytes.byteOffset + info + 8, 4).getUint32(0, false)
  const trailer = MAGIC.length + INFO_SIZE + signerLen + keyIdLen + sigLen
  if (trailer > n) return { elf: bytes, signatureBytes: 0 }
  return { elf: bytes.subarray(0, n - trailer), signatureBytes: trailer }
}
