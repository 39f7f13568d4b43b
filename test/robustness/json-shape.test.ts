// JSON read back from untrusted places (a baseline snapshot from the Actions cache, report
// files in publish and aggregate mode): its shape is bounded before JSON.parse builds it. The
// long fuzz run found 55 MB of nested arrays that took 1.6 GiB in JSON.parse alone.
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../src/load/limits.ts'
import { checkJsonShape } from '../../src/model/json-shape.ts'
import { parseReportOrEnvelope } from '../../src/publish/envelope.ts'
import { parseSnapshot } from '../../src/snapshot/io.ts'

const many = (n: number) => `[${'[0],'.repeat(n - 1)}[0]]`
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n)
const snapshotWith = (x: string) => Buffer.from(`{"kind":"kbuild-review-snapshot","schemaVersion":1,"x":${x}}`)

describe('JSON shape limits', () => {
  it('refuse a snapshot with millions of arrays, naming the file and the limit', async () => {
    await expect(parseSnapshot(snapshotWith(many(LIMITS.maxJsonContainers + 10)), 'base.snapshot.json')).rejects.toThrow(
      `base.snapshot.json: snapshot: more than ${LIMITS.maxJsonContainers} objects and arrays`
    )
  })

  it('refuse a report nested deeper than the limit', () => {
    expect(() => parseReportOrEnvelope(`{"report":${deep(LIMITS.maxJsonDepth + 1)}}`, 'r.json')).toThrow(
      `r.json: report: nested more than ${LIMITS.maxJsonDepth} deep`
    )
  })

  it('let through what real files hold, brackets and escaped quotes inside strings included', () => {
    const inString = JSON.stringify({ s: '[{'.repeat(100_000) + '\\"[[' + '"'.repeat(3), t: deep(LIMITS.maxJsonDepth) })
    expect(() => checkJsonShape(inString, 'x.json', 'report')).not.toThrow()
    expect(() => checkJsonShape(many(LIMITS.maxJsonContainers - 1), 'x.json', 'report')).not.toThrow()
    expect(() => checkJsonShape(deep(LIMITS.maxJsonDepth + 1), 'x.json', 'report')).toThrow(/nested more than/)
  })
})
