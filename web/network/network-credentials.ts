/**
 * @module The facilitator links of this device, and an invitation on its way to a workspace.
 *
 * A facilitator link (`/n/<id>#swf_…`) carries its token in the URL fragment, like a team
 * link; on arrival the token moves into localStorage (`strategiewijzer:networks:v1`, per
 * network) and the fragment leaves the address bar. An invitation link (`/n/join#swi_…`) is
 * single-use: its token is kept in sessionStorage only until a workspace has joined with it.
 */

const NETWORK_KEY = 'strategiewijzer:networks:v1'
const INVITE_KEY = 'strategiewijzer:invite:v1'

const FACILITATOR_TOKEN = /^swf_[A-Za-z0-9_-]{32}$/
export const INVITE_TOKEN = /^swi_[A-Za-z0-9_-]{32}$/
const NETWORK_PATH = /^\/n\/([A-Za-z0-9_-]{16})(\/.*)?$/
const JOIN_PATH = /^\/n\/join\/?$/

export type KnownNetwork = { readonly id: string; readonly name: string; readonly savedAt: number }
type Entry = KnownNetwork & { readonly token: string }

const isEntry = (x: unknown): x is Entry => {
  const e = x as Partial<Entry> | null
  return (
    typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.token === 'string' &&
    FACILITATOR_TOKEN.test(e.token) && typeof e.name === 'string' && typeof e.savedAt === 'number'
  )
}

/** Pulls an invitation token out of a pasted link or token; null when there is none. */
export function inviteTokenOf(text: string): string | null {
  const match = /swi_[A-Za-z0-9_-]{32}/.exec(text.trim())
  return match && INVITE_TOKEN.test(match[0]) ? match[0] : null
}

export class NetworkCredentials extends EventTarget {
  readonly #storage: Storage | undefined
  readonly #session: Storage | undefined
  /** Keys kept for this page when storage refuses them. */
  readonly #memory = new Map<string, Entry>()
  #invite: string | null = null

  constructor(storage: Storage | undefined = globalThis.localStorage, session: Storage | undefined = globalThis.sessionStorage) {
    super()
    this.#storage = storage
    this.#session = session
  }

  #entries(): Map<string, Entry> {
    const entries = new Map(this.#memory)
    try {
      const raw: unknown = JSON.parse(this.#storage?.getItem(NETWORK_KEY) ?? '{}')
      // Entry by entry: one broken entry never takes the others with it.
      if (typeof raw === 'object' && raw !== null) for (const v of Object.values(raw)) if (isEntry(v)) entries.set(v.id, v)
    } catch {
      // Unreadable: as if empty; the links still work when opened again.
    }
    return entries
  }

  #save(entries: Map<string, Entry>) {
    try {
      this.#storage?.setItem(NETWORK_KEY, JSON.stringify(Object.fromEntries(entries)))
      this.#memory.clear()
    } catch {
      for (const [id, e] of entries) this.#memory.set(id, e)
    }
    this.dispatchEvent(new Event('change'))
  }

  networks(): KnownNetwork[] {
    return [...this.#entries().values()].map(({ id, name, savedAt }) => ({ id, name, savedAt })).sort((a, b) => b.savedAt - a.savedAt)
  }

  token(networkId: string): string | null {
    return this.#entries().get(networkId)?.token ?? null
  }

  save(networkId: string, token: string, name = '', now = Date.now()): void {
    if (!FACILITATOR_TOKEN.test(token)) return
    const entries = this.#entries()
    entries.set(networkId, { id: networkId, token, name: name || entries.get(networkId)?.name || '', savedAt: now })
    this.#save(entries)
  }

  rememberName(networkId: string, name: string): void {
    const entries = this.#entries()
    const entry = entries.get(networkId)
    if (!entry || entry.name === name) return
    entries.set(networkId, { ...entry, name })
    this.#save(entries)
  }

  forget(networkId: string): void {
    const entries = this.#entries()
    this.#memory.delete(networkId)
    if (entries.delete(networkId)) this.#save(entries)
  }

  /** The invitation opened on this tab and not yet used, or null. */
  invite(): string | null {
    try {
      const stored = this.#session?.getItem(INVITE_KEY) ?? null
      if (stored && INVITE_TOKEN.test(stored)) return stored
    } catch {
      // Session storage off: the token lives as long as this page.
    }
    return this.#invite
  }

  setInvite(token: string | null): void {
    this.#invite = token
    try {
      if (token) this.#session?.setItem(INVITE_KEY, token)
      else this.#session?.removeItem(INVITE_KEY)
    } catch {
      // Kept in memory above.
    }
  }

  /** Moves a facilitator or invitation token out of the address bar into storage. */
  adoptFromUrl(location: Pick<Location, 'pathname' | 'search' | 'hash'> = window.location, history: Pick<History, 'replaceState' | 'state'> = window.history): string | null {
    const fragment = location.hash.replace(/^#/, '')
    if (!/^sw[fi]_/.test(fragment)) return null
    let found: string | null = null
    const network = NETWORK_PATH.exec(location.pathname)
    if (network?.[1] && FACILITATOR_TOKEN.test(fragment)) {
      this.save(network[1], fragment)
      found = network[1]
    } else if (JOIN_PATH.test(location.pathname) && INVITE_TOKEN.test(fragment)) {
      this.setInvite(fragment)
      found = 'invite'
    }
    // Even a malformed or misplaced token leaves the address bar.
    history.replaceState(history.state, '', location.pathname + location.search)
    return found
  }
}

export const networkCredentials = new NetworkCredentials()
