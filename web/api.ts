/**
 * @module The one typed client of the API. Request and response types come from the
 * server's routes (`AppType`), which take them from the zod schemas in server/schemas.
 */
import { DetailedError, hc, parseResponse } from 'hono/client'
import type { AppType } from '../server/app.ts'
import type { ErrorResponse } from '../server/schemas/api.ts'

export const api = hc<AppType>('/api')
export { parseResponse }

/** A failed request, with the API's error envelope when there was one. */
export function errorOf(error: unknown): { message: string; issues: { path: string; message: string }[] } {
  if (error instanceof DetailedError) {
    const body = error.detail as { data?: ErrorResponse } | ErrorResponse | undefined
    const envelope = body && 'error' in body ? body : body && 'data' in body ? body.data : undefined
    if (envelope?.error) return { message: envelope.error.message, issues: envelope.error.issues ?? [] }
  }
  return { message: error instanceof Error ? error.message : String(error), issues: [] }
}
