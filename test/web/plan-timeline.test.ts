import { page } from 'vitest/browser'
import { afterEach, describe, expect, it } from 'vitest'
import '../../web/components/plan-timeline.ts'
import type { TimelineItem } from '../../web/components/plan-timeline.ts'
import { schoolCalendar, type PlanRegion } from '../../server/domain/school-year.ts'
import { holidayData } from '../../web/school-holidays.ts'
import { axeViolations } from './support/axe.ts'

const items: TimelineItem[] = [
  { id: 'audit', name: 'Audit and feedback', phase: 'sustainment', startMonth: 3, months: 6 },
  { id: 'champions', name: 'Champions', phase: 'start', startMonth: 8 },
  { id: 'assess', name: 'Assess barriers', phase: 'preparation', startMonth: 9, months: 2 },
  { id: 'loose', name: 'Educational meetings' },
  { id: 'later', name: 'Audit visits', phase: 'preparation' },
]

async function mount(schoolYear = '2025-2026', region: PlanRegion = 'noord', list = items) {
  const el = document.createElement('sw-plan-timeline')
  el.items = list
  el.calendar = schoolCalendar(holidayData, schoolYear, region)
  document.body.append(el)
  await el.updateComplete
  return el
}

const bars = (el: HTMLElement) =>
  [...el.shadowRoot!.querySelectorAll('tbody tr[data-strategy]')].map((r) => [
    r.getAttribute('data-strategy'),
    [...r.querySelectorAll('td')].map((td) => ((td as HTMLElement).dataset.on === 'yes' ? '■' : '·')).join(''),
  ])

afterEach(() => {
  document.body.innerHTML = ''
})

describe('<sw-plan-timeline>', () => {
  it('draws one row per scheduled strategy under its phase, with its months marked from August to July', async () => {
    const el = await mount()
    await expect.element(page.getByRole('table', { name: 'Timeline of school year 2025-2026, holidays of region North' })).toBeVisible()
    expect([...el.shadowRoot!.querySelectorAll('th.phase')].map((t) => t.textContent)).toEqual(['Preparation', 'Start', 'Sustainment'])
    expect(bars(el)).toEqual([
      ['assess', '·■■·········'],
      ['champions', '■···········'],
      ['audit', '·······■■■■■'],
    ])
    // Read without colour: a marked month carries a ■, and the row says when it runs.
    expect(el.shadowRoot!.querySelectorAll('td.on .mark')).toHaveLength(8)
    const header = el.shadowRoot!.querySelector('tr[data-strategy="assess"] th')!
    expect(header.textContent?.replace(/\s+/g, ' ').trim()).toBe('Assess barriers: runs Sep 2025 to Oct 2025')
  })

  it('says what it cannot draw: months past July, a duration not set, a start in the summer holiday', async () => {
    await mount()
    await expect.element(page.getByText('runs one more month after July: not shown')).toBeVisible()
    await expect.element(page.getByText('duration not set: one month shown')).toBeVisible()
    // August 2025: the summer holiday of that year is not in the data, so the rule of thumb speaks.
    await expect.element(page.getByText(/starts in July or August: schools are usually on summer holiday then/)).toBeVisible()
    await expect.element(page.getByText('The dates of the summer holiday 2025 for region North are not known yet, so they are not shown.')).toBeVisible()
  })

  it('names each holiday in its month with its dates, and hatches its days in every row', async () => {
    const el = await mount()
    const october = el.shadowRoot!.querySelector('th[data-month="10"]')!
    expect(october.querySelector('.holiday [aria-hidden="true"]')?.textContent).toBe('autumn 18–26')
    expect(october.querySelector('.holiday .visually-hidden')?.textContent).toMatch(/^autumn break Oct 18\s*–\s*26$/)
    const december = el.shadowRoot!.querySelector('th[data-month="12"] .holiday .visually-hidden')
    expect(december?.textContent).toMatch(/^Christmas holiday Dec 20, 2025\s*–\s*Jan 4, 2026$/)
    const hatch = el.shadowRoot!.querySelector<HTMLElement>('tr[data-strategy="assess"] td:nth-of-type(3) .hatch')!
    expect(parseFloat(hatch.style.left)).toBeCloseTo((17 / 31) * 100, 3)
    expect(parseFloat(hatch.style.width)).toBeCloseTo((9 / 31) * 100, 3)
  })

  it('lists strategies without a start month as not yet scheduled, by phase', async () => {
    const el = await mount()
    await expect.element(page.getByRole('heading', { name: 'Not yet scheduled' })).toBeVisible()
    expect([...el.shadowRoot!.querySelectorAll('.unscheduled li')].map((li) => li.textContent)).toEqual(['Audit visits (Preparation)', 'Educational meetings'])
  })

  it('says the dates are advisory, marks provisional ones, and names a summer holiday that is not known', async () => {
    await mount('2026-2027', 'zuid')
    await expect.element(page.getByText(/School holidays as advised by the government for region South; your school's own dates may differ\.\s+The dates for 2026-2027 are provisional\./)).toBeVisible()
    await expect.element(page.getByText('The dates of the summer holiday 2027 for region South are not known yet, so they are not shown.')).toBeVisible()
    await expect.element(page.getByRole('link', { name: 'montessoricollege.nl' })).toHaveAttribute('href', 'https://montessoricollege.nl/praktische-zaken/vakantieroosters/')
  })

  it('shows a school year without data, and a plan without a region, without holidays and says so', async () => {
    const el = await mount('2031-2032', 'midden')
    await expect.element(page.getByText('There are no holiday dates for school year 2031-2032 yet: its months are shown without holidays.')).toBeVisible()
    expect(el.shadowRoot!.querySelectorAll('.holiday, .hatch')).toHaveLength(0)
    el.remove()
    const none = await mount('2025-2026', 'none')
    await expect.element(page.getByText('No region chosen: school holidays are not shown.')).toBeVisible()
    expect(none.shadowRoot!.querySelectorAll('.holiday, .hatch')).toHaveLength(0)
  })

  it('without a start month anywhere, says how to put a strategy on it', async () => {
    await mount('2025-2026', 'noord', [{ id: 'x', name: 'X' }])
    await expect.element(page.getByText('No strategy has a start month yet: choose one in the plan and it appears on the timeline.')).toBeVisible()
  })

  it('passes axe', async () => {
    const el = await mount()
    expect(await axeViolations(el)).toEqual([])
  })
})
