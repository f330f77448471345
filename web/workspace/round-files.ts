/**
 * @module The files of a workspace round: an Excel workbook with the profile, the plan and the
 * anonymous answers; the answers as CSV (in the questionnaire's columns, so the file can be
 * imported again); and the tables the printed round report shows. The table builders are pure;
 * the downloads fetch what they need with this device's team link.
 */
import { msg } from '@lit/localize'
import { toCsv } from '../../server/domain/csv-write.ts'
import type { Lang } from '../../server/domain/vocabulary.ts'
import type { ScoreResponse, StrategyOut } from '../../server/schemas/api.ts'
import { determinantList, strategyCatalogue } from '../catalogue.ts'
import { csvFormat, downloadBlob, downloadText, fileSlug } from '../download.ts'
import { groupLabel, percent, phaseLabel, statusLabel } from '../labels.ts'
import { planTable, type PlanTableLabels } from '../plan-export.ts'
import { SPEC_FIELDS, type Specification } from '../state/app-state.ts'
import { planStatusLabel } from './round-text.ts'
import { planFromServer } from './round-data.ts'
import type { PlanItem } from './team-data.ts'
import { teamApi } from './team-api.ts'

export type Submission = {
  readonly id: string
  readonly role: 'user' | 'key-informant'
  readonly group: string | null
  readonly answers: Readonly<Record<string, number | null>>
  readonly receivedAt: number
}

/** The profile as rows: a header, then one row per determinant in MIDI order. */
export function profileTable(profile: Pick<ScoreResponse, 'determinants'>): string[][] {
  const header = [msg('No.'), msg('Determinant'), msg('Group'), msg('Answers'), msg('% negative'), msg('% positive'), msg('Status')]
  return [
    header,
    ...profile.determinants.map((d) => [
      String(d.number),
      d.name,
      groupLabel(d.group),
      String(d.n),
      percent(d.negativeShare),
      percent(d.positiveShare),
      statusLabel(d.status),
    ]),
  ]
}

/** ISO date and time to the minute, in the team's time zone. */
const stamp = (ms: number) => {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/**
 * The anonymous answers as rows: respondent (numbered in order of arrival), role, group, when,
 * then one column per question id in questionnaire order. The first two columns and the ids
 * are those the CSV import reads, so the file goes back in.
 */
export function answersTable(submissions: readonly Submission[], itemIds: readonly string[]): (string | number)[][] {
  const sorted = [...submissions].sort((a, b) => a.receivedAt - b.receivedAt)
  const known = new Set(itemIds)
  const extra = [...new Set(sorted.flatMap((s) => Object.keys(s.answers)))].filter((id) => !known.has(id)).sort()
  const ids = [...itemIds, ...extra]
  return [
    ['respondent', 'role', 'group', 'received', ...ids],
    ...sorted.map((s, i) => [
      `${msg('Respondent')} ${i + 1}`,
      s.role,
      s.group ?? '',
      stamp(s.receivedAt),
      ...ids.map((id) => s.answers[id] ?? ''),
    ]),
  ]
}

export const planLabels = (specLabel: (f: keyof Specification) => string): PlanTableLabels => ({
  order: msg('No.'),
  strategy: msg('Strategy'),
  cluster: msg('Cluster'),
  phases: msg('Phases'),
  barriers: msg('Barriers addressed'),
  spec: Object.fromEntries(SPEC_FIELDS.map((f) => [f, specLabel(f)])) as Record<keyof Specification, string>,
  phase: phaseLabel,
  status: { header: msg('Status'), label: planStatusLabel },
})

/** Everything of one round the files need, fetched with this device's team link. */
export async function roundContents(workspaceId: string, roundId: string, lang: Lang) {
  const client = teamApi(workspaceId)
  const [workspace, profile, plan, { submissions }, strategies, determinants, questionnaire] = await Promise.all([
    client.workspace(),
    client.profile(roundId, lang),
    client.plan(roundId),
    client.submissions(roundId),
    strategyCatalogue(lang),
    determinantList(lang),
    import('../api.ts').then(({ api, parseResponse }) => parseResponse(api.questionnaire.$get({ query: { lang } }))),
  ])
  const round = workspace.rounds.find((r) => r.id === roundId)
  return {
    workspace,
    round,
    profile,
    plan: { title: plan.title, entries: planFromServer(plan) as PlanItem[] },
    submissions,
    strategies: strategies as ReadonlyMap<string, StrategyOut>,
    names: new Map(determinants.map((d) => [d.number, d.name])) as ReadonlyMap<number, string>,
    itemIds: questionnaire.items.map((i) => i.id),
  }
}

export type RoundContents = Awaited<ReturnType<typeof roundContents>>

/** A file name part from a name the team typed, accents kept (see fileSlug). */
export const slug = fileSlug

const fileName = (c: RoundContents, ext: string) =>
  `${[slug(c.workspace.name), slug(c.round?.label ?? '')].filter(Boolean).join('-') || 'round'}.${ext}`

/** Downloads the round as an Excel workbook: profile, plan and anonymous answers. */
export async function downloadRoundExcel(c: RoundContents, specLabel: (f: keyof Specification) => string): Promise<void> {
  // Loaded on demand: the Excel writer is the largest dependency and most visits never need it.
  const { default: writeExcelFile } = await import('write-excel-file/browser')
  const bold = (row: readonly (string | number)[]) => row.map((value) => ({ value, fontWeight: 'bold' as const }))
  const plain = (row: readonly (string | number)[]) => row.map((value) => ({ value, wrap: typeof value === 'string' }))
  const sheet = (rows: readonly (readonly (string | number)[])[]) => {
    const [header = [], ...body] = rows
    return [bold(header), ...body.map(plain)]
  }
  const profile = profileTable(c.profile)
  const plan = planTable(c.plan.entries, c.strategies, c.names, planLabels(specLabel))
  const answers = answersTable(c.submissions, c.itemIds)
  const blob = await writeExcelFile([
    { data: sheet(profile), sheet: msg('Profile'), columns: [{ width: 5 }, { width: 34 }, { width: 24 }, { width: 9 }, { width: 11 }, { width: 11 }, { width: 16 }], stickyRowsCount: 1 },
    { data: sheet(plan), sheet: msg('Plan'), columns: plan[0]?.map((_, i) => ({ width: i === 0 ? 5 : i === 1 ? 34 : 22 })), stickyRowsCount: 1 },
    { data: sheet(answers), sheet: msg('Answers'), columns: answers[0]?.map((_, i) => ({ width: i < 4 ? 16 : 7 })), stickyRowsCount: 1 },
  ]).toBlob()
  downloadBlob(fileName(c, 'xlsx'), blob)
}

/** Downloads the round's anonymous answers as CSV, with formulas made harmless. */
export function downloadAnswersCsv(c: RoundContents): void {
  // toCsv gives a cell starting with = + - @ tab or CR a leading quote, so a spreadsheet shows
  // it instead of running it (a group name is typed by the team).
  downloadText(fileName(c, 'csv'), toCsv(answersTable(c.submissions, c.itemIds), csvFormat()), 'text/csv')
}
