import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import readExcelFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiJson, axeViolations, shotsDir, startHarness, type Harness } from './support/harness.ts'

/** Screenshots for the closing note, looked at by a person. */
const SHOTS = shotsDir('timeline')

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const api = (method: string, path: string, body?: unknown, token?: string) => apiJson(h, method, path, body, token)

describe('the plan\u2019s timeline across the school year', () => {
  test('a team schedules its strategies by phase and month, and the printed plan carries the timeline with its holidays', async () => {
    const ws = await api('POST', '/workspaces?lang=en', { name: 'Vmbo De Linde', innovation: 'Integrated approach to mental well-being' })
    const round = await api('POST', `/workspaces/${ws.id}/rounds`, { label: 'Baseline' }, ws.teamToken)
    await api(
      'PUT',
      `/workspaces/${ws.id}/rounds/${round.id}/plan`,
      {
        title: 'Well-being De Linde',
        baseRevision: 0,
        entries: [
          { strategy: 'assess-barriers', spec: {} },
          { strategy: 'audit-and-feedback', spec: {} },
          { strategy: 'champions', spec: {} },
        ],
      },
      ws.teamToken
    )

    const { page } = await h.newPage({ width: 1366, height: 900 })
    await page.goto(`${h.baseUrl}/w/${ws.id}#${ws.teamToken}`)
    await page.getByRole('button', { name: 'EN', exact: true }).click()
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    await page.getByRole('button', { name: 'Work in Baseline' }).click()
    await page.getByRole('heading', { level: 1, name: 'Team results' }).waitFor()
    await page.getByRole('link', { name: /^Plan/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Your implementation plan' }).waitFor()

    // The plan's calendar: the school year 2025-2026, the holidays of region south.
    await page.getByRole('combobox', { name: /^School year/ }).selectOption('2025-2026')
    await page.getByRole('combobox', { name: /^Holiday region/ }).selectOption('zuid')
    // Assess barriers: preparation, from September for two months; audit and feedback:
    // sustainment, from March, for six months (one of them past July); champions: start, in
    // July, the summer holiday of region south.
    const schedule = async (n: number, phase: string, month: string, months: string) => {
      await page.getByRole('combobox', { name: /^Phase/ }).nth(n).selectOption(phase)
      await page.getByRole('combobox', { name: /^Starts in/ }).nth(n).selectOption({ label: month })
      await page.getByRole('combobox', { name: /^Duration/ }).nth(n).selectOption(months)
    }
    await schedule(0, 'preparation', 'September 2025', '2')
    await schedule(1, 'sustainment', 'March 2026', '6')
    // July is named as the holiday it mostly is where it is chosen, and the choice says so.
    await schedule(2, 'start', 'July 2026 (summer holiday)', '1')
    await page.getByText('This start falls mostly in the summer holiday: most colleagues are away then.').waitFor()
    await page.getByText('All changes are saved.').waitFor()
    const saved = await api('GET', `/workspaces/${ws.id}/rounds/${round.id}/plan`, undefined, ws.teamToken)
    expect(saved).toMatchObject({ region: 'zuid', schoolYear: '2025-2026' })
    expect(saved.entries.map((e: { phase?: string; startMonth?: number; months?: number }) => [e.phase, e.startMonth, e.months])).toEqual([
      ['preparation', 9, 2],
      ['sustainment', 3, 6],
      ['start', 7, 1],
    ])

    const timeline = page.locator('.screen-only sw-plan-timeline')
    await timeline.getByRole('table', { name: 'Timeline of school year 2025-2026, holidays of region South' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: `${SHOTS}/plan-1366x900.png`, fullPage: true })
    await timeline.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/plan-timeline-1366x900.png` })

    // The downloads: the CSV has the schedule; the Excel file a Timeline sheet beside the plan.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()])
    const csv = Papa.parse<string[]>(readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
    const col = (name: string) => csv[0]!.indexOf(name)
    expect(csv.slice(1).map((r) => [r[col('Phase')], r[col('Starts in')], r[col('Months')]])).toEqual([
      ['Preparation', 'September 2025', '2'],
      ['Sustainment', 'March 2026', '6'],
      ['Start', 'July 2026', '1'],
    ])
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Excel' }).click()])
    const sheets = await readExcelFile(await xlsxDownload.path())
    expect(sheets.map((s) => s.sheet)).toEqual(['Plan', 'Timeline'])
    const sheet = sheets[1]!.data.map((r) => r.map((c) => (c === null ? '' : String(c))))
    expect(sheet[0]!.slice(0, 3)).toEqual(['Strategy', 'Phase', 'Aug 2025'])
    expect(sheet[1]![4]).toBe('autumn 11–19')
    expect(sheet.slice(2).map((r) => [r[0], r.slice(2, 14).map((c) => c || '·').join('')])).toEqual([
      ['Assess readiness, barriers and facilitators', '·■■·········'],
      ['Identify and prepare champions', '···········■'],
      ['Audit and feed back delivery', '·······■■■■■'],
    ])

    // The print view: the plan's table, then the timeline.
    await page.emulateMedia({ media: 'print' })
    const printed = page.locator('.print-only sw-plan-timeline')
    const table = printed.getByRole('table')
    await table.waitFor()
    // Rows by phase: preparation, start, sustainment; bars as marked months (August = 0).
    const bars = await printed.locator('tbody tr[data-strategy]').evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-strategy'), [...r.querySelectorAll('td')].map((td) => (td.dataset.on === 'yes' ? '■' : '·')).join('')])
    )
    expect(bars).toEqual([
      ['assess-barriers', '·■■·········'],
      ['champions', '···········■'],
      ['audit-and-feedback', '·······■■■■■'],
    ])
    expect(await printed.locator('th.phase').allTextContents()).toEqual(['Preparation', 'Start', 'Sustainment'])
    // The autumn break of region south (11–19 October 2025), named with its dates for a screen reader.
    expect(await printed.locator('th[data-month="10"] .holiday .visually-hidden').textContent()).toMatch(/^autumn break Oct 11\s*–\s*19$/)
    expect(await printed.getByText(/starts in the summer holiday/).count()).toBe(1)
    expect(await printed.getByText(/runs one more month after July: not shown/).count()).toBe(1)
    expect(await printed.getByText(/advised by the government for region South; your school's own dates may differ/).count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    // The printed timeline fits the width of an A4 landscape page: 297 mm less the 2 × 12 mm
    // margins of web/styles/page.css is 273 mm, 1032 CSS pixels.
    await page.setViewportSize({ width: 1032, height: 730 })
    const box = await table.boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(1032)
    expect(await table.evaluate((t) => t.scrollWidth <= t.clientWidth + 1)).toBe(true)
    await page.screenshot({ path: `${SHOTS}/plan-print-a4-landscape.png`, fullPage: true })
    await page.pdf({ path: `${SHOTS}/plan-print.pdf`, format: 'A4', landscape: true, printBackground: true })
    await page.emulateMedia({ media: 'screen' })

    // On a phone the timeline scrolls sideways inside its own region, the page does not.
    const phone = await h.newPage({ width: 390, height: 844 })
    await phone.page.goto(`${h.baseUrl}/w/${ws.id}#${ws.teamToken}`)
    await phone.page.getByRole('button', { name: 'EN', exact: true }).click()
    await phone.page.waitForFunction(() => document.documentElement.lang === 'en')
    await phone.page.getByRole('button', { name: 'Work in Baseline' }).click()
    await phone.page.getByRole('heading', { level: 1, name: 'Team results' }).waitFor()
    await phone.page.goto(`${h.baseUrl}/plan`)
    const phoneTimeline = phone.page.locator('.screen-only sw-plan-timeline')
    await phoneTimeline.getByRole('table').waitFor()
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    expect(await axeViolations(phone.page)).toEqual([])
    await phone.page.screenshot({ path: `${SHOTS}/plan-phone-390.png`, fullPage: true })
    await phoneTimeline.scrollIntoViewIfNeeded()
    await phone.page.screenshot({ path: `${SHOTS}/plan-timeline-phone-390.png` })
    await phone.page.emulateMedia({ media: 'print' })
    await phone.page.screenshot({ path: `${SHOTS}/plan-print-phone-390.png`, fullPage: true })
  })
})
