import { describe, expect, it } from 'vitest'
import { Credentials } from '../../web/workspace/credentials.ts'
import { RespondentDrafts, newSubmissionId } from '../../web/workspace/respondent-draft.ts'
import { MemoryStorage } from './support/storage.ts'

const TEAM = `swt_${'a'.repeat(32)}`
const RESPONDENT = `swr_${'b'.repeat(32)}`
const WS = 'AbCdEfGhIjKlMnOp'

/** A location and a history that record what the address bar would show. */
function address(pathname: string, hash: string, search = '') {
  const shown: string[] = []
  return {
    location: { pathname, search, hash },
    history: { state: null, replaceState: (_: unknown, __: string, url?: string | URL | null) => void shown.push(String(url)) },
    shown,
  }
}

describe('Credentials', () => {
  it('moves a team link’s token into storage and out of the address bar', () => {
    const storage = new MemoryStorage()
    const a = address(`/w/${WS}`, `#${TEAM}`)
    expect(new Credentials(storage).adoptFromUrl(a.location, a.history)).toBe(WS)
    expect(a.shown).toEqual([`/w/${WS}`])
    const later = new Credentials(storage)
    expect(later.teamToken(WS)).toBe(TEAM)
    expect(later.workspaces().map((w) => w.id)).toEqual([WS])
  })

  it('moves a respondent link’s token the same way, so a refresh of /r still works', () => {
    const storage = new MemoryStorage()
    const a = address('/r', `#${RESPONDENT}`)
    expect(new Credentials(storage).adoptFromUrl(a.location, a.history)).toBe('respondent')
    expect(a.shown).toEqual(['/r'])
    expect(new Credentials(storage).respondentToken()).toBe(RESPONDENT)
  })

  it('takes a malformed or misplaced token out of the address bar without keeping it', () => {
    const storage = new MemoryStorage()
    const a = address('/r', `#${TEAM}`)
    expect(new Credentials(storage).adoptFromUrl(a.location, a.history)).toBeNull()
    expect(a.shown).toEqual(['/r'])
    expect(storage.length).toBe(0)
  })

  it('leaves an ordinary fragment alone', () => {
    const a = address('/kb', '#sources')
    expect(new Credentials(new MemoryStorage()).adoptFromUrl(a.location, a.history)).toBeNull()
    expect(a.shown).toEqual([])
  })

  it('lists the workspaces of this device by name, newest first, and forgets one on request', () => {
    const c = new Credentials(new MemoryStorage())
    c.saveTeamToken(WS, TEAM, 'Vmbo De Linde', 1000)
    c.saveTeamToken('QqQqQqQqQqQqQqQq', `swt_${'c'.repeat(32)}`, '', 2000)
    c.rememberName('QqQqQqQqQqQqQqQq', 'Mbo Noord')
    expect(c.workspaces().map((w) => w.name)).toEqual(['Mbo Noord', 'Vmbo De Linde'])
    c.forget(WS)
    expect(c.teamToken(WS)).toBeNull()
    expect(c.workspaces().map((w) => w.name)).toEqual(['Mbo Noord'])
  })

  it('reads stored links entry by entry: a broken one does not take the others with it', () => {
    const storage = new MemoryStorage({
      'strategiewijzer:workspaces:v1': JSON.stringify({
        [WS]: { id: WS, token: TEAM, name: 'Vmbo De Linde', savedAt: 1 },
        broken: { id: 'broken', token: 'not-a-token' },
      }),
    })
    expect(new Credentials(storage).workspaces().map((w) => w.id)).toEqual([WS])
  })
})

describe('RespondentDrafts', () => {
  it('makes a submission id of 128 random bits once per questionnaire and keeps it across reloads', () => {
    const storage = new MemoryStorage()
    const id = newSubmissionId()
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(newSubmissionId()).not.toBe(id)
    const drafts = new RespondentDrafts(storage)
    const draft = drafts.load(RESPONDENT)
    drafts.save(RESPONDENT, { ...draft, answers: { d01: 3 }, step: 1 })
    expect(new RespondentDrafts(storage).load(RESPONDENT)).toEqual({ ...draft, answers: { d01: 3 }, step: 1 })
  })

  it('forgets the answers once they reached the team, and remembers that they were sent', () => {
    const storage = new MemoryStorage()
    const drafts = new RespondentDrafts(storage)
    const first = drafts.load(RESPONDENT)
    drafts.save(RESPONDENT, { ...first, answers: { d01: 3 } })
    drafts.markSent(RESPONDENT)
    expect(drafts.sentBefore(RESPONDENT)).toBe(true)
    const next = drafts.startOver(RESPONDENT)
    expect(next.submissionId).not.toBe(first.submissionId)
    expect(next.answers).toEqual({})
    expect(drafts.sentBefore(RESPONDENT)).toBe(false)
  })
})
