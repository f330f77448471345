/**
 * End-to-end harness: the real app (API + built web app in dist/web) on a loopback port over a
 * fresh database, and Debian's Chromium driven by playwright-core.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { createApp } from '../../../server/app.ts'
import { loadKb } from '../../../server/db/seed.ts'
import { CHROMIUM } from '../../support/chromium.ts'
import { KB_DIR, tempDb } from '../../support/db.ts'

const root = join(import.meta.dirname, '..', '..', '..')
export const WEB_ROOT = join(root, 'dist', 'web')

export type Harness = {
  baseUrl: string
  browser: Browser
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>
  close(): Promise<void>
}

/** `adminToken`: the server's ADMIN_TOKEN (none by default, as on a server without one). */
export async function startHarness({ adminToken }: { adminToken?: string } = {}): Promise<Harness> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error('dist/web is missing: run `vite build` first (npm test does)')
  }
  const db = tempDb()
  loadKb(db.db, KB_DIR)
  const app = createApp({ db: db.db, webRoot: WEB_ROOT, ...(adminToken ? { adminToken } : {}) })
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  const browser = await chromium.launch(CHROMIUM)
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async newPage(viewport = { width: 1280, height: 900 }) {
      const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'nl-NL' })
      const page = await context.newPage()
      page.on('pageerror', (e) => {
        throw new Error(`page error: ${e.message}`)
      })
      // The server's Content-Security-Policy must never block a part of the app.
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/.test(m.text())) throw new Error(`CSP violation: ${m.text()}`)
      })
      return { context, page }
    },
    async close() {
      await browser.close()
      await new Promise((r) => server.close(r))
      db.close()
    },
  }
}

const AXE = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')

/** Serious and critical axe-core violations on the page, as `rule: target` strings. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a script tag: the app's Content-Security-Policy (rightly)
  // blocks inline scripts, and evaluation through the debugging protocol is exempt.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE)
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))
  })
}

/**
 * The folder an end-to-end test leaves its screenshots in, for a person to look at: under
 * SHOTS_DIR when set, else under the system's temporary folder; never in the repository.
 */
export function shotsDir(name: string): string {
  const dir = join(process.env.SHOTS_DIR ?? join(tmpdir(), 'strategiewijzer-shots'), name)
  mkdirSync(dir, { recursive: true })
  return dir
}

/**
 * A JSON call to the harness's API (`path` after /api), as a team or facilitator with `token`:
 * the answer's body, null for 204; a status of 400 or more throws with the answer.
 */
export async function apiJson(h: Harness, method: string, path: string, body?: unknown, token?: string): Promise<any> {
  const res = await fetch(`${h.baseUrl}/api${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
  return res.status === 204 ? null : res.json()
}
