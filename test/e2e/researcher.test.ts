import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiJson, axeViolations, shotsDir, startHarness, type Harness } from './support/harness.ts'

/** Screenshots for the closing note, looked at by a person. */
const SHOTS = shotsDir('researcher')

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const api = (method: string, path: string, body?: unknown, token?: string) => apiJson(h, method, path, body, token)

async function toEnglish(page: Page) {
  await page.getByRole('button', { name: 'EN', exact: true }).click()
  await page.waitForFunction(() => document.documentElement.lang === 'en')
}

describe('a researcher\u2019s reading of a round', () => {
  test('the profile split by group with one group suppressed, intervals, and the go-zone chart of the plan', async () => {
    const ws = await api('POST', '/workspaces?lang=en', { name: 'Mbo Rivierland', innovation: 'Integrated approach to mental well-being' })
    const round = await api('POST', `/workspaces/${ws.id}/rounds`, { label: 'Baseline' }, ws.teamToken)
    let n = 0
    const submit = (group: string | null, d04: number, d16a: number) =>
      api('POST', `/respond/${round.respondentToken}`, {
        submissionId: `e2e-researcher-${String(++n).padStart(4, '0')}`,
        ...(group ? { group } : {}),
        answers: { d01: 4, d04, d16a, d16b: d16a },
      })
    // Teachers find the approach complex, mentors do not: the team is divided on it.
    for (let i = 0; i < 6; i++) await submit('Teachers', 5, 2)
    for (let i = 0; i < 6; i++) await submit('Mentors', 1, 4)
    for (let i = 0; i < 3; i++) await submit('Care and guidance staff', 4, 3)
    for (let i = 0; i < 3; i++) await submit(null, 2, 4)
    const split = await api('GET', `/workspaces/${ws.id}/rounds/${round.id}/profile/groups?lang=en`, undefined, ws.teamToken)
    expect(split.groups.map((g: { group: string | null; suppressed: string | null }) => [g.group, g.suppressed])).toEqual([
      ['Teachers', null],
      ['Mentors', null],
      ['Care and guidance staff', 'too-few'],
      ['School management', 'too-few'],
      ['Support staff', 'too-few'],
      [null, 'too-few'],
    ])
    const plan = await api('GET', `/workspaces/${ws.id}/rounds/${round.id}/plan`, undefined, ws.teamToken)
    await api(
      'PUT',
      `/workspaces/${ws.id}/rounds/${round.id}/plan`,
      {
        title: 'Plan Rivierland',
        baseRevision: plan.revision,
        entries: [
          { strategy: 'assess-barriers', spec: {} },
          { strategy: 'audit-and-feedback', spec: {} },
          { strategy: 'local-consensus-discussions', spec: {}, feasibility: 5, importance: 4, phase: 'preparation', startMonth: 9, months: 2 },
          { strategy: 'champions', spec: {}, feasibility: 2, importance: 2 },
        ],
      },
      ws.teamToken
    )

    const { page } = await h.newPage({ width: 1280, height: 720 })
    await page.goto(`${h.baseUrl}/w/${ws.id}#${ws.teamToken}`)
    await toEnglish(page)
    await page.getByRole('button', { name: 'Work in Baseline' }).click()
    await page.getByRole('heading', { level: 1, name: 'Team results' }).waitFor()
    const complexity = page.getByRole('img', { name: /^Complexity: .*the negative share could be between/ })
    await complexity.waitFor()
    await page.getByText(/^18 answers$/).first().waitFor()
    expect(await axeViolations(page)).toEqual([])
    await complexity.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/profile-intervals-1280x720.png` })

    await page.getByRole('button', { name: 'By group', exact: true }).click()
    const table = page.getByRole('table', { name: /Profile per group of respondents/ })
    await table.waitFor()
    await page.getByRole('columnheader', { name: /Care and guidance staff\s*3 answers/ }).waitFor()
    const row = page.getByRole('row', { name: /Complexity/ })
    expect(await row.textContent()).toMatch(/100%.*Barrier.*0%.*too few answers to show/s)
    expect(await axeViolations(page)).toEqual([])
    await table.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/profile-by-group.png`, fullPage: false })

    await page.getByRole('link', { name: /^Plan/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Your implementation plan' }).waitFor()
    const goZone = page.locator('sw-go-zone-chart')
    await goZone.getByRole('img', { name: /importance \(up\) and feasibility \(right\)/ }).waitFor()
    // Two team ratings and the published ratings of the strategies that have both.
    expect(await goZone.locator('[data-point]').count()).toBeGreaterThanOrEqual(3)
    await page.getByLabel('Your feasibility (1–5)').nth(1).selectOption('4')
    await page.getByLabel('Your importance (1–5)').nth(1).selectOption('5')
    await page.getByText('All changes are saved.').waitFor()
    const saved = await api('GET', `/workspaces/${ws.id}/rounds/${round.id}/plan`, undefined, ws.teamToken)
    expect(saved.entries[1]).toMatchObject({ strategy: 'audit-and-feedback', feasibility: 4, importance: 5 })
    expect(saved.entries[2]).toMatchObject({ phase: 'preparation', startMonth: 9, months: 2 })
    expect(await axeViolations(page)).toEqual([])
    await goZone.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/go-zone.png` })
    await page.locator('.go-zone').getByRole('button', { name: 'Table', exact: true }).click()
    await goZone.getByRole('table').waitFor()
    expect(await axeViolations(page)).toEqual([])

    // On a phone, the profile table's caption stays in view.
    const phone = await h.newPage({ width: 390, height: 844 })
    await phone.page.goto(`${h.baseUrl}/w/${ws.id}#${ws.teamToken}`)
    await toEnglish(phone.page)
    await phone.page.getByRole('button', { name: 'Work in Baseline' }).click()
    await phone.page.getByRole('heading', { level: 1, name: 'Team results' }).waitFor()
    await phone.page.getByRole('button', { name: 'Table', exact: true }).click()
    const caption = phone.page.locator('sw-profile-chart .caption')
    await caption.waitFor()
    const box = await caption.boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(390)
    await caption.scrollIntoViewIfNeeded()
    await phone.page.screenshot({ path: `${SHOTS}/profile-table-phone-390.png` })
  })
})
