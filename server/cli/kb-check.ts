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
} catch (error) {
  if (error instanceof KbSourceError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}
