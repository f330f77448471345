await vi.hoisted(async () => (await import('./support/storage.ts')).ownLocalStorage())

import { page } from 'vitest/browser'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../web/pages/page-strategy.ts'
import type { StrategyOut } from '../../server/schemas/api.ts'
import { store } from '../../web/state/store.ts'
import { stubApi } from './support/api.ts'

const base: StrategyOut = {
  id: 'recognised-interventions',
  name: 'Choose recognised programmes',
  description: 'Prefer a programme from a database of recognised interventions.',
  example: 'The team picks the listed resilience programme.',
  cluster: 'financial',
  clusterName: 'Arrange funding and means',
  phases: ['preparation'],
  actors: ['implementation-team'],
  effort: 'low',
  origin: 'eric',
  ericNumber: 49,
  ericName: 'Place innovation on fee for service lists/formularies',
  waltz: { importance: 3.4 },
  mechanismChanged: false,
  adaptationNote: null,
}

async function show(strategy: StrategyOut) {
  stubApi({
    [`GET /api/strategies/${strategy.id}`]: { ...strategy, determinants: [] },
    'GET /api/reference': { sources: [], methods: [], clusters: [] },
  })
  const el = document.createElement('sw-page-strategy')
  el.strategyId = strategy.id
  document.body.append(el)
  await expect.element(page.getByRole('heading', { level: 1, name: strategy.name })).toBeVisible()
  return el
}

afterEach(() => {
  document.body.innerHTML = ''
  store.reset()
  vi.unstubAllGlobals()
})

describe('<sw-page-strategy>', () => {
  it('shows the Waltz rating of a strategy that works as the health-care original does', async () => {
    const el = await show(base)
    expect(el.shadowRoot?.querySelector('dl')?.textContent).toMatch(/Expert rating\s*importance 3\.40 \/ 5 \(Waltz et al\. 2015\)/)
  })

  it('hides the Waltz rating of a strategy whose mechanism changed, and says why and what changed', async () => {
    const note = 'ERIC means getting the innovation onto a list of reimbursed care; here the school chooses from a database.'
    const el = await show({ ...base, mechanismChanged: true, adaptationNote: note })
    const facts = el.shadowRoot?.querySelector('dl')?.textContent ?? ''
    expect(facts).not.toMatch(/3\.40|Waltz et al\. 2015/)
    expect(facts).toMatch(/Expert rating\s*Not shown: the health-care experts rated the original strategy, which works differently\./)
    expect(facts).toContain(note)
  })
})
