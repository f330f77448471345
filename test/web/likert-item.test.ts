import { page, userEvent } from 'vitest/browser'
import { afterEach, describe, expect, it } from 'vitest'
import type { ItemOut } from '../../server/schemas/api.ts'
import '../../web/components/likert-item.ts'
import { AnswerChangeEvent } from '../../web/events.ts'
import { axeViolations } from './support/axe.ts'

const item: ItemOut = {
  id: 'd04',
  determinant: 4,
  group: 'innovation',
  text: 'The approach is too complex for me to carry out.',
  respondent: 'user',
  reverse: true,
  scale: 'agree-5',
  scaleKind: 'agree',
  verified: false,
  options: [
    { value: 1, label: 'Totally disagree', valence: 'positive', score: 5 },
    { value: 2, label: 'Disagree', valence: 'positive', score: 4 },
    { value: 3, label: 'Neither agree nor disagree', valence: 'neutral', score: 3 },
    { value: 4, label: 'Agree', valence: 'negative', score: 2 },
    { value: 5, label: 'Totally agree', valence: 'negative', score: 1 },
  ],
}

async function mount(value: number | null = null, shown: ItemOut = item) {
  const el = document.createElement('sw-likert-item')
  el.item = shown
  el.number = 4
  el.value = value
  document.body.append(el)
  await el.updateComplete
  return el
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('<sw-likert-item>', () => {
  it('shows the item as a labelled radio group with one radio per option', async () => {
    await mount()
    await expect.element(page.getByRole('group', { name: /too complex/ })).toBeVisible()
    expect(page.getByRole('radio').all()).toHaveLength(5)
    await expect.element(page.getByRole('radio', { name: 'Agree', exact: true })).not.toBeChecked()
  })

  it('offers "not yet applicable / don\'t know" as a radio like the others and reports its value', async () => {
    const observability: ItemOut = {
      ...item,
      id: 'd06',
      text: 'I can clearly see what results the approach produces.',
      reverse: false,
      scale: 'agree-5-not-yet',
      options: [
        ...item.options.map((o) => ({ ...o, valence: o.valence === 'neutral' ? o.valence : o.valence === 'positive' ? ('negative' as const) : ('positive' as const) })),
        { value: 9, label: "Not yet applicable / don't know", valence: 'missing', score: null },
      ],
    }
    const el = await mount(null, observability)
    const events: AnswerChangeEvent[] = []
    el.addEventListener('answer-change', (e) => events.push(e))
    expect(page.getByRole('radio').all()).toHaveLength(6)
    await page.getByRole('radio', { name: "Not yet applicable / don't know" }).click()
    expect(events.map((e) => [e.item, e.value])).toEqual([['d06', 9]])
    await expect.element(page.getByRole('radio', { name: "Not yet applicable / don't know" })).toBeChecked()
    expect(await axeViolations(document.body)).toEqual([])
  })

  it('reports the chosen option with an answer-change event', async () => {
    const el = await mount()
    const events: AnswerChangeEvent[] = []
    el.addEventListener('answer-change', (e) => events.push(e))
    await page.getByRole('radio', { name: 'Totally agree' }).click()
    expect(events.map((e) => [e.item, e.value])).toEqual([['d04', 5]])
    await expect.element(page.getByRole('radio', { name: 'Totally agree' })).toBeChecked()
  })

  it('lets the respondent take an answer back, reporting null', async () => {
    const el = await mount(2)
    const events: AnswerChangeEvent[] = []
    el.addEventListener('answer-change', (e) => events.push(e))
    await page.getByRole('button', { name: /Clear answer/ }).click()
    expect(events.map((e) => e.value)).toEqual([null])
    await expect.element(page.getByRole('radio', { name: 'Disagree', exact: true })).not.toBeChecked()
  })

  it('can be answered with the keyboard alone', async () => {
    const el = await mount()
    const events: number[] = []
    el.addEventListener('answer-change', (e) => events.push(e.value ?? -1))
    await userEvent.tab() // into the group: the first radio
    await userEvent.keyboard('{ArrowDown}') // arrow keys move through a native radio group, selecting
    await userEvent.keyboard('{ArrowDown}')
    expect(events).toEqual([2, 3])
    await expect.element(page.getByRole('radio', { name: 'Neither agree nor disagree' })).toBeChecked()
  })

  it('has no serious accessibility violations', async () => {
    await mount(3)
    expect(await axeViolations(document.body)).toEqual([])
  })
})
