/**
 * @module The one place shared state lives: a small store over {@link AppState} that saves to
 * localStorage on every change and lets elements re-render when it changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { DEFAULT_STATE, parseState, type AppState } from './app-state.ts'

const KEY = 'strategiewijzer:state:v1'

export class Store extends EventTarget {
  #state: AppState
  readonly #storage: Storage | undefined

  constructor(storage: Storage | undefined = globalThis.localStorage) {
    super()
    this.#storage = storage
    this.#state = this.#read() ?? DEFAULT_STATE
    // Another tab saved: take its state, so the two never overwrite each other's answers.
    globalThis.addEventListener?.('storage', (e: StorageEvent) => {
      if (e.key !== KEY || e.storageArea !== this.#storage) return
      this.#state = this.#read() ?? this.#state
      this.dispatchEvent(new Event('change'))
    })
  }

  get state(): AppState {
    return this.#state
  }

  /** Applies a change and saves it. `change` returns the parts that change. */
  update(change: (state: AppState) => Partial<AppState>): void {
    // Start from what is stored now: another tab may have saved since this one last read.
    const current = this.#read() ?? this.#state
    this.#state = { ...current, ...change(current) }
    try {
      this.#storage?.setItem(KEY, JSON.stringify(this.#state))
    } catch {
      // Storage full or unavailable: the state still lives for this visit.
    }
    this.dispatchEvent(new Event('change'))
  }

  /** Forgets everything (e.g. before a new school's session on a shared laptop). */
  reset(): void {
    this.update(() => DEFAULT_STATE)
  }

  /** The stored state; null when nothing (readable) is stored. */
  #read(): AppState | null {
    try {
      const text = this.#storage?.getItem(KEY)
      return text ? parseState(JSON.parse(text)) : null
    } catch {
      return null
    }
  }
}

/** The store of this page. */
export const store = new Store()

/** Re-renders its host whenever the store changes. */
export class StoreController implements ReactiveController {
  private readonly host: ReactiveControllerHost
  private readonly onChange = () => this.host.requestUpdate()
  private readonly source: Store
  constructor(host: ReactiveControllerHost, source: Store = store) {
    this.host = host
    this.source = source
    host.addController(this)
  }
  get state(): AppState {
    return this.source.state
  }
  hostConnected() {
    this.source.addEventListener('change', this.onChange)
  }
  hostDisconnected() {
    this.source.removeEventListener('change', this.onChange)
  }
}
