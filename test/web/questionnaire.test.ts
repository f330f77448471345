import { page } from 'vitest/browser'
import { afterEach, describe, expect, it } from 'vitest'
import type { ItemOut } from '../../server/schemas/api.ts'
import '../../web/components/questionnaire.ts'
import type { QuestionnaireDraft } from '../../web/components/questionnaire.ts'
import type { DraftChangeEvent, QuestionnaireSubmitEvent } from '../../web/events.ts'
import { axeViolations } from './support/axe.ts'

const options = [
  { value: 0, label: 'Totally disagree' },
  { value: 1, label: 'Disagree' },
  { value: 2, label: 'Neither' },
  { value: 3, label: 'Agree' },
  { value: 4, label: 'Totally agree' },
]
const item = (id: string, group: ItemOut['group'], respondent: ItemOut['respondent'], text: string) =>
  ({ id, determinant: 1, group, respondent, text, options, reverse: false }) as unknown as ItemOut
const items = [
  item('d01', 'innovation', 'user', 'The approach is clear'),
  item('d16a', 'user', 'user', 'I can do it'),
  item('d23', 'organisation', 'key-informant', 'There is time'),
]

/** Mounts the questionnaire and keeps its draft the way a page does: every change applied. */
async function mount(draft: Partial<QuestionnaireDraft> = {}, props: Partial<{ askName: boolean; groups: string[] }> = {}) {
  const el = document.createElement('sw-questionnaire')
  el.items = items
  el.draft = { role: 'user', alsoUser: false, answers: {}, step: 0, ...draft }
  el.askName = props.askName ?? false
  el.groups = props.groups ?? []
  const changes: Partial<QuestionnaireDraft>[] = []
  const submitted: Record<string, number | null>[] = []
  el.addEventListener('draft-change', (e: DraftChangeEvent) => {
    changes.push(e.change)
    el.draft = { ...el.draft, ...e.change }
  })
  el.addEventListener('questionnaire-submit', (e: QuestionnaireSubmitEvent) => submitted.push({ ...e.answers }))
  document.body.append(el)
  await el.updateComplete
  return { el, changes, submitted }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('<sw-questionnaire>', () => {
  it('on a phone asks no name, offers the workspace’s groups and reports the choice', async () => {
    const { changes } = await mount({}, { groups: ['Teachers', 'Mentors'] })
    expect(document.querySelector('sw-questionnaire')?.shadowRoot?.querySelector('#label')).toBeNull()
    await page.getByLabelText('Your group (optional)').selectOptions('Mentors')
    expect(changes).toContainEqual({ group: 'Mentors' })
  })

  it('says on its first screen that the questions are our own wording, not checked against the MIDI manual', async () => {
    await mount()
    await expect.element(page.getByText(/our own wording of the MIDI determinants; they have not yet been checked against the MIDI manual/)).toBeVisible()
  })

  it('on a shared device asks for a name and no group', async () => {
    await mount({}, { askName: true })
    await expect.element(page.getByLabelText('Your name or role (optional)')).toBeVisible()
    expect(document.querySelector('sw-questionnaire')?.shadowRoot?.querySelector('#group')).toBeNull()
  })

  it('goes through the parts of the role and submits every item seen, skipped ones as null', async () => {
    const { changes, submitted } = await mount()
    await page.getByRole('button', { name: 'Start', exact: true }).click()
    await page.getByRole('group', { name: /^1\./ }).getByRole('radio', { name: 'Agree', exact: true }).click()
    expect(changes).toContainEqual({ answers: { d01: 3 } })
    await page.getByRole('button', { name: 'Next part' }).click()
    await page.getByRole('button', { name: 'To the summary' }).click()
    await expect.element(page.getByText('You answered 1 of 2 questions.')).toBeVisible()
    await page.getByRole('button', { name: 'Submit answers' }).click()
    expect(submitted).toEqual([{ d01: 3, d16a: null }])
  })

  it('cannot be submitted twice while the answers are on their way', async () => {
    const { el } = await mount({ answers: { d01: 3 }, step: 3 })
    el.sending = true
    await el.updateComplete
    await expect.element(page.getByRole('button', { name: 'Sending…' })).toBeDisabled()
  })

  it('has no serious accessibility violations, at the start and in a part', async () => {
    const { el } = await mount({}, { groups: ['Teachers'] })
    expect(await axeViolations(document.body)).toEqual([])
    el.draft = { ...el.draft, step: 1 }
    await el.updateComplete
    expect(await axeViolations(document.body)).toEqual([])
  })
})
