import { page, userEvent } from 'vitest/browser'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../web/components/toast.ts'
import { axeViolations } from './support/axe.ts'

async function mount(subject: unknown = {}) {
  const el = document.createElement('sw-toast')
  el.message = '“Allocate task hours” removed from the plan'
  el.action = 'Undo'
  el.subject = subject
  const events: string[] = []
  el.addEventListener('toast-action', () => events.push('action'))
  el.addEventListener('toast-close', () => events.push('close'))
  document.body.append(el)
  await el.updateComplete
  return { el, events }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})

afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('<sw-toast>', () => {
  it('announces the message in a polite status region and offers its action', async () => {
    const { events } = await mount()
    const status = page.getByRole('status')
    await expect.element(status).toHaveTextContent('“Allocate task hours” removed from the plan')
    await expect.element(status).toHaveAttribute('aria-live', 'polite')
    await page.getByRole('button', { name: 'Undo' }).click()
    expect(events).toEqual(['action'])
  })

  it('keeps its status region in the page while it shows nothing, so the next message is announced', async () => {
    const { el } = await mount()
    el.message = ''
    await el.updateComplete
    expect(el.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim()).toBe('')
    expect(page.getByRole('button', { name: 'Undo' }).elements()).toEqual([])
  })

  it('goes away by itself after ten seconds', async () => {
    const { events } = await mount()
    vi.advanceTimersByTime(9_999)
    expect(events).toEqual([])
    vi.advanceTimersByTime(1)
    expect(events).toEqual(['close'])
  })

  it('waits while the pointer is on it, and at least four seconds after', async () => {
    const { el, events } = await mount()
    vi.advanceTimersByTime(9_000)
    await userEvent.hover(el.shadowRoot!.querySelector('.toast')!)
    vi.advanceTimersByTime(60_000)
    expect(events).toEqual([])
    await userEvent.unhover(el.shadowRoot!.querySelector('.toast')!)
    vi.advanceTimersByTime(3_999)
    expect(events).toEqual([])
    vi.advanceTimersByTime(1)
    expect(events).toEqual(['close'])
  })

  it('starts its time again for a new subject', async () => {
    const { el, events } = await mount()
    vi.advanceTimersByTime(9_000)
    el.subject = {}
    await el.updateComplete
    vi.advanceTimersByTime(9_000)
    expect(events).toEqual([])
  })

  it('closes with Escape', async () => {
    const { el, events } = await mount()
    el.focusAction()
    await userEvent.keyboard('{Escape}')
    expect(events).toEqual(['close'])
  })

  it('has no serious accessibility violations', async () => {
    vi.useRealTimers() // axe-core waits with timers of its own
    await mount()
    expect(await axeViolations(document.body)).toEqual([])
  })
})
