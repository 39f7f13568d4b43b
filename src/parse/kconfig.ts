/**
 * .config as scripts/kconfig writes it: `CONFIG_X=y|m|"str"|123`, `# CONFIG_X is not set`.
 * Values keep their quotes stripped and C escapes (\" and \\) undone.
 */
export type Kconfig = Map<string, string>

export function parseKconfig(text: string): Kconfig {
  const out: Kconfig = new Map()
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (!line.startsWith('CONFIG_')) continue
    const eq = line.indexOf('=')
    if (eq < 0) continue
    const key = line.slice(7, eq)
    let value = line.slice(eq + 1)
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1).replace(/\\(["\\])/g, '$1')
    }
    out.set(key, value)
  }
  return out
}

export function isEnabled(config: Kconfig | null, key: string): boolean {
  const v = config?.get(key)
  return v === 'y' || v === 'm'
}
