import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations, startHarness, type Harness } from './support/harness.ts'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1366, height: 900 }
/** Screenshots of the mapping step, to look at; outside the repository. */
const SHOTS = process.env.SHOTS_DIR

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'survey-exports', name)

async function api(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${h.baseUrl}/api${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return res.json()
}

/** From the workspace page to the round's team page (the only round may already be the active one). */
async function openRound(page: Page) {
  await page
    .getByRole('button', { name: 'Work in Nulmeting' })
    .or(page.getByRole('link', { name: 'See the results of this round' }))
    .click()
}

/** Chooses an export in the import step and waits for the mapping step. */
async function choose(page: Page, name: string) {
  await page.locator('sw-survey-import input[type=file]').setInputFiles(fixture(name))
  await page.getByRole('heading', { level: 4, name: `How ${name} is read` }).waitFor()
}

async function confirm(page: Page, count: number) {
  const button = page.getByRole('button', { name: count === 1 ? 'Import 1 response' : `Import ${count} responses` })
  await expect.poll(() => button.isEnabled(), { timeout: 15_000 }).toBe(true)
  await button.click()
  await page.locator('#import-result').waitFor()
  // Focus moves to the result.
  const focused = () =>
    page.evaluate(() => {
      let el = document.activeElement
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
      return el?.id
    })
  await expect.poll(focused, { timeout: 15_000 }).toBe('import-result')
}

describe('survey exports brought into a round through the mapping step', () => {
  test('Qualtrics, LimeSurvey and Forms exports: fix what is unmatched, confirm, see the profile; the same file again adds nothing', async () => {
    const ws = await api('POST', '/workspaces', undefined, { name: 'Mbo Rijnstad', innovation: 'Welbevinden' })
    await api('POST', `/workspaces/${ws.id}/rounds`, ws.teamToken, { label: 'Nulmeting' })
    const { page } = await h.newPage(DESKTOP)
    await page.goto(`${h.baseUrl}/w/${ws.id}#${ws.teamToken}`)
    await page.getByRole('button', { name: 'EN', exact: true }).click()
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    await openRound(page)
    await page.getByRole('heading', { level: 1, name: 'Team results' }).waitFor()
    await page.getByRole('heading', { level: 3, name: 'Import answers from Forms, LimeSurvey or Qualtrics' }).waitFor()

    // Qualtrics: a preview row and an unfinished response are left out; two columns are unplaced.
    await choose(page, 'qualtrics.csv')
    await page.getByText('Made with Qualtrics').waitFor()
    await page.getByText('Left out: 1 preview(s), 1 unfinished').waitFor()
    await page.getByText('2 new, 0 already imported').waitFor()
    expect(await page.getByRole('button', { name: 'Import 2 responses' }).isDisabled()).toBe(true)
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'mapping-desktop.png'), fullPage: true })
    expect(await axeViolations(page), 'mapping step').toEqual([])
    await page.getByRole('combobox', { name: 'Column Q1 is' }).selectOption('group')
    await page.getByRole('combobox', { name: 'Column Q2_3 is' }).selectOption('ignored')
    await confirm(page, 2)
    await page.getByText('2 responses imported.').waitFor()
    await page.getByRole('heading', { level: 2, name: 'Your profile' }).waitFor()
    // The respondents are folded away under Manage, after the profile.
    await page.getByText(/^Manage: respondents \(2\)/).waitFor()
    expect(await axeViolations(page), 'after the import').toEqual([])

    // LimeSurvey with codes: an incomplete response is left out; everything else maps.
    await choose(page, 'limesurvey-codes.csv')
    await page.getByText('Made with LimeSurvey').waitFor()
    await page.getByText('Left out: 0 preview(s), 1 unfinished').waitFor()
    await confirm(page, 2)
    await page.getByText(/^Manage: respondents \(4\)/).waitFor()

    // Forms (Dutch headers): two columns to place and an answer no option names.
    await choose(page, 'ms-forms-sheet1.csv')
    await page.getByText('Made with Microsoft Forms').waitFor()
    await page.getByRole('combobox', { name: 'Column Wat is uw functie? is' }).selectOption('group')
    await page.getByRole('combobox', { name: 'Column Welke ondersteuning heeft u nodig? is' }).selectOption('ignored')
    await page.getByRole('combobox', { name: 'Answer “Zo-zo” to d02 counts as' }).selectOption({ label: 'counts as missing' })
    await confirm(page, 3)
    await page.getByText(/^Manage: respondents \(7\)/).waitFor()

    // The Qualtrics file again: the workspace remembers its mapping, and nothing is doubled.
    await choose(page, 'qualtrics.csv')
    await page.getByText('0 new, 2 already imported').waitFor()
    await confirm(page, 0)
    await page.getByText(/2 were imported before and were not added again/).waitFor()
    await page.getByText(/^Manage: respondents \(7\)/).waitFor()
    const round = (await api('GET', `/workspaces/${ws.id}`, ws.teamToken)).rounds[0]
    expect(round.submissionCount).toBe(7)

    // The mapping step on a phone.
    const phone = await h.newPage(PHONE)
    await phone.page.goto(`${h.baseUrl}/w/${ws.id}#${ws.teamToken}`)
    await phone.page.getByRole('button', { name: 'EN', exact: true }).click()
    await openRound(phone.page)
    // With answers in the round, the import sits folded under Manage, after the profile.
    await phone.page.getByText(/^Manage: respondents \(7\)/).click()
    await phone.page.getByRole('heading', { level: 3, name: 'Import answers from Forms, LimeSurvey or Qualtrics' }).waitFor()
    await choose(phone.page, 'ms-forms-sheet1.csv')
    await phone.page.getByText('0 new, 3 already imported').waitFor()
    await phone.page.getByRole('heading', { level: 4, name: 'How ms-forms-sheet1.csv is read' }).evaluate((e) => e.scrollIntoView())
    if (SHOTS) {
      await phone.page.screenshot({ path: join(SHOTS, 'mapping-phone.png') })
      await phone.page.getByRole('table', { name: 'Columns of the file' }).evaluate((e) => e.scrollIntoView())
      await phone.page.screenshot({ path: join(SHOTS, 'mapping-phone-columns.png') })
    }
    expect(await axeViolations(phone.page), 'mapping step on a phone').toEqual([])
  })
})
