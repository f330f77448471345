import { page } from 'vitest/browser'
import { afterEach, describe, expect, it } from 'vitest'
import '../../web/components/strategy-card.ts'
import type { StrategyActionEvent } from '../../web/events.ts'
import { axeViolations } from './support/axe.ts'
import { recommendedStrategy } from './support/fixtures.ts'

const strategy = recommendedStrategy

async function mount(planned = false, shown = strategy) {
  const el = document.createElement('sw-strategy-card')
  el.strategy = shown
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
    await page.getByRole('button', { name: /^Remove from plan\b.*Allocate task hours/ }).click()
    await page.getByRole('button', { name: /Not for us/ }).click()
    expect(actions).toEqual(['allocate-task-hours:plan', 'allocate-task-hours:unplan', 'allocate-task-hours:exclude'])
  })

  it('shows being in the plan as a state, not as a button', async () => {
    await mount(true)
    await expect.element(page.getByText('✓ In the plan')).toBeVisible()
    expect(page.getByRole('button', { name: /In the plan/ }).elements()).toEqual([])
    expect(page.getByRole('button', { pressed: true }).elements()).toEqual([])
  })

  it('keeps focus on the plan button when it turns from adding into taking out', async () => {
    const el = await mount()
    el.addEventListener('strategy-action', () => (el.planned = !el.planned))
    await page.getByRole('button', { name: /^Add to plan/ }).click()
    await el.updateComplete
    expect(el.shadowRoot?.activeElement?.textContent).toMatch(/^\s*Remove from plan/)
  })

  it('says that health-care expert ratings do not apply to a strategy whose mechanism changed', async () => {
    await mount(false, {
      ...strategy,
      waltz: { importance: 3.4 },
      mechanismChanged: true,
      adaptationNote: 'ERIC means getting the innovation onto a list of reimbursed care.',
    })
    await expect.element(page.getByText(/changes how it works, so the health-care expert ratings do not apply/)).toBeVisible()
    expect(document.body.querySelector('sw-strategy-card')?.shadowRoot?.textContent).not.toMatch(/3\.4/)
  })

  it('says nothing about ratings for a strategy that works as the original does', async () => {
    const el = await mount()
    expect(el.shadowRoot?.querySelector('.adapted')).toBeNull()
  })

  it('has no serious accessibility violations', async () => {
    await mount(true)
    expect(await axeViolations(document.body)).toEqual([])
  })
})
