await vi.hoisted(async () => (await import('./support/storage.ts')).ownLocalStorage())

import { page } from 'vitest/browser'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../web/pages/page-respond.ts'
import { credentials } from '../../web/workspace/credentials.ts'
import { axeViolations } from './support/axe.ts'
import { stubServer, type Handler } from './support/server.ts'

const TOKEN = `swr_${'r'.repeat(32)}`
const options = [
  { value: 0, label: 'Totally disagree' },
  { value: 1, label: 'Disagree' },
  { value: 3, label: 'Agree' },
]
const items = [
  { id: 'd01', determinant: 1, group: 'innovation', respondent: 'user', text: 'The approach is clear', options },
  { id: 'd16a', determinant: 16, group: 'user', respondent: 'user', text: 'I can do it', options },
]
const view = (accepting = true) => ({
  workspace: { name: 'Vmbo De Linde', innovation: 'Integrale aanpak mentaal welbevinden', groups: ['Docenten', 'Mentoren'] },
  round: { label: 'Nulmeting', accepting, closesAt: null },
})
const draftKey = `strategiewijzer:respond-draft:v1:${TOKEN}`

function serve(submit: Handler, accepting = true) {
  return stubServer({
    [`GET /api/respond/${TOKEN}`]: () => ({ status: 200, body: view(accepting) }),
    'GET /api/questionnaire': () => ({ status: 200, body: { items } }),
    [`POST /api/respond/${TOKEN}`]: submit,
  })
}

async function mount() {
  document.body.append(document.createElement('sw-page-respond'))
  await expect.element(page.getByRole('heading', { level: 1, name: 'Integrale aanpak mentaal welbevinden' })).toBeVisible()
}

/** Group, role, one answer, the summary: ready to submit. */
async function fillIn() {
  await page.getByLabelText('Your group (optional)').selectOptions('Mentoren')
  await page.getByRole('button', { name: 'Start', exact: true }).click()
  await page.getByRole('group', { name: /^1\./ }).getByRole('radio', { name: 'Agree', exact: true }).click()
  await page.getByRole('button', { name: 'Next part' }).click()
  await page.getByRole('button', { name: 'To the summary' }).click()
}

beforeEach(() => {
  localStorage.clear()
  credentials.saveRespondentToken(TOKEN)
})

afterEach(() => {
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

describe('<sw-page-respond>', () => {
  it('shows the school, the approach and the round, and sends the answers with the group and role', async () => {
    const requests = serve(() => ({ status: 201, body: { status: 'stored' } }))
    await mount()
    await expect.element(page.getByText('Vmbo De Linde')).toBeVisible()
    await expect.element(page.getByText(/Nulmeting/)).toBeVisible()
    expect(await axeViolations(document.body)).toEqual([])
    await fillIn()
    await page.getByRole('button', { name: 'Submit answers' }).click()
    await expect.element(page.getByText('Your answers reached the team of Vmbo De Linde. Thank you.')).toBeVisible()
    const sent = requests.find((r) => r.key === `POST /api/respond/${TOKEN}`)?.body
    expect(sent).toMatchObject({ role: 'user', group: 'Mentoren', answers: { d01: 3, d16a: null } })
    expect((sent as { submissionId: string }).submissionId).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(localStorage.getItem(draftKey)).toBeNull()
    expect(await axeViolations(document.body)).toEqual([])
  })

  it('keeps the answers when the connection fails, and tries again with the same submission id', async () => {
    let attempt = 0
    const requests = serve(() => {
      if (++attempt === 1) throw new TypeError('Failed to fetch')
      return { status: 200, body: { status: 'already-stored' } }
    })
    await mount()
    await fillIn()
    await page.getByRole('button', { name: 'Submit answers' }).click()
    await expect.element(page.getByText('Your answers have not been sent yet.', { exact: false })).toBeVisible()
    expect(JSON.parse(localStorage.getItem(draftKey) ?? '{}')).toMatchObject({ answers: { d01: 3 }, group: 'Mentoren' })
    expect(await axeViolations(document.body)).toEqual([])
    await page.getByRole('button', { name: 'Try again' }).click()
    await expect.element(page.getByText('Your answers reached the team of Vmbo De Linde. Thank you.')).toBeVisible()
    const ids = requests.filter((r) => r.key.startsWith('POST')).map((r) => (r.body as { submissionId: string }).submissionId)
    expect(ids).toHaveLength(2)
    expect(ids[1]).toBe(ids[0])
  })

  it('keeps a draft across a reload of the page', async () => {
    serve(() => ({ status: 201, body: {} }))
    await mount()
    await page.getByRole('button', { name: 'Start', exact: true }).click()
    await page.getByRole('group', { name: /^1\./ }).getByRole('radio', { name: 'Disagree', exact: true }).click()
    document.body.innerHTML = ''
    await mount()
    await expect.element(page.getByRole('group', { name: /^1\./ }).getByRole('radio', { name: 'Disagree', exact: true })).toBeChecked()
  })

  it('says plainly when the round closed before the answers arrived', async () => {
    serve(() => ({ status: 410, body: { error: { code: 'round_closed', message: 'closed' } } }))
    await mount()
    await fillIn()
    await page.getByRole('button', { name: 'Submit answers' }).click()
    await expect.element(page.getByText(/This round is closed: it takes no more answers/)).toBeVisible()
  })

  it('says that a closed round takes no answers before anyone starts', async () => {
    serve(() => ({ status: 410 }), false)
    await mount()
    await expect.element(page.getByText(/This round is closed: it takes no more answers/)).toBeVisible()
    expect(document.querySelector('sw-page-respond')?.shadowRoot?.querySelector('sw-questionnaire')).toBeNull()
  })

  it('asks for the current link when this one no longer works', async () => {
    stubServer({ 'GET /api/questionnaire': () => ({ status: 200, body: { items } }) })
    document.body.append(document.createElement('sw-page-respond'))
    await expect.element(page.getByText('This link no longer works. Ask the team for the current one.')).toBeVisible()
    expect(document.body.innerHTML).not.toContain(TOKEN)
  })
})
