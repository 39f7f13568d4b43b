import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { LIMITS } from '../load/limits.ts'
import { InputError } from '../model/errors.ts'
import type { ReadArena } from './read-arena.ts'

/**
 * Random access to a file's bytes. Modules are read whole (BufferSource); a debug vmlinux can
 * be a gigabyte, so FileSource reads only the ranges asked for.
 */
export interface ByteSource {
  readonly file: string
  readonly size: number
  /** Exactly `length` bytes at `offset`, or an InputError when the range leaves the file. */
  read(offset: number, length: number, what: string): Uint8Array
  close(): void
}

function checkRange(src: ByteSource, offset: number, length: number, what: string): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new InputError('bad-value', src.file, `${what}: invalid range`)
  }
  if (offset + length > src.size) {
    throw new InputError(
      'truncated',
      src.file,
      `${what} (0x${length.toString(16)} bytes) runs past the end of the file (0x${src.size.toString(16)} bytes)`,
      offset
    )
  }
}

export class BufferSource implements ByteSource {
  readonly file: string
  readonly bytes: Uint8Array

  constructor(bytes: Uint8Array, file: string) {
    this.bytes = bytes
    this.file = file
  }

  get size(): number {
    return this.bytes.byteLength
  }

  read(offset: number, length: number, what: string): Uint8Array {
    checkRange(this, offset, length, what)
    return this.bytes.subarray(offset, offset + length)
  }

  close(): void {}
}

export class FileSource implements ByteSource {
  readonly file: string
  private length: number
  private fd: number
  private readonly arena: ReadArena | undefined

  /** With an arena, what read() returns is valid only while the arena is held. */
  constructor(path: string, file = path, arena?: ReadArena) {
    this.file = file
    this.arena = arena
    try {
      this.fd = openSync(path, 'r')
    } catch (err) {
      throw new InputError('io', file, `cannot open: ${(err as NodeJS.ErrnoException).code ?? String(err)}`)
    }
    const st = fstatSync(this.fd)
    if (!st.isFile()) {
      closeSync(this.fd)
      throw new InputError('not-a-file', file, st.isDirectory() ? 'is a directory, expected a file' : 'is not a regular file')
    }
    this.length = st.size
  }

  get size(): number {
    return this.length
  }

  /** Reads stop at `size` from now on (a module's signature trailer is not part of its ELF). */
  limit(size: number): void {
    this.length = Math.min(this.length, Math.max(0, size))
  }

  read(offset: number, length: number, what: string): Uint8Array {
    checkRange(this, offset, length, what)
    if (length > LIMITS.maxReadBytes) {
      throw new InputError('too-large', this.file, `${what}: ${length} bytes is more than the ${LIMITS.maxReadBytes}-byte read limit`, offset)
    }
    const buf = this.arena ? this.arena.take(length) : Buffer.allocUnsafe(length)
    let done = 0
    while (done < length) {
      const n = readSync(this.fd, buf, done, length - done, offset + done)
      if (n === 0) throw new InputError('truncated', this.file, `${what}: file shrank while reading`, offset + done)
      done += n
    }
    return buf
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd)
    this.fd = -1
  }
}
