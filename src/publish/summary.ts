import * as core from '@actions/core'
import { escapeText } from '../report/escape.ts'
import { renderReports, SUMMARY_LIMIT } from '../report/markdown.ts'
import type { Report } from '../report/schema.ts'

/**
 * The job summary: always written (when the runner provides GITHUB_STEP_SUMMARY), the full
 * report as far as GitHub's 1 MiB per step allows; past that it points at the artifact.
 */
export async function writeJobSummary(
  reports: readonly Report[],
  notices: readonly string[],
  artifactNote: string
): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) return false
  // Notices quote names from artifacts and API errors: escaped like build strings.
  const prefix = notices.map(n => `> [!NOTE]\n> ${escapeText(n)}\n\n`).join('')
  const md = renderReports(reports, SUMMARY_LIMIT - prefix.length, { fullReportAt: artifactNote }, prefix)
  await core.summary.addRaw(md, true).write()
  return true
}
