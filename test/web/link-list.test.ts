import { page } from 'vitest/browser'
import { afterEach, describe, expect, it } from 'vitest'
import type { LinkOut } from '../../server/schemas/api.ts'
import '../../web/components/link-list.ts'
import type { LinkedPair } from '../../web/components/link-list.ts'
import { setLocale } from '../../web/localization.ts'
import { axeViolations } from './support/axe.ts'

/** A link as the API lists it; `via` and `basis` also as the knowledge base will give them. */
const link = (over: Omit<Partial<LinkOut>, 'via'> & { via?: unknown; basis?: string }): LinkOut =>
  ({
    source: 'strategiewijzer-editorial',
    sourceLabel: 'Strategiewijzer editorial team',
    sourceUrl: null,
    evidence: 'P',
    method: 'editorial-judgement',
    strength: 0.45,
    via: null,
    rationale: 'Hours in the task policy free up time.',
    ...over,
  }) as LinkOut

const lowerBound = link({
  source: 'isc-2024',
  sourceLabel: 'CFIR–ERIC levels in Implement Sci Commun 2024',
  sourceUrl: 'https://example.org/table4',
  evidence: 'S',
  method: 'cfir-eric-crosswalk',
  strength: 0.2,
  via: 'CFIR 2009: Available resources (primary crosswalk; level only, strength is the 20% lower bound)',
  rationale: 'Experts chose it for Available resources.',
})

/** A link as the knowledge base will give it: with its basis and `via` as sentences in both languages. */
const printed = link({
  source: 'waltz-2019',
  sourceLabel: 'Waltz et al. 2019',
  evidence: 'V',
  method: 'cfir-eric-crosswalk',
  strength: 0.44,
  basis: 'printed',
  via: { nl: 'Via het CFIR-construct Beschikbare middelen.', en: 'Through the CFIR construct Available resources.' },
  rationale: '44% of the experts chose it.',
})

const pairs: LinkedPair[] = [
  { href: '/kb/strategies/access-new-funding', title: 'Access new funding', strength: 0.44, label: 'supportive', agreement: 2, links: [printed, link({ strength: 0.3 })] },
  { href: '/kb/strategies/allocate-task-hours', title: 'Allocate task hours', strength: 0.45, label: 'supportive', agreement: 1, links: [link({})] },
  { href: '/kb/strategies/revise-roles', title: 'Revise professional roles', strength: 0.2, label: 'supportive', agreement: 1, links: [lowerBound] },
  {
    href: '/kb/strategies/educational-meetings',
    title: 'Educational meetings',
    strength: 0.6,
    label: 'essential',
    agreement: 1,
    links: [link({ source: 'kok-2014', sourceLabel: 'Kok et al. 2014', evidence: 'V', method: 'im-method-match', strength: 0.6, basis: 'fixed' })],
  },
]

async function mount() {
  const el = document.createElement('sw-link-list')
  el.pairs = pairs
  el.methodNames = new Map([['cfir-eric-crosswalk', 'CFIR–ERIC experts via the MIDI–CFIR crosswalk']])
  el.sourceTiers = new Map([
    ['waltz-2019', 'expert-data'],
    ['isc-2024', 'expert-data'],
    ['kok-2014', 'published-method'],
    ['strategiewijzer-editorial', 'proposal'],
  ])
  document.body.append(el)
  await el.updateComplete
  for (const summary of el.shadowRoot?.querySelectorAll('summary') ?? []) (summary as HTMLElement).click()
  await el.updateComplete
  return el
}

const pair = (title: string) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) }).first()

afterEach(async () => {
  document.body.innerHTML = ''
  await setLocale('en')
})

describe('<sw-link-list>', () => {
  it('labels each pair essential or supportive in words, with its strength as what it is', async () => {
    await mount()
    await expect.element(pair('Access new funding')).toHaveTextContent(/^Access new funding\s*supportive link\s*44%\s*2 methods agree/)
    await expect.element(pair('Allocate task hours')).toHaveTextContent(/supportive link\s*0\.45 \(our judgement\)/)
    await expect.element(pair('Revise professional roles')).toHaveTextContent(/supportive link\s*≥20%/)
    await expect.element(pair('Educational meetings')).toHaveTextContent(/essential link\s*0\.6 \(fixed value\)/)
  })

  it('weighs every link behind a pair in words — tier, crosswalk, strength — and never by letter', async () => {
    const el = await mount()
    await expect.element(pair('Access new funding')).toHaveTextContent(
      /expert data via our crosswalk · 44% · Waltz et al\. 2019 · CFIR–ERIC experts via the MIDI–CFIR crosswalk\s*Through the CFIR construct Available resources\..*our proposal \(not tested\) · 0\.3 \(our judgement\) · Strategiewijzer editorial team/
    )
    await expect.element(pair('Revise professional roles')).toHaveTextContent(/expert data via our crosswalk · ≥20% · CFIR–ERIC levels in Implement Sci Commun 2024/)
    await expect.element(pair('Educational meetings')).toHaveTextContent(/published method via our classification · 0\.6 \(fixed value\) · Kok et al\. 2014/)
    expect(el.shadowRoot?.textContent).not.toMatch(/evidence [VSUP]\b/)
  })

  it('says the same in Dutch, with decimal commas and the Dutch sentence of how a link was reached', async () => {
    await setLocale('nl')
    await mount()
    await expect.element(pair('Access new funding')).toHaveTextContent(
      /ondersteunende koppeling\s*44%\s*2 methoden komen overeen.*expertdata via onze vertaling · 44% · Waltz et al\. 2019.*Via het CFIR-construct Beschikbare middelen\..*ons voorstel \(niet getoetst\) · 0,3 \(ons oordeel\)/
    )
    await expect.element(pair('Allocate task hours')).toHaveTextContent(/ondersteunende koppeling\s*0,45 \(ons oordeel\)/)
    await expect.element(pair('Revise professional roles')).toHaveTextContent(/≥20%/)
    await expect.element(pair('Educational meetings')).toHaveTextContent(/essentiële koppeling\s*0,6 \(vaste waarde\).*gepubliceerde methode via onze indeling/)
  })

  it('has no serious accessibility violations', async () => {
    await mount()
    expect(await axeViolations(document.body)).toEqual([])
  })
})
