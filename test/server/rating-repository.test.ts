import pg from 'pg'
import { afterAll, describe, expect, test } from 'vitest'
import type { Link } from '../../server/schemas/kb.ts'
import { testStore } from '../support/dialects.ts'

/**
 * The rating store's guarantees when requests arrive at once. On SQLite each operation runs to
 * its end before the next; on PostgreSQL (a pool of four connections here) they overlap for
 * real, so these fail there when a read-then-write is not locked.
 */
const t = await testStore()
afterAll(() => t.close())
const { ratings } = t.store
const now = Date.UTC(2026, 8, 1)
let counter = 0
const id = () => `r${String(++counter).padStart(15, '0')}`
const expert = () => ({ id: id(), tokenHash: `e${id()}` })

const LINKS = [
  { determinant: 4, strategy: 'audit-and-feedback' },
  { determinant: 4, strategy: 'pdsa-cycles' },
]

async function study(experts = 2, rounds = 3) {
  const studyId = id()
  await ratings.createStudy({
    study: { id: studyId, name: 'Panel', questions: ['relevance', 'feasibility'], rounds, rule: { kind: 'rand' } },
    links: LINKS,
    ownerTokenHash: `o${studyId}`,
    experts: Array.from({ length: experts }, expert),
    now,
  })
  return { id: studyId, experts: (await ratings.listExperts(studyId)).map((e) => e.id) }
}

describe(`RatingRepository (${t.dialect})`, () => {
  test('experts added at once get distinct pseudonyms, and never more than the maximum', async () => {
    const s = await study(0)
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => ratings.addExperts(s.id, [expert()], now, 6)))
    expect(outcomes.filter((o) => o.outcome === 'added')).toHaveLength(6)
    expect(outcomes.filter((o) => o.outcome === 'full')).toHaveLength(2)
    expect((await ratings.listExperts(s.id)).map((e) => e.pseudonym)).toEqual(['E01', 'E02', 'E03', 'E04', 'E05', 'E06'])
  })

  test('two saves of one answer at once, each with other fields, keep both', async () => {
    const s = await study()
    const [e] = s.experts as [string]
    await Promise.all(
      LINKS.flatMap((l) => [
        ratings.saveAnswer(s.id, e, { ...l, relevance: 7 }, now),
        ratings.saveAnswer(s.id, e, { ...l, comment: 'alleen in het mbo' }, now),
        ratings.saveAnswer(s.id, e, { ...l, feasibility: 3 }, now),
      ])
    )
    const answers = await ratings.listAnswers(s.id)
    expect(answers).toHaveLength(2)
    for (const a of answers) expect(a).toMatchObject({ round: 1, relevance: 7, feasibility: 3, comment: 'alleen in het mbo' })
  })

  test('a save returns the whole answer; a field left out keeps its value, null clears it', async () => {
    const s = await study()
    const [e] = s.experts as [string]
    const [l] = LINKS as [(typeof LINKS)[number]]
    await ratings.saveAnswer(s.id, e, { ...l, relevance: 5, comment: 'eerst' }, now)
    const saved = await ratings.saveAnswer(s.id, e, { ...l, relevance: null, feasibility: 2 }, now + 1)
    expect(saved).toEqual({ outcome: 'saved', answer: { expert: e, round: 1, ...l, relevance: null, feasibility: 2, comment: 'eerst' } })
    expect(await ratings.saveAnswer(s.id, e, { determinant: 28, strategy: l.strategy, relevance: 1 }, now)).toEqual({ outcome: 'not-in-study' })
  })

  test('a round ended twice at once moves on once', async () => {
    const s = await study()
    const ended = await Promise.all([ratings.endRound(s.id, 1, null, now), ratings.endRound(s.id, 1, null, now), ratings.endRound(s.id, 1, null, now)])
    expect(ended.map((x) => x?.currentRound)).toEqual([2, 2, 2])
    expect((await ratings.getStudy(s.id))?.currentRound).toBe(2)
    expect(await ratings.endRound('no-such-study', 1, null, now)).toBeNull()
  })

  test('answers saved while the study closes are either in before it closed or refused', async () => {
    const s = await study(4, 1)
    const saves = s.experts.map((e) => ratings.saveAnswer(s.id, e, { ...LINKS[0]!, relevance: 8 }, now))
    const [closed, ...outcomes] = await Promise.all([ratings.endRound(s.id, 1, 'last-round', now), ...saves])
    expect(closed?.closedReason).toBe('last-round')
    const saved = outcomes.filter((o) => o.outcome === 'saved').length
    expect(saved + outcomes.filter((o) => o.outcome === 'closed').length).toBe(4)
    expect(await ratings.listAnswers(s.id)).toHaveLength(saved)
    expect(await ratings.saveAnswer(s.id, s.experts[0]!, { ...LINKS[0]!, relevance: 1 }, now)).toEqual({ outcome: 'closed' })
  })

  test('a study fed twice at once is in the knowledge base once, and each feed bumps the revision', async () => {
    const s = await study(2, 1)
    await ratings.endRound(s.id, 1, 'last-round', now)
    const { links: curated } = await t.store.kb.content()
    const sourceId = `expert-rating-${s.id}`
    const links: Link[] = LINKS.map((l) => {
      const like = curated.find((c) => c.determinant === l.determinant && c.strategy === l.strategy) ?? curated[0]!
      return { ...like, ...l, source: sourceId }
    })
    const source = { id: sourceId, label: { nl: 'expertbeoordeling', en: 'expert rating' }, citation: 'Panel', description: { nl: 'Een panel', en: 'A panel' } }
    const before = await t.store.kb.revision()
    expect(await Promise.all([ratings.feedKnowledgeBase(s.id, source, links, now), ratings.feedKnowledgeBase(s.id, source, links, now)])).toEqual([true, true])
    expect(await t.store.kb.revision()).toBe(before + 2)
    const stored = (await t.store.kb.content()).links.filter((l) => l.source === sourceId)
    expect(stored.map((l) => [l.determinant, l.strategy])).toEqual(LINKS.map((l) => [l.determinant, l.strategy]))
    expect((await ratings.getStudy(s.id))?.sourceId).toBe(sourceId)

    const curatedSource = { ...source, id: curated[0]!.source }
    await expect(ratings.feedKnowledgeBase(s.id, curatedSource, [], now)).rejects.toThrow(/is a source of data\/kb/)

    expect(await Promise.all([ratings.removeFromKnowledgeBase(s.id, now), ratings.removeFromKnowledgeBase(s.id, now)])).toEqual(expect.arrayContaining([true, false]))
    expect(await t.store.kb.revision()).toBe(before + 3)
    expect((await t.store.kb.content()).links.some((l) => l.source === sourceId)).toBe(false)
    expect(await ratings.feedKnowledgeBase('no-such-study', source, links, now)).toBe(false)
  })

  // Deterministic on PostgreSQL: another connection holds the study's row as an ending round
  // does; a save must wait for it and then land in the round that is open after it.
  test.runIf(t.dialect === 'postgresql')('a save waits for a round being ended and lands in the next round', async () => {
    const s = await study()
    const other = new pg.Client({ connectionString: t.url })
    await other.connect()
    try {
      await other.query('BEGIN')
      await other.query('SELECT 1 FROM rating_studies WHERE id = $1 FOR UPDATE', [s.id])
      let settled = false
      const save = ratings.saveAnswer(s.id, s.experts[0]!, { ...LINKS[0]!, relevance: 6 }, now).finally(() => (settled = true))
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(settled).toBe(false)
      await other.query('UPDATE rating_studies SET current_round = 2 WHERE id = $1', [s.id])
      await other.query('COMMIT')
      expect(await save).toMatchObject({ outcome: 'saved', answer: { round: 2, relevance: 6 } })
    } finally {
      await other.end()
    }
  })
})
