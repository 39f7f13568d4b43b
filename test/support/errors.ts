import { InputError } from '../../src/model/errors.ts'

/** The InputError `fn` throws; any other outcome fails the test. */
export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn()
  } catch (err) {
    if (err instanceof InputError) return err
    throw err
  }
  throw new Error('expected an InputError')
}
