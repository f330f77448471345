/**
 * @module Expert rating studies: the limits of a study, the results of a round (per link and
 * question, from rating-stats.ts), when a study closes itself, how a finished study becomes a
 * source of the knowledge base (the mapping from a panel's verdict to a link's strength), the
 * tidy export and the pairs a study file names. Pure; docs/expert-rating.md writes it out.
 */
import { toCsv, type CsvCell } from './csv-write.ts'
import { hasConsensus, ratingStats, verdictOf, type ConsensusRule, type RatingStats, type Verdict } from './rating-stats.ts'
import { ESSENTIAL_STRENGTH, type Bilingual } from './vocabulary.ts'

/** Every bound of a study; the API refuses one past each, naming the field. */
export const STUDY_LIMITS = {
  name: 120,
  links: 300,
  experts: 60,
  rounds: 4,
  comment: 2000,
  /** Names in a pairs file (a MIDI number, code or name; a strategy id or name). */
  pairName: 200,
  /** Determinants chosen by hand. */
  determinants: 29,
} as const

/** The questions a panel can be asked of every link; relevance is always asked. */
export const QUESTIONS = ['relevance', 'feasibility'] as const
export type Question = (typeof QUESTIONS)[number]

/** Why a study closed: every link reached the rule, the last round ended, or the owner closed it. */
export const CLOSE_REASONS = ['consensus', 'last-round', 'owner'] as const
export type CloseReason = (typeof CLOSE_REASONS)[number]

/** A determinant–strategy pair under rating. */
export type StudyLink = { readonly determinant: number; readonly strategy: string }

/** One expert's answer to one link in one round; null where a question was skipped. */
export type Answer = StudyLink & {
  readonly expert: string
  readonly round: number
  readonly relevance: number | null
  readonly feasibility: number | null
  readonly comment: string | null
}

export const pairKey = (l: StudyLink) => `${l.determinant}|${l.strategy}`

/** The result of one link in one round. */
export type LinkResult = StudyLink & {
  readonly relevance: RatingStats
  readonly feasibility: RatingStats | null
  /** The rule is met on relevance. */
  readonly consensus: boolean
  readonly verdict: Verdict
}

/**
 * Per link (in the study's order), the statistics of the answers of `round`: relevance always,
 * feasibility when asked. Consensus and verdict are about relevance.
 */
export function roundResults(
  links: readonly StudyLink[],
  answers: readonly Answer[],
  round: number,
  rule: ConsensusRule,
  questions: readonly Question[]
): LinkResult[] {
  const byPair = new Map<string, Answer[]>()
  for (const a of answers) {
    if (a.round !== round) continue
    const list = byPair.get(pairKey(a))
    if (list) list.push(a)
    else byPair.set(pairKey(a), [a])
  }
  return links.map((l) => {
    const list = byPair.get(pairKey(l)) ?? []
    const ratings = (q: Question) => list.map((a) => a[q]).filter((r): r is number => r !== null)
    const relevance = ratingStats(ratings('relevance'))
    return {
      determinant: l.determinant,
      strategy: l.strategy,
      relevance,
      feasibility: questions.includes('feasibility') ? ratingStats(ratings('feasibility')) : null,
      consensus: hasConsensus(relevance, rule),
      verdict: verdictOf(relevance, rule),
    }
  })
}

/**
 * What ending round `round` of `rounds` does: the study closes when every link met the rule
 * (`consensus`) or the round was the last (`last-round`); otherwise the next round opens.
 */
export function afterRound(results: readonly LinkResult[], round: number, rounds: number): { readonly close: CloseReason | null } {
  if (results.length > 0 && results.every((r) => r.consensus)) return { close: 'consensus' }
  if (round >= rounds) return { close: 'last-round' }
  return { close: null }
}

/** The strength a link the panel found uncertain keeps: the weakest the knowledge base gives. */
export const UNCERTAIN_STRENGTH = 0.2

/**
 * A link's strength from the panel's verdict (docs/expert-rating.md): `relevant` → the share of
 * the panel that rated it 7–9, like the share of experts in the CFIR–ERIC surveys (at least 0.5
 * with a median of 7 or more, so always essential); `uncertain` → 0.2, supportive; `not-relevant`
 * → 0, marked as rejected. Null for a link nobody rated: it does not enter the knowledge base.
 */
export function strengthOf(result: LinkResult): number | null {
  switch (result.verdict) {
    case 'relevant':
      return Math.max(result.relevance.shareHigh ?? 0, ESSENTIAL_STRENGTH)
    case 'uncertain':
      return UNCERTAIN_STRENGTH
    case 'not-relevant':
      return 0
    case 'no-ratings':
      return null
  }
}

/** The knowledge base's id for a study's source. */
export const studySourceId = (studyId: string) => `expert-rating-${studyId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`

/** "expert rating, <study name>, <date>, n experts", in both languages. */
export function studySourceLabel(name: string, date: string, experts: number): Bilingual {
  return {
    en: `expert rating, ${name}, ${date}, ${experts} ${experts === 1 ? 'expert' : 'experts'}`,
    nl: `expertbeoordeling, ${name}, ${date}, ${experts} ${experts === 1 ? 'expert' : 'experts'}`,
  }
}

/** A link as the knowledge base stores it (the shape of server/schemas/kb.ts's Link). */
export type RatedLink = StudyLink & {
  readonly source: string
  readonly method: 'expert-rating'
  readonly strength: number
  readonly basis: 'rated'
  readonly construct: string
  readonly rationale: Bilingual
  readonly via: Bilingual
}

const decimal = (x: number | null, lang: 'nl' | 'en') => (x === null ? '–' : lang === 'nl' ? String(x).replace('.', ',') : String(x))
const percent = (x: number | null) => `${Math.round((x ?? 0) * 100)}%`

/**
 * The links a finished study gives the knowledge base: every rated link of its last round,
 * with the strength {@link strengthOf} gives and a sentence of the panel's figures.
 */
export function ratedLinks(study: { readonly sourceId: string; readonly name: string }, results: readonly LinkResult[]): RatedLink[] {
  const out: RatedLink[] = []
  for (const r of results) {
    const strength = strengthOf(r)
    if (strength === null) continue
    const s = r.relevance
    const figures = (lang: 'nl' | 'en') =>
      lang === 'nl'
        ? `mediaan ${decimal(s.median, 'nl')}, IQR ${decimal(s.iqr, 'nl')}, ${percent(s.shareHigh)} gaf 7–9, n = ${s.n}${s.disagreement ? ', onenigheid' : ''}`
        : `median ${decimal(s.median, 'en')}, IQR ${decimal(s.iqr, 'en')}, ${percent(s.shareHigh)} rated 7–9, n = ${s.n}${s.disagreement ? ', disagreement' : ''}`
    const rationale: Bilingual =
      r.verdict === 'relevant'
        ? { nl: `Het panel vond deze strategie relevant voor deze determinant (${figures('nl')}).`, en: `The panel rated this strategy relevant for this determinant (${figures('en')}).` }
        : r.verdict === 'not-relevant'
          ? { nl: `Afgewezen: het panel vond deze strategie niet relevant voor deze determinant (${figures('nl')}).`, en: `Rejected: the panel rated this strategy not relevant for this determinant (${figures('en')}).` }
          : { nl: `Het panel was onzeker over deze koppeling (${figures('nl')}).`, en: `The panel was uncertain about this link (${figures('en')}).` }
    out.push({
      determinant: r.determinant,
      strategy: r.strategy,
      source: study.sourceId,
      method: 'expert-rating',
      strength,
      basis: 'rated',
      construct: `${study.name}: ${r.verdict}`,
      rationale,
      via: {
        nl: `Beoordeeld door een expertpanel in Strategiewijzer (${study.name}).`,
        en: `Rated by an expert panel in Strategiewijzer (${study.name}).`,
      },
    })
  }
  return out
}

/** An expert's pseudonym: E01, E02, … (never a name). */
export const pseudonym = (index: number) => `E${String(index + 1).padStart(2, '0')}`

/**
 * The tidy export: one row per expert pseudonym × link × round × question, with the rating
 * and the expert's comment on the link in that round (repeated on each question's row).
 */
export function tidyCsv(answers: readonly Answer[], pseudonyms: ReadonlyMap<string, string>, questions: readonly Question[]): string {
  const rows: CsvCell[][] = [['expert', 'round', 'determinant', 'strategy', 'question', 'rating', 'comment']]
  const sorted = [...answers].sort(
    (a, b) =>
      (pseudonyms.get(a.expert) ?? '').localeCompare(pseudonyms.get(b.expert) ?? '') ||
      a.round - b.round ||
      a.determinant - b.determinant ||
      a.strategy.localeCompare(b.strategy)
  )
  for (const a of sorted) {
    for (const q of questions) {
      rows.push([pseudonyms.get(a.expert) ?? '?', a.round, a.determinant, a.strategy, q, a[q], a.comment ?? ''])
    }
  }
  return toCsv(rows)
}

/** The column names a pairs file may use, as kb:import reads them. */
const DETERMINANT_COLUMNS = ['determinant', 'determinant_number', 'midi', 'barrier']
const STRATEGY_COLUMNS = ['strategy', 'strategie', 'strategy_id', 'eric_name']

/** The pairs of a file's rows (header first), or the line and message of the first problem. */
export type PairsRead =
  | { readonly ok: true; readonly pairs: readonly { readonly determinant: string; readonly strategy: string }[] }
  | { readonly ok: false; readonly line: number; readonly problem: 'no-columns' | 'too-many' | 'empty-cell' }

/**
 * Reads determinant–strategy pairs from rows of a CSV or a workbook: a header naming a
 * `determinant` and a `strategy` column (other columns are ignored), then one pair per row.
 * Names are resolved by the server (so a pair not yet linked may be named too).
 */
export function pairsFromRows(rows: readonly { readonly line: number; readonly cells: readonly string[] }[]): PairsRead {
  const [header, ...records] = rows
  const fields = (header?.cells ?? []).map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'))
  const d = fields.findIndex((f) => DETERMINANT_COLUMNS.includes(f))
  const s = fields.findIndex((f) => STRATEGY_COLUMNS.includes(f))
  if (d < 0 || s < 0) return { ok: false, line: header?.line ?? 1, problem: 'no-columns' }
  const data = records.filter((r) => r.cells.some((c) => c.trim() !== ''))
  if (data.length > STUDY_LIMITS.links) return { ok: false, line: data[STUDY_LIMITS.links]?.line ?? 1, problem: 'too-many' }
  const pairs: { determinant: string; strategy: string }[] = []
  for (const r of data) {
    const determinant = (r.cells[d] ?? '').trim()
    const strategy = (r.cells[s] ?? '').trim()
    if (!determinant || !strategy) return { ok: false, line: r.line, problem: 'empty-cell' }
    pairs.push({ determinant, strategy })
  }
  return { ok: true, pairs }
}

/** How a study chooses its links (validated at the edge by server/schemas/rating.ts). */
export type Selection =
  | { readonly kind: 'determinants'; readonly determinants: readonly number[] }
  | { readonly kind: 'editorial'; readonly determinants?: readonly number[] | undefined }
  | { readonly kind: 'method'; readonly method: string; readonly determinants?: readonly number[] | undefined }
  | { readonly kind: 'pairs'; readonly pairs: readonly { readonly determinant: string | number; readonly strategy: string }[] }

/** What choosing links needs of the knowledge base. */
export type SelectionKb = {
  readonly determinants: readonly { readonly number: number; readonly code: string; readonly name: Bilingual }[]
  readonly strategies: readonly { readonly id: string; readonly name: Bilingual; readonly ericName?: string | undefined }[]
  readonly sources: readonly { readonly id: string; readonly tier: string }[]
  readonly links: readonly { readonly determinant: number; readonly strategy: string; readonly source: string; readonly method: string }[]
}

export type SelectionIssue = { readonly path: string; readonly message: string }

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ')

/**
 * The distinct pairs a selection names, in MIDI order then strategy id (a file's pairs in the
 * file's order), or the issues: a name that is nothing in the knowledge base, or more pairs
 * than a study may rate. A pairs file may name pairs that are not linked yet.
 */
export function selectLinks(selection: Selection, kb: SelectionKb): { ok: true; links: StudyLink[] } | { ok: false; issues: SelectionIssue[] } {
  const seen = new Set<string>()
  const out: StudyLink[] = []
  const add = (l: StudyLink) => {
    if (seen.has(pairKey(l))) return
    seen.add(pairKey(l))
    out.push({ determinant: l.determinant, strategy: l.strategy })
  }
  const among = selection.kind === 'editorial' || selection.kind === 'method' ? selection.determinants : undefined
  const within = (d: number) => !among || among.includes(d)
  const sorted = (links: readonly StudyLink[]) => [...links].filter((l) => within(l.determinant)).sort((a, b) => a.determinant - b.determinant || a.strategy.localeCompare(b.strategy))
  switch (selection.kind) {
    case 'determinants': {
      const wanted = new Set(selection.determinants)
      const known = new Set(kb.determinants.map((d) => d.number))
      const issues = selection.determinants
        .map((d, i) => ({ d, i }))
        .filter(({ d }) => !known.has(d))
        .map(({ i }) => ({ path: `selection.determinants.${i}`, message: 'no such determinant' }))
      if (issues.length > 0) return { ok: false, issues }
      sorted(kb.links.filter((l) => wanted.has(l.determinant))).forEach(add)
      break
    }
    case 'editorial': {
      const proposals = new Set(kb.sources.filter((s) => s.tier === 'proposal').map((s) => s.id))
      sorted(kb.links.filter((l) => proposals.has(l.source))).forEach(add)
      break
    }
    case 'method': {
      const byPair = new Map<string, Set<string>>()
      for (const l of kb.links) {
        const methods = byPair.get(pairKey(l)) ?? new Set<string>()
        methods.add(l.method)
        byPair.set(pairKey(l), methods)
      }
      // Pairs that this method alone links: one line of evidence, the ones a panel helps most.
      sorted(kb.links.filter((l) => l.method === selection.method && byPair.get(pairKey(l))?.size === 1)).forEach(add)
      break
    }
    case 'pairs': {
      const determinantBy = new Map<string, number>()
      for (const d of kb.determinants) for (const key of [String(d.number), d.code, d.name.nl, d.name.en]) determinantBy.set(norm(key), d.number)
      const strategyBy = new Map<string, string>()
      for (const s of kb.strategies) for (const key of [s.id, s.name.nl, s.name.en, s.ericName ?? '']) if (key) strategyBy.set(norm(key), s.id)
      const issues: SelectionIssue[] = []
      selection.pairs.forEach((p, i) => {
        const determinant = determinantBy.get(norm(String(p.determinant)))
        const strategy = strategyBy.get(norm(p.strategy))
        if (determinant === undefined) issues.push({ path: `selection.pairs.${i}.determinant`, message: 'no such determinant (a MIDI number 1–29, code or name)' })
        if (strategy === undefined) issues.push({ path: `selection.pairs.${i}.strategy`, message: 'no such strategy (an id or a name)' })
        if (determinant !== undefined && strategy !== undefined) add({ determinant, strategy })
      })
      if (issues.length > 0) return { ok: false, issues }
      break
    }
  }
  if (out.length === 0) return { ok: false, issues: [{ path: 'selection', message: 'selects no links' }] }
  if (out.length > STUDY_LIMITS.links) {
    return { ok: false, issues: [{ path: 'selection', message: `selects ${out.length} links; a study rates at most ${STUDY_LIMITS.links}` }] }
  }
  return { ok: true, links: out }
}
