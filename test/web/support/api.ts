import { vi } from 'vitest'

/**
 * Answers the app's API calls from `responses`, keyed by method and path
 * (`'GET /api/strategies'`); anything else is a 404.
 */
export function stubApi(responses: Record<string, unknown>): void {
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    const body = responses[`${request.method} ${new URL(request.url).pathname}`]
    return body === undefined
      ? Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 })
      : Response.json(body)
  })
}
