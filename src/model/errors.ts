/**
 * The one error type for bad input. Parsers throw it with the file and, where known, the byte
 * offset; the pipeline turns it into a finding or a clear message, never a crash.
 */
export type InputErrorCode =
  | 'truncated'
  | 'bad-magic'
  | 'bad-value'
  | 'unsupported'
  | 'too-large'
  | 'not-a-file'
  | 'io'
  | 'refused'

export class InputError extends Error {
  readonly code: InputErrorCode
  readonly file: string
  readonly offset: number | undefined

  constructor(code: InputErrorCode, file: string, message: string, offset?: number) {
    super(`${file}: ${message}${offset === undefined ? '' : ` (at offset 0x${offset.toString(16)})`}`)
    this.name = 'InputError'
    this.code = code
    this.file = file
    this.offset = offset
  }
}

/** Anything thrown, as a one-line message (not only Error instances). */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message
  if (typeof err === 'string') return err
  try {
    return JSON.stringify(err) ?? String(err)
  } catch {
    return String(err)
  }
}
