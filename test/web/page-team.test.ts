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
  await expect.element(page.getByText(/^Manage: respondents \(3\)/)).toBeVisible()
})

/** The page's own shadow root. */
const teamRoot = () => document.querySelector('sw-page-team')!.shadowRoot!

async function openManage() {
  await page.getByText(/^Manage: respondents \(3\)/).click()
  await expect.element(page.getByRole('rowheader', { name: /Docent B/ })).toBeVisible()
}

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
  it('shows the profile first and folds the respondents, their names and the file actions away', async () => {
    const root = teamRoot()
    const profile = root.querySelector('#profile-title')!
    const manage = root.querySelector('details.admin')!
    expect(profile.compareDocumentPosition(manage) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect((manage as HTMLDetailsElement).open).toBe(false)
    await expect.element(page.getByRole('rowheader', { name: /Docent B/ })).not.toBeInTheDocument()
    await expect.element(page.getByRole('button', { name: 'Remove all' })).not.toBeInTheDocument()
    await openManage()
    await expect.element(page.getByRole('button', { name: 'Remove all' })).toBeVisible()
  })

  it('shows an invalid threshold at its field, says how to fix it, and keeps using the last valid one', async () => {
    await page.getByText(/^Thresholds: barrier at 20% negative/).click()
    const field = page.getByLabelText('Barrier from (% negative)')
    await field.fill('150')
    await field.element().dispatchEvent(new Event('change', { bubbles: true }))
    await expect.element(page.getByRole('alert').filter({ hasText: 'Enter a whole percentage from 1 to 100' })).toHaveTextContent(
      'Enter a whole percentage from 1 to 100. The profile keeps using 20%.'
    )
    await expect.element(field).toHaveAttribute('aria-invalid', 'true')
    expect(store.state.settings.barrierShare).toBe(0.2)
    await field.fill('30')
    await field.element().dispatchEvent(new Event('change', { bubbles: true }))
    await expect.poll(() => store.state.settings.barrierShare).toBe(0.3)
    await expect.element(field).toHaveAttribute('aria-invalid', 'false')
    await expect.element(page.getByRole('alert').filter({ hasText: 'Enter a whole percentage' })).not.toBeInTheDocument()
  })

  it('removes a respondent with an offer to undo, and Undo puts their answers back in their place', async () => {
    await openManage()
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
