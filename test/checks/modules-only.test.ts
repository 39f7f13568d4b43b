import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { review } from '../../src/engine.ts'
import { defaultOptions } from '../../src/model/options.ts'
import { renderText } from '../../src/report/text.ts'
import { debianRelease, fixtureMissing } from '../support/kernels.ts'
import { tempDir } from '../support/tmp.ts'

describe('a directory of modules alone', () => {
  it('does not call imports unresolved when vmlinux exports are unknown', async ctx => {
    const rel = debianRelease('new')
    if (!rel) return fixtureMissing('Debian 6.12 release', ctx.skip)
    const dir = tempDir()
    mkdirSync(join(dir, 'lib'))
    for (const m of ['crc-itu-t', 'crc7', 'ts_kmp', 'ts_bm']) {
      copyFileSync(join(rel.koRoot, 'kernel/lib', `${m}.ko`), join(dir, 'lib', `${m}.ko`))
    }
    const report = await review({ input: { modulesDir: dir }, options: defaultOptions() })
    const sl = report.checks.find(c => c.id === 'symbol-list')!
    expect(sl.findings.map(f => f.code)).toEqual(['import-vmlinux-unknown'])
    expect(report.verdict.errors).toBe(0)
    expect(renderText(report)).toMatch(/4 modules/)
  })
})
