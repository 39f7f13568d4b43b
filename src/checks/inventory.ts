import type { Check } from './check.ts'

/** What was found: the first section of every report, and the build's identity. */
export const inventoryCheck: Check = {
  id: 'inventory',
  title: 'Build inventory',
  async run() {
    return { summary: 'TODO', findings: [] }
  }
}
