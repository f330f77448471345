/**
 * @module The team data of a workspace round on the server. Reads the round, its plan and
 * profile; saves the plan (debounced, with the revision it was edited from) and the settings.
 * Every edit is first kept in localStorage, so a refresh, a dropped connection or leaving the
 * round loses nothing; a plan someone else saved meanwhile (409) is kept beside ours until the
 * team chooses.
 */
import { msg, str } from '@lit/localize'
import { SPEC_FIELDS } from '../../server/domain/workspace.ts'
import type { Lang } from '../../server/domain/vocabulary.ts'
import type { RoundOut } from '../../server/schemas/workspace.ts'
import { DEFAULT_STATE, emptySpec, Filters, PlanCalendar, PlanEntry, Settings, type Specification } from '../state/app-state.ts'
import { RestoreEvent, type Removal } from '../state/store.ts'
import { PLAN_STATUSES } from '../../server/domain/workspace.ts'
import type { BarrierInput, PlanItem, RespondentRow, SaveState, TeamData, TeamState } from './team-data.ts'
import { bodyOf, statusOf } from './api-errors.ts'
import type { TeamApi } from './team-api.ts'

/** How long after the last keystroke a plan is saved. */
const PLAN_DELAY_MS = 800
const SETTINGS_DELAY_MS = 300
/** How often an open round is refreshed while a screen shows it. */
const POLL_MS = 5000
/** Wait before trying a save again after the connection failed. */
const RETRY_MS = 5000

type ServerPlan = Awaited<ReturnType<TeamApi['plan']>>

/** What is kept on this device until the server has it. */
type Edits = {
  readonly planTitle: string
  readonly planCalendar: TeamState['planCalendar']
  readonly plan: readonly PlanItem[]
  readonly base: number
  readonly planDirty: boolean
  readonly settings: TeamState['settings']
  readonly filters: TeamState['filters']
  readonly approach: TeamState['approach']
  readonly settingsDirty: boolean
}

/** The API's message of a failed call. */
const messageOf = (error: unknown): string => {
  const body = bodyOf(error) as { error?: { message?: string } } | undefined
  return body?.error?.message ?? (error instanceof Error ? error.message : String(error))
}

const editsKey = (roundId: string) => `strategiewijzer:round-edits:v1:${roundId}`

export const planFromServer = (plan: ServerPlan): PlanItem[] =>
  plan.entries.map((e) => ({
    strategy: e.strategy,
    status: e.status,
    spec: Object.fromEntries(SPEC_FIELDS.map((f) => [f, e.spec[f] ?? ''])) as Specification,
    barriers: [...e.barriers],
    ...scheduleOf(e),
  }))

/** The timeline's region and school year of a plan from the server. */
const calendarFromServer = (plan: ServerPlan): TeamState['planCalendar'] => ({ region: plan.region, schoolYear: plan.schoolYear })

/** The team's ratings and timing of an entry, only those set (none is ever dropped on a save). */
const scheduleOf = (e: Pick<PlanItem, 'feasibility' | 'importance' | 'phase' | 'startMonth' | 'months'>) => ({
  ...(e.feasibility !== undefined ? { feasibility: e.feasibility } : {}),
  ...(e.importance !== undefined ? { importance: e.importance } : {}),
  ...(e.phase !== undefined ? { phase: e.phase } : {}),
  ...(e.startMonth !== undefined ? { startMonth: e.startMonth } : {}),
  ...(e.months !== undefined ? { months: e.months } : {}),
})

function settingsFromRound(round: RoundOut): Pick<TeamState, 'settings' | 'filters' | 'approach'> {
  const { score, filters, approach } = round.settings
  return {
    settings: { ...score },
    filters: { ...filters, actors: [...filters.actors], exclude: [...filters.exclude], inUse: [...filters.inUse] },
    approach: [...approach],
  }
}

export class RoundData extends EventTarget implements TeamData {
  readonly kind = 'round' as const
  readonly workspaceId: string
  readonly roundId: string
  readonly #storage: Storage | undefined
  #api: TeamApi | null = null
  #round: RoundOut | null = null
  #state: TeamState = { ...DEFAULT_STATE }
  #ready = false
  #failure: string | null = null
  #save: SaveState = { state: 'saved' }
  /** The plan revision our edits build on. */
  #base = 0
  #planDirty = false
  #settingsDirty = false
  #theirsRevision = 0
  #planTimer?: ReturnType<typeof setTimeout>
  #settingsTimer?: ReturnType<typeof setTimeout>
  #pollTimer?: ReturnType<typeof setInterval>
  #planSaving: Promise<void> | null = null
  #settingsSaving: Promise<void> | null = null
  #watchers = 0
  #disposed = false
  #removal: Extract<Removal, { list: 'plan' }> | null = null

  constructor(workspaceId: string, roundId: string, storage: Storage | undefined = globalThis.localStorage) {
    super()
    this.workspaceId = workspaceId
    this.roundId = roundId
    this.#storage = storage
    void this.#load()
  }

  get ready() {
    return this.#ready
  }
  get failure() {
    return this.#failure
  }
  get state() {
    return this.#state
  }
  get saveState() {
    return this.#save
  }
  get round(): RoundOut | null {
    return this.#round
  }
  get respondentCount() {
    return this.#round?.submissionCount ?? 0
  }
  get answersKey() {
    return `${this.roundId}:${this.#round?.revision ?? -1}:${JSON.stringify(this.#state.settings)}`
  }
  get barrierKey() {
    return this.answersKey
  }

  // ── Loading ──────────────────────────────────────────────────────────────────────────

  async #load() {
    try {
      // The client is loaded with the first round: the start screen does without it.
      const { teamApi } = await import('./team-api.ts')
      this.#api = teamApi(this.workspaceId)
      const [round, plan] = await Promise.all([this.#api.round(this.roundId), this.#api.plan(this.roundId)])
      this.#round = round
      this.#base = plan.revision
      this.#state = { ...DEFAULT_STATE, ...settingsFromRound(round), planTitle: plan.title, planCalendar: calendarFromServer(plan), plan: planFromServer(plan) }
      const edits = this.#readEdits()
      if (edits?.settingsDirty) {
        this.#state = { ...this.#state, settings: edits.settings, filters: edits.filters, approach: edits.approach }
        this.#settingsDirty = true
        this.#scheduleSettings(0)
      }
      if (edits?.planDirty) {
        this.#state = { ...this.#state, plan: edits.plan, planTitle: edits.planTitle, planCalendar: edits.planCalendar }
        this.#base = edits.base
        this.#planDirty = true
        this.#schedulePlan(0)
      }
      this.#ready = true
      this.#failure = null
    } catch (error) {
      const status = statusOf(error)
      this.#failure =
        status === 401 || status === 404 || status === null
          ? status === null && this.#api
            ? msg('The round could not be loaded: Strategiewijzer could not be reached.')
            : msg('This device cannot open the round any more: its team link is missing or was revoked, or the round was deleted.')
          : messageOf(error)
    }
    this.#emit()
  }

  /** Loads again after a failure. */
  reload(): void {
    this.#failure = null
    this.#emit()
    void this.#load()
  }

  // ── Changes ──────────────────────────────────────────────────────────────────────────

  update(change: (state: TeamState) => Partial<TeamState>): void {
    if (!this.#ready) return
    const before = this.#state
    const next = { ...before, ...change(before) }
    this.#state = next
    if (next.plan !== before.plan || next.planTitle !== before.planTitle || next.planCalendar !== before.planCalendar) {
      this.#planDirty = true
      if (this.#save.state !== 'conflict') {
        this.#save = { state: 'saving' }
        this.#schedulePlan(PLAN_DELAY_MS)
      }
    }
    if (next.settings !== before.settings || next.filters !== before.filters || next.approach !== before.approach) {
      this.#settingsDirty = true
      if (this.#save.state !== 'conflict') this.#save = { state: 'saving' }
      this.#scheduleSettings(SETTINGS_DELAY_MS)
    }
    this.#writeEdits()
    this.#emit()
  }

  #schedulePlan(delay: number) {
    clearTimeout(this.#planTimer)
    this.#planTimer = setTimeout(() => void this.#savePlan(), delay)
  }

  #scheduleSettings(delay: number) {
    clearTimeout(this.#settingsTimer)
    this.#settingsTimer = setTimeout(() => void this.#saveSettings(), delay)
  }

  async #savePlan(): Promise<void> {
    if (this.#planSaving) {
      await this.#planSaving
      if (this.#planDirty && this.#save.state !== 'conflict') return this.#savePlan()
      return
    }
    if (!this.#planDirty || !this.#api || this.#disposed) return
    const { plan, planTitle, planCalendar } = this.#state
    this.#save = { state: 'saving' }
    this.#emit()
    const body = {
      title: planTitle,
      region: planCalendar.region,
      schoolYear: planCalendar.schoolYear,
      baseRevision: this.#base,
      entries: plan.map((e) => ({
        strategy: e.strategy,
        status: e.status ?? ('planned' as const),
        spec: { ...e.spec },
        barriers: [...e.barriers],
        ...scheduleOf(e),
      })),
    }
    this.#planSaving = (async () => {
      try {
        const saved = await this.#api!.savePlan(this.roundId, body)
        this.#base = saved.revision
        const unchanged = this.#state.plan === plan && this.#state.planTitle === planTitle && this.#state.planCalendar === planCalendar
        if (unchanged) this.#planDirty = false
        this.#save = this.#planDirty || this.#settingsDirty ? { state: 'saving' } : { state: 'saved' }
        if (!unchanged) this.#schedulePlan(0)
      } catch (error) {
        const status = statusOf(error)
        if (status === 409) {
          // The error envelope carries the plan as it is now under `current`.
          const theirs = (bodyOf(error) as { current: ServerPlan }).current
          this.#theirsRevision = theirs.revision
          this.#save = { state: 'conflict', theirs: { title: theirs.title, calendar: calendarFromServer(theirs), plan: planFromServer(theirs) } }
        } else if (status === null || status >= 500) {
          this.#save = { state: 'offline' }
          this.#schedulePlan(RETRY_MS)
        } else {
          this.#save = { state: 'error', message: messageOf(error) }
        }
      } finally {
        this.#planSaving = null
        this.#writeEdits()
        this.#emit()
      }
    })()
    return this.#planSaving
  }

  async #saveSettings(): Promise<void> {
    if (this.#settingsSaving) {
      await this.#settingsSaving
      if (this.#settingsDirty) return this.#saveSettings()
      return
    }
    if (!this.#settingsDirty || !this.#api || this.#disposed) return
    const { settings, filters, approach } = this.#state
    this.#settingsSaving = (async () => {
      try {
        const round = await this.#api!.updateRound(this.roundId, {
          settings: { score: { ...settings }, filters: { ...filters }, approach: [...approach] },
        })
        this.#round = round
        const s = this.#state
        if (s.settings === settings && s.filters === filters && s.approach === approach) this.#settingsDirty = false
        if (this.#save.state !== 'conflict' && !this.#planDirty && !this.#settingsDirty) this.#save = { state: 'saved' }
      } catch (error) {
        const status = statusOf(error)
        if (status === null || status >= 500) {
          this.#save = this.#save.state === 'conflict' ? this.#save : { state: 'offline' }
          this.#scheduleSettings(RETRY_MS)
        } else if (this.#save.state !== 'conflict') this.#save = { state: 'error', message: messageOf(error) }
      } finally {
        this.#settingsSaving = null
        this.#writeEdits()
        this.#emit()
      }
    })()
    return this.#settingsSaving
  }

  addPlanEntry(strategy: string, barriers: readonly number[] = []): void {
    if (this.#removal?.key === strategy) return this.undoRemoval()
    this.update((s) =>
      s.plan.some((p) => p.strategy === strategy)
        ? {}
        : { plan: [...s.plan, { strategy, status: 'planned', spec: emptySpec(), barriers: [...barriers] }] }
    )
  }

  removePlanEntry(strategy: string, name: string): void {
    const index = this.#state.plan.findIndex((p) => p.strategy === strategy)
    const entry = this.#state.plan[index]
    if (!entry) return
    this.#removal = { list: 'plan', key: strategy, name, index, entry }
    this.update((s) => ({ plan: s.plan.filter((p) => p.strategy !== strategy) }))
  }

  get lastRemoval(): Removal | null {
    return this.#removal
  }

  undoRemoval(): void {
    const removal = this.#removal
    if (!removal) return
    this.#removal = null
    this.update((s) => {
      const rest = s.plan.filter((p) => p.strategy !== removal.key)
      rest.splice(Math.min(removal.index, rest.length), 0, removal.entry)
      return { plan: rest }
    })
    this.dispatchEvent(new RestoreEvent(removal))
  }

  forgetRemoval(removal: Removal): void {
    if (this.#removal !== removal) return
    this.#removal = null
    this.#emit()
  }

  resolveConflict(keep: 'mine' | 'theirs'): void {
    const save = this.#save
    if (save.state !== 'conflict') return
    this.#base = this.#theirsRevision
    if (keep === 'theirs') {
      this.#state = { ...this.#state, plan: save.theirs.plan, planTitle: save.theirs.title, planCalendar: save.theirs.calendar }
      this.#planDirty = false
      this.#save = { state: 'saved' }
      this.#writeEdits()
      this.#emit()
    } else {
      this.#save = { state: 'saving' }
      this.#emit()
      void this.#savePlan()
    }
  }

  retry(): void {
    if (this.#save.state === 'conflict') return
    if (this.#planDirty) this.#schedulePlan(0)
    if (this.#settingsDirty) this.#scheduleSettings(0)
  }

  // ── Reading ──────────────────────────────────────────────────────────────────────────

  async profile(lang: Lang) {
    if (!this.#api || !this.#round) return undefined
    // The server scores with the round's stored thresholds: store ours first.
    if (this.#settingsDirty) {
      clearTimeout(this.#settingsTimer)
      await this.#saveSettings()
    }
    if (this.#round.submissionCount === 0) return undefined
    const { round: _round, ...profile } = await this.#api.profile(this.roundId, lang)
    return profile
  }

  async subgroups(lang: Lang) {
    if (!this.#api || !this.#round || this.#round.submissionCount === 0) return undefined
    if (this.#settingsDirty) {
      clearTimeout(this.#settingsTimer)
      await this.#saveSettings()
    }
    return this.#api.subgroups(this.roundId, lang)
  }

  async respondents(): Promise<readonly RespondentRow[]> {
    if (!this.#api) return []
    const { submissions } = await this.#api.submissions(this.roundId)
    return [...submissions]
      .sort((a, b) => a.receivedAt - b.receivedAt)
      .map((s, i) => ({
        id: s.id,
        label: msg(str`Respondent ${i + 1}`),
        role: s.role,
        group: s.group,
        receivedAt: s.receivedAt,
        answered: Object.values(s.answers).filter((v) => v !== null).length,
      }))
  }

  async removeRespondent(id: string): Promise<void> {
    if (!this.#api) return
    await this.#api.deleteSubmission(this.roundId, id)
    await this.#refresh()
  }

  /** Reads the round again now (after answers were imported), instead of at the next poll. */
  refresh(): Promise<void> {
    return this.#refresh()
  }

  async barrierInput(lang: Lang): Promise<BarrierInput | null> {
    const profile = await this.profile(lang)
    // Only what the engine reads of a profile: a few hundred bytes instead of the whole
    // profile with its items and intervals, which the server would parse for nothing.
    return profile
      ? {
          profile: {
            barriers: [...profile.barriers],
            determinants: profile.determinants.map(({ number, negativeShare, status, polarised }) => ({ number, negativeShare, status, polarised })),
          },
        }
      : null
  }

  // ── Background ───────────────────────────────────────────────────────────────────────

  watch(on: boolean): void {
    this.#watchers = Math.max(0, this.#watchers + (on ? 1 : -1))
    if (this.#watchers > 0 && !this.#pollTimer) this.#pollTimer = setInterval(() => void this.#poll(), POLL_MS)
    if (this.#watchers === 0) {
      clearInterval(this.#pollTimer)
      this.#pollTimer = undefined
    }
  }

  async #poll() {
    if (!this.#ready || document.visibilityState !== 'visible') return
    await this.#refresh()
  }

  /** Reads the round again: the count, the revision, and a plan someone else saved. */
  async #refresh() {
    if (!this.#api) return
    try {
      const round = await this.#api.round(this.roundId)
      const changed = round.revision !== this.#round?.revision || round.state !== this.#round?.state || round.planRevision !== this.#round?.planRevision
      this.#round = round
      if (round.planRevision > this.#base && !this.#planDirty && !this.#planSaving) {
        const plan = await this.#api.plan(this.roundId)
        if (!this.#planDirty) {
          this.#base = plan.revision
          this.#state = { ...this.#state, plan: planFromServer(plan), planTitle: plan.title, planCalendar: calendarFromServer(plan) }
        }
      }
      if (changed) this.#emit()
    } catch {
      // The next refresh tries again.
    }
  }

  /** Stops the timers; unsaved edits stay on this device and are saved next time. */
  dispose(): void {
    this.#disposed = true
    clearTimeout(this.#planTimer)
    clearTimeout(this.#settingsTimer)
    clearInterval(this.#pollTimer)
  }

  // ── Storage ──────────────────────────────────────────────────────────────────────────

  /** The edits kept on this device, read part by part: what cannot be read is left out. */
  #readEdits(): Edits | null {
    let value: Partial<Record<keyof Edits, unknown>> | null
    try {
      value = JSON.parse(this.#storage?.getItem(editsKey(this.roundId)) ?? 'null')
    } catch {
      return null
    }
    if (typeof value !== 'object' || value === null) return null
    const settings = Settings.safeParse(value.settings)
    const filters = Filters.safeParse(value.filters)
    const approach = Array.isArray(value.approach) ? value.approach.filter((x): x is string => typeof x === 'string') : null
    const plan = Array.isArray(value.plan)
      ? value.plan.flatMap((raw: unknown) => {
          const entry = PlanEntry.safeParse(raw)
          if (!entry.success) return []
          const status = (raw as { status?: unknown }).status
          return [{ ...entry.data, ...(PLAN_STATUSES.includes(status as never) ? { status: status as PlanItem['status'] } : {}) }]
        })
      : null
    // Edits kept before the timeline existed have no calendar: the server's stays.
    const calendar = PlanCalendar.safeParse(value.planCalendar)
    const planOk = value.planDirty === true && plan !== null && typeof value.base === 'number' && typeof value.planTitle === 'string'
    const settingsOk = value.settingsDirty === true && settings.success && filters.success && approach !== null
    return {
      planTitle: planOk ? (value.planTitle as string) : '',
      planCalendar: planOk && calendar.success ? calendar.data : this.#state.planCalendar,
      plan: planOk ? plan : [],
      base: planOk ? (value.base as number) : 0,
      planDirty: planOk,
      settings: settingsOk ? settings.data : DEFAULT_STATE.settings,
      filters: settingsOk ? filters.data : DEFAULT_STATE.filters,
      approach: settingsOk ? (approach ?? []) : [],
      settingsDirty: settingsOk,
    }
  }

  #writeEdits() {
    try {
      if (!this.#planDirty && !this.#settingsDirty) {
        this.#storage?.removeItem(editsKey(this.roundId))
        return
      }
      const s = this.#state
      const edits: Edits = {
        planTitle: s.planTitle,
        planCalendar: s.planCalendar,
        plan: s.plan,
        base: this.#base,
        planDirty: this.#planDirty,
        settings: s.settings,
        filters: s.filters,
        approach: s.approach,
        settingsDirty: this.#settingsDirty,
      }
      this.#storage?.setItem(editsKey(this.roundId), JSON.stringify(edits))
    } catch {
      // Storage full or off: the edits live as long as this page.
    }
  }

  #emit() {
    this.dispatchEvent(new Event('change'))
  }
}
