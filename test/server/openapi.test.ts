import { afterAll, describe, expect, test } from 'vitest'
import { loadedApp } from '../support/db.ts'

const t = loadedApp()
afterAll(() => t.close())

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const
type Operation = { operationId?: string }
const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
  servers?: { url: string }[]
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>
}
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  METHODS.flatMap((method) => (item[method] ? [{ path, method, id: item[method]?.operationId }] : []))
)

describe('GET /api/openapi.json', () => {
  test('puts the paths under the server /api, so "Try it out" calls the API', async () => {
    expect(doc.servers).toEqual([{ url: '/api' }])
    // Every documented path answers under /api (not the web app's page at /health).
    const health = await t.app.request(`${doc.servers?.[0]?.url}/health`)
    expect(health.headers.get('content-type')).toMatch(/^application\/json/)
  })

  test('gives every operation a unique operationId, for client generators', () => {
    expect(operations.length).toBeGreaterThanOrEqual(11)
    for (const op of operations) expect(op.id, `${op.method} ${op.path}`).toMatch(/^[a-z][A-Za-z]+$/)
    const ids = operations.map((op) => op.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
