import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApp, MAX_BODY_BYTES } from '../../server/app.ts'
import { ensureBuilt, ROOT, SERVER_BUNDLE } from '../../server/cli/build-stamp.js'
import { loadKb } from '../../server/db/seed.ts'
import { KB_DIR, tempDb } from '../support/db.ts'

const t = tempDb()
loadKb(t.db, KB_DIR)
const webRoot = join(t.dir, 'web')
mkdirSync(join(webRoot, 'assets'), { recursive: true })
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>app</title>')
writeFileSync(join(webRoot, 'assets', 'main-abc123.js'), 'console.log(1)')
// A hashed build file with the .br and .gz that the build writes beside it.
const script = Buffer.from(`export const words = ${JSON.stringify('strategie '.repeat(300))}\n`)
writeFileSync(join(webRoot, 'assets', 'page-xyz789.js'), script)
writeFileSync(join(webRoot, 'assets', 'page-xyz789.js.br'), brotliCompressSync(script))
writeFileSync(join(webRoot, 'assets', 'page-xyz789.js.gz'), gzipSync(script))
const app = createApp({ db: t.db, webRoot })
afterAll(() => t.close())

describe('serving the web app', () => {
  test('answers client-side routes with the page', async () => {
    for (const path of ['/', '/team', '/kb/strategies/champions']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      expect(await res.text()).toContain('<title>app</title>')
    }
  })

  test('caches a found build file for good', async () => {
    const res = await app.request('/assets/main-abc123.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  test('answers a missing build file with an uncached 404, never with the page', async () => {
    for (const path of ['/assets/page-kb-OLDHASH.js', '/favicon.ico', '/robots.txt']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('cache-control'), path).toBe('no-store')
      expect(await res.text()).not.toContain('<title>app</title>')
    }
  })

  test('answers /api without a trailing slash in the JSON envelope', async () => {
    const res = await app.request('/api')
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })

  test('does not serve files outside the web root', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const res = await app.request(path)
      expect(await res.text(), path).not.toContain('"name": "strategiewijzer"')
    }
  })
})

describe('precompressed build files', () => {
  const get = (encodings?: string) =>
    app.request('/assets/page-xyz789.js', encodings === undefined ? {} : { headers: { 'Accept-Encoding': encodings } })
  const body = async (res: Response) => Buffer.from(await res.arrayBuffer())

  test('sends the brotli file when the browser accepts br', async () => {
    const res = await get('gzip, deflate, br, zstd')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(res.headers.get('vary')).toBe('Accept-Encoding')
    expect(brotliDecompressSync(await body(res)).equals(script)).toBe(true)
  })

  test('sends the gzip file when the browser accepts only gzip', async () => {
    const res = await get('gzip')
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(await body(res)).equals(script)).toBe(true)
  })

  test('sends the file as it is when no encoding is accepted, and says that it varies', async () => {
    for (const encodings of [undefined, 'identity']) {
      const res = await get(encodings)
      expect(res.status, encodings).toBe(200)
      expect(res.headers.get('content-encoding'), encodings).toBeNull()
      expect(res.headers.get('vary'), encodings).toBe('Accept-Encoding')
      expect((await body(res)).equals(script), encodings).toBe(true)
    }
  })
})

describe('the compiled server (dist/server/main.js)', () => {
  // Builds only when dist/ is older than the sources; `npm test` has just built it.
  beforeAll(() => void ensureBuilt(), 180_000)

  test('starts from dist/ on a fresh database and sends a hashed asset of the real build as brotli', { timeout: 60_000 }, async () => {
    const dir = join(t.dir, 'compiled')
    const child = spawn(process.execPath, [join(ROOT, SERVER_BUNDLE)], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'fresh.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let output = ''
        const read = (chunk: Buffer) => {
          output += chunk.toString()
          const match = /listens on (http:\/\/\S+)/.exec(output)
          if (match?.[1]) resolve(match[1])
        }
        child.stdout.on('data', read)
        child.stderr.on('data', read)
        child.on('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)))
      })
      // Migrations (drizzle/) and the knowledge base (data/kb) were found from dist/server/.
      const health = await fetch(`${base}/api/health`)
      expect(health.status).toBe(200)
      expect(((await health.json()) as { counts: { determinants: number } }).counts.determinants).toBe(29)

      const assets = join(ROOT, 'dist', 'web', 'assets')
      const name = readdirSync(assets).find((f) => f.endsWith('.js') && readdirSync(assets).includes(`${f}.br`))
      expect(name, 'a JS file with a .br beside it').toBeDefined()
      const res = await fetch(`${base}/assets/${name}`, { headers: { 'Accept-Encoding': 'br' } })
      expect(res.headers.get('content-encoding')).toBe('br')
      // fetch decompresses: what arrives is the file itself.
      expect(await res.text()).toBe(readFileSync(join(assets, name ?? ''), 'utf8'))
    } finally {
      child.kill()
    }
  })
})

describe('request limits', () => {
  test('refuses a body larger than the limit with 413', async () => {
    const res = await app.request('/api/score', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ responses: [{ respondent: 'x'.repeat(MAX_BODY_BYTES), answers: {} }] }),
    })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
  })

  test('lists at most 50 problems, and says how many there were', async () => {
    const answers = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`x${i}`, 1]))
    const res = await app.request('/api/score', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ responses: [{ answers }] }),
    })
    const body = (await res.json()) as { error: { message: string; issues: unknown[] } }
    expect(res.status).toBe(422)
    expect(body.error.issues).toHaveLength(50)
    expect(body.error.message).toBe('150 problems in the request; the first 50 are listed')
  })
})
