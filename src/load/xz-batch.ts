import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { ModuleFile } from '../discover/layout.ts'
import { LIMITS } from './limits.ts'
import { xzUncompressedSize } from './xz-index.ts'

let xzPath: string | null | undefined

/** The system `xz` (liblzma), when there is one: about twice as fast as the WebAssembly decoder. */
export function systemXz(): string | null {
  if (xzPath === undefined) {
    const r = spawnSync('xz', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
    xzPath = r.status === 0 && /liblzma/.test(r.stdout.toString()) ? 'xz' : null
  }
  return xzPath
}

export interface Decoded {
  index: number
  /** The decompressed file, or undefined when this file must be decoded another way. */
  bytes?: Uint8Array
  fileBytes: number
}

/**
 * Decompresses .xz modules through one `xz -dc` process: the files are fed to its stdin one
 * after another (xz decodes concatenated streams) and the output is cut at each file's
 * uncompressed size, read from its own xz index. Any doubt (unreadable file, bad index, size
 * beyond the limit, xz failing) hands the rest of the batch back without bytes, so the caller
 * decodes those modules one by one and reports errors per module.
 */
export async function decodeXzBatch(
  modules: ReadonlyArray<{ index: number; module: ModuleFile }>,
  onDecoded: (d: Decoded) => void
): Promise<void> {
  const xz = systemXz()
  const plan: Array<{ index: number; input: Buffer; size: number }> = []
  for (const { index, module } of modules) {
    try {
      const input = readFileSync(module.path)
      const size = xzUncompressedSize(input, module.relPath)
      if (input.length > LIMITS.maxModuleBytes || size > LIMITS.maxDecompressedBytes) break
      plan.push({ index, input, size })
    } catch {
      break
    }
  }
  let emitted = 0
  const giveBack = () => {
    for (; emitted < modules.length; emitted++) onDecoded({ index: modules[emitted]!.index, fileBytes: 0 })
  }
  if (!xz || plan.length === 0) return giveBack()
  const ok = await new Promise<boolean>(resolve => {
    const child = spawn(xz, ['-dc', '-q', '-q'], { stdio: ['pipe', 'pipe', 'ignore'] })
    let cur = 0
    let buf = Buffer.allocUnsafeSlow(plan[0]!.size)
    let filled = 0
    let overflow = false
    // A file is handed out only once xz has moved on to the next one (or exited 0): by then it
    // has verified that file's integrity check, so corrupt data never reaches the parsers.
    let held: Buffer | undefined
    const release = () => {
      if (held === undefined) return
      onDecoded({ index: plan[emitted]!.index, bytes: held, fileBytes: plan[emitted]!.input.length })
      emitted++
      held = undefined
    }
    const complete = () => {
      while (cur < plan.length && filled === plan[cur]!.size) {
        held = buf
        cur++
        filled = 0
        buf = Buffer.allocUnsafeSlow(cur < plan.length ? plan[cur]!.size : 0)
        if (cur < plan.length && plan[cur]!.size === 0) release()
      }
    }
    complete()
    child.stdout.on('data', (chunk: Buffer) => {
      let o = 0
      while (o < chunk.length) {
        if (cur >= plan.length) {
          overflow = true
          return
        }
        release()
        const n = Math.min(chunk.length - o, plan[cur]!.size - filled)
        chunk.copy(buf, filled, o, o + n)
        filled += n
        o += n
        complete()
      }
    })
    child.on('error', () => resolve(false))
    child.stdin.on('error', () => undefined)
    child.on('close', code => {
      if (code === 0 && !overflow && cur === plan.length) release()
      resolve(code === 0 && !overflow)
    })
    void (async () => {
      for (const p of plan) {
        if (!child.stdin.write(p.input)) await new Promise(r => child.stdin.once('drain', r))
      }
      child.stdin.end()
    })().catch(() => child.kill())
  })
  void ok
  giveBack()
}
