/**
 * @module The one place shared state lives: a small store over {@link AppState} that saves to
 * localStorage on every change and lets elements re-render when it changes. It never drops
 * what it cannot read without a trace: that part is set aside under a second key and reported
 * ({@link Store.unreadable}). And what a person removes can be undone for a while
 * ({@link Store.lastRemoval}).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import {
  DEFAULT_STATE,
  emptySpec,
  readState,
  type AppState,
  type Member,
  type PlanEntry,
} from './app-state.ts'
import type { UnreadablePart } from './lenient-read.ts'

const KEY = 'strategiewijzer:state:v1'
/** Where the parts of a stored state that could not be read are kept: a JSON list, only appended to. */
export const UNREADABLE_KEY = `${KEY}:unreadable`

/** One time the store set something aside. */
export interface SetAside {
  /** When (ISO 8601). */
  at: string
  /** The stored text, when it was not JSON at all. */
  text?: string
  /** The parts that could not be read, each with its path in the stored state. */
  parts?: UnreadablePart[]
  /** Set once the user has closed the notice about it. */
  dismissed?: boolean
}

/** What the store could not read and has not yet told the user about (until they close the notice). */
export interface UnreadableReport {
  /** How many parts, by the part of the state they were in (`team`, `plan`, …; `''`: all of it). */
  counts: Readonly<Record<string, number>>
  /** Whether the parts are kept in this browser; if not, only a download saves them. */
  kept: boolean
}

/** Something a person removed, kept so it can be put back exactly where it was. */
export type Removal =
  | { list: 'plan'; key: string; name: string; index: number; entry: PlanEntry }
  | { list: 'team'; key: string; name: string; index: number; entry: Member }

const keyOf = (list: Removal['list'], entry: PlanEntry | Member) =>
  list === 'plan' ? (entry as PlanEntry).strategy : (entry as Member).id

/** Dispatched on the store when a removal was undone, so the page can bring the entry into focus. */
export class RestoreEvent extends Event {
  static readonly type = 'restore'
  readonly list: Removal['list']
  readonly key: string
  constructor(removal: Removal) {
    super(RestoreEvent.type)
    this.list = removal.list
    this.key = removal.key
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export class Store extends EventTarget {
  #state: AppState
  readonly #storage: Storage | undefined
  /** Set-aside parts that could not be stored: while there are any, the state is not saved over the original. */
  #held: SetAside[] = []
  #report: UnreadableReport | null = null
  #removal: Removal | null = null

  constructor(storage: Storage | undefined = globalThis.localStorage) {
    super()
    this.#storage = storage
    this.#state = this.#load() ?? DEFAULT_STATE
    this.#report = this.#reportUnreadable()
    // Another tab saved: take its state, so the two never overwrite each other's answers.
    globalThis.addEventListener?.('storage', (e: StorageEvent) => {
      if (e.storageArea !== this.#storage) return
      if (e.key === KEY && this.#held.length === 0) this.#state = this.#load() ?? this.#state
      else if (e.key === UNREADABLE_KEY) this.#report = this.#reportUnreadable()
      else return
      this.dispatchEvent(new Event('change'))
    })
  }

  get state(): AppState {
    return this.#state
  }

  /** What could not be read and the user has not yet been told about; null when nothing. */
  get unreadable(): UnreadableReport | null {
    return this.#report
  }

  /** The last removal, while it can still be undone. */
  get lastRemoval(): Removal | null {
    return this.#removal
  }

  /** Applies a change and saves it. `change` returns the parts that change. */
  update(change: (state: AppState) => Partial<AppState>): void {
    // Start from what is stored now: another tab may have saved since this one last read. Not
    // while parts are held: the stored copy is then the unreadable original, read already.
    const current = (this.#held.length === 0 ? this.#load() : null) ?? this.#state
    this.#state = { ...current, ...change(current) }
    this.#save()
    this.dispatchEvent(new Event('change'))
  }

  /** Forgets everything (e.g. before a new school's session on a shared laptop). */
  reset(): void {
    this.update(() => DEFAULT_STATE)
  }

  /**
   * Adds a strategy to the plan (with no text yet). Added back right after it was taken out, it
   * comes back with what was written about it.
   */
  addPlanEntry(strategy: string, barriers: readonly number[] = []): void {
    const removed = this.#removal
    if (removed?.list === 'plan' && removed.key === strategy) return this.undoRemoval()
    this.update((s) =>
      s.plan.some((p) => p.strategy === strategy)
        ? {}
        : { plan: [...s.plan, { strategy, spec: emptySpec(), barriers: [...barriers] }] }
    )
  }

  /** Takes a strategy out of the plan, with what was written about it, until {@link undoRemoval}. */
  removePlanEntry(strategy: string, name: string): void {
    this.#remove('plan', strategy, name)
  }

  /** Removes a respondent and their answers, until {@link undoRemoval}. */
  removeMember(id: string): void {
    this.#remove('team', id, '')
  }

  /** Puts the last removed entry back where it was, with everything it held. */
  undoRemoval(): void {
    const removal = this.#removal
    if (!removal) return
    this.#removal = null
    this.update((s) => {
      // Added again meanwhile (then without its text): the removed entry takes its place.
      const rest = (s[removal.list] as (PlanEntry | Member)[]).filter(
        (e) => keyOf(removal.list, e) !== removal.key
      )
      rest.splice(Math.min(removal.index, rest.length), 0, removal.entry)
      return { [removal.list]: rest }
    })
    this.dispatchEvent(new RestoreEvent(removal))
  }

  /** Lets the last removal go (the offer to undo it has ended). */
  forgetRemoval(removal: Removal): void {
    if (this.#removal !== removal) return
    this.#removal = null
    this.dispatchEvent(new Event('change'))
  }

  /** Everything set aside in this browser so far (told about or not), to save as a file. */
  setAside(): unknown[] {
    return [...this.#storedSetAside(), ...this.#held]
  }

  /** The user has been told (and could download it): the notice can go, saving can go on. */
  dismissUnreadable(): void {
    const stored = this.#storedSetAside()
    if (stored.some((r) => isObject(r) && r.dismissed !== true)) {
      this.#tryStore(
        UNREADABLE_KEY,
        stored.map((r) => (isObject(r) ? { ...r, dismissed: true } : r))
      )
    }
    const wasHeld = this.#held.length > 0
    this.#held = []
    if (wasHeld) this.#save()
    this.#report = null
    this.dispatchEvent(new Event('change'))
  }

  #remove(list: Removal['list'], key: string, name: string): void {
    const entries: readonly (PlanEntry | Member)[] = this.#state[list]
    const index = entries.findIndex((e) => keyOf(list, e) === key)
    const entry = entries[index]
    if (!entry) return
    this.#removal = {
      list,
      key,
      index,
      entry,
      name: name || (list === 'team' ? (entry as Member).label : key),
    } as Removal
    this.update((s) => ({
      [list]: (s[list] as (PlanEntry | Member)[]).filter((e) => keyOf(list, e) !== key),
    }))
  }

  /** The stored state; null when nothing is stored. What cannot be read is set aside first. */
  #load(): AppState | null {
    let text: string | null | undefined
    try {
      text = this.#storage?.getItem(KEY)
    } catch {
      return null
    }
    if (!text) return null
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      this.#putAside({ at: new Date().toISOString(), text })
      this.#save(DEFAULT_STATE)
      return DEFAULT_STATE
    }
    const { state, unreadable } = readState(raw)
    if (unreadable.length > 0) {
      this.#putAside({ at: new Date().toISOString(), parts: unreadable })
      // Saved without the unreadable parts only once they are set aside (else #save holds off),
      // so the next read does not find them again.
      this.#save(state)
    }
    return state
  }

  #save(state: AppState = this.#state): void {
    if (this.#held.length > 0) return
    // Storage full or unavailable: the state still lives for this visit.
    this.#tryStore(KEY, state)
  }

  /** Appends to the set-aside list; never replaces what is there. Held in memory if it cannot be stored. */
  #putAside(record: SetAside): void {
    if (!this.#tryStore(UNREADABLE_KEY, [...this.#storedSetAside(), record]))
      this.#held.push(record)
    this.#report = this.#reportUnreadable()
  }

  /** The stored set-aside list as it is; a damaged one becomes its first entry, as text. */
  #storedSetAside(): unknown[] {
    let text: string | null | undefined
    try {
      text = this.#storage?.getItem(UNREADABLE_KEY)
    } catch {
      return []
    }
    if (!text) return []
    try {
      const list: unknown = JSON.parse(text)
      if (Array.isArray(list)) return list
    } catch {
      // Kept below as text.
    }
    return [{ at: new Date().toISOString(), text } satisfies SetAside]
  }

  #reportUnreadable(): UnreadableReport | null {
    const pending = [...this.#storedSetAside(), ...this.#held].filter(
      (r) => isObject(r) && r.dismissed !== true
    ) as SetAside[]
    if (pending.length === 0) return null
    const counts: Record<string, number> = {}
    for (const r of pending) {
      const paths = Array.isArray(r.parts)
        ? r.parts.map((p) => (isObject(p) && typeof p.path === 'string' ? p.path : ''))
        : ['']
      for (const path of paths) {
        const part = path.split('.')[0] ?? ''
        counts[part] = (counts[part] ?? 0) + 1
      }
    }
    return { counts, kept: this.#held.length === 0 }
  }

  #tryStore(key: string, value: unknown): boolean {
    if (!this.#storage) return false
    try {
      this.#storage.setItem(key, JSON.stringify(value))
      return true
    } catch {
      return false
    }
  }
}

/** The store of this page. */
export const store = new Store()

/** Re-renders its host whenever the store changes; tells it when a removal is undone. */
export class StoreController implements ReactiveController {
  private readonly host: ReactiveControllerHost
  private readonly onChange = () => this.host.requestUpdate()
  private readonly onRestore = (e: Event) => this.restored?.(e as RestoreEvent)
  private readonly source: Store
  private readonly restored?: (e: RestoreEvent) => void
  constructor(
    host: ReactiveControllerHost,
    source: Store = store,
    restored?: (e: RestoreEvent) => void
  ) {
    this.host = host
    this.source = source
    this.restored = restored
    host.addController(this)
  }
  get state(): AppState {
    return this.source.state
  }
  hostConnected() {
    this.source.addEventListener('change', this.onChange)
    this.source.addEventListener(RestoreEvent.type, this.onRestore)
  }
  hostDisconnected() {
    this.source.removeEventListener('change', this.onChange)
    this.source.removeEventListener(RestoreEvent.type, this.onRestore)
  }
}
