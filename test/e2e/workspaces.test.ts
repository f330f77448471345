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

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1366, height: 900 }

async function expectNoSeriousViolations(page: Page, screen: string) {
  expect(await axeViolations(page), screen).toEqual([])
}

async function toEnglish(page: Page) {
  await page.getByRole('button', { name: 'EN', exact: true }).click()
  await page.waitForFunction(() => document.documentElement.lang === 'en')
}

async function answer(page: Page, n: number, label: string) {
  await page.getByRole('group', { name: new RegExp(`^${n}\\.`) }).getByRole('radio', { name: label, exact: true }).check()
}

/** The API as the team's device calls it, with the token of the team link. */
async function teamCall(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${h.baseUrl}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: res.status === 204 ? null : await res.json() }
}

/** One respondent on the phone: who answers, a few answers, the summary, send. */
async function respond(
  phone: Page,
  school: string,
  { group, role, answers }: { group?: string; role: 'user' | 'key-informant'; answers: [number, string][][] }
) {
  if (group) await phone.getByLabel('Your group (optional)').selectOption(group)
  await phone.getByRole('radio', { name: role === 'user' ? /Someone who delivers the approach/ : /Key informant for the school/ }).check()
  await phone.getByRole('button', { name: 'Start', exact: true }).click()
  for (const [i, part] of answers.entries()) {
    for (const [n, label] of part) await answer(phone, n, label)
    if (i < answers.length - 1) await phone.getByRole('button', { name: 'Next part' }).click()
  }
  // Parts left unanswered are skipped.
  while (await phone.getByRole('button', { name: 'Next part' }).isVisible()) await phone.getByRole('button', { name: 'Next part' }).click()
  await phone.getByRole('button', { name: 'To the summary' }).click()
  await phone.getByRole('button', { name: 'Submit answers' }).click()
  await phone.getByText(`Your answers reached the team of ${school}. Thank you.`).waitFor()
}

describe('a school team with a workspace, two rounds and colleagues answering on their phones', () => {
  test('create, collect, profile, recommend, plan, close, measure again, compare, export, delete', async () => {
    const school = 'Vmbo De Linde'
    const { page, context } = await h.newPage(DESKTOP)
    await page.goto(h.baseUrl)
    await toEnglish(page)

    // Create the workspace from the start page; its team link is shown once.
    await page.getByRole('link', { name: 'Create a workspace' }).first().click()
    await page.getByRole('heading', { level: 1, name: 'Create a workspace' }).waitFor()
    expect(await page.getByLabel('The approach you are implementing').inputValue()).toBe('Integrated approach to mental well-being')
    await expectNoSeriousViolations(page, 'create a workspace')
    await page.getByRole('button', { name: 'Create the workspace' }).click()
    await page.getByText('Fill in the name of the school or location.').waitFor()
    await page.getByLabel('School or location').fill(school)
    await page.getByRole('button', { name: 'Create the workspace' }).click()
    await page.getByText('Save this team link now: it is shown only once.').waitFor()
    await expectNoSeriousViolations(page, 'team link shown once')
    const teamLink = await page.getByLabel('Team link', { exact: true }).inputValue()
    const [, workspaceId, teamToken] = /\/w\/([A-Za-z0-9_-]{16})#(swt_[A-Za-z0-9_-]{32})$/.exec(teamLink) ?? []
    expect(workspaceId && teamToken).toBeTruthy()
    await page.getByRole('link', { name: 'Go to the workspace' }).click()
    await page.getByRole('heading', { level: 1, name: school }).waitFor()
    expect(page.url()).not.toContain('#')

    // The baseline round, its respondent link, QR code and poster view.
    await page.getByRole('button', { name: 'Start the round' }).click()
    await page.getByRole('heading', { level: 3, name: 'Baseline' }).waitFor()
    const baselineLink = await page.getByLabel('Respondent link for Baseline', { exact: true }).inputValue()
    expect(baselineLink).toMatch(/\/r#swr_[A-Za-z0-9_-]{32}$/)
    await page.locator('sw-qr-code svg path').first().waitFor({ state: 'attached' })
    await expectNoSeriousViolations(page, 'workspace page')
    await page.getByRole('button', { name: 'Show for a slide or poster' }).click()
    const poster = page.getByRole('dialog')
    await poster.getByText('Scan the code with your phone’s camera.').waitFor()
    expect(await poster.locator('sw-qr-code svg').count()).toBe(1)
    await expectNoSeriousViolations(page, 'poster view')
    await poster.getByRole('button', { name: 'Close' }).click()

    // Three colleagues answer on a phone; the link's token leaves the address bar at once.
    const phoneSide = await h.newPage(PHONE)
    const phone = phoneSide.page
    await phone.goto(baselineLink)
    await phone.getByRole('heading', { level: 1, name: 'Integraal' }).or(phone.getByText(school)).first().waitFor()
    expect(phone.url()).toBe(`${h.baseUrl}/r`)
    await toEnglish(phone)
    await phone.getByRole('heading', { level: 1, name: 'Integrated approach to mental well-being' }).waitFor()
    await expectNoSeriousViolations(phone, 'respondent: who answers')
    await respond(phone, school, { group: 'Teachers', role: 'user', answers: [[[4, 'Agree']], [[20, 'Disagree']]] })
    await expectNoSeriousViolations(phone, 'respondent: thanks')
    await phone.getByRole('button', { name: 'Someone else answers on this device' }).click()

    // The second one refreshes halfway: the draft is still there.
    await phone.getByRole('radio', { name: /Someone who delivers the approach/ }).check()
    await phone.getByRole('button', { name: 'Start', exact: true }).click()
    await answer(phone, 4, 'Totally agree')
    await expectNoSeriousViolations(phone, 'respondent: a part')
    await phone.reload()
    await phone.getByRole('group', { name: /^4\./ }).waitFor()
    expect(await phone.getByRole('group', { name: /^4\./ }).getByRole('radio', { name: 'Totally agree' }).isChecked()).toBe(true)
    await phone.getByRole('button', { name: 'Next part' }).click()
    await answer(phone, 20, 'Totally disagree')
    await phone.getByRole('button', { name: 'To the summary' }).click()
    await expectNoSeriousViolations(phone, 'respondent: summary')
    await phone.getByRole('button', { name: 'Submit answers' }).click()
    await phone.getByText(`Your answers reached the team of ${school}. Thank you.`).waitFor()
    await phone.getByRole('button', { name: 'Someone else answers on this device' }).click()
    await respond(phone, school, { role: 'key-informant', answers: [[[5, 'Far too little']]] })

    // The live count on the team's screen.
    const baselineCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Baseline' }) })
    await expect.poll(() => baselineCard.locator('.count').textContent(), { timeout: 15_000 }).toMatch(/3\s+answers received/)

    // Work in the round: results, with anonymous respondents and the profile from the server.
    await page.getByRole('button', { name: 'Work in Baseline' }).click()
    await page.getByRole('heading', { level: 1, name: 'Team results' }).waitFor()
    await page.getByText(`Working in`).first().waitFor()
    await page.getByRole('heading', { level: 2, name: 'Your profile' }).waitFor()
    // The answers themselves are folded away under Manage, after the profile.
    await page.getByText(/^Manage: respondents \(3\)/).click()
    await page.getByRole('row', { name: /Respondent 3/ }).waitFor()
    expect(await page.getByRole('row').filter({ hasText: 'Teachers' }).count()).toBe(1)
    await page.getByRole('img', { name: /^Complexity: 100% negative/ }).waitFor()
    await expectNoSeriousViolations(page, 'team results of a round')

    // Recommendations for the round's barriers; two go into the plan.
    await page.getByRole('button', { name: /^Strategies for these \d+ barriers/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Strategies for your barriers' }).waitFor()
    await page.getByText(/Based on the answers of 3 respondents in Baseline/).waitFor()
    await page.locator('sw-strategy-card').first().waitFor()
    await page.getByRole('button', { name: /^Add to plan/ }).first().click()
    await page.getByRole('button', { name: /^Add to plan/ }).first().click()
    await expect.poll(() => page.getByRole('button', { name: /^Remove from plan/ }).count()).toBe(2)

    // The plan with its specification and status, saved in the round.
    await page.getByRole('link', { name: /^Plan/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Your implementation plan' }).waitFor()
    await page.getByLabel('Name of the plan').fill('Plan De Linde')
    await page.getByLabel('Who does it').first().fill('De zorgcoördinator')
    await page.getByLabel('Which outcome shows it worked').first().fill('80% van de mentoren')
    await page.getByLabel('Status').first().selectOption('running')
    await page.getByText('All changes are saved.').waitFor()
    await expectNoSeriousViolations(page, 'plan of a round')
    const workspace = await teamCall(teamToken!, 'GET', `/workspaces/${workspaceId}`)
    const baselineId = workspace.body.rounds[0].id as string
    const saved = await teamCall(teamToken!, 'GET', `/workspaces/${workspaceId}/rounds/${baselineId}/plan`)
    expect(saved.body.title).toBe('Plan De Linde')
    expect(saved.body.entries).toHaveLength(2)
    expect(saved.body.entries[0]).toMatchObject({ status: 'running', spec: { actor: 'De zorgcoördinator', outcome: '80% van de mentoren' } })

    // Someone else saves meanwhile: nothing of ours is dropped, both versions are shown.
    const theirs = await teamCall(teamToken!, 'PUT', `/workspaces/${workspaceId}/rounds/${baselineId}/plan`, {
      title: 'Their title',
      baseRevision: saved.body.revision,
      entries: saved.body.entries.slice(0, 1).map((e: { strategy: string; spec: object }) => ({ strategy: e.strategy, spec: e.spec, phase: 'start', startMonth: 10, months: 3, feasibility: 4 })),
      region: 'zuid',
      schoolYear: '2026-2027',
    })
    expect(theirs.status).toBe(200)
    await page.getByLabel('Notes').first().fill('Mijn aantekening')
    await page.getByText('Someone else saved this plan while you were editing it.').waitFor()
    await page.getByText(/Their version: Their title, 1 strategy/).waitFor()
    // Everything "keep theirs" would take is on screen: their schedule and their timeline's calendar.
    await page.getByText('Their timeline: school year 2026-2027, holidays of region South.').waitFor()
    const theirRow = page.getByRole('region', { name: 'Their version' }).getByRole('row').nth(1)
    expect(await theirRow.textContent()).toMatch(/Start.*Oct.*2026.*3 months.*4/)
    expect(await page.getByLabel('Notes').first().inputValue()).toBe('Mijn aantekening')
    await expectNoSeriousViolations(page, 'plan: someone else saved')
    await page.getByRole('button', { name: 'Keep mine (save it over theirs)' }).click()
    await page.getByText('All changes are saved.').waitFor()
    const kept = await teamCall(teamToken!, 'GET', `/workspaces/${workspaceId}/rounds/${baselineId}/plan`)
    expect(kept.body).toMatchObject({ title: 'Plan De Linde', revision: theirs.body.revision + 1 })
    expect(kept.body.entries).toHaveLength(2)
    expect(kept.body.entries[0].spec.notes).toBe('Mijn aantekening')

    // Close the baseline: the phone is told plainly.
    await page.getByRole('link', { name: school }).first().click()
    await page.getByRole('heading', { level: 1, name: school }).waitFor()
    await baselineCard.getByRole('button', { name: 'Close the round' }).click()
    await page.getByRole('button', { name: 'Yes, close it' }).click()
    await baselineCard.getByText('Closed', { exact: true }).waitFor()
    await phone.reload()
    await phone.getByText('This round is closed: it takes no more answers.').waitFor()

    // Round 2 starts from the baseline's plan and settings; two colleagues answer.
    await page.getByRole('button', { name: 'Start the round' }).click()
    await page.getByRole('heading', { level: 3, name: 'After PDSA cycle 1' }).waitFor()
    const secondLink = await page.getByLabel('Respondent link for After PDSA cycle 1', { exact: true }).inputValue()
    const rounds = (await teamCall(teamToken!, 'GET', `/workspaces/${workspaceId}`)).body.rounds
    const secondId = rounds[1].id as string
    const carried = await teamCall(teamToken!, 'GET', `/workspaces/${workspaceId}/rounds/${secondId}/plan`)
    expect(carried.body.entries.map((e: { strategy: string }) => e.strategy)).toEqual(kept.body.entries.map((e: { strategy: string }) => e.strategy))
    await phone.goto(secondLink)
    await phone.getByRole('heading', { level: 1, name: 'Integrated approach to mental well-being' }).waitFor()
    await phone.getByText('After PDSA cycle 1').waitFor()
    await respond(phone, school, { role: 'user', answers: [[[4, 'Disagree']], [[20, 'Agree']]] })
    await phone.getByRole('button', { name: 'Someone else answers on this device' }).click()
    await respond(phone, school, { role: 'user', answers: [[[4, 'Totally disagree']], [[20, 'Agree']]] })
    const secondCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'After PDSA cycle 1' }) })
    await expect.poll(() => secondCard.locator('.count').textContent(), { timeout: 15_000 }).toMatch(/2\s+answers received/)

    // Compare the two rounds: complexity is no longer a barrier.
    await page.getByRole('link', { name: 'Compare rounds' }).click()
    await page.getByRole('heading', { level: 1, name: 'Compare rounds' }).waitFor()
    await page.getByRole('heading', { level: 3, name: /^No longer a barrier/ }).waitFor()
    const noLonger = page.locator('sw-compare-chart li').filter({ hasText: 'Complexity' })
    await expect.poll(() => noLonger.textContent()).toMatch(/100% then, 0% now/)
    await expectNoSeriousViolations(page, 'compare: chart')
    await page.getByRole('button', { name: 'Table', exact: true }).click()
    await expect.poll(() => page.getByRole('row', { name: /4\. Complexity/ }).textContent()).toMatch(/100% · Barrier\s+0% · Facilitator\s+-100\s+No longer a barrier/)
    await expectNoSeriousViolations(page, 'compare: table')

    // The baseline as an Excel workbook: profile, plan and anonymous answers.
    await page.goto(`${h.baseUrl}/w/${workspaceId}`)
    await baselineCard.waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), baselineCard.getByRole('button', { name: 'Download (Excel)' }).click()])
    expect(download.suggestedFilename()).toBe('vmbo-de-linde-baseline.xlsx')
    const sheets = await readExcelFile(await download.path())
    expect(sheets.map((s) => s.sheet)).toEqual(['Profile', 'Plan', 'Answers'])
    const [profile, plan, answers] = sheets.map((s) => s.data)
    expect(profile!.find((r) => r[1] === 'Complexity')).toEqual([4, 'Complexity', 'The approach itself', 3, '100%', '0%', 'Barrier'].map((v, i) => (i === 0 || i === 3 ? expect.anything() : v)))
    expect(plan).toHaveLength(3)
    expect(plan![0]).toEqual(expect.arrayContaining(['Strategy', 'Status', 'Who does it']))
    expect(plan![1]![plan![0]!.indexOf('Status')]).toBe('Running')
    expect(plan![1]![plan![0]!.indexOf('Who does it')]).toBe('De zorgcoördinator')
    expect(answers).toHaveLength(4)
    expect(answers![0]!.slice(0, 4)).toEqual(['respondent', 'role', 'group', 'received'])
    expect(answers!.slice(1).map((r) => r[2])).toEqual(['Teachers', null, null])

    // The printable report of the round.
    await baselineCard.getByRole('link', { name: 'Round report (print)' }).click()
    await page.getByRole('heading', { level: 1, name: `${school} · Baseline` }).waitFor()
    await page.getByRole('heading', { level: 2, name: /^Barriers \(\d+\)/ }).waitFor()
    await expectNoSeriousViolations(page, 'round report')
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false)
    await page.emulateMedia({ media: 'screen' })

    // The answers as CSV, in the columns the CSV import reads.
    await page.goto(`${h.baseUrl}/w/${workspaceId}`)
    const [csv] = await Promise.all([page.waitForEvent('download'), baselineCard.getByRole('button', { name: 'Answers (CSV)' }).click()])
    const csvRows = Papa.parse<string[]>(readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
    expect(csvRows[0]!.slice(0, 5)).toEqual(['respondent', 'role', 'group', 'received', 'd01'])
    expect(csvRows.slice(1).map((r) => r[1])).toEqual(['user', 'user', 'key-informant'])

    // A second team member gets a link of their own (shown once); revoking it needs a confirmation.
    await page.getByLabel('New team link for').fill('Marieke')
    await page.getByRole('button', { name: 'Make a team link' }).click()
    await page.getByText('Save this team link now: it is shown only once.').waitFor()
    const mariekesLink = await page.getByLabel('Team link', { exact: true }).inputValue()
    expect(mariekesLink).not.toBe(teamLink)
    await page.getByRole('button', { name: 'Revoke Marieke' }).click()
    await page.getByRole('button', { name: 'Yes, revoke it' }).click()
    await page.getByText('The team link is revoked.').waitFor()
    expect(await page.getByRole('rowheader', { name: /Marieke/ }).count()).toBe(0)
    expect((await teamCall(/#(swt_.*)$/.exec(mariekesLink)![1]!, 'GET', `/workspaces/${workspaceId}`)).status).toBe(401)
    await page.getByText('The last team link cannot be revoked').waitFor()

    // Everything as one JSON file, imported again as a new workspace with new links.
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the workspace (JSON)' }).click()])
    const exported = readFileSync(await json.path(), 'utf8')
    expect(exported).not.toContain(teamToken!)
    await page.getByRole('link', { name: 'Import a workspace file' }).click()
    await page.getByRole('heading', { level: 1, name: 'Create a workspace' }).waitFor()
    await page.locator('sw-page-workspace-new').locator('input[type=file]').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(exported) })
    await page.getByRole('heading', { level: 1, name: 'The workspace was imported' }).waitFor()
    const importedLink = await page.getByLabel('Team link', { exact: true }).inputValue()
    const [, importedId] = /\/w\/([A-Za-z0-9_-]{16})#/.exec(importedLink) ?? []
    expect(importedId).not.toBe(workspaceId)
    await page.getByRole('link', { name: 'Go to the workspace' }).click()
    await page.getByRole('heading', { level: 3, name: 'After PDSA cycle 1' }).waitFor()
    await page.getByRole('heading', { level: 3, name: 'Baseline' }).waitFor()

    // Another device opens the team link: it works there, and the token leaves the address bar.
    const second = await h.newPage(DESKTOP)
    await second.page.goto(teamLink)
    await second.page.getByRole('heading', { level: 1, name: school }).waitFor()
    expect(second.page.url()).toBe(`${h.baseUrl}/w/${workspaceId}`)
    await second.context.close()

    // Delete the workspace: everything goes at once and every link stops working.
    await page.goto(`${h.baseUrl}/w/${workspaceId}`)
    await page.getByLabel(`Type the name of the workspace (${school}) to confirm`).fill(school)
    await page.getByRole('button', { name: 'Delete everything' }).click()
    await page.getByText(`The workspace ${school} and everything in it were deleted.`).waitFor()
    expect((await teamCall(teamToken!, 'GET', `/workspaces/${workspaceId}`)).status).toBe(401)
    await phone.reload()
    await phone.getByText('This link no longer works. Ask the team for the current one.').waitFor()
    await expectNoSeriousViolations(page, 'start after deletion')

    await phoneSide.context.close()
    await context.close()
  })
})
