/**
 * @module The one error envelope of the API and the handlers that produce it.
 *
 * Every non-2xx JSON answer is `{ error: { code, message, issues? } }`, where each issue's
 * `path` is the offending field joined with dots (e.g. `responses.3.answers.d04`).
 * Malformed input (wrong type, missing field) answers 400; input that is well-formed but
 * refers to something that does not exist or is not allowed (an unknown item, an answer that
 * is not an option, an unknown strategy id) answers 422.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import type { ErrorResponse } from '../schemas/api.ts'

export type Issue = { readonly path: string; readonly message: string }

/** An expected failure with a status, a stable code and, for input errors, the issues. */
export class ApiError extends HTTPException {
  readonly code: string
  readonly issues: readonly Issue[] | undefined
  constructor(status: ContentfulStatusCode, code: string, message: string, issues?: readonly Issue[]) {
    super(status, { message })
    this.code = code
    this.issues = issues
  }
}

/** 404 for an id that does not exist. */
export const notFound = (message: string) => new ApiError(404, 'not_found', message)

/** At most this many issues are sent back; the message gives the total. */
export const MAX_ISSUES = 50

/** 422 for well-formed input that names things that do not exist or are not allowed. */
export const unprocessable = (issues: readonly Issue[]) =>
  new ApiError(
    422,
    'invalid_reference',
    issues.length === 1
      ? `${issues[0]?.path}: ${issues[0]?.message}`
      : `${issues.length} problems in the request${issues.length > MAX_ISSUES ? `; the first ${MAX_ISSUES} are listed` : ''}`,
    issues.slice(0, MAX_ISSUES)
  )

/** Turns zod issues into envelope issues with dotted paths. */
export function zodIssues(error: z.ZodError, prefix: readonly (string | number)[] = []): Issue[] {
  return error.issues.map((i) => ({
    path: [...prefix, ...i.path].map(String).join('.') || '(body)',
    message: i.message,
  }))
}

/**
 * Longest message, issue path or issue message sent back. These texts quote the input (an
 * unknown key, an id, a CSV column), and an error must never echo a large body.
 */
export const MAX_ERROR_TEXT = 300

const clip = (text: string) => (text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT - 1)}…` : text)

export function envelope(code: string, message: string, issues?: readonly Issue[]): ErrorResponse {
  return {
    error: {
      code,
      message: clip(message),
      ...(issues && issues.length > 0
        ? { issues: issues.slice(0, MAX_ISSUES).map((i) => ({ path: clip(i.path), message: clip(i.message) })) }
        : {}),
    },
  }
}

/** 400 for input that does not match its schema; `where` names the part (query, json, param). */
export function validationFailed(c: Context, error: z.ZodError, where: string) {
  const issues = zodIssues(error).slice(0, MAX_ISSUES)
  const first = issues[0]
  const message = first ? `Invalid ${where}: ${first.path}: ${first.message}` : `Invalid ${where}`
  return c.json(envelope('invalid_request', message, issues), 400)
}

/** `app.onError`: expected errors become the envelope; anything else a logged, generic 500. */
export function onError(error: Error, c: Context) {
  if (error instanceof ApiError) {
    return c.json(envelope(error.code, error.message, error.issues), error.status)
  }
  if (error instanceof HTTPException) {
    const code =
      error.status === 415
        ? 'unsupported_media_type'
        : error.status === 400 && /json/i.test(error.message)
          ? 'invalid_json'
          : 'http_error'
    return c.json(envelope(code, error.message || 'Request failed'), error.status)
  }
  if (error instanceof SyntaxError) {
    return c.json(envelope('invalid_json', `The body is not valid JSON: ${error.message}`), 400)
  }
  console.error(error)
  return c.json(envelope('internal_error', 'Something went wrong on the server.'), 500)
}

/** `app.notFound` for /api paths. */
export function apiNotFound(c: Context) {
  return c.json(envelope('not_found', `No API route ${c.req.method} ${c.req.path}`), 404)
}
