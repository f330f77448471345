/**
 * @module `npm run build`: the web app (vite, with .br/.gz beside each text file) into
 * dist/web, and the server bundled into one ES module, dist/server/main.js, which
 * `npm start` runs with plain node. Then writes the stamp that tells `npm start` the build
 * matches the sources (build-stamp.js). Option: --quiet (warnings only).
 */
import { existsSync, renameSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { build as bundle, type Plugin } from 'esbuild'
import { build as viteBuild } from 'vite'
import { ROOT, SERVER_BUNDLE, sourceHash, writeStamp } from './build-stamp.js'

const { values } = parseArgs({ options: { quiet: { type: 'boolean', default: false } } })
const logLevel = values.quiet ? 'warn' : 'info'

/**
 * Keeps `import.meta.dirname` meaning "the folder of this source file" inside the bundle, so
 * paths built from it (the migrations in drizzle/, data/kb, dist/web) resolve the same from
 * dist/server/ as from server/ under tsx or vitest. The bundle must stay where it is built.
 */
function sourceDirs(outDir: string): Plugin {
  return {
    name: 'source-dirs',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        const fromBundle = relative(outDir, dirname(path)).split(sep).join('/')
        const contents = (await readFile(path, 'utf8')).replaceAll(
          'import.meta.dirname',
          `(import.meta.dirname + ${JSON.stringify(`/${fromBundle}`)})`
        )
        return { contents, loader: 'ts' }
      })
    },
  }
}

const started = performance.now()
const sources = sourceHash()

// Built beside dist/web and swapped in, so a server (or a test) serving dist/web meanwhile
// never finds it half empty.
const web = join(ROOT, 'dist', 'web')
const next = join(ROOT, 'dist', 'web.next')
const old = join(ROOT, 'dist', 'web.old')
await viteBuild({
  configFile: join(ROOT, 'vite.config.ts'),
  logLevel,
  build: { outDir: next, emptyOutDir: true },
})
rmSync(old, { recursive: true, force: true })
if (existsSync(web)) renameSync(web, old)
renameSync(next, web)
rmSync(old, { recursive: true, force: true })

// Dependencies are bundled too: loading one file instead of some hundreds of modules halves
// the start. Those with a native addon (the SQLite driver) stay outside, where they find
// their compiled part; `require` is given to the CommonJS dependencies that ask for Node's
// built-in modules.
const { dependencies } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
}
const native = Object.keys(dependencies).filter((name) =>
  existsSync(join(ROOT, 'node_modules', name, 'binding.gyp'))
)
const outfile = join(ROOT, SERVER_BUNDLE)
await bundle({
  entryPoints: [join(ROOT, 'server', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // pg asks for its optional native binding only when told to use it: we never do.
  external: [...native, 'pg-native'],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  plugins: [sourceDirs(dirname(outfile))],
  logLevel: values.quiet ? 'warning' : 'info',
})

writeStamp(sources)
if (!values.quiet)
  console.log(
    `Built dist/web and ${SERVER_BUNDLE} in ${Math.round(performance.now() - started)} ms`
  )
