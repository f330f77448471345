import type { Page } from 'playwright-core'
import readExcelFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations, shotsDir, startHarness, type Harness } from './support/harness.ts'

/** Screenshots to look at, outside the repository. */
const SHOTS = shotsDir('expert-rating')
const ADMIN_TOKEN = 'e2e-admin-token-'.padEnd(48, '7')

let h: Harness
beforeAll(async () => {
  h = await startHarness({ adminToken: ADMIN_TOKEN })
})
afterAll(async () => {
  await h?.close()
})

/** Ten pairs of determinant 4 (complexity): nine our editorial links, one not linked yet. */
const STRATEGIES = [
  'assess-barriers',
  'central-support-desk',
  'audit-and-feedback',
  'pdsa-cycles',
  'educational-outreach-visits',
  'champions',
  'reminders',
  'team-meetings',
  'facilitation',
  'tailor-strategies',
]
const FILE = ['determinant;strategy', ...STRATEGIES.map((s) => `4;${s}`)].join('\n')

/**
 * The ratings of each expert per round, by link (in the order above). Round 1: links 1–3 the
 * panel finds relevant, link 4 not relevant (consensus), links 5–10 split the panel. Round 2:
 * links 5–6 come together; the rest stays split, and the study closes after its last round.
 */
const ROUND_1 = [
  [8, 8, 9, 2, 1, 1, 1, 1, 1, 1],
  [8, 9, 8, 1, 9, 9, 9, 9, 9, 9],
  [9, 8, 8, 2, 2, 2, 2, 2, 2, 2],
  [8, 8, 8, 3, 8, 8, 8, 8, 8, 8],
]
const ROUND_2 = [
  [8, 8, 9, 2, 7, 7, 1, 1, 1, 1],
  [8, 9, 8, 1, 8, 8, 9, 9, 9, 9],
  [9, 8, 8, 2, 7, 7, 2, 2, 2, 2],
  [8, 8, 8, 3, 8, 8, 8, 8, 8, 8],
]

async function toEnglish(page: Page) {
  await page.getByRole('button', { name: 'EN', exact: true }).click()
  await page.waitForFunction(() => document.documentElement.lang === 'en')
}

/** Rates every link on an expert's ballot and waits until the server has every answer. */
async function rateAll(page: Page, ratings: number[], comment?: string) {
  const links = page.locator('article.link')
  await expect.poll(() => links.count()).toBe(10)
  for (const [i, rating] of ratings.entries()) {
    const link = links.nth(i)
    const group = link.getByRole('group', { name: 'Relevantie van deze strategie voor deze determinant' })
    const name = rating === 1 ? '1, helemaal niet relevant' : rating === 9 ? '9, zeer relevant' : String(rating)
    await group.getByRole('radio', { name, exact: true }).check()
    await expect.poll(() => link.getByRole('status').innerText()).toBe('Bewaard')
  }
  if (comment) {
    await links.nth(4).getByLabel(/^Toelichting/).fill(comment)
    await links.nth(4).getByLabel(/^Toelichting/).blur()
    await expect.poll(() => links.nth(4).getByRole('status').innerText()).toBe('Bewaard')
  }
  await page.getByText('10 van 10 koppelingen beoordeeld').waitFor()
}

describe('an expert rating study, end to end', () => {
  test('10 links, 4 experts in two browser contexts, two rounds, consensus on some, fed back: a card shows expert-rated evidence', async () => {
    const owner = await h.newPage({ width: 1280, height: 900 })
    const page = owner.page
    await page.goto(`${h.baseUrl}/x/new`)
    await page.getByLabel('Naam van de studie').fill('Panel complexiteit')
    await page.getByRole('radio', { name: /^Een bestand met paren/ }).check()
    await page.getByLabel(/^Bestand met een kolom/).setInputFiles({ name: 'paren.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) })
    await page.getByText('10 paren gelezen.').waitFor()
    await page.getByLabel('Expertlinks om nu te maken').fill('4')
    expect(await axeViolations(page), 'new study form').toEqual([])
    await page.screenshot({ path: `${SHOTS}/new-study.png`, fullPage: true })
    await page.getByRole('button', { name: 'Maak de studie' }).click()
    const ownerLink = await page.getByLabel('Eigenaarslink').inputValue()
    expect(ownerLink).toMatch(/\/x\/[A-Za-z0-9_-]{16}#swo_/)
    await page.getByRole('link', { name: 'Naar de studie' }).click()
    await page.getByRole('heading', { level: 1, name: 'Panel complexiteit' }).waitFor()
    expect(await page.locator('body').innerText()).not.toContain('swo_')
    const expertLinks: string[] = []
    for (const e of ['E01', 'E02', 'E03', 'E04']) expertLinks.push(await page.getByRole('textbox', { name: new RegExp(`^${e}:`) }).inputValue())
    expect(expertLinks.every((l) => /\/x\/[A-Za-z0-9_-]{16}\/rate#swe_/.test(l))).toBe(true)
    expect(await axeViolations(page), 'owner page, round 1').toEqual([])

    // Two devices, two experts each, one after the other (one expert link per device at a time).
    const phone = await h.newPage({ width: 390, height: 844 })
    const laptop = await h.newPage({ width: 1024, height: 800 })
    const devices = [phone.page, phone.page, laptop.page, laptop.page]
    for (const [i, link] of expertLinks.entries()) {
      const p = devices[i] as Page
      await p.goto(link)
      await p.getByRole('heading', { level: 1, name: 'Panel complexiteit' }).waitFor()
      expect(p.url()).not.toContain('#swe_')
      await rateAll(p, ROUND_1[i] as number[], i === 1 ? 'Past alleen bij een kleine school' : undefined)
      if (i === 0) {
        expect(await axeViolations(p), 'ballot on a phone').toEqual([])
        await p.screenshot({ path: `${SHOTS}/ballot-phone-round1.png`, fullPage: true })
      }
    }
    // Resumable: the first expert's answers are back after a reload.
    await phone.page.goto(expertLinks[1] as string)
    await phone.page.getByText('10 van 10 koppelingen beoordeeld').waitFor()

    await page.reload()
    await page.getByRole('button', { name: 'Sluit ronde 1 af' }).click()
    await page.getByText('Ronde 2 is open.').waitFor()

    // Round 2: each expert sees the panel and their own previous answer, and rates again.
    for (const [i, link] of expertLinks.entries()) {
      const p = devices[i] as Page
      await p.goto(link)
      await p.getByText('0 van 10 koppelingen beoordeeld').waitFor()
      const fifth = p.locator('article.link').nth(4)
      await fifth.getByText('Ronde 1: het panel').waitFor()
      expect(await fifth.innerText()).toContain(`Jouw antwoord: ${ROUND_1[i]?.[4]}.`)
      expect(await fifth.innerText()).toContain('Past alleen bij een kleine school')
      expect(await fifth.innerText()).not.toMatch(/E0\d/)
      if (i === 0) {
        expect(await axeViolations(p), 'ballot round 2').toEqual([])
        await p.screenshot({ path: `${SHOTS}/ballot-phone-round2.png`, fullPage: true })
      }
      await rateAll(p, ROUND_2[i] as number[])
    }

    await page.reload()
    await page.getByRole('button', { name: 'Sluit ronde 2 af' }).click()
    await page.getByText(/Gesloten na ronde 2: de laatste ronde is afgelopen/).waitFor()
    const rows = page.locator('table.results tbody tr')
    await expect.poll(() => rows.count()).toBe(10)
    const verdicts = await rows.locator('td:nth-child(8)').allInnerTexts()
    expect(verdicts.map((v) => v.trim())).toEqual([
      'relevant (consensus)',
      'relevant (consensus)',
      'relevant (consensus)',
      'niet relevant (consensus)',
      'relevant (consensus)',
      'relevant (consensus)',
      'onzeker',
      'onzeker',
      'onzeker',
      'onzeker',
    ])
    expect(await axeViolations(page), 'owner page, closed').toEqual([])
    await page.screenshot({ path: `${SHOTS}/owner-results.png`, fullPage: true })

    // The Excel report: a sheet per round, pseudonyms nowhere.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download het rapport (.xlsx)' }).click()])
    const sheets = await readExcelFile((await download.path()) as string)
    expect(sheets.map((s: { sheet: string }) => s.sheet)).toEqual(['Ronde 1', 'Ronde 2'])
    expect(JSON.stringify(sheets)).not.toMatch(/E0\d/)

    // Feeding back needs the administrator's token.
    await page.getByLabel('Beheerderstoken').fill('wrong-token-'.padEnd(40, 'x'))
    await page.getByRole('button', { name: 'Voeg toe aan de kennisbank' }).click()
    await page.getByRole('alert').filter({ hasText: /Dit beheerderstoken is niet dat van deze server/ }).waitFor()
    await page.getByLabel('Beheerderstoken').fill(ADMIN_TOKEN)
    await page.getByRole('button', { name: 'Voeg toe aan de kennisbank' }).click()
    await page.getByText(/Toegevoegd aan de kennisbank als “expertbeoordeling, Panel complexiteit, \d{4}-\d\d-\d\d, 4 experts”: 10 koppelingen, 5 essentieel, 1 afgewezen\./).waitFor()
    await page.getByText(/Deze studie is een bron van de kennisbank/).waitFor()
    // While it is a source, the study cannot be deleted: its links there name it.
    await page.getByText(/De studie is een bron van de kennisbank\. Haal haar daar eerst uit/).waitFor()
    expect(await page.getByRole('button', { name: 'Verwijder de studie' }).count()).toBe(0)
    await page.screenshot({ path: `${SHOTS}/owner-fed.png`, fullPage: true })

    // A team with complexity as its barrier: the panel's link leads, with its evidence named.
    const team = await h.newPage({ width: 1280, height: 900 })
    await team.page.goto(`${h.baseUrl}/barriers`)
    await team.page.getByRole('checkbox', { name: /^4\. Complexiteit/ }).check()
    await team.page.getByRole('button', { name: /^Toon strategieën voor 1 belemmering/ }).click()
    const card = team.page.locator('sw-strategy-card').filter({ hasText: 'door experts beoordeeld' }).first()
    await card.waitFor()
    // The compact card names the tier; the source itself is with the full reasons.
    await card.getByText('Alle redenen, wat het is en een voorbeeld').click()
    await card.getByText(/expertbeoordeling, Panel complexiteit/).first().waitFor()
    expect(await axeViolations(team.page), 'recommendations with expert-rated evidence').toEqual([])
    await team.page.screenshot({ path: `${SHOTS}/recommendation-expert-rated.png`, fullPage: true })

    for (const c of [owner, phone, laptop, team]) await c.context.close()
  })

  test('the pages in English, on a phone', async () => {
    const res = await fetch(`${h.baseUrl}/api/ratings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Feasibility panel', feasibility: true, experts: 1, selection: { kind: 'pairs', pairs: [{ determinant: 23, strategy: 'allocate-task-hours' }, { determinant: 23, strategy: 'team-meetings' }] } }),
    })
    const study = (await res.json()) as { links: { owner: string }; experts: { link: string }[] }
    const { context, page } = await h.newPage({ width: 390, height: 844 })
    await page.goto(study.experts[0]?.link as string)
    await page.getByRole('heading', { level: 1, name: 'Feasibility panel' }).waitFor()
    await toEnglish(page)
    await page.getByText('0 of 2 links rated').waitFor()
    const first = page.locator('article.link').first()
    await first.getByRole('group', { name: 'Relevance of this strategy for this determinant' }).getByRole('radio', { name: '9, highly relevant' }).check()
    await first.getByRole('group', { name: 'Feasibility in Dutch schools' }).getByRole('radio', { name: '4', exact: true }).check()
    await expect.poll(() => first.getByRole('status').innerText()).toBe('Saved')
    expect(await axeViolations(page), 'ballot in English').toEqual([])
    await page.screenshot({ path: `${SHOTS}/ballot-phone-en.png`, fullPage: true })

    await page.goto(study.links.owner)
    await page.getByRole('heading', { level: 1, name: 'Feasibility panel' }).waitFor()
    await page.getByRole('columnheader', { name: 'Feasibility (median)' }).waitFor()
    expect(await page.locator('table.results tbody tr').first().innerText()).toMatch(/9[\s\S]*4/)
    expect(await axeViolations(page), 'owner page in English').toEqual([])
    await page.screenshot({ path: `${SHOTS}/owner-phone-en.png`, fullPage: true })

    // A new link for E01 (the first went to the wrong person): asked first, then shown in
    // place of the old one, which no longer opens the ballot.
    const linkField = page.getByRole('textbox', { name: /^E01:/ })
    const firstLink = await linkField.inputValue()
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: 'New link for E01' }).click()
    await page.getByText('E01 has a new link (above); the old one no longer works.').waitFor()
    const secondLink = await linkField.inputValue()
    expect(secondLink).toMatch(/\/x\/[A-Za-z0-9_-]{16}\/rate#swe_/)
    expect(secondLink).not.toBe(firstLink)
    expect(await axeViolations(page), 'owner page after a new link').toEqual([])
    const oldDevice = await h.newPage({ width: 390, height: 844 })
    await oldDevice.page.goto(firstLink)
    await oldDevice.page.getByRole('alert').filter({ hasText: /could not be loaded|kon niet worden geladen/ }).waitFor()
    await oldDevice.context.close()

    // Deleting the study: only once its name is typed; the start page says it is gone, and
    // the expert's link no longer opens anything.
    const remove = page.getByRole('button', { name: 'Delete the study' })
    expect(await remove.isDisabled()).toBe(true)
    await page.getByLabel('Type the name of the study (Feasibility panel) to confirm').fill('Feasibility panel')
    await page.screenshot({ path: `${SHOTS}/owner-delete-phone-en.png`, fullPage: true })
    await remove.click()
    await page.getByText('The study Feasibility panel and all its answers were deleted.').waitFor()
    expect(new URL(page.url()).pathname).toBe('/')
    await page.goto(secondLink)
    await page.getByRole('alert').filter({ hasText: /^The study could not be loaded\./ }).waitFor()
    await context.close()
  })
})
