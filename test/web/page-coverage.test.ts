await vi.hoisted(async () => (await import('./support/storage.ts')).ownLocalStorage())

import { page } from 'vitest/browser'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CoverageResponse } from '../../server/schemas/api.ts'
import '../../web/app-shell.ts'
import { setLocale } from '../../web/localization.ts'
import '../../web/pages/page-coverage.ts'
import { store } from '../../web/state/store.ts'
import { axeViolations } from './support/axe.ts'
import { catalogueStrategy, recommendedStrategy, referenceSources } from './support/fixtures.ts'
import { stubServer } from './support/server.ts'

const barriers = [
  { determinant: 23, name: 'Time available', severity: 1 },
  { determinant: 20, name: 'Replacement when staff leave', severity: 1 },
  { determinant: 29, name: 'Legislation', severity: 0.5 },
  { determinant: 16, name: 'Self-efficacy', severity: 0.4 },
]

/**
 * The approach uses educational meetings: essential for Self-efficacy, supportive for Time.
 * With all sources Time and Replacement have a stronger strategy; with published sources only
 * neither has, and Legislation has none either way.
 */
function coverage(publishedOnly: boolean): CoverageResponse {
  return {
    severityKind: 'given',
    barriers,
    covered: [
      { determinant: 16, name: 'Self-efficacy', severity: 0.4, by: ['educational-meetings'], links: [{ strategy: 'educational-meetings', strength: 0.6, label: 'essential' }], weak: false },
    ],
    weaklyCovered: [
      { determinant: 23, name: 'Time available', severity: 1, by: ['educational-meetings'], links: [{ strategy: 'educational-meetings', strength: 0.3, label: 'supportive' }], weak: true },
    ],
    uncovered: [20, 29],
    gaps: [23, 20, 29],
    suggestions: [
      {
        determinant: 23,
        name: 'Time available',
        strategies: publishedOnly ? [] : [{ id: 'allocate-task-hours', name: 'Allocate task hours', strength: 0.6, label: 'essential', agreement: 1 }],
      },
      {
        determinant: 20,
        name: 'Replacement when staff leave',
        strategies: [{ id: 'handover-file', name: 'Handover file', strength: publishedOnly ? 0.2 : 0.6, label: publishedOnly ? 'supportive' : 'essential', agreement: 1 }],
      },
      { determinant: 29, name: 'Legislation', strategies: [] },
    ],
    additions: publishedOnly
      ? []
      : [
          { ...recommendedStrategy, covers: [23], weaklyCovers: [] },
          {
            ...recommendedStrategy,
            id: 'handover-file',
            name: 'Handover file',
            addresses: [{ ...recommendedStrategy.addresses[0]!, determinant: 20, name: 'Replacement when staff leave', label: 'supportive', strength: 0.3, counted: 0.3, evidence: [{ source: 'editorial', method: 'editorial-judgement', strength: 0.3 }] }],
            covers: [],
            weaklyCovers: [20],
          },
        ],
  }
}

async function open(publishedOnly = false) {
  const requests = stubServer({
    'POST /api/coverage': (_, body) => ({ status: 200, body: coverage((body as { sources?: string[] }).sources !== undefined) }),
    'GET /api/strategies': () => ({
      status: 200,
      body: { strategies: [catalogueStrategy('educational-meetings', 'Educational meetings'), catalogueStrategy('allocate-task-hours', 'Allocate task hours')] },
    }),
    'GET /api/reference': () => ({ status: 200, body: { sources: referenceSources, methods: [], clusters: [] } }),
  })
  store.update((s) => ({
    chosen: barriers.map(({ determinant, severity }) => ({ determinant, severity })),
    basis: 'chosen',
    approach: ['educational-meetings'],
    filters: { ...s.filters, publishedOnly },
  }))
  document.body.append(document.createElement('sw-app'), document.createElement('sw-page-coverage'))
  await page.getByRole('button', { name: /^(Check coverage|Dekking toetsen)$/ }).click()
  await expect.element(page.getByRole('heading', { level: 2, name: /^(Coverage|Dekking)$/ })).toBeVisible()
  return () => requests.filter((r) => r.key === 'POST /api/coverage').map((r) => r.body as { sources?: string[] })
}

/** The text of one result card, by its class (covered, weak, gap), with spaces collapsed. */
const card = (kind: 'covered' | 'weak' | 'gap') =>
  (document.querySelector('sw-page-coverage')?.shadowRoot?.querySelector(`.card.${kind}`)?.textContent ?? '').replace(/\s+/g, ' ').trim()

/** The gap of barrier `name` in the list of gaps. */
const gap = (name: string) => page.getByRole('listitem').filter({ hasText: `${name} — ` }).first()

afterEach(async () => {
  document.body.innerHTML = ''
  store.reset()
  await setLocale('en')
})

describe('<sw-page-coverage>', () => {
  it('tells covered (essential link), weakly covered (supportive only) and not reached apart, and never calls a supportive link covered', async () => {
    await open()
    await expect
      .element(page.getByRole('status').filter({ hasText: 'Of your 4 barriers' }))
      .toHaveTextContent('Of your 4 barriers, your approach covers 1 through an essential link, covers 1 only weakly (supportive links) and does not reach 2.')
    expect(card('covered')).toBe('Covered (essential link) Self-efficacy (hinders a little): Educational meetings (essential link)')
    expect(card('weak')).toBe('Weakly covered (supportive links only) Time available (hinders strongly): Educational meetings (supportive link)')
  })

  it('lists per gap whether it is weakly covered or not reached, the stronger strategies, or plainly none', async () => {
    await open()
    await expect.element(gap('Time available')).toHaveTextContent('Time available — weakly covered: Allocate task hours (essential link)')
    await expect.element(gap('Replacement when staff leave')).toHaveTextContent('Replacement when staff leave — not reached: Handover file (essential link)')
    await expect.element(gap('Legislation')).toHaveTextContent('Legislation — not reached: No strategy in the knowledge base addresses this barrier.')
  })

  it('shows what each addition closes, essentially or only weakly, with the evidence in words', async () => {
    await open()
    const additions = page.getByRole('list').filter({ hasText: 'Allocate task hours' }).last()
    await expect.element(additions.getByRole('listitem').first()).toHaveTextContent(/^Allocate task hours — covers Time available \(essential link\)/)
    await expect.element(page.getByRole('listitem').filter({ hasText: 'Handover file — weakly covers' })).toHaveTextContent(
      /Handover file — weakly covers Replacement when staff leave \(supportive links only\)/
    )
    await page.getByText('Evidence').first().click()
    await expect
      .element(page.getByRole('listitem').filter({ hasText: 'Time available: essential link' }).first())
      .toHaveTextContent('Time available: essential link our proposal (not tested) · 0.6 (our judgement) · Strategiewijzer editorial team expert data via our crosswalk · ≥20% · Waltz et al. 2019')
  })

  it('with published sources only, checks again with those sources, keeps the choice and says which gaps have nothing', async () => {
    const sent = await open()
    expect(sent().at(-1)?.sources).toBeUndefined()
    await page.getByRole('checkbox', { name: 'Published sources only' }).click()
    await expect.element(gap('Legislation')).toHaveTextContent('Legislation — not reached: With published sources only, this barrier has no strategy.')
    await expect.element(gap('Time available')).toHaveTextContent(
      'Time available — weakly covered: With published sources only, no strategy links to this barrier more strongly.'
    )
    await expect.element(gap('Replacement when staff leave')).toHaveTextContent('Replacement when staff leave — not reached: Handover file (supportive link)')
    expect(sent().at(-1)?.sources).toEqual(['cfir', 'isc'])
    expect(store.state.filters.publishedOnly).toBe(true)
  })

  it('says the same in Dutch', async () => {
    await setLocale('nl')
    await open(true)
    await expect.element(page.getByRole('checkbox', { name: 'Alleen gepubliceerde bronnen' })).toBeChecked()
    await expect
      .element(page.getByRole('status').filter({ hasText: 'Van jullie 4 belemmeringen' }))
      .toHaveTextContent(/dekt jullie aanpak er 1 met een essentiële koppeling, 1 alleen zwak \(ondersteunende koppelingen\) en 2 bereikt ze niet\./)
    expect(card('weak')).toMatch(/^Zwak gedekt \(alleen ondersteunende koppelingen\) Time available .*\(ondersteunende koppeling\)$/)
    await expect.element(gap('Legislation')).toHaveTextContent('Legislation — niet bereikt: Met alleen gepubliceerde bronnen heeft deze belemmering geen strategie.')
  })

  it('lists the chosen strategies together, finds others by name or description with accents and case ignored, and takes one out', async () => {
    await open()
    const chosen = page.getByRole('list', { name: 'Chosen strategies' })
    await expect.element(chosen).toHaveTextContent(/Educational meetings/)
    const find = page.getByLabelText('Find a strategy by name or description')
    await find.fill('ALLOCATE')
    await expect.element(page.getByRole('checkbox', { name: /Allocate task hours/ })).toBeVisible()
    expect(page.getByRole('checkbox', { name: /Educational meetings/ }).elements()).toEqual([])
    // By a word of the description only, typed with an accent it does not have.
    const description = recommendedStrategy.description.split(/\s+/).find((w) => w.length > 6)!.replace(/[^\p{L}]/gu, '')
    await find.fill(description.replace(/e/, 'é').toUpperCase())
    await expect.element(page.getByRole('checkbox', { name: /Allocate task hours/ })).toBeVisible()
    await find.fill('')
    await page.getByRole('checkbox', { name: /Allocate task hours/ }).click()
    await expect.element(chosen).toHaveTextContent(/Educational meetings.*Allocate task hours/)
    await page.getByRole('button', { name: 'Remove Educational meetings' }).click()
    expect(store.state.approach).toEqual(['allocate-task-hours'])
  })

  it('has no serious accessibility violations', async () => {
    await open()
    await page.getByText('Evidence').first().click()
    expect(await axeViolations(document.body)).toEqual([])
  })
})
