/**
 * @module The stored form of what a network was shown of a round (its views, {@link ShownRound}),
 * for both dialects: submission ids once in a dictionary, each determinant's contributors as
 * indices into it. A round of 30 answers takes about 3 kB instead of 20 kB, and a network's
 * views are read whenever one of its schools gets an answer.
 */
import { z } from 'zod'
import type { ShownRound } from '../domain/network.ts'
import { GROUPS } from '../domain/vocabulary.ts'

const View = z.object({
  n: z.number().int().min(0),
  s: z.array(z.number().int().min(0)),
  /** [number, group, n, negative, positive, contributors] */
  c: z.array(z.tuple([z.number().int(), z.enum(GROUPS), z.number().int(), z.number().int(), z.number().int(), z.array(z.number().int().min(0))])),
})
const Stored = z.object({ v: z.literal(1), ids: z.array(z.string()), h: z.array(View) })

/** The views of a round a network was shown, oldest first, as stored text. */
export function encodeShownRounds(history: readonly ShownRound[]): string {
  const index = new Map<string, number>()
  const ref = (id: string) => {
    let i = index.get(id)
    if (i === undefined) index.set(id, (i = index.size))
    return i
  }
  const h = history.map((view) => ({
    n: view.n,
    s: view.submissions.map(ref),
    c: view.cells.map((x) => [x.number, x.group, x.n, x.negative, x.positive, x.contributors.map(ref)] as const),
  }))
  return JSON.stringify({ v: 1, ids: [...index.keys()], h })
}

/**
 * The stored views, or null when they cannot be read. The caller then shows the round as on
 * a first look; the record holds aggregates only, so nothing a person answered is lost.
 */
export function decodeShownRounds(text: string): ShownRound[] | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  const stored = Stored.safeParse(parsed)
  if (!stored.success) return null
  const { ids, h } = stored.data
  const id = (i: number) => ids[i] ?? `?${i}`
  return h.map(({ n, s, c }) => ({
    n,
    submissions: s.map(id),
    cells: c.map(([number, group, cn, negative, positive, contributors]) => ({ number, group, n: cn, negative, positive, contributors: contributors.map(id) })),
  }))
}
