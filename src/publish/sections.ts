import { fromMarkerValue } from '../report/escape.ts'
import { renderVerdict, SECTION_END, STICKY_MARKER, type SectionMeta } from '../report/markdown.ts'

/**
 * The sticky comment holds one section per config key between hidden markers, so matrix jobs
 * that publish separately each replace their own section and the verdict line is recomputed
 * over all of them. Markers are recognised only as whole lines; everything the renderer emits
 * from a build is escaped or inline, so a build cannot forge one.
 */

export interface Section {
  meta: SectionMeta
  /** Markdown from the start marker line through the end marker line. */
  text: string
}

const START =
  /^<!-- kbuild-review:section key=(\S+) status=(pass|warn|fail) errors=(\d+) warnings=(\d+) notices=(\d+) -->$/

export function isSticky(body: string | null | undefined): boolean {
  return !!body && body.startsWith(STICKY_MARKER.slice(0, -4))
}

export function parseSections(body: string): Section[] {
  const out: Section[] = []
  const lines = body.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = START.exec(lines[i]!)
    if (!m) continue
    const end = lines.indexOf(SECTION_END, i + 1)
    if (end < 0) break
    out.push({
      meta: {
        key: fromMarkerValue(m[1]!),
        status: m[2] as SectionMeta['status'],
        errors: Number(m[3]),
        warnings: Number(m[4]),
        notices: Number(m[5])
      },
      text: lines.slice(i, end + 1).join('\n') + '\n'
    })
    i = end
  }
  return out
}

/** Ours replace theirs by config key; the rest are kept in key order. */
export function mergeSections(existing: readonly Section[], ours: readonly Section[]): Section[] {
  const keys = new Set(ours.map(s => s.meta.key))
  return [...existing.filter(s => !keys.has(s.meta.key)), ...ours].sort((a, b) =>
    a.meta.key.localeCompare(b.meta.key)
  )
}

/** A section cut down to its marker and heading, for when the comment would be too long. */
function stub(s: Section, fullReportAt: string): string {
  const lines = s.text.split('\n')
  return `${lines[0]}\n${lines[1] ?? ''}\n\n*Details left out to fit the comment: see ${fullReportAt}.*\n\n${SECTION_END}\n`
}

/**
 * The whole comment: marker, verdict over all sections, sections. When foreign sections (other
 * jobs' configs) push it over the limit, the largest of them are cut to stubs; ours were
 * rendered to fit their share already.
 */
export function composeComment(
  sections: readonly Section[],
  limit: number,
  ours: ReadonlySet<string>,
  fullReportAt: string
): string {
  const head = `${STICKY_MARKER}\n${renderVerdict(sections.map(s => s.meta))}`
  const texts = sections.map(s => s.text)
  const total = () => head.length + texts.reduce((n, t) => n + t.length, 0)
  const order = sections.map((_, i) => i).sort((a, b) => texts[b]!.length - texts[a]!.length)
  for (const i of order) {
    if (total() <= limit) break
    if (!ours.has(sections[i]!.meta.key)) texts[i] = stub(sections[i]!, fullReportAt)
  }
  for (const i of order) {
    if (total() <= limit) break
    texts[i] = stub(sections[i]!, fullReportAt)
  }
  let body = head + texts.join('')
  if (body.length > limit)
    body = body.slice(0, limit - 80) + `\n\n*… cut at GitHub's comment limit: see ${fullReportAt}.*\n`
  return body
}

export function allClean(sections: readonly Section[]): boolean {
  return sections.every(s => s.meta.status === 'pass')
}
