import type { Report } from './schema.ts'

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n'
}
