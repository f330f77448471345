/**
 * @module Survey templates: the questionnaire as a file a school imports into its own survey
 * tool, built so that the tool's export maps onto the questionnaire without effort — a
 * LimeSurvey tab-separated survey structure (.txt) and a Qualtrics survey file (.qsf). Every
 * item keeps its template code (templateCode: d13a → D13A) and every answer its option value
 * (LimeSurvey answer code A1…A5, Qualtrics recode value), which the import recognises
 * (survey-import.ts).
 *
 * The LimeSurvey columns and row classes follow LimeSurvey's own reader of this format
 * (TSVImportSurvey in application/helpers/admin/import_helper.php: class, type/scale, name,
 * relevance, text, help, language, validation, mandatory, other, default, same_default); the
 * .qsf follows the structure of real Qualtrics exports (SurveyEntry, SurveyElements with BL,
 * FL, QC, RS and one SQ per question). Neither file has been imported into the tools
 * themselves: the web app says so.
 */
import type { Group, Lang, Respondent } from './vocabulary.ts'
import { templateCode } from './survey-import.ts'

/** An item of the questionnaire in one language, as a template writes it. */
export type TemplateItem = {
  readonly id: string
  readonly group: Group
  readonly respondent: Respondent
  readonly text: string
  readonly options: readonly { readonly value: number; readonly label: string }[]
}

export type TemplateInput = {
  readonly lang: Lang
  readonly title: string
  readonly items: readonly TemplateItem[]
  /** The date the file is made, as YYYY-MM-DD (Qualtrics keeps it; passed in to stay pure). */
  readonly date: string
}

/** The question that asks who answers; the import reads its column (code ROL) as the role. */
export const ROLE_CODE = 'ROL'

const WORDS = {
  nl: {
    about: 'Over u',
    role: 'Vult u deze vragenlijst in als gebruiker of als sleutelinformant (iemand die goed weet hoe de school de aanpak organiseert)?',
    user: 'Gebruiker',
    keyInformant: 'Sleutelinformant',
    intro: 'Vragen over de aanpak, de professional, de school en de regels (MIDI).',
    keyOnly: 'Alleen voor sleutelinformanten.',
    groups: {
      innovation: 'De aanpak zelf',
      user: 'De professional',
      organisation: 'De school als organisatie',
      context: 'Wet- en regelgeving',
    },
  },
  en: {
    about: 'About you',
    role: 'Do you answer this questionnaire as a user or as a key informant (someone who knows well how the school organises the approach)?',
    user: 'User',
    keyInformant: 'Key informant',
    intro: 'Questions about the approach, the professional, the school and the rules (MIDI).',
    keyOnly: 'For key informants only.',
    groups: {
      innovation: 'The approach itself',
      user: 'The professional',
      organisation: 'The school as organisation',
      context: 'Laws and regulations',
    },
  },
} as const satisfies Record<Lang, unknown>

/** Items in their order, cut where the determinant group changes. */
function sections(items: readonly TemplateItem[]): { group: Group; items: TemplateItem[] }[] {
  const out: { group: Group; items: TemplateItem[] }[] = []
  for (const item of items) {
    const last = out[out.length - 1]
    if (last && last.group === item.group) last.items.push(item)
    else out.push({ group: item.group, items: [item] })
  }
  return out
}

/** The answer code LimeSurvey stores for an option: A and the option's value (A1…A5, A0, A9). */
export const limesurveyAnswerCode = (value: number) => `A${value}`

export const LIMESURVEY_COLUMNS = [
  'class',
  'type/scale',
  'name',
  'relevance',
  'text',
  'help',
  'language',
  'validation',
  'mandatory',
  'other',
  'default',
  'same_default',
] as const
type LimeRow = Partial<Record<(typeof LIMESURVEY_COLUMNS)[number], string>>

/**
 * A cell of the tab-separated file: tabs and line breaks would break the row, so they become
 * spaces; LimeSurvey reads the file with " as the quote (fgetcsv), so a cell holding one is
 * quoted with the quote doubled.
 */
function tsvCell(text: string): string {
  const flat = text.replace(/[\t\r\n]+/g, ' ')
  return flat.includes('"') ? `"${flat.replaceAll('"', '""')}"` : flat
}

/**
 * LimeSurvey's tab-separated survey structure: one group per determinant group, a list (radio)
 * question per item with code D01…, answers A1…A5 carrying the option labels, and first a
 * question ROL for the respondent's role (answer codes U and KI).
 */
export function limesurveyTemplate(input: TemplateInput): string {
  const w = WORDS[input.lang]
  const lang = input.lang
  const rows: LimeRow[] = [
    { class: 'S', name: 'language', text: lang },
    { class: 'S', name: 'format', text: 'G' },
    { class: 'SL', name: 'surveyls_title', text: input.title, language: lang },
    { class: 'SL', name: 'surveyls_description', text: w.intro, language: lang },
    { class: 'G', 'type/scale': 'G0', name: w.about, language: lang },
    { class: 'Q', 'type/scale': 'L', name: ROLE_CODE, text: w.role, language: lang, mandatory: 'Y', other: 'N' },
    { class: 'A', name: 'U', text: w.user, language: lang },
    { class: 'A', name: 'KI', text: w.keyInformant, language: lang },
  ]
  sections(input.items).forEach((section, i) => {
    rows.push({ class: 'G', 'type/scale': `G${i + 1}`, name: w.groups[section.group], language: lang })
    for (const item of section.items) {
      rows.push({
        class: 'Q',
        'type/scale': 'L',
        name: templateCode(item.id),
        text: item.text,
        ...(item.respondent === 'key-informant' ? { help: w.keyOnly, relevance: `${ROLE_CODE}.NAOK == 'KI'` } : { relevance: '1' }),
        language: lang,
        mandatory: 'N',
        other: 'N',
      })
      for (const o of item.options) rows.push({ class: 'A', name: limesurveyAnswerCode(o.value), text: o.label, language: lang })
    }
  })
  const lines = [LIMESURVEY_COLUMNS.join('\t'), ...rows.map((r) => LIMESURVEY_COLUMNS.map((c) => tsvCell(r[c] ?? '')).join('\t'))]
  return `${lines.join('\r\n')}\r\n`
}

/**
 * A Qualtrics survey file: one block per determinant group, a single-answer multiple-choice
 * question per item with data export tag D01… and recode values equal to the option values,
 * and first a question ROL for the respondent's role. Key-informant items say so in their text
 * (no display logic: it differs between Qualtrics versions).
 */
export function qualtricsTemplate(input: TemplateInput): QsfFile {
  const w = WORDS[input.lang]
  const surveyId = 'SV_strategiewijzer'
  const stamp = `${input.date} 00:00:00`
  const questions: QsfQuestion[] = []
  const blocks: { id: string; description: string; questions: string[] }[] = []
  const question = (tag: string, text: string, choices: readonly { value: number; label: string }[]): string => {
    const id = `QID${questions.length + 1}`
    const keys = choices.map((_, i) => String(i + 1))
    questions.push({
      SurveyID: surveyId,
      Element: 'SQ',
      PrimaryAttribute: id,
      SecondaryAttribute: text.slice(0, 100),
      TertiaryAttribute: null,
      Payload: {
        QuestionText: text,
        DataExportTag: tag,
        QuestionType: 'MC',
        Selector: 'SAVR',
        SubSelector: 'TX',
        Configuration: { QuestionDescriptionOption: 'UseText' },
        QuestionDescription: text,
        Choices: Object.fromEntries(choices.map((c, i) => [keys[i] as string, { Display: c.label }])),
        ChoiceOrder: keys,
        RecodeValues: Object.fromEntries(choices.map((c, i) => [keys[i] as string, String(c.value)])),
        Validation: { Settings: { ForceResponse: 'OFF', ForceResponseType: 'ON', Type: 'None' } },
        Language: [],
        NextChoiceId: choices.length + 1,
        NextAnswerId: 1,
        QuestionID: id,
        DataVisibility: { Private: false, Hidden: false },
      },
    })
    return id
  }
  blocks.push({
    id: 'BL_role',
    description: ROLE_CODE,
    questions: [question(ROLE_CODE, w.role, [{ value: 1, label: w.user }, { value: 2, label: w.keyInformant }])],
  })
  sections(input.items).forEach((section, i) => {
    blocks.push({
      id: `BL_group${i + 1}`,
      description: w.groups[section.group],
      questions: section.items.map((item) =>
        question(templateCode(item.id), item.respondent === 'key-informant' ? `${item.text} (${w.keyOnly})` : item.text, item.options)
      ),
    })
  })
  const element = (Element: string, PrimaryAttribute: string, SecondaryAttribute: string | null, Payload: unknown) => ({
    SurveyID: surveyId,
    Element,
    PrimaryAttribute,
    SecondaryAttribute,
    TertiaryAttribute: null,
    Payload,
  })
  return {
    SurveyEntry: {
      SurveyID: surveyId,
      SurveyName: input.title,
      SurveyDescription: null,
      SurveyOwnerID: '',
      SurveyBrandID: '',
      DivisionID: null,
      SurveyLanguage: input.lang.toUpperCase(),
      SurveyActiveResponseSet: 'RS_strategiewijzer',
      SurveyStatus: 'Inactive',
      SurveyStartDate: '0000-00-00 00:00:00',
      SurveyExpirationDate: '0000-00-00 00:00:00',
      SurveyCreationDate: stamp,
      CreatorID: '',
      LastModified: stamp,
      LastAccessed: '0000-00-00 00:00:00',
      LastActivated: '0000-00-00 00:00:00',
      Deleted: null,
    },
    SurveyElements: [
      element(
        'BL',
        'Survey Blocks',
        null,
        blocks.map((b, i) => ({
          Type: i === 0 ? 'Default' : 'Standard',
          SubType: '',
          Description: b.description,
          ID: b.id,
          BlockElements: b.questions.map((q) => ({ Type: 'Question', QuestionID: q })),
        }))
      ),
      element('FL', 'Survey Flow', null, {
        Flow: blocks.map((b, i) => ({ ID: b.id, Type: i === 0 ? 'Block' : 'Standard', FlowID: `FL_${i + 2}` })),
        Properties: { Count: blocks.length + 1 },
        FlowID: 'FL_1',
        Type: 'Root',
      }),
      element('QC', 'Survey Question Count', String(questions.length), null),
      element('RS', 'RS_strategiewijzer', 'Default Response Set', null),
      ...questions,
    ],
  }
}

type QsfQuestion = {
  SurveyID: string
  Element: 'SQ'
  PrimaryAttribute: string
  SecondaryAttribute: string
  TertiaryAttribute: null
  Payload: {
    QuestionText: string
    DataExportTag: string
    QuestionType: 'MC'
    Selector: 'SAVR'
    SubSelector: 'TX'
    Configuration: { QuestionDescriptionOption: 'UseText' }
    QuestionDescription: string
    Choices: Record<string, { Display: string }>
    ChoiceOrder: string[]
    RecodeValues: Record<string, string>
    Validation: { Settings: { ForceResponse: 'OFF'; ForceResponseType: 'ON'; Type: 'None' } }
    Language: []
    NextChoiceId: number
    NextAnswerId: number
    QuestionID: string
    DataVisibility: { Private: boolean; Hidden: boolean }
  }
}

export type QsfFile = {
  SurveyEntry: Record<string, string | null>
  SurveyElements: readonly ({ Element: string; Payload: unknown } & Record<string, unknown>)[]
}
