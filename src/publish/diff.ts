/**
 * Which lines of a pull request can carry review comments: GitHub accepts a comment only on a
 * line inside a hunk of the file's patch (RIGHT: added or context lines by their new number,
 * LEFT: removed or context lines by their old number) and rejects the whole review with 422
 * otherwise. Computed from the `patch` of each entry of the PR's files.
 */

export type Side = 'LEFT' | 'RIGHT'

export interface ExportLine {
  symbol: string
  /** The macro as written: EXPORT_SYMBOL, EXPORT_SYMBOL_GPL, EXPORT_SYMBOL_NS_GPL, ... */
  macro: string
  side: Side
  line: number
}

export interface FileDiff {
  path: string
  right: Set<number>
  left: Set<number>
  /** Lines the patch adds (RIGHT) or removes (LEFT), with their text. */
  added: Map<number, string>
  removed: Map<number, string>
  exports: ExportLine[]
}

export interface PullFile {
  filename: string
  status?: string
  patch?: string
}

/**
 * Export macros, first argument the symbol: include/linux/export.h has EXPORT_SYMBOL(_GPL),
 * EXPORT_SYMBOL_NS(_GPL) (namespace second), EXPORT_SYMBOL_GPL_FOR_MODULES (6.12) renamed
 * EXPORT_SYMBOL_FOR_MODULES (7.2); include/linux/percpu-defs.h has EXPORT_PER_CPU_SYMBOL(_GPL).
 */
const EXPORT_RE =
  /\b(EXPORT_(?:PER_CPU_)?SYMBOL(?:_NS)?(?:_GPL)?(?:_FOR_MODULES)?)\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*[,)]/

export function parseExportLine(text: string): { macro: string; symbol: string } | null {
  const m = EXPORT_RE.exec(text)
  return m ? { macro: m[1]!, symbol: m[2]! } : null
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

export function parsePatch(path: string, patch: string | undefined): FileDiff {
  const d: FileDiff = {
    path,
    right: new Set(),
    left: new Set(),
    added: new Map(),
    removed: new Map(),
    exports: []
  }
  if (!patch) return d
  let oldLine = 0
  let newLine = 0
  let inHunk = false
  for (const raw of patch.split('\n')) {
    const h = HUNK.exec(raw)
    if (h) {
      oldLine = Number(h[1])
      newLine = Number(h[3])
      inHunk = true
      continue
    }
    if (!inHunk || raw.startsWith('\\')) continue
    const text = raw.slice(1)
    const mark = raw[0]
    if (mark === '+') {
      d.right.add(newLine)
      d.added.set(newLine, text)
      const e = parseExportLine(text)
      if (e) d.exports.push({ ...e, side: 'RIGHT', line: newLine })
      newLine++
    } else if (mark === '-') {
      d.left.add(oldLine)
      d.removed.set(oldLine, text)
      const e = parseExportLine(text)
      if (e) d.exports.push({ ...e, side: 'LEFT', line: oldLine })
      oldLine++
    } else if (mark === ' ' || raw === '') {
      // An empty line inside a hunk is a context line whose leading space was trimmed.
      d.right.add(newLine)
      d.left.add(oldLine)
      oldLine++
      newLine++
    }
  }
  return d
}

export class PullDiff {
  readonly files = new Map<string, FileDiff>()

  constructor(files: readonly PullFile[]) {
    for (const f of files) this.files.set(f.filename, parsePatch(f.filename, f.patch))
  }

  /**
   * The PR file a local path refers to: the longest PR path that the path ends with, so a
   * kernel checked out in a subdirectory of the workspace still matches.
   */
  fileFor(localPath: string): FileDiff | null {
    const p = localPath.replace(/\\/g, '/').replace(/^\.\//, '')
    let best: FileDiff | null = null
    for (const [name, d] of this.files) {
      if ((p === name || p.endsWith(`/${name}`)) && (!best || name.length > best.path.length)) best = d
    }
    return best
  }

  /** Where the PR adds, removes or changes an export of `symbol`: added lines first. */
  exportLinesOf(symbol: string): Array<ExportLine & { path: string }> {
    const out: Array<ExportLine & { path: string }> = []
    for (const d of this.files.values())
      for (const e of d.exports) if (e.symbol === symbol) out.push({ ...e, path: d.path })
    return out.sort((a, b) => (a.side === b.side ? 0 : a.side === 'RIGHT' ? -1 : 1))
  }

  commentable(path: string, side: Side, line: number): boolean {
    const d = this.files.get(path)
    return !!d && (side === 'RIGHT' ? d.right : d.left).has(line)
  }
}
