/**
 * @module The data layer of expert rating studies as the routes see it: asynchronous
 * operations on plain records, like {@link NetworkRepository}. No driver or dialect type
 * crosses it; every operation that writes more than one row, or reads before it writes, is one
 * transaction in the implementation (server/db/sqlite-rating-repository.ts).
 */
import type { Answer, CloseReason, Question, StudyLink } from '../domain/expert-rating.ts'
import type { ConsensusRule } from '../domain/rating-stats.ts'
import type { Bilingual } from '../domain/vocabulary.ts'
import type { Link } from '../schemas/kb.ts'

export type Study = {
  readonly id: string
  readonly name: string
  readonly questions: readonly Question[]
  readonly rounds: number
  readonly rule: ConsensusRule
  readonly currentRound: number
  readonly closedAt: number | null
  readonly closedReason: CloseReason | null
  /** The knowledge-base source the study was fed into, while it is there. */
  readonly sourceId: string | null
  readonly createdAt: number
  readonly updatedAt: number
}

export type Expert = {
  readonly id: string
  readonly pseudonym: string
  /** 0 for the first link; raised by each new link the owner makes (server/http/tokens.ts). */
  readonly linkGeneration: number
  readonly createdAt: number
  readonly lastSeenAt: number | null
}

/** One expert's answer to one link of the open round (absent fields are left as they were). */
export type AnswerInput = StudyLink & {
  readonly relevance?: number | null
  readonly feasibility?: number | null
  readonly comment?: string | null
}

export type SaveOutcome =
  | { readonly outcome: 'saved'; readonly answer: Answer }
  | { readonly outcome: 'closed' | 'not-in-study' }

/** The source a finished study becomes in the knowledge base. */
export type RatedSource = {
  readonly id: string
  readonly label: Bilingual
  readonly citation: string
  readonly description: Bilingual
}

/** Ids and hashes are made by the caller (server/http/tokens.ts): the store keeps no secrets. */
export interface RatingRepository {
  createStudy(input: {
    readonly study: Pick<Study, 'id' | 'name' | 'questions' | 'rounds' | 'rule'>
    readonly links: readonly StudyLink[]
    readonly ownerTokenHash: string
    readonly experts: readonly { readonly id: string; readonly tokenHash: string }[]
    readonly now: number
  }): Promise<Study>
  getStudy(id: string): Promise<Study | null>
  /** The study's links in the order experts see them. */
  studyLinks(id: string): Promise<StudyLink[]>
  /** The study an owner token opens, or null. */
  authenticateOwner(tokenHash: string): Promise<{ studyId: string } | null>
  /** The study and expert an expert token opens, or null. Records the visit (at most once a minute). */
  authenticateExpert(tokenHash: string, now: number): Promise<{ studyId: string; expertId: string } | null>
  /** Adds experts with the next pseudonyms; `full` (nothing added) past `max`. */
  addExperts(
    studyId: string,
    experts: readonly { readonly id: string; readonly tokenHash: string }[],
    now: number,
    max: number
  ): Promise<{ readonly outcome: 'added'; readonly experts: Expert[] } | { readonly outcome: 'full' }>
  listExperts(studyId: string): Promise<Expert[]>
  /** Every answer of the study, every round. */
  listAnswers(studyId: string): Promise<Answer[]>
  /** Saves one answer in the open round; `closed` when the study is closed. */
  saveAnswer(studyId: string, expertId: string, input: AnswerInput, now: number): Promise<SaveOutcome>
  /**
   * Ends round `round` when it is still the open one: opens the next, or closes the study with
   * `close`. Null when the study is absent; the study unchanged when the round was not open.
   */
  endRound(studyId: string, round: number, close: CloseReason | null, now: number): Promise<Study | null>
  /**
   * Makes the study a source of the knowledge base with these links, replacing what an earlier
   * feed of it wrote; one transaction. False when the study is absent.
   */
  feedKnowledgeBase(studyId: string, source: RatedSource, links: readonly Link[], now: number): Promise<boolean>
  /** Removes the study's source and its links from the knowledge base; false when it was not there. */
  removeFromKnowledgeBase(studyId: string, now: number): Promise<boolean>
  /**
   * Deletes the study with its experts, links and answers, in one transaction. Refused while
   * the study is a source of the knowledge base: its links there would lose the study they
   * came from.
   */
  deleteStudy(studyId: string): Promise<'deleted' | 'absent' | 'in-knowledge-base'>
  /**
   * Gives the expert with this pseudonym a new link: raises its generation and stores the hash
   * `hashFor` makes of the new link's token; the old link stops working at once, the answers
   * stay. Null when the study has no such expert.
   */
  renewExpertLink(studyId: string, pseudonym: string, hashFor: (expertId: string, generation: number) => string): Promise<Expert | null>
}
