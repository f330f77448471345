await vi.hoisted(async () => (await import('./support/storage.ts')).ownLocalStorage())

import { page } from 'vitest/browser'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../web/app-shell.ts'
import '../../web/pages/page-recommendations.ts'
import { emptySpec, type PlanEntry } from '../../web/state/app-state.ts'
import { store } from '../../web/state/store.ts'
import { stubApi } from './support/api.ts'
import { deepActiveElement, recommendedStrategy } from './support/fixtures.ts'

const written: PlanEntry = {
  strategy: recommendedStrategy.id,
  spec: { ...emptySpec(), action: 'Ten hours per mentor', timing: 'From the autumn break' },
  barriers: [23, 25],
}

beforeEach(async () => {
  stubApi({
    'POST /api/recommendations': {
      mode: 'ranked',
      weighting: 'sum',
      severityKind: 'given',
      barriers: [{ determinant: 23, name: 'Time available', severity: 0.5 }],
      strategies: [recommendedStrategy],
      uncovered: [],
    },
    'GET /api/strategies': { strategies: [] },
    'GET /api/reference': { sources: [], methods: [], clusters: [] },
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

afterEach(() => {
  document.body.innerHTML = ''
  store.reset()
})

describe('<sw-page-recommendations>', () => {
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
