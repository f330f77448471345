/**
 * @module Zod schemas of the survey import (POST …/rounds/{roundId}/imports[/preview]): an
 * uploaded export as base64 with the person's mapping in, the mapping preview and the outcome
 * out.
 */
import { z } from 'zod'
import { SURVEY_TOOLS } from '../domain/survey-import.ts'
import { ItemId } from './kb.ts'

export const IMPORT_LIMITS = {
  /** The file itself; as base64 it stays inside the request body limit. */
  maxFileBytes: 1_400_000,
  maxMappedColumns: 400,
  maxHeaderChars: 500,
  maxMappedValues: 200,
  maxValueChars: 200,
} as const

/** What a column holds: an item id, or one of these. */
const ColumnTarget = z.union([ItemId, z.enum(['response-id', 'role', 'group', 'ignored'])])

export const SurveyMappingIn = z.strictObject({
  columns: z
    .record(z.string().max(IMPORT_LIMITS.maxHeaderChars), ColumnTarget)
    .refine((r) => Object.keys(r).length <= IMPORT_LIMITS.maxMappedColumns, `at most ${IMPORT_LIMITS.maxMappedColumns} columns`)
    .default({}),
  values: z
    .record(
      ItemId,
      z
        .record(z.string().max(IMPORT_LIMITS.maxValueChars), z.number().int().nullable())
        .refine((r) => Object.keys(r).length <= IMPORT_LIMITS.maxMappedValues, `at most ${IMPORT_LIMITS.maxMappedValues} answers per item`)
    )
    .default({}),
})

export const SurveyImportIn = z.strictObject({
  /** The exported file (CSV or .xlsx), base64-encoded. */
  file: z
    .string()
    .max(Math.ceil(IMPORT_LIMITS.maxFileBytes / 3) * 4, `the file may be at most ${IMPORT_LIMITS.maxFileBytes / 1_000_000} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  /** The file's name, to tell .xlsx from .csv when the bytes do not. */
  name: z.string().max(255).default(''),
  /** The person's corrections; the workspace's remembered mapping fills the rest. */
  mapping: SurveyMappingIn.optional(),
})
export type SurveyImportIn = z.infer<typeof SurveyImportIn>

const Column = z.object({
  index: z.number().int(),
  header: z.string(),
  text: z.string().optional(),
  role: z.enum(['item', 'response-id', 'role', 'group', 'ignored', 'unmatched']),
  item: z.string().optional(),
  by: z.enum(['id', 'code', 'text', 'remembered']).optional(),
})
const Dropped = z.object({ preview: z.number().int(), unfinished: z.number().int(), empty: z.number().int() })
export const ImportIssueOut = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  item: z.string(),
  valid: z.array(z.string()),
  message: z.string(),
})

export const SurveyPreviewOut = z.object({
  tool: z.enum(SURVEY_TOOLS),
  rows: z.number().int(),
  dropped: Dropped,
  columns: z.array(Column),
  values: z.array(
    z.object({ item: z.string(), value: z.string(), count: z.number().int(), option: z.number().int().nullable().optional() })
  ),
  complete: z.boolean(),
  /** The mapping in effect: what the person gave over what was remembered over what was recognised. */
  mapping: z.object({ columns: z.record(z.string(), z.string()), values: z.record(z.string(), z.record(z.string(), z.number().nullable())) }),
  /** Responses the round does not hold yet, and those it holds from an earlier import. */
  new: z.number().int(),
  already: z.number().int(),
  issues: z.array(ImportIssueOut),
})

export const SurveyImportOut = z.object({
  tool: z.enum(SURVEY_TOOLS),
  added: z.number().int(),
  already: z.number().int(),
  /** Responses imported before with other answers: left as they were. */
  changed: z.number().int(),
  dropped: Dropped,
  submissionCount: z.number().int(),
})

/** GET /api/templates/{tool}: the survey tools a template file is made for. */
export const TEMPLATE_TOOLS = ['limesurvey', 'qualtrics'] as const
export const TemplateParam = z.strictObject({ tool: z.enum(TEMPLATE_TOOLS) })
