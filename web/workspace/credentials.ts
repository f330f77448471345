/**
 * @module The keys of workspaces on this device. A team link (`/w/<id>#swt_…`) and a
 * respondent link (`/r#swr_…`) carry their token in the URL fragment; on arrival the token
 * moves into localStorage and the fragment is taken out of the address bar, so it never stays
 * in the history, a bookmark or a screenshot. Tokens are never logged or put in a message.
 */

const TEAM_KEY = 'strategiewijzer:workspaces:v1'
const RESPONDENT_KEY = 'strategiewijzer:respondent:v1'

const TEAM_TOKEN = /^swt_[A-Za-z0-9_-]{32}$/
const RESPONDENT_TOKEN = /^swr_[A-Za-z0-9_-]{32}$/
const WORKSPACE_PATH = /^\/w\/([A-Za-z0-9_-]{16})(\/.*)?$/
const RESPOND_PATH = /^\/r\/?$/

/** A workspace this device holds a team link of. */
export type KnownWorkspace = {
  readonly id: string
  /** The workspace's name, once the device has seen it. */
  readonly name: string
  /** When the link was stored here (ms since 1970). */
  readonly savedAt: number
}

type TeamEntry = KnownWorkspace & { readonly token: string }

function read<T>(storage: Storage | undefined, key: string, valid: (x: unknown) => x is T): T | null {
  try {
    const text = storage?.getItem(key)
    if (!text) return null
    const value: unknown = JSON.parse(text)
    return valid(value) ? value : null
  } catch {
    return null
  }
}

function write(storage: Storage | undefined, key: string, value: unknown): boolean {
  try {
    storage?.setItem(key, JSON.stringify(value))
    return storage !== undefined
  } catch {
    // Storage full or off (private mode): the key then lives only as long as this page.
    return false
  }
}

const isEntry = (x: unknown): x is TeamEntry => {
  const e = x as Partial<TeamEntry> | null
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.id === 'string' &&
    typeof e.token === 'string' &&
    TEAM_TOKEN.test(e.token) &&
    typeof e.name === 'string' &&
    typeof e.savedAt === 'number'
  )
}

const isEntryMap = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

/**
 * The team links of this device, read entry by entry: one broken entry never takes the others
 * with it.
 */
export class Credentials extends EventTarget {
  readonly #storage: Storage | undefined
  /** Keys kept for this page when storage refuses them. */
  readonly #memory = new Map<string, TeamEntry>()
  #respondent: string | null = null

  constructor(storage: Storage | undefined = globalThis.localStorage) {
    super()
    this.#storage = storage
    globalThis.addEventListener?.('storage', (e: StorageEvent) => {
      if (e.storageArea === this.#storage && (e.key === TEAM_KEY || e.key === RESPONDENT_KEY)) this.dispatchEvent(new Event('change'))
    })
  }

  #entries(): Map<string, TeamEntry> {
    const raw = read(this.#storage, TEAM_KEY, isEntryMap) ?? {}
    const entries = new Map<string, TeamEntry>(this.#memory)
    for (const value of Object.values(raw)) if (isEntry(value)) entries.set(value.id, value)
    return entries
  }

  #save(entries: Map<string, TeamEntry>) {
    if (write(this.#storage, TEAM_KEY, Object.fromEntries(entries))) this.#memory.clear()
    else for (const [id, e] of entries) this.#memory.set(id, e)
    this.dispatchEvent(new Event('change'))
  }

  /** The workspaces this device has a team link of, the most recently stored first. */
  workspaces(): KnownWorkspace[] {
    return [...this.#entries().values()]
      .map(({ id, name, savedAt }) => ({ id, name, savedAt }))
      .sort((a, b) => b.savedAt - a.savedAt)
  }

  /** The team token of a workspace, or null when this device has none. */
  teamToken(workspaceId: string): string | null {
    return this.#entries().get(workspaceId)?.token ?? null
  }

  /** Keeps a team token (replacing an older one of the same workspace). */
  saveTeamToken(workspaceId: string, token: string, name = '', now = Date.now()): void {
    if (!TEAM_TOKEN.test(token)) return
    const entries = this.#entries()
    const before = entries.get(workspaceId)
    entries.set(workspaceId, { id: workspaceId, token, name: name || before?.name || '', savedAt: now })
    this.#save(entries)
  }

  /** Remembers a workspace's name, so the start page can list it. */
  rememberName(workspaceId: string, name: string): void {
    const entries = this.#entries()
    const entry = entries.get(workspaceId)
    if (!entry || entry.name === name) return
    entries.set(workspaceId, { ...entry, name })
    this.#save(entries)
  }

  /** Forgets a workspace on this device (the workspace itself stays on the server). */
  forget(workspaceId: string): void {
    const entries = this.#entries()
    this.#memory.delete(workspaceId)
    if (entries.delete(workspaceId)) this.#save(entries)
  }

  /** The respondent token of the last respondent link opened here, or null. */
  respondentToken(): string | null {
    const stored = read(this.#storage, RESPONDENT_KEY, (x): x is { token: string } => {
      const t = (x as { token?: unknown } | null)?.token
      return typeof t === 'string' && RESPONDENT_TOKEN.test(t)
    })
    return stored?.token ?? this.#respondent
  }

  saveRespondentToken(token: string): void {
    if (!RESPONDENT_TOKEN.test(token)) return
    this.#respondent = token
    write(this.#storage, RESPONDENT_KEY, { token })
    this.dispatchEvent(new Event('change'))
  }

  /**
   * Moves a token in the fragment of the current URL into storage and takes it out of the
   * address bar. Returns what it found: a workspace's id, 'respondent', or null.
   */
  adoptFromUrl(location: Pick<Location, 'pathname' | 'search' | 'hash'> = window.location, history: Pick<History, 'replaceState' | 'state'> = window.history): string | null {
    const fragment = location.hash.replace(/^#/, '')
    if (!fragment) return null
    const workspace = WORKSPACE_PATH.exec(location.pathname)
    let found: string | null = null
    if (workspace?.[1] && TEAM_TOKEN.test(fragment)) {
      this.saveTeamToken(workspace[1], fragment)
      found = workspace[1]
    } else if (RESPOND_PATH.test(location.pathname) && RESPONDENT_TOKEN.test(fragment)) {
      this.saveRespondentToken(fragment)
      found = 'respondent'
    } else if (!/^sw[tr]_/.test(fragment)) {
      // An ordinary fragment (#sources): leave it.
      return null
    }
    // Even a malformed or misplaced token leaves the address bar.
    history.replaceState(history.state, '', location.pathname + location.search)
    return found
  }
}

/** The credentials of this page. */
export const credentials = new Credentials()
