import { afterAll, describe, expect, test } from 'vitest'
import { testStore } from '../support/dialects.ts'
import { readCsv } from '../../server/domain/csv-read.ts'
import { previewImport, templateCode, type ImportItem } from '../../server/domain/survey-import.ts'
import { LIMESURVEY_COLUMNS } from '../../server/domain/survey-templates.ts'

const t = await testStore()
const app = t.app({ tokenSecret: 'c'.repeat(64) })
afterAll(() => t.close())

type Item = { id: string; text: string; scale: string; options: { value: number; label: string }[] }
async function questionnaire(lang: 'nl' | 'en'): Promise<Item[]> {
  return ((await (await app.request(`/api/questionnaire?lang=${lang}`)).json()) as { items: Item[] }).items
}
/** The items as the import matches them, in both languages. */
async function importItems(): Promise<ImportItem[]> {
  const [nl, en] = await Promise.all([questionnaire('nl'), questionnaire('en')])
  return nl.map((i, n) => ({
    id: i.id,
    texts: [i.text, en[n]!.text],
    scale: i.scale,
    options: i.options.map((o) => ({ value: o.value, labels: [o.label, en[n]!.options.find((x) => x.value === o.value)!.label] })),
  }))
}

describe('GET /api/templates/limesurvey', () => {
  test.for(['nl', 'en'] as const)('(%s) holds every item as a question D01… and every option as answer A<value> with its label', async (lang) => {
    const res = await app.request(`/api/templates/limesurvey?lang=${lang}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="strategiewijzer-limesurvey-${lang}.txt"`)
    const text = (await res.text()).replace(/^\uFEFF/, '')
    const [header, ...rows] = text.replace(/\r\n$/, '').split('\r\n').map((line) => line.split('\t'))
    expect(header).toEqual([...LIMESURVEY_COLUMNS])
    const col = (name: (typeof LIMESURVEY_COLUMNS)[number]) => LIMESURVEY_COLUMNS.indexOf(name)
    expect(rows.every((r) => r.length === LIMESURVEY_COLUMNS.length)).toBe(true)
    expect(rows.find((r) => r[col('class')] === 'S' && r[col('name')] === 'language')?.[col('text')]).toBe(lang)

    // Each question with the answers that follow it, as LimeSurvey reads them.
    const questions = new Map<string, { text: string; answers: [string, string][] }>()
    let current: { text: string; answers: [string, string][] } | undefined
    for (const r of rows) {
      if (r[col('class')] === 'Q') questions.set(r[col('name')]!, (current = { text: r[col('text')]!, answers: [] }))
      if (r[col('class')] === 'A') current!.answers.push([r[col('name')]!, r[col('text')]!])
    }
    const items = await questionnaire(lang)
    expect(questions.size).toBe(items.length + 1)
    expect(questions.get('ROL')?.answers.map(([code]) => code)).toEqual(['U', 'KI'])
    for (const item of items) {
      const q = questions.get(templateCode(item.id))
      expect(q?.text, item.id).toBe(item.text)
      expect(q?.answers, item.id).toEqual(item.options.map((o) => [`A${o.value}`, o.label]))
    }
  })

  test('an export of the template (question codes, answer codes) maps onto every item without a hand', async () => {
    const text = (await (await app.request('/api/templates/limesurvey?lang=nl')).text()).replace(/^\uFEFF/, '')
    const codes = text.split('\r\n').filter((l) => l.startsWith('Q\t')).map((l) => l.split('\t')[2]!)
    const items = await importItems()
    const csv = [
      ['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', ...codes].join(','),
      ['1', '2026-03-03 10:00:00', '5', 'nl', '1', 'KI', ...items.map((i) => `A${i.options[0]!.value}`)].join(','),
    ].join('\r\n')
    const read = readCsv(csv, { maxRows: 10, maxColumns: 400, maxCellLength: 100 })
    if (!read.ok) throw new Error('unreadable')
    const preview = previewImport(read.rows, items)
    expect(preview.tool).toBe('limesurvey')
    expect(preview.columns.filter((c) => c.role === 'unmatched')).toEqual([])
    expect(preview.columns.find((c) => c.header === 'ROL')?.role).toBe('role')
    expect(preview.columns.filter((c) => c.role === 'item').map((c) => c.item)).toEqual(items.map((i) => i.id))
    expect(preview.complete).toBe(true)
  })
})

describe('GET /api/templates/qualtrics', () => {
  test.for(['nl', 'en'] as const)('(%s) is a .qsf with one question per item: export tag D01…, choices in order, recode values = option values', async (lang) => {
    const res = await app.request(`/api/templates/qualtrics?lang=${lang}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="strategiewijzer-qualtrics-${lang}.qsf"`)
    const qsf = (await res.json()) as { SurveyEntry: Record<string, unknown>; SurveyElements: any[] }
    expect(qsf.SurveyEntry.SurveyLanguage).toBe(lang.toUpperCase())
    const questions = qsf.SurveyElements.filter((e) => e.Element === 'SQ').map((e) => e.Payload)
    const blocks = qsf.SurveyElements.find((e) => e.Element === 'BL').Payload as { BlockElements: { QuestionID: string }[] }[]
    // Every question sits in a block, once.
    expect(blocks.flatMap((b) => b.BlockElements.map((x) => x.QuestionID)).sort()).toEqual(questions.map((q) => q.QuestionID).sort())
    expect(qsf.SurveyElements.find((e) => e.Element === 'QC').SecondaryAttribute).toBe(String(questions.length))
    const byTag = new Map(questions.map((q) => [q.DataExportTag, q]))
    const items = await questionnaire(lang)
    expect(byTag.size).toBe(items.length + 1)
    for (const item of items) {
      const q = byTag.get(templateCode(item.id))
      expect(q?.QuestionText, item.id).toContain(item.text)
      expect(q.ChoiceOrder.map((k: string) => [q.Choices[k].Display, Number(q.RecodeValues[k])]), item.id).toEqual(
        item.options.map((o) => [o.label, o.value])
      )
    }
  })

  test('an export of the template (export tags, numeric values) maps onto every item without a hand', async () => {
    const qsf = (await (await app.request('/api/templates/qualtrics?lang=en')).json()) as { SurveyElements: any[] }
    const questions = qsf.SurveyElements.filter((e) => e.Element === 'SQ').map((e) => e.Payload)
    const items = await importItems()
    const tags = questions.map((q) => q.DataExportTag as string)
    const importIds = questions.map((q) => `"{""ImportId"":""${q.QuestionID}""}"`)
    const csv = [
      ['Status', 'Finished', 'ResponseId', ...tags].join(','),
      ['Response Type', 'Finished', 'Response ID', ...questions.map((q) => `"${q.QuestionText.replaceAll('"', '""')}"`)].join(','),
      ['"{""ImportId"":""status""}"', '"{""ImportId"":""finished""}"', '"{""ImportId"":""_recordId""}"', ...importIds].join(','),
      ['IP Address', 'True', 'R_1', 'Key informant', ...items.map((i) => String(i.options.at(-1)!.value))].join(','),
    ].join('\r\n')
    const read = readCsv(csv, { maxRows: 10, maxColumns: 400, maxCellLength: 2000 })
    if (!read.ok) throw new Error('unreadable')
    const preview = previewImport(read.rows, items)
    expect(preview.tool).toBe('qualtrics')
    expect(preview.columns.filter((c) => c.role === 'unmatched')).toEqual([])
    expect(preview.columns.filter((c) => c.role === 'item').map((c) => c.item)).toEqual(items.map((i) => i.id))
    expect(preview.complete).toBe(true)
  })
})

describe('GET /api/templates/{tool}', () => {
  test('an unknown tool or language is a 400 naming the field', async () => {
    const tool = await app.request('/api/templates/forms')
    expect(tool.status).toBe(400)
    expect(JSON.stringify(await tool.json())).toContain('tool')
    const lang = await app.request('/api/templates/qualtrics?lang=de')
    expect(lang.status).toBe(400)
    expect(JSON.stringify(await lang.json())).toContain('lang')
  })
})
