/**
 * @module Derives determinant–strategy links from published CFIR–ERIC expert endorsements and
 * our editorial MIDI→CFIR crosswalk (the method is in data/README.md). Pure: the command
 * `server/cli/derive-cfir-eric-links.ts` reads the files and writes the result.
 */
import type { Link } from '../schemas/kb.ts'
import { constructKey, resolveConstruct, type ConstructTable } from './cfir-constructs.ts'

/** One row of data/sources/midi-cfir-crosswalk.csv. */
export type CrosswalkRow = {
  readonly midi: number
  readonly construct: string
  readonly rank: 'primary' | 'secondary'
}

/** One row of data/sources/cfir-eric-published.csv (`line` is its line in the file). */
export type EndorsementRow = {
  readonly line: number
  readonly construct: string
  readonly ericNumber: number
  /** The printed share of experts in percent, or null where only the level is published. */
  readonly pct: number | null
  readonly level: string
  readonly source: string
}

/** A construct with published endorsements that no MIDI determinant is mapped to. */
export type UnmappedConstruct = { readonly construct: string; readonly rows: number }

export type CfirEricDerivation = {
  readonly links: Link[]
  /** Published constructs the crosswalk does not use: their rows produce no link. */
  readonly unmapped: UnmappedConstruct[]
}

/** Thrown when an input names a construct or strategy that cannot be resolved. */
export class CfirEricInputError extends Error {
  readonly problems: readonly string[]
  constructor(problems: readonly string[]) {
    super(`The CFIR–ERIC inputs have ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'CfirEricInputError'
    this.problems = problems
  }
}

/** CFIR–ERIC Level 2 starts at 20% of experts; below it no link is made. */
export const LEVEL_2_SHARE = 0.2
/** The strength we assume where only the level (1 or 2) is published: Level 2's lower bound. */
export const LEVEL_ONLY_STRENGTH = LEVEL_2_SHARE

type Candidate = { link: Link; rank: CrosswalkRow['rank']; precise: boolean }

/**
 * Joins the endorsements and the crosswalk on the canonical construct: a determinant gets every
 * strategy its constructs have a published share of at least 20% for (or a level only), with
 * strength = share (0.20 for a level only). One link per pair: the reports draw on one expert
 * survey, so the primary crosswalk wins over the secondary, a printed percentage over a level
 * only, then the higher share.
 *
 * @throws {CfirEricInputError} naming every construct the table does not know (in either
 *   input) and every ERIC number no strategy carries.
 */
export function deriveCfirEricLinks(input: {
  readonly constructs: ConstructTable
  readonly crosswalk: readonly CrosswalkRow[]
  readonly endorsements: readonly EndorsementRow[]
  readonly strategyByEric: ReadonlyMap<number, string>
}): CfirEricDerivation {
  const problems: string[] = []
  const canonical = (name: string, where: string) => {
    const construct = resolveConstruct(input.constructs, name)
    if (construct === undefined) {
      problems.push(`${where}: unknown CFIR construct '${name}' (add it to data/sources/cfir-constructs.csv)`)
    }
    return construct
  }
  const crosswalk = input.crosswalk.flatMap((cw) => {
    const construct = canonical(cw.construct, `crosswalk, determinant ${cw.midi}`)
    return construct ? [{ ...cw, construct }] : []
  })
  const endorsements = input.endorsements.flatMap((e) => {
    const construct = canonical(e.construct, `published endorsements, line ${e.line}`)
    const strategy = input.strategyByEric.get(e.ericNumber)
    if (strategy === undefined) problems.push(`published endorsements, line ${e.line}: no strategy carries ERIC number ${e.ericNumber}`)
    return construct && strategy ? [{ ...e, construct, strategy }] : []
  })
  if (problems.length > 0) throw new CfirEricInputError(problems)

  const best = new Map<string, Candidate>()
  for (const cw of crosswalk) {
    for (const e of endorsements) {
      if (e.construct !== cw.construct) continue
      const precise = e.pct !== null
      const strength = precise ? (e.pct as number) / 100 : LEVEL_ONLY_STRENGTH
      if (strength < LEVEL_2_SHARE) continue
      const candidate: Candidate = { rank: cw.rank, precise, link: cfirEricLink(cw, e, e.strategy, strength) }
      const key = `${cw.midi}|${e.strategy}`
      const current = best.get(key)
      const better =
        !current ||
        (candidate.rank === 'primary' && current.rank === 'secondary') ||
        (candidate.rank === current.rank &&
          ((candidate.precise && !current.precise) ||
            (candidate.precise === current.precise && strength > current.link.strength)))
      if (better) best.set(key, candidate)
    }
  }

  const mapped = new Set(crosswalk.map((cw) => cw.construct))
  const unmappedRows = new Map<string, number>()
  for (const e of endorsements) {
    if (!mapped.has(e.construct)) unmappedRows.set(e.construct, (unmappedRows.get(e.construct) ?? 0) + 1)
  }

  return {
    links: [...best.values()]
      .map((c) => c.link)
      .sort((a, b) => a.determinant - b.determinant || b.strength - a.strength || a.strategy.localeCompare(b.strategy)),
    unmapped: [...unmappedRows]
      .map(([construct, rows]) => ({ construct, rows }))
      .sort((a, b) => a.construct.localeCompare(b.construct)),
  }
}

/** The cell of the published matrix an endorsement row is: `source/construct/strategy`. */
export function cfirEricCell(source: string, construct: string, strategy: string): string {
  return `${source}/${constructKey(construct).replace(/ /g, '-')}/${strategy}`
}

function cfirEricLink(cw: CrosswalkRow, e: EndorsementRow, strategy: string, strength: number): Link {
  const precise = e.pct !== null
  const primary = cw.rank === 'primary'
  const bound = precise
    ? { nl: '', en: '' }
    : {
        nl: ' De bron noemt alleen het niveau (Level 1 of 2), daarom is de sterkte de ondergrens van 20%.',
        en: ' The source gives only the level (Level 1 or 2), so the strength is its lower bound of 20%.',
      }
  return {
    determinant: cw.midi,
    strategy,
    source: e.source,
    method: 'cfir-eric-crosswalk',
    strength,
    basis: precise ? 'printed' : 'lower-bound',
    cell: cfirEricCell(e.source, cw.construct, strategy),
    construct: `CFIR 2009: ${cw.construct} (${cw.rank} crosswalk)`,
    rationale: precise
      ? {
          nl: `In de CFIR–ERIC-studie koos ${e.pct}% van de experts deze strategie bij de CFIR-belemmering '${cw.construct}'; wij koppelen die belemmering aan MIDI-determinant ${cw.midi} (${primary ? 'primaire' : 'secundaire'} vertaling).`,
          en: `In the CFIR–ERIC study ${e.pct}% of experts chose this strategy for the CFIR barrier '${cw.construct}', which we map to MIDI determinant ${cw.midi} (${cw.rank} crosswalk).`,
        }
      : {
          nl: `Het CFIR–ERIC-hulpmiddel geeft deze strategie een Level 1- of 2-match (minstens 20% van de experts) bij de CFIR-belemmering '${cw.construct}'; wij koppelen die aan MIDI-determinant ${cw.midi} (${primary ? 'primaire' : 'secundaire'} vertaling).`,
          en: `The CFIR–ERIC tool gives this strategy a Level 1 or 2 match (at least 20% of experts) for the CFIR barrier '${cw.construct}', which we map to MIDI determinant ${cw.midi} (${cw.rank} crosswalk).`,
        },
    via: primary
      ? {
          nl: `Via onze eigen vertaling van MIDI naar CFIR: deze determinant ligt het dichtst bij de CFIR-belemmering '${cw.construct}'.${bound.nl}`,
          en: `Through our own MIDI-to-CFIR crosswalk: this determinant comes closest to the CFIR barrier '${cw.construct}'.${bound.en}`,
        }
      : {
          nl: `Via onze eigen vertaling van MIDI naar CFIR: de CFIR-belemmering '${cw.construct}' is een tweede, minder nauwe vertaling van deze determinant.${bound.nl}`,
          en: `Through our own MIDI-to-CFIR crosswalk: the CFIR barrier '${cw.construct}' is a second, looser match for this determinant.${bound.en}`,
        },
  }
}
