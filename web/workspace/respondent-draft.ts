/**
 * @module A respondent's questionnaire in progress on their own phone, kept in localStorage
 * per respondent link so a refresh (or a dropped connection) loses nothing. It carries the
 * submission id, made once per questionnaire, so a retry is stored only once.
 */
import type { QuestionnaireDraft } from '../components/questionnaire.ts'

export type RespondentDraft = QuestionnaireDraft & {
  /** Made once for this questionnaire and sent with every attempt. */
  readonly submissionId: string
}

const key = (token: string) => `strategiewijzer:respond-draft:v1:${token}`
const sentKey = (token: string) => `strategiewijzer:respond-sent:v1:${token}`

/** 128 random bits as base64url: the id of one questionnaire's submission. */
export function newSubmissionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export const newRespondentDraft = (): RespondentDraft => ({
  submissionId: newSubmissionId(),
  role: 'user',
  alsoUser: false,
  answers: {},
  step: 0,
})

function isDraft(x: unknown): x is RespondentDraft {
  const d = x as Partial<RespondentDraft> | null
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.submissionId === 'string' &&
    /^[A-Za-z0-9_-]{8,64}$/.test(d.submissionId) &&
    (d.role === 'user' || d.role === 'key-informant') &&
    typeof d.alsoUser === 'boolean' &&
    typeof d.step === 'number' &&
    typeof d.answers === 'object' &&
    d.answers !== null &&
    Object.values(d.answers).every((v) => v === null || Number.isInteger(v)) &&
    (d.group === undefined || typeof d.group === 'string')
  )
}

export class RespondentDrafts {
  readonly #storage: Storage | undefined
  /** Drafts kept for this page when storage refuses them. */
  readonly #memory = new Map<string, RespondentDraft>()

  constructor(storage: Storage | undefined = globalThis.localStorage) {
    this.#storage = storage
  }

  /** The draft for this link: the stored one, or a new one. */
  load(token: string): RespondentDraft {
    try {
      const value: unknown = JSON.parse(this.#storage?.getItem(key(token)) ?? 'null')
      if (isDraft(value)) return value
    } catch {
      // Unreadable: start afresh below (the broken copy is left where it is).
    }
    return this.#memory.get(token) ?? newRespondentDraft()
  }

  save(token: string, draft: RespondentDraft): void {
    try {
      if (!this.#storage) throw new Error('no storage')
      this.#storage.setItem(key(token), JSON.stringify(draft))
      this.#memory.delete(token)
    } catch {
      // Storage full or off: the draft lives for this page.
      this.#memory.set(token, draft)
    }
  }

  /** After the answers reached the team: forget them and remember that they were sent. */
  markSent(token: string): void {
    this.#memory.delete(token)
    try {
      this.#storage?.removeItem(key(token))
      this.#storage?.setItem(sentKey(token), String(Date.now()))
    } catch {
      // Nothing more to do.
    }
  }

  /** Whether this device sent answers through this link before. */
  sentBefore(token: string): boolean {
    try {
      return this.#storage?.getItem(sentKey(token)) != null
    } catch {
      return false
    }
  }

  /** Someone else answers on this device: a new questionnaire with a new id. */
  startOver(token: string): RespondentDraft {
    try {
      this.#storage?.removeItem(sentKey(token))
    } catch {
      // Nothing more to do.
    }
    const draft = newRespondentDraft()
    this.save(token, draft)
    return draft
  }
}
