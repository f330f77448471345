/**
 * @module What a knowledge-base search returns as strategies: those whose own text matches,
 * best first, then those linked to a determinant whose text matches, so "tijd" finds the
 * strategies for the determinant *Tijd* (time) even when their own text never says "tijd".
 */

/** One full-text hit: a strategy (ref = its id) or a determinant (ref = its number). */
export type KbHit = { readonly kind: 'strategy' | 'determinant'; readonly ref: string }

/**
 * The strategy ids for a search: first the strategies that match themselves, in the order of
 * the hits (best first); then, for each matching determinant in hit order, its linked
 * strategies in the order `linkedTo` gives (strongest link first), each id once.
 */
export function strategiesForSearch(hits: readonly KbHit[], linkedTo: (determinant: number) => readonly string[]): string[] {
  const ids = new Set<string>()
  for (const h of hits) if (h.kind === 'strategy') ids.add(h.ref)
  for (const h of hits) {
    if (h.kind !== 'determinant') continue
    for (const id of linkedTo(Number(h.ref))) ids.add(id)
  }
  return [...ids]
}
