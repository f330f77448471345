await vi.hoisted(async () => (await import('./support/storage.ts')).ownLocalStorage())

import { page } from 'vitest/browser'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../web/components/survey-import.ts'
import type { SurveyImport } from '../../web/components/survey-import.ts'
import { SurveyImportedEvent } from '../../web/events.ts'
import { setLocale } from '../../web/localization.ts'
import { store } from '../../web/state/store.ts'
import { localImporter } from '../../web/workspace/survey-importers.ts'
import { axeViolations } from './support/axe.ts'
import { deepActiveElement } from './support/fixtures.ts'

const agree = {
  nl: ['Helemaal mee oneens', 'Mee oneens', 'Niet eens, niet oneens', 'Mee eens', 'Helemaal mee eens'],
  en: ['Totally disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Totally agree'],
}
const item = (id: string, text: string, lang: 'nl' | 'en') => ({
  id,
  determinant: 1,
  group: 'innovation',
  text,
  respondent: 'user',
  reverse: false,
  scale: 'agree-5',
  scaleKind: 'agree',
  verified: false,
  options: agree[lang].map((label, i) => ({ value: i + 1, label, valence: 'neutral', score: i + 1 })),
})
const questionnaire = {
  nl: [item('d01', 'De aanpak is helder.', 'nl'), item('d02', 'Ik ken de aanpak.', 'nl')],
  en: [item('d01', 'The approach is clear.', 'en'), item('d02', 'I know the approach.', 'en')],
}

/** A Microsoft Forms export (first sheet as CSV), headed in English, with a column we do not ask and an answer we do not know. */
const formsExport = [
  'ID,Start time,Completion time,Email,Name,The approach is clear.,I know the approach.,What is your job?',
  '1,2026-03-03 10:00:00,2026-03-03 10:07:12,anonymous,,Agree,Strongly agree,Teacher',
  '2,2026-03-03 11:15:00,2026-03-03 11:21:40,anonymous,,Zo-zo,Niet eens niet oneens,Mentor',
].join('\r\n')

let element: SurveyImport
let imported: SurveyImportedEvent[]

beforeEach(async () => {
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(new Request(input, init).url)
    if (url.pathname === '/api/questionnaire') return Response.json({ items: questionnaire[url.searchParams.get('lang') === 'en' ? 'en' : 'nl'] })
    return Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 })
  })
  store.update(() => ({ team: [{ id: 'typed', label: 'Typed here', role: 'user', answers: { d01: 2 } }] }))
  imported = []
  element = document.createElement('sw-survey-import')
  element.importer = localImporter(store)
  element.addEventListener(SurveyImportedEvent.type, (e) => imported.push(e as SurveyImportedEvent))
  document.body.append(element)
  await element.updateComplete
})

afterEach(async () => {
  document.body.innerHTML = ''
  store.reset()
  await setLocale('en')
})

/** Chooses a file in the element's file input, as a person would. */
async function choose(text: string, name = 'forms.csv') {
  const input = element.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!
  const files = new DataTransfer()
  files.items.add(new File([text], name, { type: 'text/csv' }))
  input.files = files.files
  input.dispatchEvent(new Event('change'))
}

describe('<sw-survey-import>', () => {
  it('shows the mapping step in English: tool, rows, the unmatched column and answer, and stores nothing yet', async () => {
    await choose(formsExport)
    await expect.element(page.getByText('Made with Microsoft Forms')).toBeVisible()
    await expect.element(page.getByText('2 new, 0 already imported')).toBeVisible()
    await expect.element(page.getByRole('table', { name: 'Columns of the file' })).toBeVisible()
    await expect.element(page.getByRole('row', { name: /What is your job\?/ })).toHaveTextContent(/not placed/)
    await expect.element(page.getByRole('row', { name: /The approach is clear\./ }).first()).toHaveTextContent(/d01/)
    await expect.element(page.getByRole('combobox', { name: 'Answer “Zo-zo” to d01 counts as' })).toBeVisible()
    await expect.element(page.getByRole('button', { name: 'Import 2 responses' })).toBeDisabled()
    expect(store.state.team.map((m) => m.id)).toEqual(['typed'])
    await expect.poll(() => deepActiveElement()?.id).toBe('mapping-title')
    expect(await axeViolations(element)).toEqual([])
  })

  it('shows the mapping step in Dutch', async () => {
    await setLocale('nl')
    await choose(formsExport.replace('The approach is clear.', 'De aanpak is helder.'))
    await expect.element(page.getByText('Gemaakt met Microsoft Forms')).toBeVisible()
    await expect.element(page.getByText('2 nieuw, 0 al geïmporteerd')).toBeVisible()
    await expect.element(page.getByRole('row', { name: /What is your job\?/ })).toHaveTextContent(/niet gekoppeld/)
    await expect.element(page.getByRole('combobox', { name: 'Antwoord “Zo-zo” op d01 telt als' })).toBeVisible()
    await expect.element(page.getByRole('option', { name: 'telt als ontbrekend' })).toBeInTheDocument()
    await expect.element(page.getByRole('button', { name: '2 antwoorden importeren' })).toBeDisabled()
    expect(await axeViolations(element)).toEqual([])
  })

  it('imports after the column and the answer are placed, keeps what was typed, and a second import of the file adds nothing', async () => {
    await choose(formsExport)
    await page.getByRole('combobox', { name: 'Column What is your job? is' }).selectOptions('group')
    await page.getByRole('combobox', { name: 'Answer “Zo-zo” to d01 counts as' }).selectOptions('Neither agree nor disagree')
    const confirm = page.getByRole('button', { name: 'Import 2 responses' })
    await expect.element(confirm).toBeEnabled()
    await confirm.click()
    await expect.element(page.getByRole('status').filter({ hasText: 'imported' })).toHaveTextContent('2 responses imported.')
    await expect.poll(() => deepActiveElement()?.id).toBe('import-result')
    expect(imported.map((e) => e.added)).toEqual([2])
    const team = store.state.team
    expect(team.map((m) => [m.id === 'typed' ? 'typed' : 'new', m.answers, m.key])).toEqual([
      ['typed', { d01: 2 }, undefined],
      ['new', { d01: 4, d02: 5 }, 'ms-forms:1'],
      ['new', { d01: 3, d02: 3 }, 'ms-forms:2'],
    ])

    await choose(formsExport)
    await expect.element(page.getByText('0 new, 2 already imported')).toBeVisible()
    await page.getByRole('combobox', { name: 'Column What is your job? is' }).selectOptions('ignored')
    await page.getByRole('combobox', { name: 'Answer “Zo-zo” to d01 counts as' }).selectOptions('Neither agree nor disagree')
    await page.getByRole('button', { name: 'Import 0 responses' }).click()
    await expect.element(page.getByRole('status').filter({ hasText: 'imported' })).toHaveTextContent(/0 responses imported\.\s*2 were imported before/)
    expect(store.state.team).toHaveLength(3)
  })

  it('keeps every choice when the preview asked for first answers last', async () => {
    // Two choices in quick succession: the first one's preview is held back until the second's arrived.
    const local = localImporter(store)
    let release: (() => void) | undefined
    let remaps = 0
    element.importer = {
      ...local,
      preview: async (file, mapping, lang) => {
        const answer = await local.preview(file, mapping, lang)
        if (mapping && ++remaps === 1) await new Promise<void>((resolve) => (release = resolve))
        return answer
      },
    }
    await choose(formsExport)
    await page.getByRole('combobox', { name: 'Column What is your job? is' }).selectOptions('group')
    await expect.poll(() => release !== undefined).toBe(true)
    await page.getByRole('combobox', { name: 'Answer “Zo-zo” to d01 counts as' }).selectOptions('Neither agree nor disagree')
    const confirm = page.getByRole('button', { name: 'Import 2 responses' })
    await expect.element(confirm).toBeEnabled()
    release?.()
    await new Promise((resolve) => setTimeout(resolve, 50))
    // The late answer to the first choice did not put back a mapping without the second.
    await expect.element(confirm).toBeEnabled()
    await expect.element(page.getByRole('combobox', { name: 'Answer “Zo-zo” to d01 counts as' })).not.toBeInTheDocument()
  })

  it('says why a broken file is not read, naming the line', async () => {
    await choose('ID,Start time,The approach is clear.\r\n1,"2026-03-03,Agree\r\n')
    await expect.element(page.getByRole('alert')).toHaveTextContent(/Nothing was read from forms\.csv: line 2: a quoted cell is not closed/)
    expect(store.state.team).toHaveLength(1)
  })
})
