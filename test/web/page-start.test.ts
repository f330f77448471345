await vi.hoisted(async () => (await import('./support/storage.ts')).ownLocalStorage())

import { page } from 'vitest/browser'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../web/pages/page-start.ts'
import { axeViolations } from './support/axe.ts'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('<sw-page-start>', () => {
  it('says where a team starts that the questions are our own wording of the MIDI, not yet checked', async () => {
    document.body.append(document.createElement('sw-page-start'))
    await expect.element(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect
      .element(page.getByText(/wording and answer options are our own: they have not yet been checked against the MIDI manual/))
      .toBeVisible()
  })

  it('cites a published statement of the 20% rule, still as a convention', async () => {
    document.body.append(document.createElement('sw-page-start'))
    await expect.element(page.getByText(/convention of studies that use the MIDI \(stated, for example, by Verberne et al\. 2018\)/)).toBeVisible()
    expect(await axeViolations(document.body)).toEqual([])
  })
})
