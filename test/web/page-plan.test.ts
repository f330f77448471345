await vi.hoisted(async () => (await import('./support/storage.ts')).ownLocalStorage())

import { page } from 'vitest/browser'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../web/app-shell.ts'
import '../../web/pages/page-plan.ts'
import { emptySpec, type PlanEntry } from '../../web/state/app-state.ts'
import { store } from '../../web/state/store.ts'
import { stubApi } from './support/api.ts'
import { catalogueStrategy, deepActiveElement } from './support/fixtures.ts'

const plan: PlanEntry[] = [
  { strategy: 'a', spec: emptySpec(), barriers: [] },
  {
    strategy: 'b',
    spec: { ...emptySpec(), actor: 'Care coordinator', outcome: '80% of mentors hold the talks' },
    barriers: [23],
  },
  { strategy: 'c', spec: emptySpec(), barriers: [] },
]

beforeEach(async () => {
  stubApi({
    'GET /api/strategies': {
      strategies: [
        catalogueStrategy('a', 'Strategy A'),
        catalogueStrategy('b', 'Strategy B'),
        catalogueStrategy('c', 'Strategy C'),
      ],
    },
    'GET /api/determinants': { determinants: [{ number: 23, name: 'Time available' }] },
  })
  store.update(() => ({ plan }))
  // The shell shows the Undo toast (beside its own page, the start page here).
  document.body.append(document.createElement('sw-app'), document.createElement('sw-page-plan'))
  await expect.element(page.getByRole('heading', { level: 2, name: 'Strategy B' })).toBeVisible()
})

afterEach(() => {
  document.body.innerHTML = ''
  store.reset()
})

const headings = () =>
  [
    ...(document.querySelector('sw-page-plan')?.shadowRoot?.querySelectorAll('.entry h2') ?? []),
  ].map((h) => h.textContent?.trim())

describe('<sw-page-plan>', () => {
  it('takes an entry out with an offer to undo, and Undo puts it back in its place with its text', async () => {
    await page.getByRole('button', { name: /^Remove\b.*Strategy B/ }).click()
    await expect.poll(headings).toEqual(['Strategy A', 'Strategy C'])
    await expect
      .element(page.getByRole('status').filter({ hasText: 'removed' }))
      .toHaveTextContent('“Strategy B” removed from the plan')
    // The entry took the focus with it: it goes to Undo, the one thing to do next.
    await expect.poll(() => deepActiveElement()?.textContent?.trim()).toBe('Undo')

    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(headings).toEqual(['Strategy A', 'Strategy B', 'Strategy C'])
    await expect
      .element(page.getByRole('textbox', { name: 'Who does it' }).nth(1))
      .toHaveValue('Care coordinator')
    await expect
      .element(page.getByRole('textbox', { name: 'Which outcome shows it worked' }).nth(1))
      .toHaveValue('80% of mentors hold the talks')
    expect(store.state.plan).toEqual(plan)
    await expect.poll(() => deepActiveElement()?.textContent?.trim()).toBe('Strategy B')
    expect(page.getByRole('button', { name: 'Undo' }).elements()).toEqual([])
  })

  it('lets the offer go after ten seconds, and the entry stays out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    try {
      await page.getByRole('button', { name: /^Remove\b.*Strategy A/ }).click()
      await expect.element(page.getByRole('button', { name: 'Undo' })).toBeInTheDocument()
      vi.advanceTimersByTime(10_000)
      expect(store.lastRemoval).toBeNull()
      await expect.element(page.getByRole('button', { name: 'Undo' })).not.toBeInTheDocument()
      expect(store.state.plan.map((p) => p.strategy)).toEqual(['b', 'c'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('schedules a strategy by phase, start month and duration, and shows it on the timeline of the chosen year and region', async () => {
    store.update(() => ({ planCalendar: { region: 'none', schoolYear: '2025-2026' } }))
    await page.getByRole('combobox', { name: /^Holiday region/ }).selectOptions('midden')
    await page.getByRole('combobox', { name: /^Phase/ }).nth(1).selectOptions('start')
    // The months of the chosen school year, August first.
    const starts = page.getByRole('combobox', { name: /^Starts in/ }).nth(1)
    const optionTexts = () => [...(starts.element() as HTMLSelectElement).options].map((o) => o.text)
    // August is named as holiday where it is chosen; the summer of 2026 in the middle region
    // starts on 18 July, so July is mostly school and stays plain.
    expect(optionTexts().slice(0, 3)).toEqual(['not yet scheduled', 'August 2025 (usually summer holiday)', 'September 2025'])
    expect(optionTexts().at(-1)).toBe('July 2026')
    await starts.selectOptions('8')
    const note = page.getByText('This start falls in July or August, when schools are usually on summer holiday.')
    await expect.element(note).toBeVisible()
    await expect.element(starts).toHaveAccessibleDescription('This start falls in July or August, when schools are usually on summer holiday.')
    await starts.selectOptions('7')
    await expect.element(note).not.toBeInTheDocument()
    expect((starts.element() as HTMLSelectElement).hasAttribute('aria-describedby')).toBe(false)
    // In the north the summer of 2026 starts on 4 July: there July is named, from the dates.
    await page.getByRole('combobox', { name: /^Holiday region/ }).selectOptions('noord')
    expect(optionTexts().at(-1)).toBe('July 2026 (summer holiday)')
    await expect.element(page.getByText('This start falls mostly in the summer holiday: most colleagues are away then.')).toBeVisible()
    await page.getByRole('combobox', { name: /^Holiday region/ }).selectOptions('midden')
    await starts.selectOptions('10')
    await page.getByRole('combobox', { name: /^Duration/ }).nth(1).selectOptions('3')
    expect(store.state.planCalendar).toEqual({ region: 'midden', schoolYear: '2025-2026' })
    expect(store.state.plan[1]).toMatchObject({ strategy: 'b', phase: 'start', startMonth: 10, months: 3 })
    const timeline = document.querySelector('sw-page-plan')!.shadowRoot!.querySelector('.screen-only sw-plan-timeline')!
    await expect.element(page.getByRole('table', { name: 'Timeline of school year 2025-2026, holidays of region Central' })).toBeVisible()
    await expect.poll(() => timeline.shadowRoot!.querySelector('tr[data-strategy="b"]')?.querySelectorAll('td.on').length).toBe(3)
    // The others have no start month yet.
    expect([...timeline.shadowRoot!.querySelectorAll('.unscheduled li')].map((li) => li.textContent)).toEqual(['Strategy A', 'Strategy C'])

    // Unsetting the start month takes the strategy off the timeline, and the field out of the plan.
    await page.getByRole('combobox', { name: /^Starts in/ }).nth(1).selectOptions('')
    expect(Object.keys(store.state.plan[1]!)).not.toContain('startMonth')
    await expect.poll(() => timeline.shadowRoot!.querySelector('table')).toBeNull()
    expect(timeline.shadowRoot!.textContent).toContain('No strategy has a start month yet')
  })
})
