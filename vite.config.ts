import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { playwright } from '@vitest/browser-playwright'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { CHROMIUM } from './test/support/chromium.ts'
import { probePostgres } from './test/support/pg-probe.ts'

/**
 * The test files that run on both dialects: they open their data with testStore()
 * (test/support/dialects.ts). A new suite opts in with one line here.
 */
const DIALECT_SUITES = [
  'test/server/workspaces.test.ts',
  'test/server/networks.test.ts',
  'test/server/network-repository.test.ts',
  'test/server/survey-import.test.ts',
  'test/server/survey-templates.test.ts',
  'test/server/workspace-limits.test.ts',
  'test/server/new-route-bounds.test.ts',
  'test/server/knowledge-base.test.ts',
  'test/server/engine.test.ts',
  'test/server/kb-store.test.ts',
  'test/server/kb-repository.test.ts',
  'test/server/ratings.test.ts',
  'test/server/rating-repository.test.ts',
]

// Only a test run asks whether a PostgreSQL server is there (a build or `npm run dev` does not).
const withPostgres = process.env.VITEST ? await probePostgres() : false

const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

/**
 * Writes a `.br` and a `.gz` beside each text file of the build, once, at the highest levels,
 * so the server sends them as they are (serveStatic's `precompressed`) instead of compressing
 * on every request or not at all. Files under 1 kB gain nothing and stay as they are.
 */
function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    async writeBundle({ dir }, bundle) {
      if (!dir) return
      const files = Object.values(bundle).filter((f) => /\.(?:js|css|html|svg|json)$/.test(f.fileName))
      await Promise.all(
        files.map(async (file) => {
          const source = Buffer.from(file.type === 'chunk' ? file.code : file.source)
          if (source.length < 1024) return
          const path = join(dir, file.fileName)
          await writeFile(`${path}.br`, await brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }))
          await writeFile(`${path}.gz`, await gzipped(source, { level: 9 }))
        })
      )
    },
  }
}

export default defineConfig({
  root: 'web',
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'es2022' },
  plugins: [precompress()],
  server: {
    // `npm run dev`: Vite serves web/, the API runs beside it (server/cli/dev.ts).
    proxy: { '/api': `http://127.0.0.1:${process.env.API_PORT ?? 3000}` },
  },
  test: {
    root: '.',
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/domain/**/*.test.ts', 'test/server/**/*.test.ts', 'test/data/**/*.test.ts'],
          exclude: ['test/server/postgresql/**'],
          provide: { dialect: 'sqlite' },
        },
      },
      // The contract suites again, on PostgreSQL (test/support/dialects.ts), when a server
      // answers at TEST_DATABASE_URL; and the tests that only PostgreSQL has.
      ...(withPostgres
        ? [
            {
              test: {
                name: 'postgresql',
                environment: 'node',
                include: [...DIALECT_SUITES, 'test/server/postgresql/**/*.test.ts'],
                provide: { dialect: 'postgresql' as const },
                globalSetup: ['test/support/pg-global-setup.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/web/**/*.test.ts'],
          setupFiles: ['test/web/support/setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: CHROMIUM }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
})
