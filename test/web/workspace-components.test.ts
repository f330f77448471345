import { page } from 'vitest/browser'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../web/components/compare-chart.ts'
import type { ComparedDeterminant } from '../../web/components/compare-chart.ts'
import '../../web/components/copy-field.ts'
import '../../web/components/mode-bar.ts'
import '../../web/components/qr-code.ts'
import '../../web/components/team-link-notice.ts'
import { axeViolations } from './support/axe.ts'

afterEach(() => {
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

type Tag = 'sw-copy-field' | 'sw-team-link-notice' | 'sw-qr-code' | 'sw-mode-bar' | 'sw-compare-chart'

async function mount<K extends Tag>(tag: K, props: Partial<HTMLElementTagNameMap[K]>): Promise<HTMLElementTagNameMap[K]> {
  const el: HTMLElementTagNameMap[K] = Object.assign(document.createElement(tag), props)
  document.body.append(el)
  await el.updateComplete
  return el
}

describe('<sw-copy-field>', () => {
  it('copies the link and says so', async () => {
    const written: string[] = []
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async (t: string) => void written.push(t) } })
    await mount('sw-copy-field', { label: 'Respondent link', value: 'https://example.org/r#swr_x' })
    await expect.element(page.getByLabelText('Respondent link', { exact: true })).toHaveValue('https://example.org/r#swr_x')
    await page.getByRole('button', { name: /^Copy/ }).click()
    expect(written).toEqual(['https://example.org/r#swr_x'])
    await expect.element(page.getByRole('status')).toHaveTextContent('Copied.')
  })

  it('selects the link for Ctrl+C when the clipboard refuses', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async () => Promise.reject(new Error('denied')) } })
    const el = await mount('sw-copy-field', { label: 'Team link', value: 'https://example.org/w/x#swt_y' })
    await page.getByRole('button', { name: /^Copy/ }).click()
    const input = el.shadowRoot!.querySelector('input')!
    await expect.poll(() => [input.selectionStart, input.selectionEnd]).toEqual([0, input.value.length])
    await expect.element(page.getByRole('status')).toHaveTextContent(/Copied\.|Ctrl\+C/)
  })

  it('has no serious accessibility violations', async () => {
    await mount('sw-copy-field', { label: 'Team link', value: 'https://example.org' })
    expect(await axeViolations(document.body)).toEqual([])
  })
})

describe('<sw-team-link-notice>', () => {
  it('warns that the link is shown once and is the key, with the link to copy', async () => {
    await mount('sw-team-link-notice', { link: 'https://example.org/w/abc#swt_token' })
    await expect.element(page.getByText('Save this team link now: it is shown only once.')).toBeVisible()
    await expect.element(page.getByText(/The link is the key to the workspace/)).toBeVisible()
    await expect.element(page.getByLabelText('Team link', { exact: true })).toHaveValue('https://example.org/w/abc#swt_token')
    expect(await axeViolations(document.body)).toEqual([])
  })
})

describe('<sw-qr-code>', () => {
  it('draws the link as a labelled SVG and draws it again when the link changes', async () => {
    const el = await mount('sw-qr-code', { text: 'https://example.org/r#swr_one', label: 'QR code of the link' })
    const svg = () => el.shadowRoot?.querySelector('svg')
    await expect.poll(() => svg()?.querySelectorAll('path').length).toBeGreaterThan(0)
    expect(svg()?.getAttribute('role')).toBe('img')
    expect(svg()?.getAttribute('aria-label')).toBe('QR code of the link')
    const first = svg()?.innerHTML
    el.text = 'https://example.org/r#swr_two'
    await expect.poll(() => svg()?.innerHTML !== first && (svg()?.querySelectorAll('path').length ?? 0) > 0).toBe(true)
    expect(await axeViolations(document.body)).toEqual([])
  })
})

describe('<sw-mode-bar>', () => {
  it('says on a team screen that nothing is saved beyond this browser, and links to a workspace', async () => {
    await mount('sw-mode-bar', { active: null, teamScreen: true })
    await expect.element(page.getByText('Trying it without saving.')).toBeVisible()
    await expect.element(page.getByRole('link', { name: 'Create a workspace' })).toHaveAttribute('href', '/w/new')
    expect(await axeViolations(document.body)).toEqual([])
  })

  it('names the workspace and round the team works in, and lets it leave', async () => {
    const el = await mount('sw-mode-bar', {
      active: { workspaceId: 'AAAAAAAAAAAAAAAA', roundId: 'BBBBBBBBBBBBBBBB', workspaceName: 'Vmbo De Linde', roundLabel: 'Baseline' },
    })
    let left = 0
    el.addEventListener('round-leave', () => left++)
    await expect.element(page.getByRole('link', { name: 'Vmbo De Linde' })).toHaveAttribute('href', '/w/AAAAAAAAAAAAAAAA')
    await expect.element(page.getByRole('status')).toHaveTextContent(/Baseline/)
    await page.getByRole('button', { name: 'Leave the round' }).click()
    expect(left).toBe(1)
    expect(await axeViolations(document.body)).toEqual([])
  })

  it('says nothing on other screens of the browser-only mode', async () => {
    const el = await mount('sw-mode-bar', { active: null, teamScreen: false })
    expect(el.shadowRoot?.textContent?.trim()).toBe('')
  })
})

const result = (negativeShare: number | null, status: 'barrier' | 'neutral' | 'facilitator' | 'insufficient') => ({
  n: negativeShare === null ? 0 : 5,
  negativeShare,
  positiveShare: negativeShare === null ? null : 1 - negativeShare,
  status,
})
const determinants: ComparedDeterminant[] = [
  { number: 4, name: 'Complexity', from: result(0.6, 'barrier'), to: result(0, 'facilitator'), negativeDelta: -0.6, change: 'no-longer-barrier' },
  { number: 16, name: 'Self-efficacy', from: result(0, 'neutral'), to: result(0.4, 'barrier'), negativeDelta: 0.4, change: 'became-barrier' },
  { number: 23, name: 'Time available', from: result(0.1, 'neutral'), to: result(0.12, 'neutral'), negativeDelta: 0.02, change: 'unchanged' },
  { number: 29, name: 'Legislation', from: result(null, 'insufficient'), to: result(0.2, 'barrier'), negativeDelta: null, change: 'not-comparable' },
]

describe('<sw-compare-chart>', () => {
  it('groups the determinants by what changed, barrier crossings first, with the shares in words', async () => {
    const el = await mount('sw-compare-chart', { determinants, fromLabel: 'Baseline', toLabel: 'After cycle 1' })
    const headings = [...el.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent?.trim())
    expect(headings).toEqual(['No longer a barrier (1)', 'Became a barrier (1)', 'About the same (1)', 'Not comparable (1)'])
    await expect.element(page.getByRole('listitem').filter({ hasText: 'Complexity' })).toHaveTextContent(/60% then, 0% now/)
    await expect.element(page.getByRole('listitem').filter({ hasText: 'Self-efficacy' })).toHaveTextContent(/0% then, 40% now/)
    // What cannot be compared (or stayed the same) is folded away until asked for.
    await expect.element(page.getByText('29. Legislation')).not.toBeVisible()
    await page.getByText('Not comparable (1)').click()
    await expect.element(page.getByText('29. Legislation')).toBeVisible()
    expect(await axeViolations(document.body)).toEqual([])
  })

  it('shows the same as a table, with status and difference in points', async () => {
    await mount('sw-compare-chart', { determinants, fromLabel: 'Baseline', toLabel: 'After cycle 1', view: 'table' })
    await expect.element(page.getByRole('columnheader', { name: 'Baseline' })).toBeVisible()
    await expect.element(page.getByRole('row', { name: /Complexity/ })).toHaveTextContent(/60% · Barrier\s*0% · Facilitator\s*-60\s*No longer a barrier/)
    await expect.element(page.getByRole('row', { name: /Legislation/ })).toHaveTextContent(/– · Too few answers/)
    expect(await axeViolations(document.body)).toEqual([])
  })
})
