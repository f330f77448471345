/**
 * @module Where the import step sends a survey export: a workspace round on the server (the
 * preview and import endpoints), or this browser's own respondents, where the same pure module
 * (server/domain/survey-import.ts) reads, maps and applies the file. Both answer the preview in
 * one shape, so the mapping step draws either without knowing which.
 */
import { msg, str } from '@lit/localize'
import {
  applyImport,
  previewImport,
  type ImportIssue,
  type ImportItem,
  type SurveyMapping,
} from '../../server/domain/survey-import.ts'
import { MAX_RESPONDENTS, type Lang } from '../../server/domain/vocabulary.ts'
import type { ItemOut } from '../../server/schemas/api.ts'
import type { SurveyPreviewOut } from '../../server/schemas/survey-import.ts'
import type { z } from 'zod'
import { newId, type Member } from '../state/app-state.ts'
import type { Store } from '../state/store.ts'
import { readSurveyFile } from '../survey-file.ts'

export type SurveyPreviewView = z.infer<typeof SurveyPreviewOut>
export type SurveyUpload = { readonly bytes: Uint8Array; readonly name: string }
export type SurveyImportResult = { readonly added: number; readonly already: number; readonly changed: number }

export interface SurveyImporter {
  /** Where the answers go, for the screen's wording. */
  readonly target: 'round' | 'local'
  /** The questionnaire in `lang`: the items a column can be placed on, and their options. */
  items(lang: Lang): Promise<readonly ItemOut[]>
  /** How the file maps with `mapping` over what is recognised (and remembered); stores nothing. */
  preview(file: SurveyUpload, mapping: SurveyMapping | undefined, lang: Lang): Promise<SurveyPreviewView>
  /** Stores the file's responses with the confirmed mapping; a response stored before is not stored again. */
  confirm(file: SurveyUpload, mapping: SurveyMapping, lang: Lang): Promise<SurveyImportResult>
}

const questionnaires = new Map<Lang, Promise<readonly ItemOut[]>>()
function questionnaire(lang: Lang): Promise<readonly ItemOut[]> {
  let items = questionnaires.get(lang)
  if (!items) {
    items = import('../api.ts').then(async ({ api, parseResponse }) => (await parseResponse(api.questionnaire.$get({ query: { lang } }))).items)
    items.catch(() => questionnaires.delete(lang))
    questionnaires.set(lang, items)
  }
  return items
}

/** Bytes as base64, in pieces (a spread of a large array would overflow the call stack). */
function base64(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

/** The import into a workspace round: the server reads, maps, counts and stores. */
export function roundImporter(workspaceId: string, roundId: string): SurveyImporter {
  const api = async () => (await import('./team-api.ts')).teamApi(workspaceId)
  const body = (file: SurveyUpload, mapping?: SurveyMapping) => ({
    file: base64(file.bytes),
    name: file.name,
    ...(mapping ? { mapping: { columns: { ...mapping.columns }, values: { ...mapping.values } } } : {}),
  })
  return {
    target: 'round',
    items: questionnaire,
    preview: async (file, mapping, lang) => (await api()).previewImport(roundId, lang, body(file, mapping)) as Promise<SurveyPreviewView>,
    confirm: async (file, mapping, lang) => {
      const { added, already, changed } = await (await api()).importSurvey(roundId, lang, body(file, mapping))
      return { added, already, changed }
    },
  }
}

/** The items as the import matches them: texts and labels in both languages, `lang` first. */
async function importItems(lang: Lang): Promise<ImportItem[]> {
  const other: Lang = lang === 'nl' ? 'en' : 'nl'
  const [mine, theirs] = await Promise.all([questionnaire(lang), questionnaire(other)])
  const byId = new Map(theirs.map((i) => [i.id, i]))
  return mine.map((i) => ({
    id: i.id,
    texts: [i.text, byId.get(i.id)?.text ?? ''],
    scale: i.scale,
    options: i.options.map((o) => ({
      value: o.value,
      labels: [o.label, byId.get(i.id)?.options.find((x) => x.value === o.value)?.label ?? ''],
    })),
  }))
}

/** An answer the mapping does not cover, worded as the server words it. */
export const issueText = (i: ImportIssue) =>
  msg(
    str`Row ${i.row}, column "${i.column}": "${i.value}" is not an answer to this question. Valid: ${i.valid.join(', ')}. Choose in the mapping which answer it is, or that it counts as missing.`
  )

/**
 * The import into this browser's respondents. Each response keeps its key (the tool's response
 * id, or a digest of its row), so the same file imported again adds nothing; a response whose
 * key is there with other answers is left as it was and counted as changed. Only adds: nothing
 * already collected is touched.
 */
export function localImporter(store: Store): SurveyImporter {
  async function read(file: SurveyUpload, mapping: SurveyMapping | undefined, lang: Lang) {
    const table = await readSurveyFile(file.bytes, file.name)
    if (!table.ok) throw new Error(table.text)
    const items = await importItems(lang)
    const preview = previewImport(table.rows, items, mapping)
    const effective: SurveyMapping = {
      columns: Object.fromEntries(preview.columns.filter((c) => c.role !== 'unmatched').map((c) => [c.header, c.item ?? c.role])),
      values: mapping?.values ?? {},
    }
    const applied = applyImport(table.rows, items, effective)
    const stored = new Map(store.state.team.flatMap((m) => (m.key ? [[m.key, m] as const] : [])))
    const fresh = new Map(applied.responses.filter((r) => !stored.has(r.key)).map((r) => [r.key, r]))
    const known = new Set(applied.responses.filter((r) => stored.has(r.key)).map((r) => r.key))
    return { preview, effective, applied, stored, fresh, known }
  }
  return {
    target: 'local',
    items: questionnaire,
    async preview(file, mapping, lang) {
      const { preview, effective, applied, fresh, known } = await read(file, mapping, lang)
      return {
        ...preview,
        columns: preview.columns.map((c) => ({ ...c })),
        values: preview.values.map((v) => ({ ...v })),
        dropped: { ...preview.dropped },
        mapping: { columns: { ...effective.columns }, values: { ...effective.values } },
        new: fresh.size,
        already: known.size,
        issues: preview.complete ? applied.issues.map((i) => ({ ...i, valid: [...i.valid], message: issueText(i) })) : [],
      }
    },
    async confirm(file, mapping, lang) {
      const { preview, applied, stored, fresh, known } = await read(file, mapping, lang)
      const unplaced = preview.columns.filter((c) => c.role === 'unmatched').length
      if (unplaced > 0) throw new Error(msg(str`Not mapped yet: ${unplaced} column(s). Choose for each column which question it is, or ignore it.`))
      const first = applied.issues[0]
      if (first) throw new Error(issueText(first))
      const team = store.state.team
      if (team.length + fresh.size > MAX_RESPONDENTS) {
        throw new Error(msg(str`This browser holds at most ${MAX_RESPONDENTS} respondents; with this file there would be more. Nothing was imported.`))
      }
      const same = (a: Member['answers'], b: Member['answers']) =>
        Object.keys({ ...a, ...b }).every((k) => (a[k] ?? null) === (b[k] ?? null))
      const changed = [...known].filter((k) => {
        const r = applied.responses.find((x) => x.key === k)
        return r && !same(stored.get(k)?.answers ?? {}, r.answers)
      }).length
      const members: Member[] = [...fresh.values()].map((r, i) => ({
        id: newId(),
        label: msg(str`Respondent ${team.length + i + 1}`),
        role: r.role ?? 'user',
        answers: { ...r.answers },
        key: r.key,
      }))
      // Appended to what the store holds now: answers typed meanwhile stay.
      if (members.length > 0) store.update((s) => ({ team: [...s.team, ...members], basis: 'team' }))
      return { added: members.length, already: known.size, changed }
    },
  }
}
