import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Store } from '../../../server/db/store.ts'
import { testStore, type TestStore } from '../../support/dialects.ts'

/**
 * The full-text search of both dialects finds the same records for the same queries: SQLite
 * with FTS5, PostgreSQL with tsvectors (drizzle/postgresql/0001_full_text_search.sql). Order
 * may differ (bm25 against ts_rank); what is found may not.
 */
const QUERIES = [
  'coordinator',
  'coördinator',
  'COÖRDINATOR',
  'coord',
  'tijd',
  'team',
  'leerling',
  'ouders',
  'training',
  'werkdruk',
  'mentor',
  'feedback',
  'time',
  'leadership',
  'school',
  'plan',
  'evalu',
  'de',
  'the',
  'co',
  'implementatie strategie',
  'mentaal welbevinden',
  'zorg-coördinator',
  'docent',
  'vaardigheden',
  'kennis',
  'support',
  'financ',
  'é',
  '2',
  'xyzzy',
  '',
  '!!!',
]

describe('full-text search: PostgreSQL finds what SQLite finds', () => {
  let sqlite: TestStore
  let pg: TestStore
  beforeAll(async () => {
    ;[sqlite, pg] = await Promise.all([testStore({ dialect: 'sqlite' }), testStore({ dialect: 'postgresql' })])
  })
  afterAll(async () => {
    await Promise.all([sqlite?.close(), pg?.close()])
  })

  const found = async (store: Store, query: string, lang?: 'nl' | 'en') =>
    (await store.kb.search(query, lang)).map((h) => `${h.kind}:${h.ref}`).sort()

  test.for(QUERIES)('the same records for %j, in both languages and in each', async (query) => {
    for (const lang of [undefined, 'nl', 'en'] as const) {
      const expected = await found(sqlite.store, query, lang)
      expect(await found(pg.store, query, lang), `lang ${lang ?? 'both'}`).toEqual(expected)
    }
  })

  test('the test set is not trivial: most queries find something, some find nothing', async () => {
    const counts = await Promise.all(QUERIES.map(async (q) => (await found(sqlite.store, q)).length))
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(QUERIES.length / 2)
    expect(counts.filter((n) => n === 0).length).toBeGreaterThanOrEqual(3)
  })

  test('each record once, names first: a strategy named after the word ranks above one that only mentions it', async () => {
    const hits = await pg.store.kb.search('coördinator', 'nl')
    expect(new Set(hits.map((h) => `${h.kind}:${h.ref}`)).size).toBe(hits.length)
    expect(hits[0]?.ref).toBe('coordinator-task-profile')
  })
})
