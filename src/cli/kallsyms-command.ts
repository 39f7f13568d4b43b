import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { readEmbeddedTable } from '../kallsyms/embedded.ts'
import { formatTable } from '../kallsyms/format-table.ts'
import { diffRows, diffSummary } from '../kallsyms/render.ts'
import { parseSystemMap } from '../kallsyms/system-map.ts'
import { optionsForTable, verifyTable } from '../kallsyms/verify-table.ts'
import { parseKernelVersion } from '../model/build-info.ts'
import { InputError } from '../model/errors.ts'
import type { Text } from '../model/finding.ts'
import { safeTerminal } from '../report/text-blocks.ts'

/** Differing symbols listed on stderr; the summary line counts them all. */
const SHOWN = 50

interface KallsymsFlags {
  base?: string
  systemMap?: string
  kernelVersion?: string
}

function parseBase(v: string): bigint {
  if (!/^(0x)?[0-9a-fA-F]{1,16}$/.test(v)) throw new InputError('bad-value', '--base', `${JSON.stringify(v)} is not a hexadecimal address`)
  return BigInt(v.startsWith('0x') ? v : '0x' + v)
}

function plain(t: Text): string {
  const one = (i: Text): string => (typeof i === 'string' ? i : Array.isArray(i) ? i.map(one).join('') : 'code' in i ? i.code : i.strong)
  return one(t)
}

/**
 * `kbuild-review kallsyms <vmlinux|boot-image>`: the kallsyms table the image carries, decoded
 * and printed as System.map lines (`%016x %c %s`, 8 digits on 32-bit); only the table goes to
 * stdout. With --system-map, differences beyond what kallsyms.c drops by design go to stderr
 * and the exit status is 1.
 */
export function registerKallsyms(program: Command): void {
  program
    .command('kallsyms')
    .description('decode the kallsyms table of a vmlinux or boot image (bzImage, Image, Image.gz) and print it as System.map lines')
    .argument('<image>', 'vmlinux (with or without symbols), bzImage/vmlinuz, arm64 Image or Image.gz')
    .option('--base <address>', 'address a raw arm64 Image is linked at (default 0xffff800080000000)')
    .option('--system-map <file>', 'compare the table with this System.map; report differences on stderr, exit 1 if any')
    .option('--kernel-version <x.y>', 'kernel version for --system-map, when the table alone cannot tell')
    .action(async (image: string, flags: KallsymsFlags) => {
      const options = flags.base === undefined ? {} : { base: parseBase(flags.base) }
      const e = await readEmbeddedTable(image, image, options)
      process.stdout.write(formatTable(e.table, e.is64 ? 16 : 8))
      for (const n of e.notes) process.stderr.write(`kbuild-review: note: ${n}\n`)
      for (const i of e.table.issues) process.stderr.write(`kbuild-review: ${image}: ${safeTerminal(i.message)}\n`)
      let status = e.table.issues.length ? 1 : 0
      if (flags.systemMap) {
        const map = parseSystemMap(readFileSync(flags.systemMap, 'utf8'), flags.systemMap)
        const version = flags.kernelVersion ? parseKernelVersion(flags.kernelVersion) : null
        const v = verifyTable(e.table, map, optionsForTable(e.table, { version }))
        const dropped = Object.entries(v.dropped)
          .map(([why, n]) => `${n} ${why}`)
          .join(', ')
        if (v.diff.identical) {
          process.stderr.write(`kbuild-review: the table matches ${flags.systemMap} (${e.table.count} symbols; left out by design: ${dropped || 'none'})\n`)
        } else {
          status = 1
          process.stderr.write(`kbuild-review: the table differs from ${flags.systemMap}: ${diffSummary(v.diff)}\n`)
          const rows = diffRows(v.diff, null)
          for (const row of rows.slice(0, SHOWN)) process.stderr.write(`  ${safeTerminal(row.map(plain).join('  '))}\n`)
          if (rows.length > SHOWN) process.stderr.write(`  … and ${rows.length - SHOWN} more\n`)
        }
      }
      process.exitCode = status
    })
}
