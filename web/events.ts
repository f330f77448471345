/**
 * @module The events elements dispatch. All bubble and are composed, so a page hears what a
 * component deep in its shadow tree reports.
 */
import type { QuestionnaireDraft } from './components/questionnaire.ts'

/** A respondent chose (or cleared, with null) an answer to an item. */
export class AnswerChangeEvent extends Event {
  static readonly type = 'answer-change'
  readonly item: string
  readonly value: number | null
  constructor(item: string, value: number | null) {
    super(AnswerChangeEvent.type, { bubbles: true, composed: true })
    this.item = item
    this.value = value
  }
}

/** Something was asked of a strategy card: add to the plan, take it out, mark as in use, rule out. */
export class StrategyActionEvent extends Event {
  static readonly type = 'strategy-action'
  readonly strategy: string
  readonly action: 'plan' | 'unplan' | 'in-use' | 'exclude'
  constructor(strategy: string, action: StrategyActionEvent['action']) {
    super(StrategyActionEvent.type, { bubbles: true, composed: true })
    this.strategy = strategy
    this.action = action
  }
}

/** A change to the questionnaire draft: an answer, the role, the group, the step. */
export class DraftChangeEvent extends Event {
  static readonly type = 'draft-change'
  readonly change: Partial<QuestionnaireDraft>
  constructor(change: Partial<QuestionnaireDraft>) {
    super(DraftChangeEvent.type, { bubbles: true, composed: true })
    this.change = change
  }
}

/** The respondent submits: the answers to every item they saw (null for a skipped one). */
export class QuestionnaireSubmitEvent extends Event {
  static readonly type = 'questionnaire-submit'
  readonly answers: Readonly<Record<string, number | null>>
  constructor(answers: Readonly<Record<string, number | null>>) {
    super(QuestionnaireSubmitEvent.type, { bubbles: true, composed: true })
    this.answers = answers
  }
}

/** The team leaves the workspace round it worked in (back to this browser's own data). */
export class RoundLeaveEvent extends Event {
  static readonly type = 'round-leave'
  constructor() {
    super(RoundLeaveEvent.type, { bubbles: true, composed: true })
  }
}

/** The action of a toast (e.g. Undo) was chosen. */
export class ToastActionEvent extends Event {
  static readonly type = 'toast-action'
  constructor() {
    super(ToastActionEvent.type, { bubbles: true, composed: true })
  }
}

/** A toast went away: its time ran out, or it was closed. */
export class ToastCloseEvent extends Event {
  static readonly type = 'toast-close'
  constructor() {
    super(ToastCloseEvent.type, { bubbles: true, composed: true })
  }
}

/** Responses of a survey export were stored (in a round, or in this browser). */
export class SurveyImportedEvent extends Event {
  static readonly type = 'survey-imported'
  readonly added: number
  constructor(added: number) {
    super(SurveyImportedEvent.type, { bubbles: true, composed: true })
    this.added = added
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'answer-change': AnswerChangeEvent
    'strategy-action': StrategyActionEvent
    'round-leave': RoundLeaveEvent
    'draft-change': DraftChangeEvent
    'questionnaire-submit': QuestionnaireSubmitEvent
    'toast-action': ToastActionEvent
    'toast-close': ToastCloseEvent
    'survey-imported': SurveyImportedEvent
  }
}
