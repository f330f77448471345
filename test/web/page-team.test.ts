await vi.hoisted(async () => (await import('./support/storage.ts')).ownLocalStorage())

import { page } from 'vitest/browser'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../web/app-shell.ts'
import '../../web/pages/page-team.ts'
import type { Member } from '../../web/state/app-state.ts'
import { store } from '../../web/state/store.ts'
import { stubApi } from './support/api.ts'
import { deepActiveElement } from './support/fixtures.ts'

const team: Member[] = [
  { id: '1', label: 'Docent A', role: 'user', answers: { d01: 4 } },
  { id: '2', label: 'Docent B', role: 'user', answers: { d01: 2, d04: 5 } },
  { id: '3', label: 'Teamleider', role: 'key-informant', answers: { d01: 1 } },
]

beforeEach(async () => {
  stubApi({}) // the profile is not needed here
  store.update(() => ({ team }))
  document.body.append(document.createElement('sw-app'), document.createElement('sw-page-team'))
  await expect.element(page.getByRole('rowheader', { name: /Docent B/ })).toBeVisible()
})

afterEach(() => {
  document.body.innerHTML = ''
  store.reset()
})

const rows = () =>
  [
    ...(document
      .querySelector('sw-page-team')
      ?.shadowRoot?.querySelectorAll<HTMLElement>('tr[data-id]') ?? []),
  ].map((r) => r.dataset.id)

describe('<sw-page-team>', () => {
  it('removes a respondent with an offer to undo, and Undo puts their answers back in their place', async () => {
    await page.getByRole('button', { name: /^Remove\b.*Docent B/ }).click()
    await expect.poll(rows).toEqual(['1', '3'])
    await expect
      .element(page.getByRole('status').filter({ hasText: 'removed' }))
      .toHaveTextContent('Answers of Docent B removed')
    await expect.poll(() => deepActiveElement()?.textContent?.trim()).toBe('Undo')
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(rows).toEqual(['1', '2', '3'])
    expect(store.state.team).toEqual(team)
    await expect.poll(() => deepActiveElement()?.textContent).toMatch(/Remove\s+Docent B/)
  })
})
