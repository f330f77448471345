/**
 * @module `npm run kb:audit [-- --json]`: the knowledge-base audit a researcher can rerun.
 * Loads data/kb into a temporary database and reports, with the app's own ranking:
 *  - links by method, and how many pairs are essential, and through which kind of source;
 *  - over 2,000 random barrier sets (seeded), which kind of source supplies the top-10 score;
 *  - determinants that no published source links to any strategy;
 *  - for named barrier sets (docs/engine.md, audit sets), the top 5 and why.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openDb } from '../db/client.ts'
import { migrateDb } from '../db/migrate.ts'
import { readKbContent } from '../db/queries/kb.ts'
import { loadKb } from '../db/seed.ts'
import { explainRanked } from '../domain/explain.ts'
import { indexKb, type KbIndex } from '../domain/kb-index.ts'
import { indexLinks, rankStrategies, type Barrier } from '../domain/ranking.ts'
import { ESSENTIAL_STRENGTH } from '../domain/vocabulary.ts'
import { seededRandom } from './seeded-random.ts'

const root = join(import.meta.dirname, '..', '..')
const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, kb: { type: 'string' } } })

/** Barrier sets a team could plausibly bring, at 100% negative unless a severity is given. */
export const AUDIT_SETS: readonly { name: string; barriers: readonly (number | Barrier)[] }[] = [
  { name: 'time + replacement when staff leave', barriers: [23, 20] },
  {
    name: 'time + replacement at 100%, eight milder barriers at 25% (the issue 11 team)',
    barriers: [23, 20, ...[1, 5, 9, 13, 17, 21, 25, 28].map((d) => ({ determinant: d, severity: 0.25 }))],
  },
  { name: 'coordinator + time + staff capacity', barriers: [25, 23, 21] },
  { name: 'knowledge + self-efficacy', barriers: [17, 16] },
  { name: 'procedural clarity + complexity', barriers: [1, 4] },
  { name: 'social support + descriptive norm + subjective norm', barriers: [13, 14, 15] },
  { name: 'formal ratification + unrest', barriers: [19, 26] },
  { name: 'observability + performance feedback', barriers: [6, 28] },
  { name: 'financial resources + legislation', barriers: [22, 29] },
]


/** The kind of source of a link: what the audit groups by. */
const kindOf = (kb: KbIndex, source: string) => kb.source.get(source)?.kind ?? 'unknown'

/**
 * The ranking before issue 11, for comparison: score = Σ severity × strength, ties by essential
 * links, then barriers addressed, then id.
 */
function summedTop(kb: KbIndex, barriers: readonly Barrier[], k: number) {
  const index = indexLinks(kb.evidence)
  return [...index.byStrategy]
    .map(([id, pairs]) => {
      const hits = barriers.flatMap((b) => {
        const pair = pairs.get(b.determinant)
        return pair ? [{ part: b.severity * pair.strength, essential: pair.label === 'essential' }] : []
      })
      const score = Math.round(hits.reduce((sum, h) => sum + h.part, 0) * 1e9) / 1e9
      return { id, score, essential: hits.filter((h) => h.essential).length, n: hits.length }
    })
    .filter((s) => s.n > 0)
    .sort((a, b) => b.score - a.score || b.essential - a.essential || b.n - a.n || (a.id < b.id ? -1 : 1))
    .slice(0, k)
}

function audit(kb: KbIndex) {
  const byMethod: Record<string, number> = {}
  for (const l of kb.evidence) byMethod[l.method] = (byMethod[l.method] ?? 0) + 1

  const index = indexLinks(kb.evidence)
  let essentialPairs = 0
  const essentialOnlyThrough: Record<string, number> = {}
  for (const pairs of index.byStrategy.values()) {
    for (const pair of pairs.values()) {
      if (pair.label !== 'essential') continue
      essentialPairs++
      const kinds = new Set(pair.evidence.filter((e) => e.strength >= ESSENTIAL_STRENGTH).map((e) => kindOf(kb, e.source)))
      const key = [...kinds].sort().join('+')
      essentialOnlyThrough[key] = (essentialOnlyThrough[key] ?? 0) + 1
    }
  }

  // Which kind of source the top-10 score comes from, over random barrier sets.
  const next = seededRandom(2026)
  const numbers = kb.content.determinants.map((d) => d.number)
  const supplied: Record<string, number> = {}
  let total = 0
  for (let i = 0; i < 2000; i++) {
    const size = 1 + Math.floor(next() * 6)
    const chosen = new Set<number>()
    while (chosen.size < size) chosen.add(numbers[Math.floor(next() * numbers.length)] ?? 1)
    const barriers: Barrier[] = [...chosen].map((d) => ({ determinant: d, severity: 0.2 + 0.8 * next() }))
    for (const s of rankStrategies({ barriers, strategies: kb.facts, links: kb.evidence, limit: 10 }).strategies) {
      for (const a of s.addresses) {
        // The link that set the counted strength supplies this contribution.
        const e = a.evidence.find((x) => x.strength === a.counted) ?? a.evidence[0]
        const part = a.weight * a.counted
        if (!e || part === 0) continue
        const kind = kindOf(kb, e.source)
        supplied[kind] = (supplied[kind] ?? 0) + part
        total += part
      }
    }
  }
  const suppliedShare = Object.fromEntries(
    Object.entries(supplied).map(([k, v]) => [k, Math.round((1000 * v) / total) / 10])
  )

  const published = new Set(kb.evidence.filter((l) => !['editorial', 'imported'].includes(kindOf(kb, l.source))).map((l) => l.determinant))
  const withoutPublished = numbers.filter((d) => !published.has(d))

  const sets = AUDIT_SETS.map((set) => {
    const barriers = set.barriers.map((b) => (typeof b === 'number' ? { determinant: b, severity: 1 } : b))
    const ranked = rankStrategies({ barriers, strategies: kb.facts, links: kb.evidence, limit: 5 })
    const summed = summedTop(kb, barriers, 5)
    return {
      name: set.name,
      summedTop5: summed.map((s) => `${kb.strategy.get(s.id)?.name.en ?? s.id} (${s.score})`),
      top5: ranked.strategies.map((s) => ({
        id: s.id,
        name: kb.strategy.get(s.id)?.name.en ?? s.id,
        best: s.best,
        score: s.score,
        why: explainRanked(s, kb.names.en, 'en', true),
      })),
    }
  })
  return { links: kb.evidence.length, byMethod, essentialPairs, essentialOnlyThrough, suppliedShare, withoutPublished, sets }
}

function main() {
  const dir = mkdtempSync(join(tmpdir(), 'sw-audit-'))
  try {
    const db = openDb(join(dir, 'audit.db'))
    migrateDb(db)
    loadKb(db, values.kb ?? join(root, 'data', 'kb'))
    const result = audit(indexKb(readKbContent(db)))
    db.$client.close()
    if (values.json) {
      console.log(JSON.stringify(result, null, 2))
      return
    }
    console.log(`links: ${result.links}; by method: ${JSON.stringify(result.byMethod)}`)
    console.log(`essential pairs: ${result.essentialPairs}; essential through (kinds of source ≥ 0.5): ${JSON.stringify(result.essentialOnlyThrough)}`)
    console.log(`share of the top-10 score over 2,000 random barrier sets, by kind of source (%): ${JSON.stringify(result.suppliedShare)}`)
    console.log(`determinants without any published link: ${result.withoutPublished.join(', ') || 'none'}`)
    for (const set of result.sets) {
      console.log(`\n## ${set.name}`)
      console.log(`summed (the rule before issue 11): ${set.summedTop5.join('; ')}`)
      set.top5.forEach((s, i) => console.log(`${i + 1}. ${s.name} (best ${s.best}, fit ${s.score}) — ${s.why}`))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main()
