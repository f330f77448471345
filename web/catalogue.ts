/**
 * @module The knowledge base's lists as the web app needs them everywhere: all strategies and
 * all determinants in one language, fetched once per language and shared by the pages.
 */
import type { Lang } from '../server/domain/vocabulary.ts'
import type { DeterminantOut, StrategyOut } from '../server/schemas/api.ts'
import { api, parseResponse } from './api.ts'

const strategies = new Map<Lang, Promise<ReadonlyMap<string, StrategyOut>>>()
const determinants = new Map<Lang, Promise<readonly DeterminantOut[]>>()

/** Every strategy by id, in knowledge-base order. */
export function strategyCatalogue(lang: Lang): Promise<ReadonlyMap<string, StrategyOut>> {
  let pending = strategies.get(lang)
  if (!pending) {
    pending = parseResponse(api.strategies.$get({ query: { lang } })).then((r) => new Map(r.strategies.map((s) => [s.id, s])))
    pending.catch(() => strategies.delete(lang))
    strategies.set(lang, pending)
  }
  return pending
}

/** The 29 determinants in MIDI order. */
export function determinantList(lang: Lang): Promise<readonly DeterminantOut[]> {
  let pending = determinants.get(lang)
  if (!pending) {
    pending = parseResponse(api.determinants.$get({ query: { lang } })).then((r) => r.determinants)
    pending.catch(() => determinants.delete(lang))
    determinants.set(lang, pending)
  }
  return pending
}
