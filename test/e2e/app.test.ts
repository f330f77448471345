import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import readExcelFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations, startHarness, type Harness } from './support/harness.ts'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

/** Chooses an answer for question `n` (its number as shown) by the option's label. */
async function answer(page: Page, n: number, label: string) {
  const group = page.getByRole('group', { name: new RegExp(`^${n}\\.`) })
  await group.getByRole('radio', { name: label, exact: true }).check()
}

async function expectNoSeriousViolations(page: Page, screen: string) {
  expect(await axeViolations(page), screen).toEqual([])
}

async function toEnglish(page: Page) {
  await page.getByRole('button', { name: 'EN', exact: true }).click()
  await page.waitForFunction(() => document.documentElement.lang === 'en')
}

async function startRespondent(page: Page, label: string, role: 'user' | 'key-informant') {
  await page.getByLabel('Your name or role (optional)').fill(label)
  await page.getByRole('radio', { name: role === 'user' ? /Someone who delivers the approach/ : /Key informant for the school/ }).check()
  await page.getByRole('button', { name: 'Start', exact: true }).click()
}

async function submit(page: Page) {
  await page.getByRole('button', { name: 'To the summary' }).click()
  await page.getByRole('button', { name: 'Submit answers' }).click()
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/were added/)
}

describe('a school team from an empty browser to a downloaded plan', () => {
  test('questionnaire for three respondents, profile, recommendations, plan and downloads', async () => {
    const { page, context } = await h.newPage()
    await page.goto(h.baseUrl)
    await toEnglish(page)
    await expectNoSeriousViolations(page, 'start')

    await page.getByRole('link', { name: 'Start the questionnaire' }).click()
    await page.getByRole('heading', { level: 1, name: 'Questionnaire' }).waitFor()
    await expectNoSeriousViolations(page, 'questionnaire: who answers')

    // Respondent 1: finds the approach complex (question 4) and doubts one skill (question 20, d16a).
    await startRespondent(page, 'Docent A', 'user')
    for (const n of [1, 2, 3, 5, 6, 7]) await answer(page, n, 'Agree')
    await answer(page, 4, 'Agree') // reverse-scored: agreeing that it is too complex counts as negative
    await expectNoSeriousViolations(page, 'questionnaire: a part')
    await page.getByRole('button', { name: 'Next part' }).click()
    await answer(page, 20, 'Disagree') // d16a
    await answer(page, 21, 'Agree') // d16b
    await page.getByRole('button', { name: 'To the summary' }).click()
    await expectNoSeriousViolations(page, 'questionnaire: summary')
    await page.getByRole('button', { name: 'Submit answers' }).click()
    await page.getByRole('button', { name: 'Next respondent' }).click()

    // Respondent 2: a refresh in the middle of the questionnaire keeps every answer.
    await startRespondent(page, 'Docent B', 'user')
    await answer(page, 1, 'Disagree')
    await answer(page, 4, 'Totally agree')
    await page.reload()
    await page.getByRole('group', { name: /^4\./ }).waitFor()
    await expect.poll(() => page.getByRole('group', { name: /^4\./ }).getByRole('radio', { name: 'Totally agree' }).isChecked()).toBe(true)
    await expect.poll(() => page.getByRole('group', { name: /^1\./ }).getByRole('radio', { name: 'Disagree', exact: true }).isChecked()).toBe(true)
    expect(await page.getByText('2 of 23 answered').count()).toBe(1)
    await page.getByRole('button', { name: 'Next part' }).click()
    await answer(page, 20, 'Totally disagree') // d16a
    await submit(page)
    await page.getByRole('button', { name: 'Next respondent' }).click()

    // Respondent 3: the team leader answers about the school.
    await startRespondent(page, 'Teamleider', 'key-informant')
    await answer(page, 1, 'No') // formal ratification
    await answer(page, 5, 'Far too little') // time
    await answer(page, 7, 'Yes') // coordinator
    await page.getByRole('button', { name: 'Next part' }).click()
    await answer(page, 11, 'Agree') // legislation
    await submit(page)

    // Team results: the profile with its barriers, as a chart and as a table.
    await page.getByRole('link', { name: 'See the team results' }).click()
    await page.getByRole('heading', { level: 2, name: 'Your profile' }).waitFor()
    // Respondent names stay folded away under Manage until someone opens it.
    expect(await page.getByRole('row').filter({ hasText: 'Docent B' }).count()).toBe(0)
    await page.getByText(/^Manage: respondents \(3\)/).click()
    expect(await page.getByRole('row').filter({ hasText: 'Docent B' }).count()).toBe(1)
    const complexity = page.getByRole('img', { name: /^Complexity: 100% negative/ })
    await complexity.waitFor()
    await expectNoSeriousViolations(page, 'team results: chart')
    await page.getByRole('button', { name: 'Table', exact: true }).click()
    await expect.poll(() => page.getByRole('row', { name: /4\. Complexity/ }).textContent()).toMatch(/100%[\s\S]*Barrier/)
    await expect.poll(() => page.getByRole('row', { name: /23\. Time available/ }).textContent()).toMatch(/Barrier/)
    await expectNoSeriousViolations(page, 'team results: table')

    // Recommendations, filtered to the preparation phase, then as a bundle.
    await page.getByRole('button', { name: /^Strategies for these \d+ barriers/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Strategies for your barriers' }).waitFor()
    await page.locator('sw-strategy-card').first().waitFor()
    await expectNoSeriousViolations(page, 'recommendations')
    await page.getByLabel('Phase of your plan').selectOption('preparation')
    await expect.poll(async () => {
      const cards = await page.locator('sw-strategy-card').all()
      const metas = await Promise.all(cards.map((c) => c.locator('.more .meta').textContent()))
      return metas.length > 0 && metas.every((m) => m?.includes('Preparation'))
    }).toBe(true)
    await page.getByRole('radio', { name: 'Small bundle that covers most barriers' }).check()
    await page.getByText(/A bundle of \d+ strategies/).waitFor()
    const names = await page.locator('sw-strategy-card h3').allTextContents()
    expect(names.length).toBeGreaterThanOrEqual(2)
    await page.getByRole('button', { name: /^Add to plan/ }).first().click()
    await page.getByRole('button', { name: /^Add to plan/ }).first().click()
    await expect.poll(() => page.getByRole('button', { name: /^Remove from plan/ }).count()).toBe(2)
    expect(await page.getByText('✓ In the plan').count()).toBe(2)

    // The plan: specify, reorder, then download it as CSV and Excel.
    await page.getByRole('link', { name: /^Plan/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Your implementation plan' }).waitFor()
    await page.getByLabel('Name of the plan').fill('Plan Leiden College')
    await page.getByLabel('Who does it').first().fill('De zorgcoördinator')
    await page.getByLabel('Which outcome shows it worked').first().fill('80% van de mentoren')
    await expectNoSeriousViolations(page, 'plan')
    // Taking an entry out offers to undo it; Undo brings it back with what was written.
    await page.getByRole('button', { name: /^Remove\b/ }).first().click()
    await page.getByRole('status').filter({ hasText: 'removed from the plan' }).waitFor()
    await expectNoSeriousViolations(page, 'plan: undo offered')
    await page.getByRole('button', { name: 'Undo', exact: true }).click()
    await expect.poll(() => page.getByLabel('Who does it').first().inputValue()).toBe('De zorgcoördinator')
    const firstName = (await page.locator('.entry h2').first().textContent())?.trim() ?? ''
    await page.getByRole('button', { name: /^Move down/ }).first().click()
    await expect.poll(async () => (await page.locator('.entry h2').nth(1).textContent())?.trim()).toBe(firstName)

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()])
    expect(csvDownload.suggestedFilename()).toBe('plan-leiden-college.csv')
    const csv = Papa.parse<string[]>(readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
    expect(csv).toHaveLength(3)
    expect(csv[0]).toEqual(expect.arrayContaining(['Strategy', 'Who does it', 'Which outcome shows it worked']))
    const who = csv[0]!.indexOf('Who does it')
    expect(csv[2]![csv[0]!.indexOf('Strategy')]).toBe(firstName)
    expect(csv[2]![who]).toBe('De zorgcoördinator')
    expect(csv[1]![who]).toBe('')

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Excel' }).click()])
    expect(xlsxDownload.suggestedFilename()).toBe('plan-leiden-college.xlsx')
    const sheets = await readExcelFile(await xlsxDownload.path())
    const rows = sheets[0]!.data
    expect(rows).toHaveLength(3)
    expect(rows[0]).toEqual(csv[0])
    expect(rows[2]![who]).toBe('De zorgcoördinator')
    expect(rows[2]![1]).toBe(firstName)

    // The print view is one table of the plan.
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.print-only table tbody tr').count()).toBe(2)
    expect(await page.locator('.print-only h1').textContent()).toBe('Plan Leiden College')
    await page.emulateMedia({ media: 'screen' })

    // The language switch turns the interface (and the knowledge base's texts) Dutch.
    await page.getByRole('button', { name: 'NL', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Jullie implementatieplan' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl')
    await context.close()
  })
})

describe('the web app', () => {
  test('can be used with the keyboard alone: skip link, answering, moving on', async () => {
    const { page, context } = await h.newPage()
    await page.goto(`${h.baseUrl}/questionnaire`)
    await toEnglish(page)
    await page.reload() // the language is remembered; focus starts at the top again
    await page.getByRole('heading', { level: 1, name: 'Questionnaire' }).waitFor()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.querySelector('sw-app')?.shadowRoot?.activeElement?.textContent)).toBe('Skip to content')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.querySelector('sw-app')?.shadowRoot?.activeElement?.id)).toBe('main')
    // Into the form: the name field, the role radio group, then the Start button.
    await page.getByLabel('Your name or role (optional)').focus()
    await page.keyboard.type('Keyboard user')
    await page.keyboard.press('Tab') // the role group; arrow keys pick
    await page.keyboard.press('Tab') // Start
    await page.keyboard.press('Enter')
    await page.getByRole('group', { name: /^1\./ }).waitFor()
    // The first radio of question 1, then arrow keys choose within the group.
    await page.getByRole('group', { name: /^1\./ }).getByRole('radio').first().focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    expect(await page.getByRole('group', { name: /^1\./ }).getByRole('radio', { name: 'Neither agree nor disagree' }).isChecked()).toBe(true)
    expect(await page.getByText('1 of 23 answered').count()).toBe(1)
    await context.close()
  })

  test('speaks Dutch by default', async () => {
    const { page, context } = await h.newPage()
    await page.goto(h.baseUrl)
    await page.getByRole('heading', { level: 1, name: 'Van belemmeringen naar strategieën die passen bij jullie school' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl')
    await context.close()
  })

  test.for([
    ['/barriers', 'Pick your barriers'],
    ['/coverage', 'Check an approach'],
    ['/kb', 'Knowledge base'],
    ['/kb/determinants/16', '16. Self-efficacy'],
    ['/kb/strategies/champions', 'Identify and prepare champions'],
  ] as const)('opens %s by its own URL, without serious accessibility violations', async ([path, heading]) => {
    const { page, context } = await h.newPage()
    await page.goto(h.baseUrl)
    await toEnglish(page)
    await page.goto(`${h.baseUrl}${path}`)
    await page.getByRole('heading', { level: 1, name: heading }).waitFor()
    await page.waitForLoadState('networkidle')
    await expectNoSeriousViolations(page, path)
    await context.close()
  })

  test('lets a developer check which barriers an approach covers', async () => {
    const { page, context } = await h.newPage()
    await page.goto(h.baseUrl)
    await toEnglish(page)
    await page.getByRole('link', { name: 'Pick our barriers' }).click()
    for (const name of ['23. Time available', '16. Self-efficacy', '29. Legislation and regulations']) {
      await page.getByRole('checkbox', { name: new RegExp(`^${name.replace('.', '\\.')}`) }).check()
    }
    await page.getByRole('link', { name: 'Check an approach' }).click()
    await page.getByLabel('Find a strategy').fill('training')
    await page.getByRole('checkbox', { name: /Make training interactive/ }).check()
    await page.getByRole('button', { name: 'Check coverage' }).click()
    await page.getByText(/Of your 3 barriers, your approach covers \d+ through an essential link/).waitFor()
    const gaps = await page.locator('.gap').textContent()
    expect(gaps).toContain('Time available')
    expect(gaps).toContain('Legislation and regulations')
    await expectNoSeriousViolations(page, 'coverage result')
    await context.close()
  })

  test('finds strategies by searching the knowledge base, and keeps the search in the URL', async () => {
    const { page, context } = await h.newPage()
    await page.goto(h.baseUrl)
    await toEnglish(page)
    await page.goto(`${h.baseUrl}/kb`)
    await page.getByLabel('Search determinants and strategies (Dutch or English)').fill('overdracht')
    await page.waitForURL(/q=overdracht/)
    await page.getByRole('link', { name: /hand-over/i }).first().waitFor()
    await page.reload()
    await page.getByRole('link', { name: /hand-over/i }).first().waitFor()
    expect(await page.getByLabel('Search determinants and strategies (Dutch or English)').inputValue()).toBe('overdracht')
    await context.close()
  })

  test('finds the determinant Time and its strategies for "TIJD", and a stale link gets a way back', async () => {
    const { page, context } = await h.newPage()
    await page.goto(`${h.baseUrl}/kb?q=TIJD`)
    const determinants = page.locator('sw-page-kb .found-determinants li')
    await determinants.first().waitFor()
    expect(await determinants.first().textContent()).toMatch(/23\. Tijd/)
    await page.getByRole('link', { name: 'Taakuren toekennen en werk waarderen' }).first().waitFor()
    await page.goto(`${h.baseUrl}/kb/strategies/no-such-strategy`)
    await page.getByRole('heading', { level: 1, name: 'Deze strategie staat niet in de kennisbank' }).waitFor()
    await expectNoSeriousViolations(page, 'stale strategy link')
    await page.getByRole('link', { name: 'Zoek in de kennisbank' }).click()
    await page.getByRole('heading', { level: 1, name: 'Kennisbank' }).waitFor()
    await context.close()
  })
})

/** A team of four, a plan and picked barriers, as the browser keeps them. */
const sampleState = {
  team: [
    { id: 'a', label: 'Mentor 3A', role: 'user', answers: { d01: 2, d02: 4, d04: 4, d16a: 2, d17: 4 } },
    { id: 'b', label: 'Mentor 3B', role: 'user', answers: { d01: 4, d02: 2, d04: 4, d16a: 4, d17: 2 } },
    { id: 'c', label: 'SLB’er', role: 'user', answers: { d01: 4, d02: 4, d04: 2, d16a: 2, d17: 4 } },
    { id: 'd', label: 'Teamleider', role: 'key-informant', answers: { d19: 0, d20: 0, d21: 2, d22: 3, d23: 1, d25: 1 } },
  ],
}

async function withSampleTeam(page: Page) {
  await page.goto(h.baseUrl)
  await page.evaluate((s) => localStorage.setItem('strategiewijzer:state:v1', JSON.stringify(s)), sampleState)
}

describe('on a phone', () => {
  test('reaches every destination through the menu, which names the current page', async () => {
    const { page, context } = await h.newPage({ width: 390, height: 844 })
    await withSampleTeam(page)
    await page.goto(`${h.baseUrl}/team`)
    await toEnglish(page)
    const menu = page.getByRole('button', { name: /^Menu/ })
    await expect.poll(() => menu.textContent()).toMatch(/Team results/)
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false)
    await menu.click()
    const nav = page.getByRole('navigation', { name: 'Main' })
    const links = ['Questionnaire', 'Team results', 'Strategies', 'Plan', 'Check an approach', 'Knowledge base']
    for (const name of links) {
      const link = nav.getByRole('link', { name: new RegExp(`^${name}`) })
      expect(await link.isVisible(), name).toBe(true)
      const box = await link.boundingBox()
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(390)
      expect(box!.height, name).toBeGreaterThanOrEqual(44)
    }
    expect(await nav.getByRole('link', { name: /^Team results/ }).getAttribute('aria-current')).toBe('page')
    await expectNoSeriousViolations(page, 'phone menu open')
    // Escape closes it and gives focus back to the button; it opens again.
    await page.keyboard.press('Escape')
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
    expect(await page.evaluate(() => document.querySelector('sw-app')?.shadowRoot?.activeElement?.className)).toBe('menu-button')
    await menu.click()
    await nav.getByRole('link', { name: 'Knowledge base' }).click()
    await page.getByRole('heading', { level: 1, name: 'Knowledge base' }).waitFor()
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
    await expect.poll(() => menu.textContent()).toMatch(/Knowledge base/)
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await context.close()
  })
})

describe('on a projector (1280×720)', () => {
  test('team results open with the profile and show no respondent names; strategy cards are compact', async () => {
    const { page, context } = await h.newPage({ width: 1280, height: 720 })
    await withSampleTeam(page)
    await page.goto(`${h.baseUrl}/team`)
    await toEnglish(page)
    const profile = page.getByRole('heading', { level: 2, name: 'Your profile' })
    await profile.waitFor()
    await page.locator('sw-profile-chart').waitFor()
    expect((await profile.boundingBox())!.y).toBeLessThan(720 / 2)
    for (const name of ['Mentor 3A', 'Mentor 3B', 'Teamleider']) expect(await page.getByText(name, { exact: true }).isVisible(), name).toBe(false)
    expect(await page.getByRole('button', { name: /^Remove/ }).count()).toBe(0)
    await expectNoSeriousViolations(page, 'team results on a projector')

    await page.goto(`${h.baseUrl}/recommendations`)
    const cards = page.locator('sw-strategy-card')
    await cards.nth(1).waitFor()
    // Two compact cards fit on one projected screen of 720 px beside the page's own lines
    // (a card was 430-530 px before; one card filled the screen).
    const heights = await Promise.all([0, 1].map(async (i) => (await cards.nth(i).boundingBox())!.height))
    expect(heights[0]! + heights[1]!).toBeLessThan(620)
    await cards.first().getByText('All reasons, what it is and an example').click()
    await cards.first().getByRole('listitem').first().waitFor()
    await expectNoSeriousViolations(page, 'recommendations on a projector, one card open')

    // The same strategies, the most feasible first, each saying whose rating it is.
    const names = async () => (await cards.locator('h3').allTextContents()).map((t) => t.replace(/^\d+\.\s*/, '')).sort()
    const byFit = await names()
    await page.getByRole('radio', { name: 'Most feasible first' }).check()
    await page.getByText(/^Order: the most feasible first/).waitFor()
    expect(await names()).toEqual(byFit)
    const badges = await cards.locator('.meta .badge', { hasText: /^Feasibility/ }).allTextContents()
    expect(badges).toHaveLength(byFit.length)
    const values = badges.map((b) => Number(/Feasibility (\d(?:\.\d)?)\/5/.exec(b)?.[1] ?? 0))
    expect(values.some((v) => v > 0)).toBe(true)
    expect(values).toEqual([...values].sort((a, b) => b - a))
    await expectNoSeriousViolations(page, 'recommendations, most feasible first')
    await context.close()
  })
})
