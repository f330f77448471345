/**
 * @module The team data the screens show now: this browser's own, or the workspace round the
 * session works in. One round at a time; leaving a round keeps its unsaved edits on this
 * device for the next visit. The round's code is loaded with the first round, so the start
 * screen does without it.
 */
import type { ReactiveControllerHost } from 'lit'
import { DEFAULT_STATE } from '../state/app-state.ts'
import { store, type RestoreEvent } from '../state/store.ts'
import { LocalData } from './local-data.ts'
import type { RoundData } from './round-data.ts'
import { session } from './session.ts'
import { TeamDataController, type TeamData } from './team-data.ts'

const local = new LocalData(store)
let round: RoundData | null = null
let roundModule: typeof import('./round-data.ts') | null = null
/** Tells the controllers to bind again once the round's code is there. */
const loaded = new EventTarget()

/** Stands in for a round while its code loads: nothing to show yet, nothing to change. */
class PendingRound extends EventTarget implements TeamData {
  readonly kind = 'round' as const
  readonly ready = false
  readonly failure = null
  readonly state = { ...DEFAULT_STATE }
  readonly respondentCount = 0
  readonly answersKey = 'pending'
  readonly barrierKey = 'pending'
  readonly saveState = { state: 'saved' } as const
  update() {}
  profile = async () => undefined
  respondents = async () => []
  removeRespondent = async () => {}
  readonly lastRemoval = null
  addPlanEntry() {}
  removePlanEntry() {}
  undoRemoval() {}
  forgetRemoval() {}
  barrierInput = async () => null
  resolveConflict() {}
  retry() {}
  watch() {}
}
const pending = new PendingRound()

/** The data of the active round, or of this browser. */
export function activeTeamData(): TeamData {
  const active = session.active
  if (!active) {
    round?.dispose()
    round = null
    return local
  }
  if (!roundModule) {
    void import('./round-data.ts').then((m) => {
      roundModule = m
      loaded.dispatchEvent(new Event('change'))
    })
    return pending
  }
  if (round?.roundId !== active.roundId || round.workspaceId !== active.workspaceId) {
    round?.dispose()
    round = new roundModule.RoundData(active.workspaceId, active.roundId)
  }
  return round
}

/** Keeps a host drawing the active team data. */
export class ActiveTeamData extends TeamDataController {
  /** `restored` hears when a removal was undone, to bring the entry into focus. */
  constructor(host: ReactiveControllerHost, restored?: (e: RestoreEvent) => void) {
    super(host, activeTeamData, [session, loaded], restored)
  }
}
