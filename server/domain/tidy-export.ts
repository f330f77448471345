/**
 * @module Data for analysis: a round or a workspace as tidy long-format rows (one per
 * submission × item), a codebook of the questionnaire, an SPSS syntax file that reads the rows
 * with their labels, and a network's aggregates in long format. Pure: the caller reads the
 * store and writes the files (CSV through csv-write.ts).
 *
 * Suppression (docs/engine.md §1.8) holds here too: a submission whose group the split by
 * groups withholds leaves with no group, so no group below the minimum can be read from an
 * export, directly or by subtraction. Submissions are numbered within the export; no id of
 * this service or of the respondent's device leaves.
 */
import type { CsvCell } from './csv-write.ts'
import type { NetworkOverview } from './network.ts'
import { effectiveMinGroupSize } from './network.ts'
import type { Questionnaire } from './questionnaire.ts'
import { shownParts } from './subgroups.ts'
import type { OptionValence, Respondent } from './vocabulary.ts'

export type ExportRound = {
  readonly label: string
  readonly position: number
  readonly minGroupSize?: number | undefined
  readonly submissions: readonly {
    readonly role: Respondent
    readonly group: string | null
    readonly answers: Readonly<Record<string, number | null>>
  }[]
}

/** The long file's columns, in order (the codebook and the SPSS file describe them). */
export const LONG_COLUMNS = ['round', 'submission', 'group', 'role', 'item', 'determinant', 'value', 'valence', 'score'] as const

/**
 * One row per submission × item of the questionnaire, rounds in order, submissions in order of
 * arrival, items in questionnaire order. An item not answered has an empty value and valence;
 * an answer the questionnaire no longer has as an option is left empty too. `valence` is after
 * reversal (what scoring counts); `score` is the 1–5 place after reversal, empty for yes/no.
 * A submission whose group is withheld by the round's split gets an empty group.
 */
export function tidyRows(rounds: readonly ExportRound[], questionnaire: Questionnaire): CsvCell[][] {
  const rows: CsvCell[][] = [[...LONG_COLUMNS]]
  const items = questionnaire.items.map((item) => ({ item, options: new Map(item.options.map((o) => [o.value, o])) }))
  for (const round of [...rounds].sort((a, b) => a.position - b.position)) {
    const shown = shownGroups(round)
    round.submissions.forEach((s, i) => {
      const submission = `${round.position}-${String(i + 1).padStart(4, '0')}`
      const group = s.group !== null && shown.has(s.group) ? s.group : null
      for (const { item, options } of items) {
        const value = s.answers[item.id]
        const option = value === null || value === undefined ? undefined : options.get(value)
        rows.push([
          round.label,
          submission,
          group,
          s.role,
          item.id,
          item.determinant,
          option ? option.value : null,
          option ? option.valence : null,
          option?.score ?? null,
        ])
      }
    })
  }
  return rows
}

/** The groups of a round that may be named: those its split by groups shows. */
export function shownGroups(round: Pick<ExportRound, 'minGroupSize' | 'submissions'>): Set<string> {
  const counts = new Map<string, number>()
  let none = 0
  for (const s of round.submissions) {
    if (s.group === null) none++
    else counts.set(s.group, (counts.get(s.group) ?? 0) + 1)
  }
  // "No group" is a part of the total too; its key cannot collide with a group (never empty).
  const parts = [...[...counts].map(([key, n]) => ({ key, n })), { key: '', n: none }]
  const verdict = shownParts(round.submissions.length, parts, effectiveMinGroupSize(round.minGroupSize))
  return new Set([...counts.keys()].filter((g) => verdict.get(g) === null))
}

/** An item of the codebook, with its options after reversal and their labels. */
export type CodebookItem = {
  readonly id: string
  readonly determinant: number
  readonly determinantName: string
  readonly respondent: Respondent
  readonly reverse: boolean
  readonly text: string
  readonly options: readonly {
    readonly value: number
    readonly label: string
    readonly valence: OptionValence
    readonly score: number | null
  }[]
}

/** The codebook: one row per item × option (items, options, valence, reversed items). */
export function codebookRows(items: readonly CodebookItem[]): CsvCell[][] {
  return [
    ['item', 'determinant', 'determinant_name', 'respondent', 'reversed', 'item_text', 'value', 'label', 'valence', 'score'],
    ...items.flatMap((i) =>
      i.options.map((o): CsvCell[] => [
        i.id,
        i.determinant,
        i.determinantName,
        i.respondent,
        i.reverse ? 'yes' : 'no',
        i.text,
        o.value,
        o.label,
        o.valence,
        o.score,
      ])
    ),
  ]
}

/** A quoted SPSS string: single quotes, a quote inside doubled. */
const spssText = (text: string) => `'${text.replace(/'/g, "''").replace(/[\r\n]+/g, ' ')}'`

/**
 * SPSS syntax that reads the long CSV (`file`) with variable labels, value labels for the
 * determinant, the role and the valence, a numeric valence code, and measurement levels. The
 * options of each item are in the codebook: one `value` column holds several scales.
 * String widths are in bytes of UTF-8.
 */
export function spssSyntax(file: string, determinants: ReadonlyMap<number, string>, lang: 'nl' | 'en'): string {
  const en = lang === 'en'
  const lines = [
    `* Strategiewijzer: ${en ? 'reads the long-format export' : 'leest de export in lang formaat'} (${file}).`,
    `* ${en ? 'Put this file next to the CSV, or change FILE below. Option labels per item: see the codebook CSV.' : 'Zet dit bestand naast de CSV, of pas FILE hieronder aan. Antwoordlabels per item: zie het codeboek (CSV).'}`,
    'GET DATA',
    '  /TYPE=TXT',
    `  /FILE=${spssText(file)}`,
    "  /ENCODING='UTF8'",
    '  /ARRANGEMENT=DELIMITED',
    '  /DELIMITERS=","',
    `  /QUALIFIER='"'`,
    '  /FIRSTCASE=2',
    '  /VARIABLES=',
    '    round A360',
    '    submission A12',
    '    group A240',
    '    role A16',
    '    item A16',
    '    determinant F2.0',
    '    value F3.0',
    '    valence A10',
    '    score F1.0.',
    'EXECUTE.',
    'VARIABLE LABELS',
    `  round ${spssText(en ? 'Measurement round' : 'Meetronde')}`,
    `  /submission ${spssText(en ? 'Submission (numbered within this export)' : 'Inzending (genummerd binnen deze export)')}`,
    `  /group ${spssText(en ? 'Group of respondents (empty: none given, or too few to show)' : 'Groep respondenten (leeg: niet opgegeven, of te weinig om te tonen)')}`,
    `  /role ${spssText(en ? 'Role' : 'Rol')}`,
    `  /item ${spssText(en ? 'Item' : 'Item')}`,
    `  /determinant ${spssText(en ? 'MIDI determinant' : 'MIDI-determinant')}`,
    `  /value ${spssText(en ? 'Answer (option value; see the codebook)' : 'Antwoord (waarde van de optie; zie het codeboek)')}`,
    `  /valence ${spssText(en ? 'Valence after reversal' : 'Valentie na omscoren')}`,
    `  /score ${spssText(en ? 'Score 1-5 after reversal (5 most favourable)' : 'Score 1-5 na omscoren (5 meest gunstig)')}.`,
    'VALUE LABELS determinant',
    ...[...determinants].sort(([a], [b]) => a - b).map(([n, name]) => `  ${n} ${spssText(name)}`),
    '  /role',
    `  'user' ${spssText(en ? 'Team member' : 'Teamlid')}`,
    `  'key-informant' ${spssText(en ? 'Key informant' : 'Sleutelinformant')}`,
    '  /valence',
    `  'negative' ${spssText(en ? 'negative' : 'negatief')}`,
    `  'neutral' ${spssText(en ? 'neutral' : 'neutraal')}`,
    `  'positive' ${spssText(en ? 'positive' : 'positief')}`,
    `  'missing' ${spssText(en ? 'not yet applicable / don\u2019t know' : 'nog niet van toepassing / weet ik niet')}.`,
    "RECODE valence ('negative'=-1) ('neutral'=0) ('positive'=1) (ELSE=SYSMIS) INTO valence_code.",
    `VARIABLE LABELS valence_code ${spssText(en ? 'Valence as a number' : 'Valentie als getal')}.`,
    `VALUE LABELS valence_code -1 ${spssText(en ? 'negative' : 'negatief')} 0 ${spssText(en ? 'neutral' : 'neutraal')} 1 ${spssText(en ? 'positive' : 'positief')}.`,
    'VARIABLE LEVEL determinant (NOMINAL) /value score valence_code (ORDINAL).',
    'EXECUTE.',
  ]
  return lines.join('\r\n') + '\r\n'
}

/** The network file's columns. */
export const NETWORK_COLUMNS = ['round', 'row', 'kind', 'n', 'determinant', 'negative_share', 'positive_share', 'status'] as const

/**
 * A network's aggregates in long format: per round overview, one row per shown school or
 * pooled inner network × determinant, with the shares and verdict; a suppressed row or cell
 * carries its n and the status `suppressed`, never a share. Only what the overview shows.
 */
export function networkTidyRows(overviews: readonly NetworkOverview[]): CsvCell[][] {
  const rows: CsvCell[][] = [[...NETWORK_COLUMNS]]
  for (const o of overviews) {
    const round = o.round ?? ''
    const add = (name: string, kind: 'school' | 'network' | 'total', n: number, suppressed: boolean, cells: NetworkOverview['schools'][number]['determinants']) => {
      if (suppressed || !cells) {
        rows.push([round, name, kind, n, null, null, null, 'suppressed'])
        return
      }
      for (const c of cells) rows.push([round, name, kind, n, c.number, c.negativeShare, c.positiveShare, c.status])
    }
    for (const s of o.schools) add(s.name, 'school', s.n, s.suppressed, s.determinants)
    for (const p of o.networks) add(p.name, 'network', p.n, p.suppressed, p.determinants)
    if (o.total) add('total', 'total', o.total.n, false, o.total.determinants)
  }
  return rows
}
