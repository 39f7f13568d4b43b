import { readFileSync, statSync } from 'node:fs'
import type { ModuleFile } from '../discover/layout.ts'
import { LIMITS } from './limits.ts'
import { xzUncompressedSize } from './xz-index.ts'

let xzPath: string | null | undefined

// node:child_process and node:crypto are loaded on first use, not with the CLI and every module
// worker: importing them costs ~6 and ~13 ms of each start, and a review of uncompressed
// modules never needs them.
const childProcess = () => process.getBuiltinModule('node:child_process')
const nodeCrypto = () => process.getBuiltinModule('node:crypto')

/** The system `xz` (liblzma), when there is one: about twice as fast as the WebAssembly decoder. */
export function systemXz(): string | null {
  if (xzPath === undefined) {
    const r = childProcess().spawnSync('xz', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
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
      // Size first: a sparse file of gigabytes must not be read to find out.
      const st = statSync(module.path)
      if (!st.isFile() || st.size > LIMITS.maxModuleBytes) break
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
  // After each file goes a tiny .xz stream of a random nonce. xz writes it only once it has
  // checked the whole stream before it (index included), and a stream that expands beyond what
  // its index announced (a corrupt or hostile file) cannot put it where it belongs: a file is
  // handed out only when the nonce right after its announced size came out intact.
  const nonce = nodeCrypto().randomBytes(16)
  const marker = childProcess().spawnSync(xz, ['-c', '-0', '--check=none'], { input: nonce })
  if (marker.status !== 0) return giveBack()
  const separator = marker.stdout
  const ok = await new Promise<boolean>(resolve => {
    const child = childProcess().spawn(xz, ['-dc', '-q', '-q'], { stdio: ['pipe', 'pipe', 'ignore'] })
    let cur = 0
    let buf = Buffer.allocUnsafeSlow(plan[0]!.size)
    let filled = 0
    /** Bytes of the nonce seen after the current file; -1 while the file itself is coming. */
    let seen = plan[0]!.size === 0 ? 0 : -1
    let failed = false
    const abort = () => {
      failed = true
      child.kill()
    }
    child.stdout.on('data', (chunk: Buffer) => {
      let o = 0
      while (o < chunk.length && !failed) {
        if (cur >= plan.length) return abort()
        if (seen < 0) {
          const n = Math.min(chunk.length - o, plan[cur]!.size - filled)
          chunk.copy(buf, filled, o, o + n)
          filled += n
          o += n
          if (filled === plan[cur]!.size) seen = 0
          continue
        }
        const n = Math.min(chunk.length - o, nonce.length - seen)
        if (!chunk.subarray(o, o + n).equals(nonce.subarray(seen, seen + n))) return abort()
        seen += n
        o += n
        if (seen < nonce.length) continue
        onDecoded({ index: plan[cur]!.index, bytes: buf, fileBytes: plan[cur]!.input.length })
        emitted++
        cur++
        filled = 0
        buf = Buffer.allocUnsafeSlow(cur < plan.length ? plan[cur]!.size : 0)
        seen = cur < plan.length && plan[cur]!.size === 0 ? 0 : -1
      }
    })
    child.on('error', () => resolve(false))
    child.stdin.on('error', () => undefined)
    child.on('close', code => resolve(code === 0 && !failed && cur === plan.length))
    void (async () => {
      for (const p of plan) {
        for (const data of [p.input, separator]) {
          if (!child.stdin.write(data)) await new Promise(r => child.stdin.once('drain', r))
        }
      }
      child.stdin.end()
    })().catch(() => child.kill())
  })
  void ok
  giveBack()
}
