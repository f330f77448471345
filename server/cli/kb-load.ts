/**
 * @module `npm run kb:load [-- --force]`: loads data/kb into the database now (the server does
 * this by itself at start when the files changed). Exit code 1 with every problem listed
 * when a source file is broken; the database is then left as it was.
 */
import { readConfig } from '../config.ts'
import { openDb } from '../db/client.ts'
import { migrateDb } from '../db/migrate.ts'
import { loadKb } from '../db/seed.ts'
import { KbSourceError } from '../kb/read-sources.ts'

const config = readConfig()
const db = openDb(config.DATABASE_PATH)
migrateDb(db)
try {
  const { loaded } = loadKb(db, config.KB_DIR, { force: process.argv.includes('--force') })
  console.log(loaded ? `Loaded ${config.KB_DIR} into ${config.DATABASE_PATH}` : 'Already up to date (use --force to load anyway)')
} catch (error) {
  console.error(error instanceof KbSourceError ? error.message : (error as Error).message)
  process.exit(1)
}
