import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { createApp, MAX_BODY_BYTES } from '../../server/app.ts'
import { loadKb } from '../../server/db/seed.ts'
import { KB_DIR, tempDb } from '../support/db.ts'

const t = tempDb()
loadKb(t.db, KB_DIR)
const webRoot = join(t.dir, 'web')
mkdirSync(join(webRoot, 'assets'), { recursive: true })
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>app</title>')
writeFileSync(join(webRoot, 'assets', 'main-abc123.js'), 'console.log(1)')
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
