/**
 * @module The expert rating links of this device: a study's owner link (`/x/<id>#swo_…`) and an
 * expert's personal link (`/x/<id>/rate#swe_…`). As with team and facilitator links, the token
 * moves out of the address bar into localStorage (`strategiewijzer:ratings:v1`, per study and
 * role) on arrival; what storage refuses is kept for this page.
 */

const KEY = 'strategiewijzer:ratings:v1'

export const OWNER_TOKEN = /^swo_[A-Za-z0-9_-]{32}$/
export const EXPERT_TOKEN = /^swe_[A-Za-z0-9_-]{32}$/
const OWNER_PATH = /^\/x\/([A-Za-z0-9_-]{16})\/?$/
const EXPERT_PATH = /^\/x\/([A-Za-z0-9_-]{16})\/rate\/?$/

export type Role = 'owner' | 'expert'
type Entries = Record<string, string>

const keyOf = (role: Role, studyId: string) => `${role}:${studyId}`
const valid = (role: Role, token: string) => (role === 'owner' ? OWNER_TOKEN : EXPERT_TOKEN).test(token)

/** Fires `change` when a link is saved: a page open on the study reloads with the new token. */
export class RatingCredentials extends EventTarget {
  readonly #storage: Storage | undefined
  readonly #memory = new Map<string, string>()

  constructor(storage: Storage | undefined = globalThis.localStorage) {
    super()
    this.#storage = storage
  }

  #entries(): Map<string, string> {
    const entries = new Map<string, string>()
    try {
      const raw: unknown = JSON.parse(this.#storage?.getItem(KEY) ?? '{}')
      // Entry by entry: one broken entry never takes the others with it.
      if (typeof raw === 'object' && raw !== null) {
        for (const [k, v] of Object.entries(raw as Entries)) {
          const role = k.split(':')[0] as Role
          if ((role === 'owner' || role === 'expert') && typeof v === 'string' && valid(role, v)) entries.set(k, v)
        }
      }
    } catch {
      // Unreadable: as if empty; the links still work when opened again.
    }
    for (const [k, v] of this.#memory) entries.set(k, v)
    return entries
  }

  token(role: Role, studyId: string): string | null {
    return this.#entries().get(keyOf(role, studyId)) ?? null
  }

  save(role: Role, studyId: string, token: string): void {
    if (!valid(role, token)) return
    const entries = this.#entries()
    entries.set(keyOf(role, studyId), token)
    try {
      this.#storage?.setItem(KEY, JSON.stringify(Object.fromEntries(entries)))
      this.#memory.delete(keyOf(role, studyId))
    } catch {
      this.#memory.set(keyOf(role, studyId), token)
    }
    this.dispatchEvent(new Event('change'))
  }

  /** Forgets every link of the study on this device (after the study was deleted). */
  forget(studyId: string): void {
    const entries = this.#entries()
    for (const role of ['owner', 'expert'] as const) {
      entries.delete(keyOf(role, studyId))
      this.#memory.delete(keyOf(role, studyId))
    }
    try {
      this.#storage?.setItem(KEY, JSON.stringify(Object.fromEntries(entries)))
    } catch {
      // Storage refuses writes: the entries stay there, and a deleted study's link answers 401.
    }
    this.dispatchEvent(new Event('change'))
  }

  /** Moves an owner or expert token out of the address bar into storage; the study id, or null. */
  adoptFromUrl(location: Pick<Location, 'pathname' | 'search' | 'hash'> = window.location, history: Pick<History, 'replaceState' | 'state'> = window.history): string | null {
    const fragment = location.hash.replace(/^#/, '')
    if (!/^sw[oe]_/.test(fragment)) return null
    let found: string | null = null
    const owner = OWNER_PATH.exec(location.pathname)
    const expert = EXPERT_PATH.exec(location.pathname)
    if (owner?.[1] && OWNER_TOKEN.test(fragment)) {
      this.save('owner', owner[1], fragment)
      found = owner[1]
    } else if (expert?.[1] && EXPERT_TOKEN.test(fragment)) {
      this.save('expert', expert[1], fragment)
      found = expert[1]
    }
    // Even a malformed or misplaced token leaves the address bar.
    history.replaceState(history.state, '', location.pathname + location.search)
    return found
  }
}

export const ratingCredentials = new RatingCredentials()
