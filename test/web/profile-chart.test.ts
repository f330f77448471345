import { page } from 'vitest/browser'
import { afterEach, describe, expect, it } from 'vitest'
import type { ScoreResponse } from '../../server/schemas/api.ts'
import { certaintyOf, wilsonInterval } from '../../server/domain/uncertainty.ts'
import { labelPlacement, labelWidth } from '../../web/components/profile-chart.ts'
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

async function mount(view: 'chart' | 'table' | 'groups' = 'chart', rows: Row[] = determinants) {
  const el = document.createElement('sw-profile-chart')
  el.determinants = rows
  el.settings = { barrierShare: 0.2, facilitatorShare: 0.8, minAnswers: 1 }
  el.view = view
  document.body.append(el)
  await el.updateComplete
  return el
}

afterEach(async () => {
  document.body.innerHTML = ''
  await page.viewport(1280, 720)
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
    await expect
      .element(page.getByRole('img', { name: 'Complexity: 30% negative, 10% neutral, 60% positive, 10 respondents; the negative share could be between 11% and 60%' }))
      .toBeVisible()
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
    await expect.element(page.getByRole('row', { name: /Complexity/ })).toHaveTextContent(/30%.*11%–60%.*10%.*60%.*Barrier/)
  })

  it('marks barrier rows in the table with the word, not only a colour', async () => {
    const el = await mount('table')
    const marked = [...(el.shadowRoot?.querySelectorAll('tr.barrier th .badge.barrier') ?? [])].map((b) => b.closest('tr')?.querySelector('th')?.textContent?.trim())
    expect(marked).toEqual([expect.stringMatching(/^4\. Complexity/), expect.stringMatching(/^23\. Time available/)])
  })

  it('keeps the table caption in view on a phone: it wraps instead of scrolling away', async () => {
    await page.viewport(390, 800)
    const el = await mount('table')
    const caption = el.shadowRoot!.querySelector('.caption')!
    const box = caption.getBoundingClientRect()
    expect(box.left).toBeGreaterThanOrEqual(0)
    expect(box.right).toBeLessThanOrEqual(390)
    expect(caption.scrollWidth).toBeLessThanOrEqual(caption.clientWidth + 1)
    await expect.element(page.getByRole('table', { name: /Determinant profile/ })).toBeInTheDocument()
  })

  it('gives each row its number of answers, so 100% of two people reads as two people', async () => {
    const el = await mount('chart', [row(6, 'Relevance', 'innovation', 1, 0, 0, 'barrier', 2)])
    expect(el.shadowRoot?.querySelector('.row .n')?.textContent).toBe('2 answers')
  })

  it('draws the 95% interval of each share under its bar, to scale', async () => {
    const el = await mount()
    const complexity = el.shadowRoot!.querySelector('.row[data-number="4"] svg.bar')!
    const path = complexity.querySelector('[data-part="negative-interval"]')!.getAttribute('d')!
    const xs = [...path.matchAll(/M([\d.]+) /g)].map((m) => Number(m[1]))
    const centre = Number(complexity.querySelector('line')!.getAttribute('x1'))
    const negative = complexity.querySelector('[data-part="negative"]')!
    const side = Number(negative.getAttribute('width')) / 0.3
    const [low, high] = determinants[0]!.negativeShareInterval!
    expect(xs[0]).toBeCloseTo(centre - low * side, 5)
    expect(xs[xs.length - 1]).toBeCloseTo(centre - high * side, 5)
  })

  it('says in words when a verdict is uncertain', async () => {
    await mount('chart', [row(9, 'Support', 'user', 0.25, 0.5, 0.25, 'barrier', 8)])
    await expect.element(page.getByText('uncertain: with 8 answers the negative share could be between 7% and 59%')).toBeVisible()
  })

  it('writes every label at 14 px or more at projector size (1280 × 720)', async () => {
    await page.viewport(1280, 720)
    const el = await mount()
    const texts = [...el.shadowRoot!.querySelectorAll('text, .n, .certainty, .badge, .legend, .axis, .name')]
    expect(texts.length).toBeGreaterThan(10)
    for (const t of texts) expect(Number.parseFloat(getComputedStyle(t).fontSize), t.outerHTML.slice(0, 60)).toBeGreaterThanOrEqual(14)
  })

  it('never lets a share label overlap a threshold line, for any share', async () => {
    const rows = Array.from({ length: 21 }, (_, i) => row(i + 1, `D${i + 1}`, 'user', i / 20, 0, 1 - i / 20, i / 20 >= 0.2 ? 'barrier' : 'facilitator', 20))
    for (const width of [1280, 390]) {
      await page.viewport(width, 720)
      document.body.innerHTML = ''
      const el = await mount('chart', rows)
      await new Promise((r) => requestAnimationFrame(r))
      await el.updateComplete
      for (const bar of el.shadowRoot!.querySelectorAll('svg.bar[role="img"]')) {
        for (const [label, line] of [['negative', 'barrier'], ['positive', 'facilitator']] as const) {
          const text = bar.querySelector<SVGTextElement>(`[data-label="${label}"]`)!.getBBox()
          const x = Number(bar.querySelector(`[data-threshold="${line}"]`)!.getAttribute('x1'))
          expect(x < text.x - 1 || x > text.x + text.width + 1, `${width}px ${bar.getAttribute('aria-label')} ${label}`).toBe(true)
        }
      }
    }
  })

  it('places a label beyond the threshold line rather than across it', () => {
    // A 15% negative bar ends right of the 20% line at x = 80: its label would cross it.
    expect(labelPlacement(85, 80, labelWidth('15%'), 'left')).toEqual({ x: 76, anchor: 'end' })
    expect(labelPlacement(40, 80, labelWidth('60%'), 'left')).toEqual({ x: 36, anchor: 'end' })
    expect(labelPlacement(300, 310, labelWidth('75%'), 'right')).toEqual({ x: 314, anchor: 'start' })
  })

  it('puts the groups side by side, a group with too few answers as words, never numbers', async () => {
    const el = document.createElement('sw-profile-chart')
    el.determinants = determinants
    el.view = 'groups'
    const shown = determinants.map((d) => ({ ...d, suppressed: null }))
    el.subgroups = {
      minGroupSize: 5,
      groups: [
        { group: 'Mentoren', n: 7, suppressed: null, determinants: shown, barriers: [4] },
        { group: 'Zorg', n: 2, suppressed: 'too-few' },
        { group: 'Docenten', n: 5, suppressed: 'could-be-derived' },
      ],
    }
    document.body.append(el)
    await el.updateComplete
    await expect.element(page.getByRole('columnheader', { name: /Zorg.*2 answers/ })).toBeVisible()
    const complexity = page.getByRole('row', { name: /Complexity/ })
    await expect.element(complexity).toHaveTextContent(/30%.*Barrier.*too few answers to show.*too few answers to show/)
    expect(await axeViolations(document.body)).toEqual([])
  })

  it('has no serious accessibility violations in either view', async () => {
    const el = await mount()
    expect(await axeViolations(document.body)).toEqual([])
    el.view = 'table'
    await el.updateComplete
    expect(await axeViolations(document.body)).toEqual([])
  })
})
