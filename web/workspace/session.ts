/**
 * @module Which workspace round the team works in on this device, if any. While one is active
 * the team screens (results, strategies, plan, coverage) show that round's data from the
 * server; otherwise they work on this browser's own data ("try it without saving").
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

const KEY = 'strategiewijzer:active-round:v1'

export type ActiveRound = {
  readonly workspaceId: string
  readonly roundId: string
  /** For the header, before anything is loaded. */
  readonly workspaceName: string
  readonly roundLabel: string
}

const isActive = (x: unknown): x is ActiveRound => {
  const a = x as Partial<ActiveRound> | null
  return (
    typeof a === 'object' &&
    a !== null &&
    typeof a.workspaceId === 'string' &&
    typeof a.roundId === 'string' &&
    typeof a.workspaceName === 'string' &&
    typeof a.roundLabel === 'string'
  )
}

export class Session extends EventTarget {
  readonly #storage: Storage | undefined
  #active: ActiveRound | null
  /** A message for the next screen (e.g. the start page after a deletion); read once. */
  notice: string | null = null

  constructor(storage: Storage | undefined = globalThis.localStorage) {
    super()
    this.#storage = storage
    this.#active = this.#read()
    globalThis.addEventListener?.('storage', (e: StorageEvent) => {
      if (e.storageArea !== this.#storage || e.key !== KEY) return
      this.#active = this.#read()
      this.dispatchEvent(new Event('change'))
    })
  }

  get active(): ActiveRound | null {
    return this.#active
  }

  /** Works in this round from now on (or in this browser's own data, with null). */
  set(active: ActiveRound | null): void {
    const same =
      active?.workspaceId === this.#active?.workspaceId &&
      active?.roundId === this.#active?.roundId &&
      active?.workspaceName === this.#active?.workspaceName &&
      active?.roundLabel === this.#active?.roundLabel
    if (same) return
    this.#active = active
    try {
      if (active) this.#storage?.setItem(KEY, JSON.stringify(active))
      else this.#storage?.removeItem(KEY)
    } catch {
      // Storage off: the choice holds for this page.
    }
    this.dispatchEvent(new Event('change'))
  }

  /** Leaves the round of a workspace that is gone or forgotten on this device. */
  leaveWorkspace(workspaceId: string): void {
    if (this.#active?.workspaceId === workspaceId) this.set(null)
  }

  #read(): ActiveRound | null {
    try {
      const text = this.#storage?.getItem(KEY)
      const value: unknown = text ? JSON.parse(text) : null
      return isActive(value) ? value : null
    } catch {
      return null
    }
  }
}

export const session = new Session()

/** Re-renders its host when an EventTarget (the session, the credentials) reports a change. */
export class ChangeController implements ReactiveController {
  readonly #host: ReactiveControllerHost
  readonly #targets: readonly EventTarget[]
  readonly #onChange = () => this.#host.requestUpdate()
  constructor(host: ReactiveControllerHost, ...targets: EventTarget[]) {
    this.#host = host
    this.#targets = targets
    host.addController(this)
  }
  hostConnected() {
    for (const t of this.#targets) t.addEventListener('change', this.#onChange)
  }
  hostDisconnected() {
    for (const t of this.#targets) t.removeEventListener('change', this.#onChange)
  }
}
