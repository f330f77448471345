/**
 * @module What a failed call of the typed client says: its HTTP status and body. Kept apart
 * from the client, so modules on the first screen can read errors without loading it.
 */
import { DetailedError } from 'hono/client'

/** The HTTP status of a failed call, or null when the server was not reached. */
export function statusOf(error: unknown): number | null {
  return error instanceof DetailedError && typeof error.statusCode === 'number' ? error.statusCode : null
}

/** The body of a failed call (e.g. the current plan of a 409). */
export function bodyOf(error: unknown): unknown {
  return error instanceof DetailedError ? (error.detail as { data?: unknown } | undefined)?.data : undefined
}
