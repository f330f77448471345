/**
 * @module The knowledge base's lists as the web app needs them everywhere — all strategies,
 * all determinants, and the reference lists (clusters, sources, methods) — fetched once per
 * language and shared by the pages.
 */
import type { Lang } from '../server/domain/vocabulary.ts'
import type {
  CompactRecommendedStrategy,
  DeterminantOut,
  RecommendationsResponse,
  RecommendedStrategy,
  StrategyOut,
} from '../server/schemas/api.ts'
import { api, parseResponse } from './api.ts'
import { publishedSources, tierOfSource, type EvidenceTier } from './evidence-tier.ts'

/** Memoises `load` per language; a failed load is forgotten so the next call retries. */
function perLang<T>(load: (lang: Lang) => Promise<T>): (lang: Lang) => Promise<T> {
  const cache = new Map<Lang, Promise<T>>()
  return (lang) => {
    let pending = cache.get(lang)
    if (!pending) {
      pending = load(lang)
      pending.catch(() => cache.delete(lang))
      cache.set(lang, pending)
    }
    return pending
  }
}

/** Every strategy by id, in knowledge-base order. */
export const strategyCatalogue = perLang<ReadonlyMap<string, StrategyOut>>(async (lang) => {
  const { strategies } = await parseResponse(api.strategies.$get({ query: { lang } }))
  return new Map(strategies.map((s) => [s.id, s]))
})

/**
 * A recommendations answer asked for with `view=compact`, each strategy completed with its own
 * fields from the catalogue: the answer `view=full` gives (a full answer passes unchanged).
 * Undefined when the catalogue lacks one of them (the knowledge base changed since it was
 * fetched): then ask for the full view.
 */
export function withCatalogueFields(
  answer: RecommendationsResponse,
  catalogue: ReadonlyMap<string, StrategyOut>
): (Omit<RecommendationsResponse, 'strategies'> & { strategies: RecommendedStrategy[] }) | undefined {
  const strategies: RecommendedStrategy[] = []
  for (const s of answer.strategies as readonly (CompactRecommendedStrategy | RecommendedStrategy)[]) {
    if ('name' in s) {
      strategies.push(s) // a full answer's strategy has its own fields
      continue
    }
    const own = catalogue.get(s.id)
    if (!own) return undefined
    strategies.push({ ...own, ...s })
  }
  return { ...answer, strategies }
}

/** The 29 determinants in MIDI order. */
export const determinantList = perLang<readonly DeterminantOut[]>(
  async (lang) => (await parseResponse(api.determinants.$get({ query: { lang } }))).determinants
)

/**
 * Clusters, sources and methods, with the names of sources and methods and the evidence tier
 * of sources by id, and the ids of the published sources (every tier but our proposal).
 */
export const referenceData = perLang(async (lang) => {
  const reference = await parseResponse(api.reference.$get({ query: { lang } }))
  return {
    ...reference,
    sourceNames: new Map(reference.sources.map((s) => [s.id, s.label])) as ReadonlyMap<string, string>,
    sourceTiers: new Map(reference.sources.map((s) => [s.id, tierOfSource(s)])) as ReadonlyMap<string, EvidenceTier>,
    publishedSources: publishedSources(reference.sources) as readonly string[],
    methodNames: new Map(reference.methods.map((m) => [m.id, m.name])) as ReadonlyMap<string, string>,
  }
})
