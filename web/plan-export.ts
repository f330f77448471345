/**
 * @module The plan as a table — one header row, one row per strategy — for the CSV and Excel
 * downloads and the printed page. Pure: labels and names come in, rows go out.
 */
import type { PlanStatus } from '../server/domain/workspace.ts'
import { toCsv, type CsvFormat } from '../server/domain/csv-write.ts'
import type { StrategyOut } from '../server/schemas/api.ts'
import { SPEC_FIELDS, type PlanEntry, type Specification } from './state/app-state.ts'

export type PlanTableLabels = {
  readonly order: string
  readonly strategy: string
  readonly cluster: string
  readonly phases: string
  readonly barriers: string
  readonly spec: Readonly<Record<keyof Specification, string>>
  readonly phase: (p: StrategyOut['phases'][number]) => string
  /** With a status column (a workspace round's plan): its header and the label of a status. */
  readonly status?: { readonly header: string; readonly label: (s: PlanStatus) => string }
}

/** Rows of strings: the header first, then each strategy in plan order. */
export function planTable(
  entries: readonly (PlanEntry & { readonly status?: PlanStatus })[],
  strategies: ReadonlyMap<string, StrategyOut>,
  determinantNames: ReadonlyMap<number, string>,
  labels: PlanTableLabels
): string[][] {
  const status = labels.status
  const header = [
    labels.order,
    labels.strategy,
    ...(status ? [status.header] : []),
    labels.cluster,
    labels.phases,
    labels.barriers,
    ...SPEC_FIELDS.map((f) => labels.spec[f]),
  ]
  const rows = entries.map((entry, index) => {
    const s = strategies.get(entry.strategy)
    return [
      String(index + 1),
      s?.name ?? entry.strategy,
      ...(status ? [status.label(entry.status ?? 'planned')] : []),
      s?.clusterName ?? '',
      s?.phases.map(labels.phase).join(', ') ?? '',
      entry.barriers.map((d) => determinantNames.get(d) ?? String(d)).join(', '),
      ...SPEC_FIELDS.map((f) => entry.spec[f]),
    ]
  })
  return [header, ...rows]
}

/**
 * The plan as CSV text. The specification holds what the team typed, so a cell such as
 * `=HYPERLINK(…)` is written as text, never as a formula (see toCsv).
 *
 * The Excel download needs no such escape: write-excel-file stores every string as a shared
 * string (`t="s"`), which Excel shows as text and never evaluates; a `'` would show there as
 * part of the text.
 */
export function planCsv(format: CsvFormat, ...args: Parameters<typeof planTable>): string {
  return toCsv(planTable(...args), format)
}
