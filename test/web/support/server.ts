import { vi } from 'vitest'

export type Handler = (request: Request, body: unknown) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>

/**
 * Answers the app's API calls with `handlers`, keyed by method and path ('PUT /api/…'); a
 * handler that throws is a network failure. Records every request with its JSON body.
 */
export function stubServer(handlers: Record<string, Handler>) {
  const requests: { key: string; body: unknown; headers: Headers }[] = []
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    const key = `${request.method} ${new URL(request.url).pathname}`
    const text = request.method === 'GET' ? '' : await request.text()
    const body = text ? JSON.parse(text) : undefined
    requests.push({ key, body, headers: request.headers })
    const handler = handlers[key]
    if (!handler) return Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 })
    const answer = await handler(request, body)
    return answer.status === 204 ? new Response(null, { status: 204 }) : Response.json(answer.body ?? {}, { status: answer.status })
  })
  return requests
}

/** A round as GET /api/workspaces/{id}/rounds/{roundId} answers it. */
export const roundOut = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  position: 1,
  label: 'Baseline',
  state: 'open',
  accepting: true,
  closesAt: null,
  submissionCount: 3,
  revision: 3,
  settings: {
    score: { barrierShare: 0.2, facilitatorShare: 0.8, minAnswers: 1 },
    filters: { actors: [], mode: 'ranked', limit: 10, exclude: [], inUse: [] },
    approach: [],
  },
  planTitle: '',
  planRevision: 0,
  createdAt: 0,
  closedAt: null,
  respondentToken: null,
  links: { respond: null },
  ...extra,
})

export const planOut = (revision: number, title: string, strategies: string[] = [], calendar = { region: 'none', schoolYear: null as string | null }) => ({
  title,
  revision,
  ...calendar,
  entries: strategies.map((strategy) => ({
    strategy,
    status: 'planned',
    spec: { actor: '', action: '', target: '', timing: '', dose: '', outcome: '', notes: '' },
    barriers: [],
    known: true,
  })),
})
