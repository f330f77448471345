/**
 * @module `npm start`: builds the web app and the server when dist/ does not match the
 * sources (a fresh clone, a pull, an edit), then runs the compiled server in this process.
 * Plain JavaScript, like build-stamp.js, so a start with an up-to-date build loads no compiler.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ensureBuilt, ROOT, SERVER_BUNDLE } from './build-stamp.js'

try {
  ensureBuilt()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
await import(pathToFileURL(join(ROOT, SERVER_BUNDLE)).href)
