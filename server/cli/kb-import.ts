/**
 * @module `npm run kb:import -- <file.csv> --source <name>`: adds an authoritative
 * determinant→strategy mapping (the TNO implementatietool's, the CFIR–ERIC workbook, …) under
 * its own source, keeping every other link. Every row is checked first; one bad row, a
 * syntax error or an unreadable encoding and nothing is imported. Importing under the same
 * source again replaces that source's links; a file without data rows is refused unless
 * --replace-with-nothing says that is meant. Exit code 1 with a message on any failure,
 * including a database another import or load keeps busy. File format: data/README.md.
 * Works on SQLite (DATABASE_PATH) and on PostgreSQL (DATABASE_URL): running instances see the
 * import within 200 ms.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { readStoreConfig } from '../config.ts'
import { openStore } from '../db/open-store.ts'
import { decodeText } from '../domain/decode-text.ts'
import { indexKb } from '../domain/kb-index.ts'
import { parseMapping } from '../domain/mapping-import.ts'
import { Source, Slug } from '../schemas/kb.ts'
import { readCrosswalk } from '../kb/crosswalk.ts'

const usage = `Usage:
  npm run kb:import -- <file.csv> --source <id> [--label "…"] [--citation "…"] [--url …] [--evidence V|S|U|P]
  npm run kb:import -- --remove <id>

  --source     id of the source, lowercase words joined by hyphens (e.g. tno-implementatietool)
  --label      short name shown with each link (default: the id)
  --citation   full reference (default: the label)
  --url        where the mapping can be found
  --evidence   V verified, S secondary, U unverified (default), P proposal
  --replace-with-nothing
               accept a file without data rows: the source keeps no links

  The determinant column takes a MIDI number, code or name, or a CFIR 2009 construct name,
  mapped to MIDI by data/sources/midi-cfir-crosswalk.csv. The file may be UTF-8 or
  Windows-1252 (Excel's "CSV (comma delimited)").`

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

/** SQLITE_BUSY and its extended codes: the write lock stayed taken past the busy timeout. */
const isBusy = (error: unknown) =>
  error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY')

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    source: { type: 'string' },
    label: { type: 'string' },
    citation: { type: 'string' },
    url: { type: 'string' },
    evidence: { type: 'string', default: 'U' },
    remove: { type: 'string' },
    'replace-with-nothing': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})
if (values.help) {
  console.log(usage)
  process.exit(0)
}

try {
  await main()
} catch (error) {
  if (isBusy(error)) fail('The database is busy: another import or load is running; try again. Nothing was imported.')
  fail((error as Error).message)
}

async function main() {
  const config = readStoreConfig()
  const store = await openStore(config)
  await store.migrate()
  await store.kb.load(config.KB_DIR)

  if (values.remove) {
    const removed = await store.kb.removeImportedSource(values.remove)
    console.log(removed ? `Removed source '${values.remove}' and its links.` : `No imported source '${values.remove}'.`)
    process.exit(removed ? 0 : 1)
  }

  const [file] = positionals
  if (!file || !values.source) fail(usage)
  const id = Slug.safeParse(values.source)
  if (!id.success) fail(`--source: ${id.error.issues[0]?.message}`)
  if (!['V', 'S', 'U', 'P'].includes(values.evidence ?? '')) fail('--evidence: one of V, S, U, P')
  if (values.url && !Source.shape.url.safeParse(values.url).success) fail('--url: an http(s) address')

  let bytes: Uint8Array
  try {
    bytes = readFileSync(file)
  } catch (error) {
    fail(`Cannot read ${file}: ${(error as Error).message}`)
  }
  const decoded = decodeText(bytes)
  if (!decoded.ok) fail(`${file}, line ${decoded.line}: ${decoded.message}; nothing was imported.`)

  const label = values.label ?? id.data
  const kb = indexKb(await store.kb.content())
  const result = parseMapping(decoded.text, kb, { id: id.data, label }, readCrosswalk())
  if (result.issues.length > 0) {
    const lines = result.issues.map((i) =>
      i.column ? `  line ${i.line}, ${i.column} '${i.value}': ${i.message}` : `  line ${i.line}: ${i.message}`
    )
    fail(`${file}: ${result.issues.length} problem(s); nothing was imported:\n${lines.join('\n')}`)
  }
  if (result.links.length === 0 && !values['replace-with-nothing']) {
    fail(
      `${file} has ${result.rows === 0 ? 'no data rows' : 'no links'}; nothing was imported and ` +
        `source '${id.data}' was left as it was. To remove the source, use --remove ${id.data}; ` +
        'to keep it without links, add --replace-with-nothing.'
    )
  }
  await store.kb.replaceImportedSource(
    {
      id: id.data,
      label,
      citation: values.citation ?? label,
      ...(values.url ? { url: values.url } : {}),
      evidence: values.evidence as 'V' | 'S' | 'U' | 'P',
    },
    result.links
  )
  console.log(
    `Imported ${result.links.length} links under source '${id.data}'` +
      (result.merged > 0 ? ` (${result.merged} repeated pair(s) kept at their strongest)` : '') +
      (decoded.encoding === 'utf-8' ? '' : ` (read as ${decoded.encoding})`) +
      '. Other sources are unchanged.'
  )
  await store.close()
}
