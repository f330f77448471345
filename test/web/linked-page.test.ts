await vi.hoisted(async () => (await import('./support/storage.ts')).ownLocalStorage())

import { page } from 'vitest/browser'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../web/pages/page-network.ts'
import '../../web/pages/page-rating-expert.ts'
import '../../web/pages/page-rating.ts'
import { ratingCredentials } from '../../web/rating/rating-credentials.ts'
import { stubApi } from './support/api.ts'

const STUDY = 'StUdYiDaBcDeFgHi'

afterEach(() => {
  document.body.innerHTML = ''
  localStorage.clear()
  vi.unstubAllGlobals()
})

function open(tag: string, properties: Record<string, string>) {
  document.body.append(Object.assign(document.createElement(tag), properties))
}

describe('a page opened by a link this device keeps', () => {
  it.for([
    ['sw-page-rating-expert', { studyId: STUDY }, 'Expert rating', 'This device has no expert link for this study.'],
    ['sw-page-rating', { studyId: STUDY }, 'Expert rating study', 'This device has no owner link for this study.'],
    ['sw-page-network', { networkId: 'NeTwOrKiDaBcDeFg' }, 'Learning network', 'This device has no facilitator link for this network.'],
  ] as const)('%s without its link says which link to open, as a warning, not an error', async ([tag, properties, heading, text]) => {
    stubApi({})
    open(tag, properties)
    await expect.element(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await expect.element(page.getByText(text)).toBeVisible()
    expect(page.getByRole('alert').elements()).toEqual([])
  })

  it('says why when the link is there but the load fails, as an alert', async () => {
    ratingCredentials.adoptFromUrl(
      { pathname: `/x/${STUDY}/rate`, search: '', hash: `#swe_${'e'.repeat(32)}` },
      { state: null, replaceState: () => {} }
    )
    stubApi({})
    open('sw-page-rating-expert', { studyId: STUDY })
    await expect.element(page.getByRole('heading', { level: 1, name: 'Expert rating' })).toBeVisible()
    await expect.element(page.getByRole('alert')).toHaveTextContent(/^The study could not be loaded\. Not found/)
  })
})
