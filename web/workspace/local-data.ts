/**
 * @module The team data of this browser alone ("try it without saving"): the store in
 * localStorage, scored and recommended through the engine's stateless endpoints.
 */
import type { Lang } from '../../server/domain/vocabulary.ts'
import { teamResponses, usesTeam, type AppState } from '../state/app-state.ts'
import { RestoreEvent, type Removal, type Store } from '../state/store.ts'
import type { BarrierInput, RespondentRow, SaveState, TeamData, TeamState } from './team-data.ts'

export class LocalData extends EventTarget implements TeamData {
  readonly kind = 'local' as const
  readonly ready = true
  readonly failure = null
  readonly saveState: SaveState = { state: 'saved' }
  readonly #store: Store
  /** Bumped when the answers or the thresholds change, so pages refetch the profile. */
  #answers = 0
  #barriers = 0
  #seen: { answers: string; barriers: string }

  constructor(store: Store) {
    super()
    this.#store = store
    this.#seen = this.#parts()
    store.addEventListener('change', () => {
      // Compared by content: the store reads a fresh copy from storage on every change.
      const now = this.#parts()
      if (now.answers !== this.#seen.answers) this.#answers++
      if (now.answers !== this.#seen.answers || now.barriers !== this.#seen.barriers) this.#barriers++
      this.#seen = now
      this.dispatchEvent(new Event('change'))
    })
    store.addEventListener(RestoreEvent.type, (e) => {
      const { list, key } = e as RestoreEvent
      // The event tells only which entry came back: list and key.
      this.dispatchEvent(new RestoreEvent({ list, key } as Removal))
    })
  }

  #parts() {
    const { team, settings, chosen, basis } = this.#store.state
    return { answers: JSON.stringify([team, settings]), barriers: JSON.stringify([chosen, basis]) }
  }

  get state(): TeamState {
    return this.#store.state
  }

  update(change: (state: TeamState) => Partial<TeamState>): void {
    this.#store.update((s) => change(s) as Partial<AppState>)
  }

  get respondentCount(): number {
    return this.#store.state.team.length
  }

  get answersKey(): string {
    return `local:${this.#answers}`
  }

  get barrierKey(): string {
    return `local:${this.#barriers}`
  }

  async profile(lang: Lang) {
    const { team, settings } = this.#store.state
    if (team.length === 0) return undefined
    const { api, parseResponse } = await import('../api.ts')
    return parseResponse(api.score.$post({ query: { lang }, json: { responses: teamResponses(team), settings } }))
  }

  async respondents(): Promise<readonly RespondentRow[]> {
    return this.#store.state.team.map((m) => ({
      id: m.id,
      label: m.label,
      role: m.role,
      answered: Object.values(m.answers).filter((v) => v !== null).length,
    }))
  }

  async removeRespondent(id: string): Promise<void> {
    this.#store.removeMember(id)
  }

  addPlanEntry(strategy: string, barriers?: readonly number[]): void {
    this.#store.addPlanEntry(strategy, barriers)
  }

  removePlanEntry(strategy: string, name: string): void {
    this.#store.removePlanEntry(strategy, name)
  }

  get lastRemoval(): Removal | null {
    return this.#store.lastRemoval
  }

  undoRemoval(): void {
    this.#store.undoRemoval()
  }

  forgetRemoval(removal: Removal): void {
    this.#store.forgetRemoval(removal)
  }

  async barrierInput(): Promise<BarrierInput | null> {
    const state = this.#store.state
    if (usesTeam(state)) return { responses: teamResponses(state.team), settings: state.settings }
    if (state.chosen.length > 0) return { barriers: state.chosen }
    return null
  }

  resolveConflict(): void {}
  retry(): void {}
  watch(): void {}
}
