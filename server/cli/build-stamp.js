/**
 * @module Whether dist/ holds a build of the sources as they are now: `npm start` (and the
 * bench, and the test of the compiled server) ask before running it and build only when the
 * answer is no; `npm run build` writes the stamp. Plain JavaScript on purpose: it runs on
 * every start, before anything could compile TypeScript, and loading a TypeScript loader
 * would cost more than the check (10-30 ms).
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')

/** What a build is made of: a change to any file in these makes dist/ stale. */
const INPUTS = [
  'server',
  'web',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'vite.config.ts',
]
const STAMP = join('dist', 'build-stamp.json')
const WEB_INDEX = join('dist', 'web', 'index.html')
export const SERVER_BUNDLE = join('dist', 'server', 'main.js')

/** SHA-256 over the names and contents of every input file, in a fixed order. */
export function sourceHash(root = ROOT) {
  const files = []
  for (const input of INPUTS) {
    const path = join(root, input)
    if (!existsSync(path)) continue
    if (!statSync(path).isDirectory()) files.push(path)
    else
      for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) files.push(join(entry.parentPath, entry.name))
      }
  }
  const hash = createHash('sha256')
  for (const file of files.sort())
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update('\0')
  return hash.digest('hex')
}

/**
 * The stamp names the sources' hash and the time the web build was written, so a `vite build`
 * run by hand (from other sources, perhaps) also makes the stamp stale.
 */
function currentStamp(root, sources) {
  return { sources, webBuiltAt: statSync(join(root, WEB_INDEX)).mtimeMs }
}

/** True when dist/ has both builds and they were made from the sources as they are now. */
export function isBuilt(root = ROOT) {
  if (![STAMP, WEB_INDEX, SERVER_BUNDLE].every((f) => existsSync(join(root, f)))) return false
  try {
    const stamp = JSON.parse(readFileSync(join(root, STAMP), 'utf8'))
    const now = currentStamp(root, sourceHash(root))
    return stamp.sources === now.sources && stamp.webBuiltAt === now.webBuiltAt
  } catch {
    return false
  }
}

/** Records that dist/ now matches the sources whose hash is `sources` (taken before building). */
export function writeStamp(sources, root = ROOT) {
  writeFileSync(join(root, STAMP), `${JSON.stringify(currentStamp(root, sources), null, 2)}\n`)
}

/** Builds (server/cli/build.ts) unless dist/ is up to date; true when it had to build. */
export function ensureBuilt(root = ROOT) {
  if (isBuilt(root)) return false
  console.log('Building the web app and the server (the sources changed since the last build)…')
  const script = join(root, 'server', 'cli', 'build.ts')
  const build = spawnSync(process.execPath, ['--import', 'tsx', script, '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (build.status !== 0) throw new Error(`the build failed (exit code ${build.status})`)
  return true
}
