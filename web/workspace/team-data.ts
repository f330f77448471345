/**
 * @module Where the team screens (results, strategies, plan, coverage) get their data and put
 * their changes: one interface with two implementations — this browser's own store ("try it
 * without saving", local-data.ts) and a workspace round on the server (round-data.ts). The
 * pages talk to {@link TeamData} only; which one they get follows the active round of the
 * session.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { PlanStatus } from '../../server/domain/workspace.ts'
import type { ProfileIn, ScoreResponse } from '../../server/schemas/api.ts'
import type { SubgroupProfiles } from '../../server/schemas/workspace.ts'
import type { Lang, Respondent } from '../../server/domain/vocabulary.ts'
import type { AppState, PlanEntry, teamResponses } from '../state/app-state.ts'
import { RestoreEvent, type Removal } from '../state/store.ts'

/** A plan entry; in a workspace round it also says where the strategy stands. */
export type PlanItem = PlanEntry & { readonly status?: PlanStatus }

/** What every team screen reads and changes. */
export type TeamState = Omit<AppState, 'plan' | 'draft'> & { readonly plan: readonly PlanItem[] }

/** The barriers recommendations and coverage start from, as the engine's request takes them. */
export type BarrierInput =
  | { readonly responses: ReturnType<typeof teamResponses>; readonly settings: AppState['settings'] }
  | { readonly profile: ProfileIn }
  | { readonly barriers: AppState['chosen'] }

/** One respondent as the team screens list them. */
export type RespondentRow = {
  readonly id: string
  readonly label: string
  readonly role: Respondent
  /** The respondent's group, in a workspace round. */
  readonly group?: string | null
  /** When the answers came in, in a workspace round. */
  readonly receivedAt?: number
  readonly answered: number
}

/** Where the team's changes stand, as the plan page tells it. */
export type SaveState =
  | { readonly state: 'saved' }
  | { readonly state: 'saving' }
  /** Not yet saved: no connection; kept on this device, tried again. */
  | { readonly state: 'offline' }
  /** The server refused the change (e.g. a strategy it does not know). */
  | { readonly state: 'error'; readonly message: string }
  /** Someone else saved the plan meanwhile: theirs is here, ours is the state. */
  | { readonly state: 'conflict'; readonly theirs: { readonly title: string; readonly calendar: AppState['planCalendar']; readonly plan: readonly PlanItem[] } }

export interface TeamData extends EventTarget {
  /** This browser's own data, or a workspace round on the server. */
  readonly kind: 'local' | 'round'
  /** False while a round's data is being loaded. */
  readonly ready: boolean
  /** Why a round could not be loaded, if it could not. */
  readonly failure: string | null
  readonly state: TeamState
  /** Applies a change: `change` returns the parts that change. */
  update(change: (state: TeamState) => Partial<TeamState>): void
  /** How many respondents answered. */
  readonly respondentCount: number
  /** Changes whenever the profile or the list of respondents may have changed. */
  readonly answersKey: string
  /** The team's profile; undefined when nobody answered. */
  profile(lang: Lang): Promise<ScoreResponse | undefined>
  /**
   * The profile per group of respondents, small groups suppressed (a round's only: this
   * browser's own answers carry no groups); undefined when nobody answered.
   */
  subgroups?(lang: Lang): Promise<SubgroupProfiles | undefined>
  /** The respondents, newest last. */
  respondents(): Promise<readonly RespondentRow[]>
  /**
   * Removes a respondent's answers: in this browser until undone; in a round for good (the page
   * asks first).
   */
  removeRespondent(id: string): Promise<void>
  /** Adds a strategy to the plan; right after it was taken out, it comes back with its text. */
  addPlanEntry(strategy: string, barriers?: readonly number[]): void
  /** Takes a strategy out of the plan, with what was written about it, until {@link undoRemoval}. */
  removePlanEntry(strategy: string, name: string): void
  /** The last removal, while it can be undone. */
  readonly lastRemoval: Removal | null
  /** Puts the last removed entry back where it was; dispatches a {@link RestoreEvent}. */
  undoRemoval(): void
  /** Lets a removal go (the offer to undo it has ended). */
  forgetRemoval(removal: Removal): void
  /** Changes whenever {@link barrierInput} may answer differently. */
  readonly barrierKey: string
  /** The barriers to recommend for, or null when there is nothing to work from. */
  barrierInput(lang: Lang): Promise<BarrierInput | null>
  /** Whether changes are saved (always, for this browser's own data). */
  readonly saveState: SaveState
  /** After a conflict: keep this device's plan (saved over theirs) or theirs (this device's edits go). */
  resolveConflict(keep: 'mine' | 'theirs'): void
  /** Tries a failed save again now. */
  retry(): void
  /** A screen starts (true) or stops (false) showing this data: refreshed in the background while any does. */
  watch(on: boolean): void
}

/** Keeps a host drawing the active team data, and tells it when it changes. */
export class TeamDataController implements ReactiveController {
  readonly #host: ReactiveControllerHost
  readonly #resolve: () => TeamData
  readonly #switches: readonly EventTarget[]
  #bound: TeamData | null = null
  readonly #onChange = () => this.#host.requestUpdate()
  readonly #restored?: (e: RestoreEvent) => void
  readonly #onRestore = (e: Event) => this.#restored?.(e as RestoreEvent)
  readonly #onSession = () => {
    this.#bind()
    this.#host.requestUpdate()
  }

  /**
   * `switches` report when `resolve` may answer another source (the session changed);
   * `restored` hears when a removal was undone, to bring the entry into focus.
   */
  constructor(
    host: ReactiveControllerHost,
    resolve: () => TeamData,
    switches: readonly EventTarget[],
    restored?: (e: RestoreEvent) => void
  ) {
    this.#host = host
    this.#resolve = resolve
    this.#switches = switches
    this.#restored = restored
    host.addController(this)
  }

  get source(): TeamData {
    return this.#bound ?? this.#resolve()
  }

  get state(): TeamState {
    return this.source.state
  }

  #bind() {
    const next = this.#resolve()
    if (next === this.#bound) return
    this.#unbind()
    this.#bound = next
    next.addEventListener('change', this.#onChange)
    next.addEventListener(RestoreEvent.type, this.#onRestore)
    next.watch(true)
  }

  #unbind() {
    this.#bound?.removeEventListener('change', this.#onChange)
    this.#bound?.removeEventListener(RestoreEvent.type, this.#onRestore)
    this.#bound?.watch(false)
    this.#bound = null
  }

  hostConnected() {
    for (const s of this.#switches) s.addEventListener('change', this.#onSession)
    this.#bind()
  }

  hostDisconnected() {
    for (const s of this.#switches) s.removeEventListener('change', this.#onSession)
    this.#unbind()
  }
}
