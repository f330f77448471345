import { page } from 'vitest/browser'
import { afterEach, describe, expect, it } from 'vitest'
import type { ScoreResponse } from '../../server/schemas/api.ts'
import { certaintyOf, wilsonInterval } from '../../server/domain/uncertainty.ts'
import '../../web/components/profile-chart.ts'
import { axeViolations } from './support/axe.ts'

type Row = ScoreResponse['determinants'][number]
const row = (number: number, name: string, group: Row['group'], neg: number | null, neu: number | null, pos: number | null, status: Row['status'], n = 10): Row => ({
  number,
  name,
  group,
  respondent: group === 'organisation' || group === 'context' ? 'key-informant' : 'user',
  n,
  mean: neg === null ? null : 3,
  negativeShare: neg,
  neutralShare: neu,
  positiveShare: pos,
  negativeShareInterval: neg === null ? null : wilsonInterval(Math.round(neg * n), n),
  positiveShareInterval: pos === null ? null : wilsonInterval(Math.round(pos * n), n),
  status,
  certainty: certaintyOf(
    status,
    neg === null ? null : wilsonInterval(Math.round(neg * n), n),
    pos === null ? null : wilsonInterval(Math.round(pos * n), n),
    { barrierShare: 0.2, facilitatorShare: 0.8 }
  ),
  polarised: (neg ?? 0) >= 0.2 && (pos ?? 0) >= 0.2,
  counted: 'all-respondents',
  items: [],
})

const determinants: Row[] = [
  row(4, 'Complexity', 'innovation', 0.3, 0.1, 0.6, 'barrier'),
  row(16, 'Self-efficacy', 'user', 0, 0.1, 0.9, 'facilitator'),
  row(23, 'Time available', 'organisation', 1, 0, 0, 'barrier', 1),
  row(29, 'Legislation', 'context', null, null, null, 'insufficient', 0),
]

async function mount(view: 'chart' | 'table' = 'chart') {
  const el = document.createElement('sw-profile-chart')
  el.determinants = determinants
  el.settings = { barrierShare: 0.2, facilitatorShare: 0.8, minAnswers: 1 }
  el.view = view
  document.body.append(el)
  await el.updateComplete
  return el
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('<sw-profile-chart>', () => {
  it('draws negative shares left and positive shares right of the centre, to scale', async () => {
    const el = await mount()
    const bars = [...(el.shadowRoot?.querySelectorAll('svg.bar[role="img"]') ?? [])]
    expect(bars).toHaveLength(3) // the insufficient one has no bar
    const width = (svg: Element, part: string) => Number(svg.querySelector(`[data-part="${part}"]`)?.getAttribute('width') ?? 0)
    const [complexity, selfEfficacy] = bars
    expect(width(complexity!, 'negative') / width(complexity!, 'positive')).toBeCloseTo(0.3 / 0.6, 5)
    expect(width(selfEfficacy!, 'negative')).toBe(0)
    const negative = complexity!.querySelector('[data-part="negative"]')!
    const positive = complexity!.querySelector('[data-part="positive"]')!
    expect(Number(negative.getAttribute('x')) + Number(negative.getAttribute('width'))).toBeCloseTo(Number(positive.getAttribute('x')), 5)
  })

  it('writes every share out and names each bar, so it reads without colour', async () => {
    await mount()
    await expect.element(page.getByRole('img', { name: 'Complexity: 30% negative, 10% neutral, 60% positive, 10 respondents' })).toBeVisible()
    await expect.element(page.getByText('too few answers (0)')).toBeVisible()
  })

  it('marks barriers and facilitators in words, grouped by the four groups', async () => {
    const el = await mount()
    const headings = [...(el.shadowRoot?.querySelectorAll('h3') ?? [])].map((h) => h.textContent)
    expect(headings).toEqual(['The approach itself', 'The professional', 'The school as organisation', 'Laws and regulations'])
    const barrierRows = el.shadowRoot?.querySelectorAll('.row.barrier') ?? []
    expect([...barrierRows].map((r) => r.querySelector('.badge')?.textContent)).toEqual(['Barrier', 'Barrier'])
    expect(el.shadowRoot?.textContent).toContain('Facilitator')
    expect(el.shadowRoot?.textContent).toContain('divided')
  })

  it('draws the thresholds at their settings', async () => {
    const el = await mount()
    el.settings = { barrierShare: 0.5, facilitatorShare: 0.75, minAnswers: 1 }
    await el.updateComplete
    await expect.element(page.getByText(/barrier at 50% negative, facilitator at 75% positive/)).toBeVisible()
  })

  it('offers the same numbers as a table', async () => {
    await mount('table')
    await expect.element(page.getByRole('table')).toBeVisible()
    const rows = page.getByRole('row').all()
    expect(rows).toHaveLength(5)
    await expect.element(page.getByRole('row', { name: /Complexity/ })).toHaveTextContent(/30%.*10%.*60%.*Barrier/)
  })

  it('has no serious accessibility violations in either view', async () => {
    const el = await mount()
    expect(await axeViolations(document.body)).toEqual([])
    el.view = 'table'
    await el.updateComplete
    expect(await axeViolations(document.body)).toEqual([])
  })
})
