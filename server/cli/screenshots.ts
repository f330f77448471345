/**
 * @module `npm run screenshots [-- <folder>]`: takes a screenshot of every screen at phone
 * (390×844), desktop (1366×900) and projector (1280×720) size, in Dutch and in English, with a
 * sample team, plan and approach in the browser, and a workspace made through its form, so a
 * person can look at what the app shows.
 * Phone and desktop are full pages; the projector shot is the first screen only, which is what
 * a room sees. Writes PNGs to the folder (default screenshots/, not committed).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { startHarness } from '../../test/e2e/support/harness.ts'

const out = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'screenshots')
mkdirSync(out, { recursive: true })

const answers = (negative: string[]) =>
  Object.fromEntries(
    ['d01', 'd02', 'd03', 'd04', 'd05', 'd06', 'd07', 'd09a', 'd10', 'd13a', 'd16a', 'd16b', 'd17', 'd18'].map((id) => [
      id,
      id === 'd04' ? (negative.includes(id) ? 4 : 2) : negative.includes(id) ? 2 : 4,
    ])
  )
const state = {
  team: [
    { id: 'a', label: 'Mentor 3A', role: 'user', answers: answers(['d04', 'd16a', 'd01']) },
    { id: 'b', label: 'Mentor 3B', role: 'user', answers: answers(['d04', 'd17']) },
    { id: 'c', label: 'SLB’er', role: 'user', answers: answers(['d16a', 'd16b']) },
    { id: 'd', label: 'Teamleider', role: 'key-informant', answers: { d19: 0, d20: 0, d21: 2, d22: 3, d23: 1, d24: 4, d25: 1, d26: 2, d27: 4, d28: 0, d29: 4 } },
  ],
  draft: { label: 'Docent', role: 'user', alsoUser: false, answers: { d01: 4, d02: 3 }, step: 1 },
  plan: [
    { strategy: 'allocate-task-hours', barriers: [23, 21], spec: { actor: 'Teamleider', action: 'Tien uur per mentor in de normjaartaak', target: 'Mentoren leerjaar 3', timing: 'Vanaf augustus', dose: 'Hele schooljaar', outcome: 'Alle mentoren hebben uren', notes: '' }, phase: 'preparation', startMonth: 8, months: 12 },
    { strategy: 'conversation-skills-training', barriers: [16], spec: { actor: 'GGD', action: 'Twee trainingen gespreksvoering', target: 'Mentoren', timing: 'Oktober en februari', dose: '2 × 3 uur', outcome: '80% voelt zich bekwaam', notes: '' }, phase: 'start', startMonth: 10, months: 5 },
  ],
  planTitle: 'Welbevinden, Leidse school 2026–2027',
  planCalendar: { region: 'midden', schoolYear: '2026-2027' },
  approach: ['dynamic-training', 'educational-meetings'],
  chosen: [{ determinant: 23, severity: 1 }, { determinant: 16 }],
}

const screens = [
  ['start', '/'],
  ['questionnaire', '/questionnaire'],
  ['team', '/team'],
  ['barriers', '/barriers'],
  ['recommendations', '/recommendations'],
  ['plan', '/plan'],
  ['coverage', '/coverage'],
  ['kb', '/kb'],
  ['determinant', '/kb/determinants/23'],
  ['strategy', '/kb/strategies/warm-handover-vmbo-mbo'],
  ['strategy-unknown', '/kb/strategies/no-such-strategy'],
  ['determinant-unknown', '/kb/determinants/99'],
  ['not-found', '/no-such-page'],
] as const

const sizes = [
  [390, 844, 'phone'],
  [1366, 900, 'desktop'],
  [1280, 720, 'projector'],
] as const

const h = await startHarness()
try {
  for (const lang of ['nl', 'en'] as const) {
    for (const [width, height, label] of sizes) {
      const { page, context } = await h.newPage({ width, height })
      await page.goto(h.baseUrl)
      await page.evaluate(
        ([s, l]) => {
          localStorage.setItem('strategiewijzer:state:v1', JSON.stringify(s))
          localStorage.setItem('strategiewijzer:lang', l)
        },
        [state, lang] as const
      )
      for (const [name, path] of screens) {
        await page.goto(`${h.baseUrl}${path}`)
        await page.waitForLoadState('networkidle')
        if (name === 'coverage') await page.getByRole('button', { name: /Dekking toetsen|Check coverage/ }).click()
        await page.waitForTimeout(300)
        await page.screenshot({ path: join(out, `${name}-${label}-${lang}.png`), fullPage: label !== 'projector' })
      }
      // The workspace screens: create one through the form, then its page; and the pages of a
      // learning network and of a respondent without a link.
      const shot = (name: string) => page.screenshot({ path: join(out, `${name}-${label}-${lang}.png`), fullPage: label !== 'projector' })
      await page.goto(`${h.baseUrl}/w/new`)
      await page.getByLabel(/^(School or location|School of locatie)/).waitFor()
      await shot('workspace-new')
      await page.getByLabel(/^(School or location|School of locatie)/).fill('Vmbo De Linde – locatie Één')
      await page.getByRole('button', { name: /^(Create the workspace|Werkruimte maken)$/ }).click()
      const teamLink = page.getByLabel(/^(Team link|Teamlink)$/)
      await teamLink.waitFor()
      await shot('workspace-created')
      await page.goto(await teamLink.inputValue())
      await page.waitForLoadState('networkidle')
      await page.waitForTimeout(300)
      await shot('workspace')
      for (const [name, path] of [['network-new', '/n/new'], ['respond-without-link', '/r']] as const) {
        await page.goto(`${h.baseUrl}${path}`)
        await page.waitForLoadState('networkidle')
        await page.waitForTimeout(300)
        await shot(name)
      }
      await context.close()
    }
  }
  console.log(`screenshots in ${out}`)
} finally {
  await h.close()
}
