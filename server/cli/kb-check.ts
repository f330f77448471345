/**
 * @module `npm run kb:check`: validates the knowledge-base source files without touching any
 * database, and prints counts. Exit code 1 when a file is broken.
 */
import { join } from 'node:path'
import { KbSourceError, readKbSources } from '../kb/read-sources.ts'

const kbDir = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'data', 'kb')
try {
  const kb = readKbSources(kbDir)
  const strategies = kb.strategies.flatMap((f) => f.records)
  const links = kb.links.flatMap((f) => f.records)
  console.log(
    `ok: ${kb.determinants.records.length} determinants, ${strategies.length} strategies, ` +
      `${links.length} links, ${kb.sources.records.length} sources`
  )
  const tierOf = new Map(kb.sources.records.map((s) => [s.id, s.tier]))
  const tally = (keys: readonly string[]) =>
    [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())].map(([k, n]) => `${k} ${n}`).join(', ')
  console.log(`links by strength basis: ${tally(links.map((l) => l.basis))}`)
  console.log(`links by evidence tier: ${tally(links.map((l) => tierOf.get(l.source) ?? '?'))}`)
} catch (error) {
  if (error instanceof KbSourceError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}
