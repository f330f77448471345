/**
 * @module Seeded test data for the command-line tools: a deterministic PRNG (mulberry32) and
 * the plausible team the benchmarks send, so every run sends the same requests.
 */
import type { KbIndex } from '../domain/kb-index.ts'
import type { ResponseRecord } from '../domain/scoring.ts'

/** A function giving numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * `n` respondents of a plausible team: most determinants are answered favourably (8%
 * negative), six are common barriers (35% negative: complexity, self-efficacy, staff
 * capacity, time, coordinator, feedback); about 1 answer in 10 is skipped. The first
 * respondent is the key informant. Uniformly random answers would make all 29 determinants
 * barriers, which no real team reports.
 */
export function team(kb: KbIndex, n: number, seed = 1): ResponseRecord[] {
  const next = seededRandom(seed)
  const problems = new Set([4, 16, 21, 23, 25, 28])
  const pick = (item: KbIndex['questionnaire']['items'][number]) => {
    const negative = problems.has(item.determinant) ? 0.35 : 0.08
    const roll = next()
    const valence = roll < negative ? 'negative' : roll < negative + 0.15 ? 'neutral' : 'positive'
    const options = item.options.filter((o) => o.valence === valence)
    const fallback = item.options.filter((o) => o.valence !== 'neutral' || valence === 'neutral')
    const pool = options.length > 0 ? options : fallback
    return pool[Math.floor(next() * pool.length)]?.value ?? null
  }
  return Array.from({ length: n }, (_, i) => {
    const answers: Record<string, number | null> = {}
    for (const item of kb.questionnaire.items) {
      if (item.respondent === 'key-informant' && i !== 0) continue
      answers[item.id] = next() < 0.1 ? null : pick(item)
    }
    return {
      respondent: `r${i + 1}`,
      ...(i === 0 ? { role: 'key-informant' as const } : {}),
      answers,
    }
  })
}
