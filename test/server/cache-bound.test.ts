/**
 * The link-index cache under a flood of POST /api/recommendations with varied `sources`: 11,000
 * such requests once took the server's memory (a new index per spelling of the list, never
 * evicted). Now the cache is keyed by the set of known sources and holds a bounded number.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, describe, expect, test } from 'vitest'
import { createApp } from '../../server/app.ts'
import { loadKb } from '../../server/db/seed.ts'
import { cachedLinkIndexes, indexLinks, MAX_CACHED_LINK_INDEXES } from '../../server/domain/ranking.ts'
import { createKbStore } from '../../server/kb/kb-store.ts'
import { KB_DIR, tempDb } from '../support/db.ts'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const t = tempDb()
loadKb(t.db, KB_DIR)
const kb = createKbStore(t.db)
const app = createApp({ db: t.db, kb })
afterAll(() => t.close())

const links = (await kb.get()).evidence
const sources = [...new Set(links.map((l) => l.source))].sort()

/**
 * The i-th list of a flood: mostly one of a few selections, every tenth another (cycling
 * through all 2^n subsets), with one of its sources repeated up to 96 times and in a shuffled
 * order: thousands of spellings, each of which used to build and keep an index of its own.
 */
function variedSources(i: number): string[] {
  const mask = i % 10 === 0 ? (i / 10) % 2 ** sources.length || 1 : (i % 4) + 1
  const picked = sources.filter((_, j) => (mask >> j) & 1)
  const repeated = [...picked, ...Array<string>(i % 97).fill(picked[i % picked.length] ?? '')]
  return repeated
    .map((s, k) => [s, (k * 7919 + i) % 101] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([s]) => s)
}

/** The heap in use once garbage is collected, including what finalizers free a little later. */
async function heapUsed() {
  for (let i = 0; i < 4; i++) {
    gc()
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  gc()
  return process.memoryUsage().heapUsed
}

describe('the link-index cache', () => {
  test('stays bounded through 10,000 requests with varied sources', { timeout: 120_000 }, async () => {
    const send = async (i: number) => {
      const res = await app.request('/api/recommendations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ barriers: [16, 23], sources: variedSources(i), limit: 1 }),
      })
      expect(res.status).toBe(200)
      await res.arrayBuffer()
    }
    for (let i = 0; i < 500; i++) await send(i) // warm-up: compiled code, the kb store
    const before = await heapUsed()
    for (let i = 0; i < 10_000; i++) await send(i)
    const grown = (await heapUsed()) - before
    expect(cachedLinkIndexes(links)).toBeGreaterThan(1)
    expect(cachedLinkIndexes(links)).toBeLessThanOrEqual(MAX_CACHED_LINK_INDEXES)
    expect(grown).toBeLessThan(16 * 1024 * 1024)
  })

  test('stays bounded through 20,000 more varied selections, and its memory with it', { timeout: 60_000 }, async () => {
    const before = await heapUsed()
    for (let i = 0; i < 20_000; i++) indexLinks(links, variedSources(i))
    expect(cachedLinkIndexes(links)).toBeLessThanOrEqual(MAX_CACHED_LINK_INDEXES)
    expect((await heapUsed()) - before).toBeLessThan(8 * 1024 * 1024)
  })

  test('keys an index by the set of known sources: order, repeats and unknown ids make none new', () => {
    const [a = '', b = ''] = sources
    const index = indexLinks(links, [a, b])
    expect(indexLinks(links, [b, a, b, a])).toBe(index)
    expect(indexLinks(links, [b, 'not-a-source', a])).toBe(index)
    expect(indexLinks(links, sources)).toBe(indexLinks(links))
    expect(indexLinks(links, [...sources].reverse())).toBe(indexLinks(links))
  })

  test('drops the least recently used index when full, and never exceeds the bound', () => {
    const first = indexLinks(links, [sources[0] ?? ''])
    for (let mask = 1; mask < 2 ** sources.length; mask++) {
      indexLinks(links, sources.filter((_, j) => (mask >> j) & 1))
      expect(cachedLinkIndexes(links)).toBeLessThanOrEqual(MAX_CACHED_LINK_INDEXES)
    }
    expect(indexLinks(links, [sources[0] ?? ''])).not.toBe(first)
    expect(indexLinks(links, [sources[0] ?? ''])).toEqual(first)
  })
})
