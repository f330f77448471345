import { page } from 'vitest/browser'
import { afterEach, describe, expect, it } from 'vitest'
import type { RecommendedStrategy } from '../../server/schemas/api.ts'
import '../../web/components/strategy-card.ts'
import type { StrategyActionEvent } from '../../web/events.ts'
import { axeViolations } from './support/axe.ts'

const strategy: RecommendedStrategy = {
  id: 'allocate-task-hours',
  name: 'Allocate task hours',
  description: 'Those who deliver the approach get hours for it.',
  example: 'The team leader sets aside ten hours per mentor.',
  cluster: 'financial',
  clusterName: 'Arrange funding and means',
  phases: ['preparation', 'sustainment'],
  actors: ['school-management'],
  effort: 'medium',
  origin: 'eric',
  ericNumber: 2,
  ericName: 'Alter incentive/allowance structures',
  waltz: null,
  score: 0.42,
  addresses: [
    { determinant: 23, name: 'Time available', severity: 0.5, strength: 0.6, label: 'essential', agreement: 2, evidence: [{ source: 'editorial', method: 'editorial-judgement', strength: 0.6 }, { source: 'cfir', method: 'cfir-eric-crosswalk', strength: 0.2 }] },
    { determinant: 25, name: 'Coordinator', severity: 0.4, strength: 0.3, label: 'supportive', agreement: 1, evidence: [{ source: 'editorial', method: 'editorial-judgement', strength: 0.3 }] },
  ],
  why: 'Addresses 2 of your barriers, most strongly Time available (50% negative; essential link).',
}

async function mount(planned = false) {
  const el = document.createElement('sw-strategy-card')
  el.strategy = strategy
  el.rank = 1
  el.planned = planned
  el.sourceNames = new Map([['editorial', 'Strategiewijzer editorial team'], ['cfir', 'Waltz et al. 2019']])
  document.body.append(el)
  await el.updateComplete
  return el
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('<sw-strategy-card>', () => {
  it('says why the strategy is recommended: each barrier with severity, strength and sources', async () => {
    await mount()
    await expect.element(page.getByText(strategy.why)).toBeVisible()
    await expect.element(page.getByRole('listitem').filter({ hasText: 'Time available' })).toHaveTextContent(
      /50% negative.*essential.*link 0\.60.*Strategiewijzer editorial team; Waltz et al\. 2019.*2 methods agree/
    )
    await expect.element(page.getByRole('listitem').filter({ hasText: 'Coordinator' })).toHaveTextContent(/supportive/)
  })

  it('shows where the strategy fits: cluster, phases and effort', async () => {
    const el = await mount()
    expect(el.shadowRoot?.querySelector('.meta')?.textContent).toMatch(/Arrange funding and means.*Preparation.*Sustainment.*Medium effort/s)
  })

  it('asks to add the strategy to the plan, or to take it out when it is there', async () => {
    const el = await mount()
    const actions: string[] = []
    el.addEventListener('strategy-action', (e: StrategyActionEvent) => actions.push(`${e.strategy}:${e.action}`))
    await page.getByRole('button', { name: /^Add to plan/ }).click()
    el.planned = true
    await el.updateComplete
    await page.getByRole('button', { name: /In the plan/ }).click()
    await page.getByRole('button', { name: /Not for us/ }).click()
    expect(actions).toEqual(['allocate-task-hours:plan', 'allocate-task-hours:unplan', 'allocate-task-hours:exclude'])
  })

  it('has no serious accessibility violations', async () => {
    await mount(true)
    expect(await axeViolations(document.body)).toEqual([])
  })
})
