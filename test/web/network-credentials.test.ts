import { describe, expect, it } from 'vitest'
import { Credentials } from '../../web/workspace/credentials.ts'
import { inviteTokenOf, NetworkCredentials } from '../../web/network/network-credentials.ts'
import { MemoryStorage } from './support/storage.ts'

const FACILITATOR = `swf_${'f'.repeat(32)}`
const INVITE = `swi_${'i'.repeat(32)}`
const NET = 'NeTwOrKiDaBcDeFg'

function address(pathname: string, hash: string, search = '') {
  const shown: string[] = []
  return {
    location: { pathname, search, hash },
    history: { state: null, replaceState: (_: unknown, __: string, url?: string | URL | null) => void shown.push(String(url)) },
    shown,
  }
}

describe('NetworkCredentials', () => {
  it('moves a facilitator link’s token into storage and out of the address bar', () => {
    const storage = new MemoryStorage()
    const a = address(`/n/${NET}`, `#${FACILITATOR}`)
    expect(new NetworkCredentials(storage, new MemoryStorage()).adoptFromUrl(a.location, a.history)).toBe(NET)
    expect(a.shown).toEqual([`/n/${NET}`])
    const later = new NetworkCredentials(storage, new MemoryStorage())
    expect(later.token(NET)).toBe(FACILITATOR)
    expect(later.networks().map((n) => n.id)).toEqual([NET])
  })

  it('keeps an invitation for this tab only, until it is used', () => {
    const session = new MemoryStorage()
    const local = new MemoryStorage()
    const a = address('/n/join', `#${INVITE}`)
    const c = new NetworkCredentials(local, session)
    expect(c.adoptFromUrl(a.location, a.history)).toBe('invite')
    expect(a.shown).toEqual(['/n/join'])
    expect(c.invite()).toBe(INVITE)
    expect(JSON.stringify(local)).not.toContain(INVITE)
    c.setInvite(null)
    expect(new NetworkCredentials(local, session).invite()).toBeNull()
  })

  it('takes a misplaced token out of the address bar without keeping it', () => {
    const storage = new MemoryStorage()
    const a = address('/kb', `#${FACILITATOR}`)
    expect(new NetworkCredentials(storage, new MemoryStorage()).adoptFromUrl(a.location, a.history)).toBeNull()
    expect(a.shown).toEqual(['/kb'])
    expect(new NetworkCredentials(storage, new MemoryStorage()).networks()).toEqual([])
  })

  it('leaves the fragments of team links to the workspace credentials, and theirs to it', () => {
    const team = `swt_${'a'.repeat(32)}`
    const a = address('/w/AbCdEfGhIjKlMnOp', `#${team}`)
    expect(new NetworkCredentials(new MemoryStorage(), new MemoryStorage()).adoptFromUrl(a.location, a.history)).toBeNull()
    expect(a.shown).toEqual([])
    const b = address(`/n/${NET}`, `#${FACILITATOR}`)
    expect(new Credentials(new MemoryStorage()).adoptFromUrl(b.location, b.history)).toBeNull()
    expect(b.shown).toEqual([])
  })

  it('finds the invitation in a pasted link', () => {
    expect(inviteTokenOf(`  https://wijzer.example.org/n/join#${INVITE}\n`)).toBe(INVITE)
    expect(inviteTokenOf(INVITE)).toBe(INVITE)
    expect(inviteTokenOf('https://wijzer.example.org/n/join#swi_short')).toBeNull()
  })
})
