import { statSync } from 'node:fs'
import type { ModuleFile } from '../discover/layout.ts'
import { ReadArena } from '../bytes/read-arena.ts'
import { FileSource } from '../bytes/source.ts'
import { ElfFile } from '../elf/elf.ts'
import { describeError, InputError } from '../model/errors.ts'
import type { AnalyzerContext, AnalyzerOptions, ModuleAnalyzer, ModuleSummary } from './analyzer.ts'
import type { HintReader } from './hint-board.ts'
import { decompress } from './decompress.ts'
import { LIMITS } from './limits.ts'
import { signatureTrailerBytes, splitSignature, TAIL_BYTES } from './signature.ts'

export interface ModuleImage {
  elf: ElfFile
  fileBytes: number
  signatureBytes: number
}

/** Bytes already read and decompressed elsewhere (the batch xz decoder). */
export interface Preloaded {
  bytes: Uint8Array
  fileBytes: number
}

/** Reads, decompresses and de-signs one module file into an ElfFile over its bytes. */
export async function readModuleImage(mod: ModuleFile, preloaded?: Preloaded): Promise<ModuleImage> {
  if (preloaded) {
    const { elf, signatureBytes } = splitSignature(preloaded.bytes)
    return { elf: ElfFile.fromBytes(elf, mod.relPath), fileBytes: preloaded.fileBytes, signatureBytes }
  }
  const st = statSync(mod.path, { throwIfNoEntry: false })
  if (!st) throw new InputError('io', mod.relPath, 'no such file')
  if (!st.isFile()) throw new InputError('not-a-file', mod.relPath, st.isDirectory() ? 'is a directory' : 'is not a regular file')
  if (st.size > LIMITS.maxModuleBytes) {
    throw new InputError('too-large', mod.relPath, `${st.size} bytes is more than the ${LIMITS.maxModuleBytes}-byte module limit`)
  }
  if (mod.compression === 'none' && st.size > WHOLE_READ_BYTES) return openUncompressed(mod)
  const raw = readWhole(mod)
  if (mod.compression === 'none') {
    const { elf, signatureBytes } = splitSignature(raw)
    return { elf: ElfFile.fromBytes(elf, mod.relPath), fileBytes: raw.length, signatureBytes }
  }
  const bytes = await decompress(raw, mod.compression, mod.relPath)
  const { elf, signatureBytes } = splitSignature(bytes)
  return { elf: ElfFile.fromBytes(elf, mod.relPath), fileBytes: raw.length, signatureBytes }
}

/**
 * Every module's bytes are read into this thread's arena, held from the read until the
 * module's analyzers are done (analyzeModule): facts copy what they keep.
 */
const arena = new ReadArena(16 * 1024 * 1024)

/** The whole file, into the arena. */
function readWhole(mod: ModuleFile): Uint8Array {
  const source = new FileSource(mod.path, mod.relPath, arena)
  try {
    return source.read(0, source.size, 'module file')
  } finally {
    source.close()
  }
}

/**
 * Up to this size an uncompressed module is read in one go: two thirds of Debian's modules,
 * which would otherwise take a dozen small reads each (headers, then section by section).
 */
const WHOLE_READ_BYTES = 64 * 1024

/**
 * A larger uncompressed module is read lazily: headers, then only the sections its analyzers ask for
 * (a symbol listing reads a tenth of the file). The caller closes it (ModuleImage.elf.close()).
 */
function openUncompressed(mod: ModuleFile): ModuleImage {
  const source = new FileSource(mod.path, mod.relPath, arena)
  const fileBytes = source.size
  try {
    const tail = source.read(Math.max(0, fileBytes - TAIL_BYTES), Math.min(fileBytes, TAIL_BYTES), 'signature trailer')
    const signatureBytes = signatureTrailerBytes(tail, fileBytes)
    source.limit(fileBytes - signatureBytes)
    return { elf: ElfFile.open(source), fileBytes, signatureBytes }
  } catch (err) {
    source.close()
    throw err
  }
}

/** A summary with no facts yet; `error` set when the module could not be analyzed at all. */
export function emptySummary(mod: ModuleFile, error?: string): ModuleSummary {
  const summary: ModuleSummary = {
    name: mod.name,
    relPath: mod.relPath,
    compression: mod.compression,
    fileBytes: 0,
    elfBytes: 0,
    signatureBytes: 0,
    facts: {},
    factErrors: {}
  }
  if (error !== undefined) summary.error = error
  return summary
}

export async function analyzeModule(
  mod: ModuleFile,
  analyzers: readonly ModuleAnalyzer[],
  options: AnalyzerOptions,
  memo: <V>(key: string, make: () => V) => V,
  preloaded?: Preloaded,
  hints?: HintReader
): Promise<ModuleSummary> {
  const summary = emptySummary(mod)
  arena.hold()
  try {
    return await analyzeHeld(mod, analyzers, options, memo, summary, preloaded, hints)
  } finally {
    arena.release()
  }
}

async function analyzeHeld(
  mod: ModuleFile,
  analyzers: readonly ModuleAnalyzer[],
  options: AnalyzerOptions,
  memo: <V>(key: string, make: () => V) => V,
  summary: ModuleSummary,
  preloaded?: Preloaded,
  hints?: HintReader
): Promise<ModuleSummary> {
  let image: ModuleImage
  try {
    image = await readModuleImage(mod, preloaded)
  } catch (err) {
    summary.error = describeError(err)
    return summary
  }
  summary.fileBytes = image.fileBytes
  summary.elfBytes = image.elf.source.size
  summary.signatureBytes = image.signatureBytes
  // The hints that have arrived by now, taken in once per module.
  const table = hints?.read()
  try {
    for (const a of analyzers) {
      try {
        const ctx: AnalyzerContext = { module: mod, options, memo }
        const byModule = table?.get(a.id)
        if (byModule) {
          ctx.hinted = true
          if (byModule.has(mod.name)) ctx.hint = byModule.get(mod.name)
        }
        summary.facts[a.id] = a.analyze(image.elf, ctx)
      } catch (err) {
        summary.factErrors[a.id] = describeError(err)
      }
    }
  } finally {
    image.elf.close()
  }
  return summary
}
