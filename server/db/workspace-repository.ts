/**
 * @module The data layer of workspaces, rounds, submissions and plans, as the routes see it:
 * an interface of asynchronous operations on plain records. No driver or dialect type crosses
 * it, so a PostgreSQL implementation can stand beside the SQLite one
 * (server/db/sqlite-workspace-repository.ts). Every operation that changes more than one row
 * is one transaction in the implementation.
 */
import type { SurveyMapping, SurveyTool } from '../domain/survey-import.ts'
import type {
  PlanEntry,
  RoundSettings,
  RoundState,
} from '../domain/workspace.ts'
import type { PlanRegion } from '../domain/school-year.ts'
import type { Respondent } from '../domain/vocabulary.ts'

export type Workspace = {
  readonly id: string
  readonly name: string
  readonly innovation: string
  readonly contact: string
  readonly groups: readonly string[]
  readonly createdAt: number
  readonly updatedAt: number
}

export type TeamToken = {
  readonly id: string
  readonly label: string
  readonly createdAt: number
  readonly lastUsedAt: number | null
  readonly revokedAt: number | null
}

export type Round = {
  readonly id: string
  readonly workspaceId: string
  readonly position: number
  readonly label: string
  readonly state: RoundState
  readonly closesAt: number | null
  /** Hash of the respondent link's token; null after the team revoked it without renewing. */
  readonly respondentTokenHash: string | null
  readonly linkGeneration: number
  readonly submissionCount: number
  readonly revision: number
  readonly settings: RoundSettings
  readonly planTitle: string
  readonly planRevision: number
  /** The holiday region of the plan's timeline. */
  readonly planRegion: PlanRegion
  /** The school year of the plan's timeline; null: the one containing today. */
  readonly planSchoolYear: string | null
  readonly createdAt: number
  readonly closedAt: number | null
}

export type Submission = {
  readonly id: string
  readonly clientId: string
  /** The round's revision the submission arrived at: its order in the round. */
  readonly seq: number
  readonly role: Respondent
  readonly group: string | null
  readonly answers: Readonly<Record<string, number | null>>
  readonly receivedAt: number
}

export type StoredPlan = {
  readonly title: string
  readonly revision: number
  readonly region: PlanRegion
  readonly schoolYear: string | null
  readonly entries: readonly PlanEntry[]
}

/** Everything of one workspace, as exported to its team and imported elsewhere. */
export type WorkspaceDump = {
  readonly workspace: Omit<Workspace, 'id'>
  readonly rounds: readonly (Omit<Round, 'id' | 'workspaceId' | 'respondentTokenHash' | 'linkGeneration' | 'revision' | 'submissionCount' | 'planRevision'> & {
    readonly plan: readonly PlanEntry[]
    readonly submissions: readonly Omit<Submission, 'id' | 'seq'>[]
  })[]
}

export type NewSubmission = Omit<Submission, 'id' | 'receivedAt' | 'seq'>

export type SubmissionOutcome =
  | { readonly outcome: 'created'; readonly submissionCount: number }
  | { readonly outcome: 'repeat'; readonly submissionCount: number }
  /** The same client id arrived before with other answers. */
  | { readonly outcome: 'conflict' }
  | { readonly outcome: 'refused'; readonly reason: 'closed' | 'past-closing-date' | 'gone' | 'full' }

/** What an import stored: new submissions, and those the round already had from an earlier import. */
export type ImportOutcome =
  | {
      readonly outcome: 'imported'
      readonly added: number
      readonly already: number
      /** Client ids stored before with other answers: left as they were. */
      readonly changed: readonly string[]
      readonly submissionCount: number
    }
  | { readonly outcome: 'refused'; readonly reason: 'gone' | 'full' }

export type RoundPatch = {
  readonly label?: string
  readonly state?: RoundState
  readonly closesAt?: number | null
  readonly settings?: RoundSettings
}

export type WorkspacePatch = Partial<Pick<Workspace, 'name' | 'innovation' | 'contact' | 'groups'>>

/** Ids and hashes are made by the caller (server/http/tokens.ts): the store keeps no secrets. */
export interface WorkspaceRepository {
  createWorkspace(input: {
    readonly workspace: Omit<Workspace, 'createdAt' | 'updatedAt'>
    readonly token: { readonly id: string; readonly label: string; readonly hash: string }
    readonly now: number
  }): Promise<Workspace>
  getWorkspace(id: string): Promise<Workspace | null>
  updateWorkspace(id: string, patch: WorkspacePatch, now: number): Promise<Workspace | null>
  /** Removes the workspace and everything of it at once; false when there was none. */
  deleteWorkspace(id: string): Promise<boolean>

  /** The workspace an active team token opens, or null. Records the use (at most once a minute). */
  authenticateTeam(tokenHash: string, now: number): Promise<{ workspaceId: string; tokenId: string } | null>
  listTeamTokens(workspaceId: string): Promise<TeamToken[]>
  addTeamToken(
    workspaceId: string,
    token: { readonly id: string; readonly label: string; readonly hash: string },
    now: number
  ): Promise<TeamToken>
  /** Revokes one token; refuses to revoke the last active one, which would lock the team out. */
  revokeTeamToken(workspaceId: string, tokenId: string, now: number): Promise<'revoked' | 'not-found' | 'last-active'>

  listRounds(workspaceId: string): Promise<Round[]>
  getRound(workspaceId: string, roundId: string): Promise<Round | null>
  /**
   * Opens a new round after the last one, carrying its settings and plan forward. The
   * respondent token's hash is made by the caller from the round id and generation 1.
   */
  createRound(input: {
    readonly workspaceId: string
    readonly id: string
    readonly label: string
    readonly closesAt: number | null
    readonly respondentTokenHash: string
    readonly now: number
  }): Promise<Round>
  updateRound(workspaceId: string, roundId: string, patch: RoundPatch, now: number): Promise<Round | null>
  /** Replaces the respondent link (hash of the next generation's token), or revokes it (null). */
  setRespondentLink(
    workspaceId: string,
    roundId: string,
    hashFor: ((generation: number) => string) | null
  ): Promise<Round | null>
  findRoundByRespondentToken(tokenHash: string): Promise<{ round: Round; workspace: Workspace } | null>

  /**
   * Stores a submission once per client id, if the round still takes submissions at `now` and
   * holds fewer than `max`.
   */
  addSubmission(
    roundId: string,
    submission: NewSubmission & { readonly id: string },
    now: number,
    max: number
  ): Promise<SubmissionOutcome>
  /**
   * Stores imported submissions in one transaction: each client id once (an earlier one with the
   * same answers counts as already imported; with other answers it is left and reported), and
   * remembers the mapping for the workspace and tool. Refuses the whole import when the round
   * would then hold more than `max`. Imports are the team's own data: a closed round takes them.
   */
  importSubmissions(
    roundId: string,
    input: {
      readonly submissions: readonly (NewSubmission & { readonly id: string })[]
      readonly mapping: { readonly workspaceId: string; readonly tool: SurveyTool; readonly mapping: SurveyMapping }
      readonly now: number
      readonly max: number
    }
  ): Promise<ImportOutcome>
  /** The mapping the team confirmed at its last import from `tool`, or null. */
  getImportMapping(workspaceId: string, tool: SurveyTool): Promise<SurveyMapping | null>
  /** In order of arrival; with `afterSeq`, only those that arrived after that revision. */
  listSubmissions(roundId: string, afterSeq?: number): Promise<Submission[]>
  deleteSubmission(roundId: string, submissionId: string): Promise<boolean>

  getPlan(roundId: string): Promise<StoredPlan>
  /** Saves the whole plan if `baseRevision` is the current one; otherwise 'stale' and nothing changes. */
  savePlan(
    roundId: string,
    plan: {
      readonly title: string
      readonly entries: readonly PlanEntry[]
      readonly baseRevision: number
      /** The timeline's region and school year; each left as it is when undefined. */
      readonly region?: PlanRegion
      readonly schoolYear?: string | null
    },
    now: number
  ): Promise<{ revision: number } | 'stale'>

  dumpWorkspace(id: string): Promise<WorkspaceDump | null>
  /** Creates a workspace from a dump, with new ids (made by `newId`) and one team token. */
  restoreWorkspace(input: {
    readonly dump: WorkspaceDump
    readonly id: string
    readonly token: { readonly id: string; readonly label: string; readonly hash: string }
    readonly newId: () => string
    /** The respondent token hash of each restored round, from its new id (generation 1). */
    readonly respondentHash: (roundId: string) => string
    readonly now: number
  }): Promise<Workspace>
}
