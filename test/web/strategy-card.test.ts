import { page } from 'vitest/browser'
import { afterEach, describe, expect, it } from 'vitest'
import type { RecommendedStrategy } from '../../server/schemas/api.ts'
import '../../web/components/strategy-card.ts'
import type { StrategyActionEvent } from '../../web/events.ts'
import { setLocale } from '../../web/localization.ts'
import { axeViolations } from './support/axe.ts'
import { cellSharingStrategy, recommendedStrategy } from './support/fixtures.ts'

const strategy = recommendedStrategy

/** Mounts a card; `expanded` opens its full reasons (most tests read them). */
async function mount(planned = false, shown: RecommendedStrategy = strategy, expanded = true) {
  const el = document.createElement('sw-strategy-card')
  el.strategy = shown
  el.rank = 1
  el.planned = planned
  el.expanded = expanded
  el.sourceNames = new Map([
    ['editorial', 'Strategiewijzer editorial team'],
    ['cfir', 'Waltz et al. 2019'],
    ['isc', 'Implement Sci Commun 2023'],
  ])
  document.body.append(el)
  await el.updateComplete
  return el
}

/** The barrier's line in the card: its name, label, evidence lines and notes. */
const addressLine = (name: string) => page.getByRole('listitem').filter({ hasText: name }).first()

afterEach(async () => {
  document.body.innerHTML = ''
  await setLocale('en')
})

describe('<sw-strategy-card>', () => {
  it('is compact at first: name, why in one line, its strongest link, that link’s evidence and the effort; one click opens the rest', async () => {
    const el = await mount(false, strategy, false)
    await expect.element(page.getByRole('heading', { name: /Allocate task hours/ })).toBeVisible()
    await expect.element(page.getByText(strategy.why)).toBeVisible()
    expect(el.shadowRoot?.querySelector('.meta')?.textContent).toMatch(/essential link\s*our proposal \(not tested\)\s*Medium effort/)
    const details = el.shadowRoot!.querySelector('details.more') as HTMLDetailsElement
    expect(details.open).toBe(false)
    expect(page.getByRole('listitem').filter({ hasText: 'Time available' }).elements()).toEqual([])
    await page.getByText('All reasons, what it is and an example').click()
    await expect.element(addressLine('Time available')).toBeVisible()
    expect(el.expanded).toBe(true)
  })

  it('says a barrier’s severity is not known instead of a weight the team never gave', async () => {
    const el = await mount()
    el.severityKind = 'given'
    el.severityUnknown = [23]
    await el.updateComplete
    await expect.element(addressLine('Time available')).toHaveTextContent(/Time available: how much not known · essential link/)
    expect(addressLine('Time available').element().textContent).not.toMatch(/hinders/)
    await expect.element(addressLine('Coordinator')).toHaveTextContent(/Coordinator: hinders/)
  })

  it('says why the strategy is recommended: each barrier with severity, label and the weight of each source in words', async () => {
    await mount()
    await expect.element(page.getByText(strategy.why)).toBeVisible()
    await expect.element(addressLine('Time available')).toHaveTextContent(
      /50% negative · essential link \(2 methods agree\)\s*our proposal \(not tested\) · 0\.6 \(our judgement\) · Strategiewijzer editorial team\s*expert data via our crosswalk · ≥20% · Waltz et al\. 2019/
    )
    await expect.element(addressLine('Coordinator')).toHaveTextContent(/supportive link\s*our proposal \(not tested\) · 0\.3 \(our judgement\)/)
    // The evidence tags of the reference notes (V, S, U, P) are never shown as letters.
    expect(document.querySelector('sw-strategy-card')?.shadowRoot?.textContent).not.toMatch(/\b(evidence|link) [VSUP0-9]/)
  })

  it('says the same in Dutch, with decimal commas', async () => {
    await setLocale('nl')
    await mount()
    await expect.element(addressLine('Time available')).toHaveTextContent(
      /50% negatief · essentiële koppeling \(2 methoden komen overeen\)\s*ons voorstel \(niet getoetst\) · 0,6 \(ons oordeel\) · Strategiewijzer editorial team\s*expertdata via onze vertaling · ≥20% · Waltz et al\. 2019/
    )
    await expect.element(addressLine('Coordinator')).toHaveTextContent(/ondersteunende koppeling\s*ons voorstel \(niet getoetst\) · 0,3 \(ons oordeel\)/)
  })

  it('shows a printed expert share as a percentage, and takes a source’s own tier and a link’s own basis over what its kind and method suggest', async () => {
    const el = await mount(false, {
      ...strategy,
      addresses: [
        {
          ...strategy.addresses[1]!,
          evidence: [
            { source: 'isc', method: 'cfir-eric-crosswalk', strength: 0.2, basis: 'printed' },
            { source: 'editorial', method: 'im-method-match', strength: 0.4 },
          ] as RecommendedStrategy['addresses'][number]['evidence'],
        },
      ],
    })
    el.sourceTiers = new Map([['editorial', 'imported']])
    await el.updateComplete
    await expect.element(addressLine('Coordinator')).toHaveTextContent(
      /expert data via our crosswalk · 20% · Implement Sci Commun 2023\s*imported via our classification · 0\.4 \(fixed value\)/
    )
  })

  it('says when one expert judgement already counted for another barrier, in English and in Dutch', async () => {
    await mount(false, cellSharingStrategy)
    await expect.element(addressLine('Time available')).toHaveTextContent(
      /expert data via our crosswalk · 44% · Implement Sci Commun 2023\s*Counts once: the same expert judgement as for Materials and facilities\./
    )
    expect(addressLine('Materials and facilities').element().textContent).not.toMatch(/Counts once/)
    await setLocale('nl')
    await expect.element(addressLine('Time available')).toHaveTextContent(/Telt één keer: zelfde expertoordeel als bij Materials and facilities\./)
  })

  it('in a bundle, says in words which barriers the strategy covers and which it only weakly covers', async () => {
    await mount(false, { ...strategy, covers: [23], weaklyCovers: [25] })
    await expect.element(page.getByText('In this bundle it covers Time available (essential link).')).toBeVisible()
    await expect.element(page.getByText('It weakly covers Coordinator (supportive links only).')).toBeVisible()
    await setLocale('nl')
    await expect.element(page.getByText('In deze bundel dekt ze Time available (essentiële koppeling).')).toBeVisible()
    await expect.element(page.getByText('Ze dekt Coordinator zwak (alleen ondersteunende koppelingen).')).toBeVisible()
  })

  it('shows where the strategy fits: cluster, phases and effort', async () => {
    const el = await mount()
    expect(el.shadowRoot?.querySelector('.more .meta')?.textContent).toMatch(/Arrange funding and means.*Preparation.*Sustainment/s)
    expect(el.shadowRoot?.querySelector('.meta')?.textContent).toMatch(/Medium effort/)
  })

  it('asks to add the strategy to the plan, or to take it out when it is there', async () => {
    const el = await mount()
    const actions: string[] = []
    el.addEventListener('strategy-action', (e: StrategyActionEvent) => actions.push(`${e.strategy}:${e.action}`))
    await page.getByRole('button', { name: /^Add to plan/ }).click()
    el.planned = true
    await el.updateComplete
    await page.getByRole('button', { name: /^Remove from plan\b.*Allocate task hours/ }).click()
    await page.getByRole('button', { name: /Not for us/ }).click()
    expect(actions).toEqual(['allocate-task-hours:plan', 'allocate-task-hours:unplan', 'allocate-task-hours:exclude'])
  })

  it('shows being in the plan as a state, not as a button', async () => {
    await mount(true)
    await expect.element(page.getByText('✓ In the plan')).toBeVisible()
    expect(page.getByRole('button', { name: /In the plan/ }).elements()).toEqual([])
    expect(page.getByRole('button', { pressed: true }).elements()).toEqual([])
  })

  it('keeps focus on the plan button when it turns from adding into taking out', async () => {
    const el = await mount()
    el.addEventListener('strategy-action', () => (el.planned = !el.planned))
    await page.getByRole('button', { name: /^Add to plan/ }).click()
    await el.updateComplete
    expect(el.shadowRoot?.activeElement?.textContent).toMatch(/^\s*Remove from plan/)
  })

  it('says that health-care expert ratings do not apply to a strategy whose mechanism changed', async () => {
    await mount(false, {
      ...strategy,
      waltz: { importance: 3.4 },
      mechanismChanged: true,
      adaptationNote: 'ERIC means getting the innovation onto a list of reimbursed care.',
    })
    await expect.element(page.getByText(/changes how it works, so the health-care expert ratings do not apply/)).toBeVisible()
    expect(document.body.querySelector('sw-strategy-card')?.shadowRoot?.textContent).not.toMatch(/3\.4/)
  })

  it('says nothing about ratings for a strategy that works as the original does', async () => {
    const el = await mount()
    expect(el.shadowRoot?.querySelector('.adapted')).toBeNull()
  })

  it('has no serious accessibility violations', async () => {
    await mount(true, strategy, false)
    await mount(true)
    await mount(false, { ...cellSharingStrategy, covers: [], weaklyCovers: [24] })
    expect(await axeViolations(document.body)).toEqual([])
  })
})
