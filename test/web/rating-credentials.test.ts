import { describe, expect, it } from 'vitest'
import { RatingCredentials } from '../../web/rating/rating-credentials.ts'
import { MemoryStorage } from './support/storage.ts'

const OWNER = `swo_${'o'.repeat(32)}`
const EXPERT = `swe_${'e'.repeat(32)}`
const OTHER_EXPERT = `swe_${'x'.repeat(32)}`
const STUDY = 'StUdYiDaBcDeFgHi'

function address(pathname: string, hash: string) {
  const shown: string[] = []
  return {
    location: { pathname, search: '', hash },
    history: { state: null, replaceState: (_: unknown, __: string, url?: string | URL | null) => void shown.push(String(url)) },
    shown,
  }
}

describe('RatingCredentials', () => {
  it('moves an owner link’s and an expert link’s token into storage and out of the address bar', () => {
    const storage = new MemoryStorage()
    const owner = address(`/x/${STUDY}`, `#${OWNER}`)
    const expert = address(`/x/${STUDY}/rate`, `#${EXPERT}`)
    const c = new RatingCredentials(storage)
    expect(c.adoptFromUrl(owner.location, owner.history)).toBe(STUDY)
    expect(c.adoptFromUrl(expert.location, expert.history)).toBe(STUDY)
    expect([owner.shown, expert.shown]).toEqual([[`/x/${STUDY}`], [`/x/${STUDY}/rate`]])
    const later = new RatingCredentials(storage)
    expect([later.token('owner', STUDY), later.token('expert', STUDY)]).toEqual([OWNER, EXPERT])
  })

  it('never takes a token of the wrong kind for the path, and still clears it from the address bar', () => {
    const c = new RatingCredentials(new MemoryStorage())
    const a = address(`/x/${STUDY}`, `#${EXPERT}`)
    expect(c.adoptFromUrl(a.location, a.history)).toBeNull()
    expect(a.shown).toEqual([`/x/${STUDY}`])
    expect(c.token('expert', STUDY)).toBeNull()
  })

  it('announces a new expert link on this device, so an open ballot reloads for it', () => {
    const c = new RatingCredentials(new MemoryStorage())
    let changes = 0
    c.addEventListener('change', () => changes++)
    c.save('expert', STUDY, EXPERT)
    c.save('expert', STUDY, OTHER_EXPERT)
    expect(changes).toBe(2)
    expect(c.token('expert', STUDY)).toBe(OTHER_EXPERT)
  })

  it('reads stored links entry by entry: a broken entry never takes the others with it', () => {
    const storage = new MemoryStorage()
    storage.setItem('strategiewijzer:ratings:v1', JSON.stringify({ [`owner:${STUDY}`]: OWNER, 'expert:x': 42, 'owner:y': 'swo_short' }))
    const c = new RatingCredentials(storage)
    expect(c.token('owner', STUDY)).toBe(OWNER)
    expect(c.token('owner', 'y')).toBeNull()
  })

  it('keeps a link for this page when storage refuses it', () => {
    const storage = new MemoryStorage()
    storage.setItem = () => {
      throw new Error('quota')
    }
    const c = new RatingCredentials(storage)
    c.save('owner', STUDY, OWNER)
    expect(c.token('owner', STUDY)).toBe(OWNER)
  })

  it('forgets both links of a deleted study, and only those, and says so', () => {
    const storage = new MemoryStorage()
    const c = new RatingCredentials(storage)
    const other = 'OtHeRsTuDyAbCdEf'
    c.save('owner', STUDY, OWNER)
    c.save('expert', STUDY, EXPERT)
    c.save('expert', other, OTHER_EXPERT)
    let changes = 0
    c.addEventListener('change', () => changes++)
    c.forget(STUDY)
    expect(changes).toBe(1)
    const later = new RatingCredentials(storage)
    expect([later.token('owner', STUDY), later.token('expert', STUDY), later.token('expert', other)]).toEqual([null, null, OTHER_EXPERT])
  })
})
