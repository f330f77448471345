const storage = await vi.hoisted(async () =>
  (await import('./support/storage.ts')).ownLocalStorage({
    'strategiewijzer:state:v1': '{"team":[{"id":"1","label":"Ans"',
  })
)

import { page } from 'vitest/browser'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../web/app-shell.ts'
import { DEFAULT_STATE } from '../../web/state/app-state.ts'
import { store, UNREADABLE_KEY } from '../../web/state/store.ts'
import { axeViolations } from './support/axe.ts'

async function mount() {
  const el = document.createElement('sw-app')
  document.body.append(el)
  await el.updateComplete
  return el
}

afterEach(() => {
  document.body.innerHTML = ''
})

const notice = () => page.getByRole('alert')

describe('<sw-app>', () => {
  it('says when the saved data could not be read at all, and offers it as a file', async () => {
    await mount()
    await expect
      .element(notice())
      .toHaveTextContent(
        /The data saved in this browser could not be read\..*kept aside in this browser/
      )
    const saved = vi.spyOn(URL, 'createObjectURL')
    await page.getByRole('button', { name: 'Download the unreadable part (JSON)' }).click()
    const file = saved.mock.calls[0]?.[0] as Blob
    expect(JSON.parse(await file.text())).toEqual([
      { at: expect.any(String), text: '{"team":[{"id":"1","label":"Ans"' },
    ])
    saved.mockRestore()
  })

  it('says how much could not be read, part by part, when only some of it is unreadable', async () => {
    store.dismissUnreadable()
    storage.setItem(
      'strategiewijzer:state:v1',
      JSON.stringify({
        ...DEFAULT_STATE,
        team: [
          { id: '1', label: 'A', role: 'constructor', answers: {} },
          { id: '2', label: 'B', role: 'user', answers: {} },
        ],
        plan: [{ spec: {} }],
      })
    )
    store.update(() => ({ planTitle: 'x' }))
    await mount()
    await expect
      .element(notice())
      .toHaveTextContent(
        /Some of the data saved in this browser could not be read\..*Respondents: 1, Plan: 1\. Everything else was kept\./
      )
    expect(store.state.team.map((m) => m.label)).toEqual(['B'])
  })

  it('closes the notice for good once it is closed', async () => {
    await mount()
    await page.getByRole('button', { name: 'Close notice' }).click()
    await expect.element(notice()).not.toBeInTheDocument()
    expect(
      JSON.parse(storage.getItem(UNREADABLE_KEY)!).every(
        (r: { dismissed?: boolean }) => r.dismissed
      )
    ).toBe(true)
  })

  it('shows the notice and the Undo toast without serious accessibility violations', async () => {
    storage.setItem('strategiewijzer:state:v1', '{broken')
    store.update(() => ({ team: [{ id: '1', label: 'Docent A', role: 'user', answers: {} }] }))
    store.removeMember('1')
    await mount()
    await expect.element(notice()).toBeVisible()
    await expect.element(page.getByRole('button', { name: 'Undo' })).toBeVisible()
    expect(await axeViolations(document.body)).toEqual([])
  })
})
