/**
 * @module The one typed client of the API. Request and response types come from the
 * server's routes (`AppType`), which take them from the zod schemas in server/schemas.
 */
import { msg, str } from '@lit/localize'
import { DetailedError, hc, parseResponse } from 'hono/client'
import type { AppType } from '../server/app.ts'
import type { ErrorResponse } from '../server/schemas/api.ts'
import { statusOf } from './workspace/api-errors.ts'

export const api = hc<AppType>('/api')
export { parseResponse }

/**
 * A failed request as a person can read it: `message` in the interface language, saying what
 * to do about it; `issues`, the fields the API named; `detail`, the API's own (English,
 * technical) message, for whoever helps the team. Errors thrown by the web app itself keep
 * their message, which is already in the interface language.
 */
export function errorOf(error: unknown): { message: string; issues: { path: string; message: string }[]; detail?: string; code?: string } {
  if (error instanceof DetailedError) {
    const body = error.detail as { data?: ErrorResponse } | ErrorResponse | undefined
    const envelope = body && 'error' in body ? body : body && 'data' in body ? body.data : undefined
    const detail = envelope?.error?.message
    const code = envelope?.error?.code
    return {
      message: statusMessage(statusOf(error), detail),
      issues: envelope?.error?.issues ?? [],
      ...(detail ? { detail } : {}),
      ...(code ? { code } : {}),
    }
  }
  // fetch() rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError && /fetch|network|load failed/i.test(error.message)) {
    return { message: msg('Strategiewijzer could not be reached. Check your connection and try again.'), issues: [] }
  }
  return { message: error instanceof Error ? error.message : String(error), issues: [] }
}

/** What an HTTP status means for the person who saw it, and what to do. */
function statusMessage(status: number | null, detail: string | undefined): string {
  if (status === 400 || status === 422) {
    return detail
      ? msg(str`Strategiewijzer could not use what was sent. Check what is named here and try again. (${detail})`)
      : msg('Strategiewijzer could not use what was sent. Check your input and try again.')
  }
  if (status === 401 || status === 403) return msg('This link no longer gives access. Open the team link again, or ask a team member for a new one.')
  if (status === 404) return msg('Not found: the link may be out of date, or what it pointed to was removed.')
  if (status === 409) return msg('Someone else changed this in the meantime. Reload the page to see the latest version.')
  if (status === 410) return msg('This is closed and takes no more changes.')
  if (status === 413) return msg('This is too large to send at once. Send less, or split the file.')
  if (status === 415) return msg('This kind of file cannot be read. Use a CSV or Excel file.')
  if (status === 429) return msg('Too many requests in a short time. Wait a minute, then try again.')
  return msg('Something went wrong on the server. Try again in a moment; if it keeps happening, tell whoever runs this Strategiewijzer.')
}
