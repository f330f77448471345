import type { Page } from 'playwright-core'
import readExcelFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations, shotsDir, startHarness, type Harness } from './support/harness.ts'

/** Screenshots to look at, outside the repository. */
const SHOTS = shotsDir('networks')

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

async function api(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${h.baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return (res.status === 204 ? null : await res.json()) as any
}

/** A school with one round ("Nulmeting") of `answers` submissions, made through the API. */
async function school(name: string, answers: number[]) {
  const ws = await api('POST', '/api/workspaces', { name, innovation: 'Welbevinden' })
  const round = await api('POST', `/api/workspaces/${ws.id}/rounds`, { label: 'Nulmeting' }, ws.teamToken)
  for (const [i, d04] of answers.entries()) {
    await api('POST', `/api/respond/${round.respondentToken}`, { submissionId: `${ws.id}-${String(i).padStart(4, '0')}`, answers: { d04, d16a: d04 === 5 ? 1 : 4 } })
  }
  return ws as { id: string; teamToken: string; links: { team: string } }
}

async function invitationLink(page: Page) {
  await page.getByRole('button', { name: 'Een school uitnodigen' }).click()
  const field = page.getByRole('textbox', { name: 'Uitnodigingslink', exact: true })
  await field.waitFor()
  return field.inputValue()
}

describe('a learning network, end to end', () => {
  test('a facilitator creates a network, two schools join, the school of 3 is suppressed and the school of 8 shown', async () => {
    const { context, page } = await h.newPage({ width: 1280, height: 900 })
    // The facilitator makes the network.
    await page.goto(`${h.baseUrl}/n/new`)
    await page.getByLabel('Naam van het netwerk').fill('Regio Noord')
    await page.getByRole('button', { name: 'Netwerk aanmaken' }).click()
    const facilitatorLink = await page.getByLabel('Begeleiderslink').inputValue()
    expect(facilitatorLink).toMatch(/\/n\/[A-Za-z0-9_-]{16}#swf_/)
    await page.getByRole('link', { name: 'Naar het netwerk' }).click()
    await page.getByRole('heading', { level: 1, name: 'Regio Noord' }).waitFor()
    expect(await axeViolations(page), 'empty network page').toEqual([])

    const small = await school('Vmbo Klein', [5, 5, 1])
    const big = await school('Mbo Groot', [5, 4, 2, 1, 2, 5, 4, 4])

    // School one joins from its workspace page with a pasted invitation.
    const first = await invitationLink(page)
    const teamA = await context.newPage()
    await teamA.goto(small.links.team)
    await teamA.getByRole('heading', { level: 1, name: 'Vmbo Klein' }).waitFor()
    await teamA.getByLabel('Uitnodigingslink van een netwerk').fill(first)
    await teamA.getByRole('button', { name: 'Aansluiten bij het netwerk' }).click()
    await teamA.getByText('Deze werkruimte zit nu in Regio Noord.').waitFor()
    expect(await axeViolations(teamA), 'workspace page with a network').toEqual([])
    await teamA.screenshot({ path: `${SHOTS}/workspace-networks.png`, fullPage: true })

    // School two opens the invitation link on a device holding its team link.
    await page.reload()
    const second = await invitationLink(page)
    const teamB = await context.newPage()
    await teamB.goto(big.links.team)
    await teamB.getByRole('heading', { level: 1, name: 'Mbo Groot' }).waitFor()
    await teamB.goto(second)
    expect(teamB.url()).not.toContain('#swi_')
    await teamB.getByRole('button', { name: 'Aansluiten met Mbo Groot' }).click()
    await teamB.getByRole('heading', { name: 'Aangesloten bij het lerend netwerk' }).waitFor()

    // The overview: the school of 8 with shares written out, the school of 3 suppressed.
    await page.reload()
    const table = page.getByRole('table')
    await table.waitFor()
    const headers = await table.locator('thead th').allInnerTexts()
    expect(headers.join(' | ')).toMatch(/Vmbo Klein\s*n = 3/)
    expect(headers.join(' | ')).toMatch(/Mbo Groot\s*n = 8/)
    await expect.poll(() => table.locator('td.suppressed[rowspan]').innerText()).toBe('te weinig antwoorden om te tonen')
    const complexity = table.locator('tr', { has: page.locator('th', { hasText: /^4\. / }) })
    // 5 of 8 negative, in Dutch number format, marked as a barrier by shape as well as colour.
    expect(await complexity.locator('td.barrier').first().innerText()).toMatch(/▲\s*63\s?%/)
    expect(await page.locator('body').innerText()).not.toContain('swf_')
    expect(await axeViolations(page), 'network overview').toEqual([])
    await page.screenshot({ path: `${SHOTS}/network-overview.png`, fullPage: true })

    // The Excel file: a sheet per round, the school of 3 without numbers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel downloaden (.xlsx)' }).click()])
    const sheets = await readExcelFile((await download.path()) as string)
    expect(sheets.map((s: { sheet: string }) => s.sheet)).toEqual(['Nulmeting'])
    const rows = sheets[0]?.data as unknown[][]
    expect(rows[1]?.slice(0, 3)).toEqual(['Vmbo Klein', 3, 'te weinig antwoorden om te tonen'])
    expect(rows[1]?.slice(3).every((v) => v === null)).toBe(true)
    expect(rows[2]?.slice(0, 2)).toEqual(['Mbo Groot', 8])
    const column = (rows[0] as string[]).findIndex((h) => /^4\. /.test(String(h)))
    expect(rows[2]?.[column]).toBeCloseTo(0.625)

    // The printed handout.
    await page.getByRole('link', { name: 'Hand-out om te printen' }).click()
    await page.getByRole('heading', { level: 1, name: /Regio Noord/ }).waitFor()
    expect(await page.getByText('te weinig antwoorden om te tonen').count()).toBeGreaterThan(0)
    expect(await axeViolations(page), 'handout').toEqual([])
    await page.screenshot({ path: `${SHOTS}/handout.png`, fullPage: true })
    await context.close()
  })

  test('presentation mode at 1280×720: one shared barrier per screen, arrow keys, no tokens', async () => {
    const { context, page } = await h.newPage({ width: 1280, height: 720 })
    const network = await api('POST', '/api/networks', { name: 'Sessie Oost' })
    for (const [name, answers] of [['School A', [5, 5, 4, 1, 2]], ['School B', [5, 4, 1, 1, 1, 2]]] as const) {
      const ws = await school(name, [...answers])
      const { inviteToken } = await api('POST', `/api/networks/${network.id}/invitations`, undefined, network.facilitatorToken)
      await api('POST', `/api/workspaces/${ws.id}/networks`, { inviteToken }, ws.teamToken)
    }
    await page.goto(network.links.network)
    await page.getByRole('heading', { level: 1, name: 'Sessie Oost' }).waitFor()
    await page.getByRole('button', { name: 'Presentatiemodus' }).click()
    const slides = page.getByRole('region', { name: 'Presentatie' })
    await slides.waitFor()
    const firstTitle = await slides.locator('h2').innerText()
    expect(firstTitle).toMatch(/^\d+\. /)
    expect(await slides.innerText()).toMatch(/School A/)
    expect(await page.locator('body').innerText()).not.toMatch(/swf_|swt_|swi_/)
    expect(await axeViolations(page), 'presentation').toEqual([])
    await page.screenshot({ path: `${SHOTS}/presentation-1.png` })
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => slides.locator('h2').innerText()).not.toBe(firstTitle)
    await page.screenshot({ path: `${SHOTS}/presentation-2.png` })
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => slides.locator('h2').innerText()).toBe(firstTitle)
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Presentatiemodus' }).waitFor()
    await context.close()
  })

  test('the facilitator raises the minimum and nests the network in an outer one; the outer one sees it pooled', async () => {
    const { context, page } = await h.newPage({ width: 1280, height: 900 })
    const network = await api('POST', '/api/networks', { name: 'Lokaal West' })
    const outer = await api('POST', '/api/networks', { name: 'Regio' })
    const schools: { id: string; teamToken: string }[] = []
    for (const [name, answers] of [['School C', [5, 5, 4, 1, 2]], ['School D', [5, 4, 1, 1, 1, 2]]] as const) {
      const ws = await school(name, [...answers])
      schools.push(ws)
      const { inviteToken } = await api('POST', `/api/networks/${network.id}/invitations`, undefined, network.facilitatorToken)
      await api('POST', `/api/workspaces/${ws.id}/networks`, { inviteToken }, ws.teamToken)
    }
    await page.goto(network.links.network)
    await page.getByRole('heading', { level: 1, name: 'Lokaal West' }).waitFor()
    const table = page.getByRole('table')
    await expect.poll(() => table.locator('td.suppressed[rowspan]').count()).toBe(0)
    await page.getByRole('spinbutton', { name: 'Minimum aantal antwoorden om een school te tonen' }).fill('6')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    // School C (5 answers) is now under the minimum.
    await expect.poll(() => table.locator('td.suppressed[rowspan]').count()).toBe(1)

    const invitation = await api('POST', `/api/networks/${outer.id}/invitations`, undefined, outer.facilitatorToken)
    await page.getByLabel('Uitnodigingslink van een overkoepelend netwerk').fill(invitation.links.join)
    await page.getByRole('button', { name: 'Aansluiten als onderliggend netwerk' }).click()
    await page.getByText('Onderdeel van Regio').waitFor()
    expect(await axeViolations(page), 'network settings').toEqual([])

    const seen = await api('GET', `/api/networks/${outer.id}/overview`, undefined, outer.facilitatorToken)
    expect(seen.schools).toEqual([])
    expect(seen.networks).toEqual([expect.objectContaining({ name: 'Lokaal West', schools: 1, n: 6, suppressed: false })])
    expect(JSON.stringify(seen)).not.toMatch(/School C|School D/)

    // The facilitator link was shown on the projector: a new one, asked first, shown once;
    // the old one opens nothing, and this device carries on with the new one.
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: 'Maak een nieuwe begeleiderslink' }).click()
    const newLink = await page.getByRole('textbox', { name: 'Begeleiderslink' }).inputValue()
    expect(newLink).toMatch(new RegExp(`/n/${network.id}#swf_`))
    expect(newLink).not.toBe(network.links.network)
    const old = await fetch(`${h.baseUrl}/api/networks/${network.id}`, { headers: { authorization: `Bearer ${network.facilitatorToken}` } })
    expect(old.status).toBe(401)
    expect(await axeViolations(page), 'a new facilitator link').toEqual([])
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Lokaal West' }).waitFor()

    // Deleting the inner network, once its name is typed: its schools keep their workspaces,
    // the outer network no longer sees it, and the facilitator link stops working.
    const remove = page.getByRole('button', { name: 'Verwijder het netwerk' })
    expect(await remove.isDisabled()).toBe(true)
    await page.getByLabel('Typ de naam van het netwerk (Lokaal West) om te bevestigen').fill('Lokaal West')
    await remove.click()
    await page.getByText('Het netwerk Lokaal West is verwijderd. De scholen houden hun werkruimtes.').waitFor()
    expect(new URL(page.url()).pathname).toBe('/')
    expect((await api('GET', `/api/networks/${outer.id}/overview`, undefined, outer.facilitatorToken)).networks).toEqual([])
    const gone = await fetch(`${h.baseUrl}/api/networks/${network.id}`, { headers: { authorization: `Bearer ${newLink.split('#')[1]}` } })
    expect(gone.status).toBe(401)
    for (const ws of schools) expect((await api('GET', `/api/workspaces/${ws.id}`, undefined, ws.teamToken)).name).toMatch(/^School [CD]$/)
    await context.close()
  })
})
