import { readFileSync, realpathSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { LIMITS } from '../load/limits.ts'
import type { Build } from '../model/build.ts'
import { InputError } from '../model/errors.ts'
import type { ReviewOptions } from '../model/options.ts'
import { detectFormat, parseSymbolList, type ListReader, type SymbolList } from './symbol-list.ts'
import { configEnabled, kernelListReader, locateWhitelist, parseAutoksyms, type WhitelistLocation } from './whitelist.ts'

export interface LoadedList {
  list: SymbolList
  /** The list CONFIG_UNUSED_KSYMS_WHITELIST names: the kernel itself reads it in this build. */
  whitelist: boolean
}

export interface ListSet {
  lists: LoadedList[]
  /** The parser this kernel applies to its whitelist. */
  reader: Exclude<ListReader, 'android'>
  /** False when the kernel version is unknown and the reader was guessed. */
  readerKnown: boolean
  trim: boolean
  whitelist: WhitelistLocation | null
  /** ≤6.4 include/generated/autoksyms.h: the symbols TRIM_UNUSED_KSYMS kept. */
  autoksyms: Set<string> | null
}

/** The whitelist and every --symbol-list, parsed once per build. */
export function loadLists(build: Build, options: ReviewOptions): ListSet {
  return build.memo(`exports:lists:${options.symbolLists.join('\0')}`, () => readLists(build, options))
}

function readLists(build: Build, options: ReviewOptions): ListSet {
  const { reader, known } = kernelListReader(build)
  const lists: LoadedList[] = []
  const whitelist = locateWhitelist(build, reader)
  const seen = new Set<string>()
  if (whitelist?.path) {
    const file = build.rel(whitelist.path)
    lists.push({ list: parseSymbolList(build.readText(whitelist.path), file, reader), whitelist: true })
    seen.add(realpathSync(whitelist.path))
  }
  for (const given of options.symbolLists) {
    const path = resolve(given)
    const st = statSync(path, { throwIfNoEntry: false })
    if (!st) throw new InputError('io', given, 'symbol list: no such file')
    if (!st.isFile()) throw new InputError('not-a-file', given, 'symbol list: not a regular file')
    if (st.size > LIMITS.maxTextBytes) throw new InputError('too-large', given, 'symbol list: file too large')
    const real = realpathSync(path)
    if (seen.has(real)) continue
    seen.add(real)
    const text = readFileSync(path, 'utf8')
    const listReader: ListReader = detectFormat(text) === 'android' ? 'android' : reader
    lists.push({ list: parseSymbolList(text, displayPath(build, given, path), listReader), whitelist: false })
  }
  let autoksyms: Set<string> | null = null
  if (build.layout.autoksyms) autoksyms = parseAutoksyms(build.readText(build.layout.autoksyms))
  return { lists, reader, readerKnown: known, trim: configEnabled(build, 'TRIM_UNUSED_KSYMS'), whitelist, autoksyms }
}

/** Inside the build: relative to its root; outside: as the user wrote it (the publisher maps it to the PR). */
function displayPath(build: Build, given: string, abs: string): string {
  const rel = build.rel(abs)
  return rel === abs ? given : rel
}
