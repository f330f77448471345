await vi.hoisted(async () => (await import('./support/storage.ts')).ownLocalStorage())

import { page } from 'vitest/browser'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RecommendationsResponse } from '../../server/schemas/api.ts'
import '../../web/app-shell.ts'
import { setLocale } from '../../web/localization.ts'
import '../../web/pages/page-recommendations.ts'
import { emptySpec, type Filters, type PlanEntry } from '../../web/state/app-state.ts'
import { store } from '../../web/state/store.ts'
import { stubApi } from './support/api.ts'
import { axeViolations } from './support/axe.ts'
import { deepActiveElement, recommendedStrategy, referenceSources } from './support/fixtures.ts'
import { stubServer } from './support/server.ts'

const written: PlanEntry = {
  strategy: recommendedStrategy.id,
  spec: { ...emptySpec(), action: 'Ten hours per mentor', timing: 'From the autumn break' },
  barriers: [23, 25],
}

afterEach(async () => {
  document.body.innerHTML = ''
  store.reset()
  await setLocale('en')
})

describe('<sw-page-recommendations>', () => {
  beforeEach(async () => {
    stubApi({
      'POST /api/recommendations': {
        mode: 'ranked',
        weighting: 'severity',
        severityKind: 'given',
        barriers: [{ determinant: 23, name: 'Time available', severity: 0.5 }],
        unreachable: [],
        strategies: [recommendedStrategy],
        uncovered: [],
      },
      'GET /api/strategies': { strategies: [] },
      // The reference lists are kept per language for the whole file: every test gives the same.
      'GET /api/reference': { sources: referenceSources, methods: [], clusters: [] },
    })
    store.update(() => ({
      chosen: [{ determinant: 23, severity: 0.5 }],
      basis: 'chosen',
      plan: [{ strategy: 'other', spec: emptySpec(), barriers: [] }, written],
    }))
    document.body.append(
      document.createElement('sw-app'),
      document.createElement('sw-page-recommendations')
    )
    await expect.element(page.getByText('✓ In the plan')).toBeVisible()
  })

  it('takes a strategy out of the plan from its card with an offer to undo, and Undo brings back its text', async () => {
    await page.getByRole('button', { name: /^Remove from plan\b.*Allocate task hours/ }).click()
    await expect
      .element(page.getByRole('button', { name: /^Add to plan\b.*Allocate task hours/ }))
      .toBeVisible()
    expect(store.state.plan.map((p) => p.strategy)).toEqual(['other'])
    await expect
      .element(page.getByRole('status').filter({ hasText: 'removed' }))
      .toHaveTextContent('“Allocate task hours” removed from the plan')
    // The card's button kept the focus, so it stays there.
    expect(deepActiveElement()?.textContent).toMatch(/^\s*Add to plan/)

    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.element(page.getByText('✓ In the plan')).toBeVisible()
    expect(store.state.plan).toEqual([
      { strategy: 'other', spec: emptySpec(), barriers: [] },
      written,
    ])
    await expect.poll(() => deepActiveElement()?.textContent).toMatch(/^\s*Remove from plan/)
  })

  it('brings back the text when the strategy is added again right after taking it out', async () => {
    await page.getByRole('button', { name: /^Remove from plan\b.*Allocate task hours/ }).click()
    await page.getByRole('button', { name: /^Add to plan\b.*Allocate task hours/ }).click()
    await expect.element(page.getByText('✓ In the plan')).toBeVisible()
    expect(store.state.plan).toEqual([
      { strategy: 'other', spec: emptySpec(), barriers: [] },
      written,
    ])
  })
})

const barriers = [
  { determinant: 23, name: 'Time available', severity: 1 },
  { determinant: 20, name: 'Replacement when staff leave', severity: 1 },
  { determinant: 29, name: 'Legislation', severity: 0.5 },
]

type Body = { sources?: string[]; weighting?: string; mode?: string; limit?: number }

/** Opens the page on three barriers picked by hand; `answer` gives the recommendations for a request body. */
async function open(answer: (body: Body) => Partial<RecommendationsResponse>, filters: Partial<Filters> = {}) {
  const requests = stubServer({
    'POST /api/recommendations': (_, body) => ({
      status: 200,
      body: {
        mode: 'ranked',
        weighting: (body as Body).weighting ?? 'severity',
        severityKind: 'given',
        barriers,
        unreachable: [],
        strategies: [recommendedStrategy],
        uncovered: [20, 29],
        ...answer(body as Body),
      },
    }),
    'GET /api/strategies': () => ({ status: 200, body: { strategies: [] } }),
    'GET /api/reference': () => ({ status: 200, body: { sources: referenceSources, methods: [], clusters: [] } }),
  })
  store.update((s) => ({
    chosen: barriers.map(({ determinant, severity }) => ({ determinant, severity })),
    basis: 'chosen',
    filters: { ...s.filters, ...filters },
  }))
  document.body.append(document.createElement('sw-app'), document.createElement('sw-page-recommendations'))
  await expect.element(page.getByRole('heading', { level: 3, name: /Allocate task hours/ })).toBeVisible()
  // On a narrow window the filters start folded.
  const filtersPanel = document.querySelector('sw-page-recommendations')?.shadowRoot?.querySelector('details.filters')
  if (filtersPanel instanceof HTMLDetailsElement) filtersPanel.open = true
  const sent = () => requests.filter((r) => r.key === 'POST /api/recommendations').map((r) => r.body as Body)
  return { sent, last: () => sent().at(-1) }
}

/** Published sources only: Legislation has no strategy left; without the switch every barrier has one. */
const publishedOnlyAnswer = (body: Body) => (body.sources ? { unreachable: [29] } : { uncovered: [20] })

describe('<sw-page-recommendations>, evidence a team can trust', () => {
  it('sends only the published sources when asked, keeps the choice, and says plainly which barriers then have nothing', async () => {
    const { last } = await open(publishedOnlyAnswer)
    expect(last()?.sources).toBeUndefined()
    await expect.element(page.getByRole('checkbox', { name: 'Published sources only' })).toHaveAccessibleDescription(
      'Leaves out our own proposals (editorial links, not tested by experts).'
    )
    await page.getByRole('checkbox', { name: 'Published sources only' }).click()
    await expect.element(page.getByRole('listitem').filter({ hasText: 'Legislation:' })).toHaveTextContent(
      'Legislation: With published sources only, this barrier has no strategy.'
    )
    expect(last()?.sources).toEqual(['cfir', 'isc'])
    expect(store.state.filters.publishedOnly).toBe(true)
    // Said beside the results too: on a phone the switch is in the folded filters.
    await expect.element(page.getByText(/best-fitting strateg(y|ies) for your 3 barriers\.\s+Only links from published sources count\./)).toBeVisible()
    // A barrier some strategy could address, just not one shown, is said apart from those that have none.
    await expect
      .element(page.getByRole('status').filter({ hasText: 'Not addressed by these strategies' }))
      .toHaveTextContent(/^Not addressed by these strategies: Replacement when staff leave\./)

    await setLocale('nl')
    await expect.element(page.getByRole('listitem').filter({ hasText: 'Legislation:' })).toHaveTextContent(
      'Legislation: Met alleen gepubliceerde bronnen heeft deze belemmering geen strategie.'
    )
    await page.getByRole('checkbox', { name: 'Alleen gepubliceerde bronnen' }).click()
    await expect.element(page.getByText('Belemmeringen zonder strategie')).not.toBeInTheDocument()
    expect(last()?.sources).toBeUndefined()
    expect(store.state.filters.publishedOnly).toBe(false)
  })

  it('names the plan when the barrier has no strategy that fits it', async () => {
    await open(publishedOnlyAnswer, { publishedOnly: true, maxEffort: 'low' })
    await expect.element(page.getByRole('listitem').filter({ hasText: 'Legislation:' })).toHaveTextContent(
      'Legislation: With published sources only, this barrier has no strategy that fits your plan.'
    )
  })

  it('offers the CFIR–ERIC weighting with one line on what it does, sends it and keeps it', async () => {
    const { last } = await open(() => ({}))
    expect(last()?.weighting).toBe('severity')
    const cfirEric = page.getByRole('radio', { name: 'As the CFIR–ERIC tool' })
    await expect.element(cfirEric).toHaveAccessibleDescription(/like the CFIR–ERIC matching tool’s cumulative percentage; essential links do not come first/)
    await cfirEric.click()
    await expect.element(page.getByText('Order: as the CFIR–ERIC tool, the link strengths added up over your barriers.')).toBeVisible()
    expect(last()?.weighting).toBe('cfir-eric')
    expect(store.state.filters.weighting).toBe('cfir-eric')
  })

  it('says in one line how the order is made, with the rule in a disclosure, in English and in Dutch', async () => {
    await open(() => ({}))
    await expect.element(page.getByText('Order: first how well a strategy fits the barrier it fits best, then the rest of its links; breadth counts but at most doubles.')).toBeVisible()
    await page.getByText('How is the order made?').click()
    await expect.element(page.getByText(/so many weak links together count at most twice the best one/)).toBeVisible()
    await setLocale('nl')
    await expect
      .element(page.getByText('Volgorde: eerst hoe goed een strategie past bij de belemmering waar ze het best bij past, dan de rest van haar koppelingen; breedte telt mee maar verdubbelt hoogstens.'))
      .toBeVisible()
  })

  it('in a bundle, shows covered and weakly covered barriers as words, and says why it has fewer strategies than asked', async () => {
    const second = { ...recommendedStrategy, id: 'handover-file', name: 'Handover file', covers: [], weaklyCovers: [20] }
    await open(
      () => ({
        mode: 'bundle',
        strategies: [{ ...recommendedStrategy, covers: [23], weaklyCovers: [] }, second],
        covered: [23],
        weaklyCovered: [20],
        uncovered: [29],
        unreachable: [29],
      }),
      { mode: 'bundle', limit: 10 }
    )
    const coverage = page.getByRole('definition')
    await expect.element(page.getByRole('term').nth(0)).toHaveTextContent('Covered (essential link)')
    await expect.element(coverage.nth(0)).toHaveTextContent('Time available')
    await expect.element(page.getByRole('term').nth(1)).toHaveTextContent('Weakly covered (supportive links only)')
    await expect.element(coverage.nth(1)).toHaveTextContent('Replacement when staff leave')
    await expect.element(page.getByRole('term').nth(2)).toHaveTextContent('Not reached')
    await expect.element(coverage.nth(2)).toHaveTextContent('Legislation')
    await expect
      .element(page.getByRole('status').filter({ hasText: 'You asked for 10' }))
      .toHaveTextContent(
        'You asked for 10 strategies; 2 are enough: together they reach every barrier a fitting strategy can reach. ' +
          'For Replacement when staff leave no fitting strategy has an essential link. ' +
          'For Legislation there is no fitting strategy at all (widen the plan or the sources).'
      )
    await setLocale('nl')
    await expect.element(page.getByRole('term').nth(1)).toHaveTextContent('Zwak gedekt (alleen ondersteunende koppelingen)')
    await expect
      .element(page.getByRole('status').filter({ hasText: 'Jullie vroegen om 10' }))
      .toHaveTextContent(
        'Jullie vroegen om 10 strategieën; 2 zijn genoeg: samen bereiken ze elke belemmering die een passende strategie kan bereiken. ' +
          'Voor Replacement when staff leave bestaat geen passende strategie met een essentiële koppeling. ' +
          'Voor Legislation bestaat helemaal geen passende strategie (verruim het plan of de bronnen).'
      )
  })

  it('does not claim a bundle reaches all it can when a barrier some strategy reaches is left out', async () => {
    await open(
      () => ({ mode: 'bundle', strategies: [{ ...recommendedStrategy, covers: [23], weaklyCovers: [] }], covered: [23], weaklyCovered: [], uncovered: [20, 29], unreachable: [29] }),
      { mode: 'bundle', limit: 5 }
    )
    await expect.element(page.getByRole('status').filter({ hasText: 'You asked for 5' })).toHaveTextContent(/^You asked for 5 strategies; only 1 add to what the bundle covers\./)
  })

  it('has no serious accessibility violations, filters, notices and disclosure open', async () => {
    await open(() => ({ mode: 'bundle', covered: [23], weaklyCovered: [20], uncovered: [29], unreachable: [29], strategies: [{ ...recommendedStrategy, covers: [23], weaklyCovers: [20] }] }), {
      mode: 'bundle',
      publishedOnly: true,
    })
    await page.getByText('How is the order made?').click()
    expect(await axeViolations(document.body)).toEqual([])
  })
})
