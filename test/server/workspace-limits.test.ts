/**
 * Every list, string and body of the workspace and respondent routes has a bound: one past it
 * is a 400 naming the field, and nothing is stored.
 */
import { afterAll, describe, expect, test } from 'vitest'
import { testStore } from '../support/dialects.ts'
import { WORKSPACE_LIMITS } from '../../server/schemas/workspace.ts'

const t = await testStore()
afterAll(() => t.close())
const app = t.app()

async function call(method: string, path: string, body: unknown, token?: string) {
  const res = await app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as any }
}

const long = (n: number) => 'x'.repeat(n + 1)
const count = async (table: string) => Number((await t.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n)

describe('bounds of the workspace routes', async () => {
  const ws = (await call('POST', '/api/workspaces', { name: 'School', innovation: 'Welbevinden' })).body
  const round = (await call('POST', `/api/workspaces/${ws.id}/rounds`, { label: 'Nulmeting' }, ws.teamToken)).body
  const w = `/api/workspaces/${ws.id}`
  const entry = (strategy: string) => ({ strategy, spec: {} })

  test.for([
    ['a workspace name', 'POST', '/api/workspaces', { name: long(WORKSPACE_LIMITS.name), innovation: 'x' }, 'name'],
    ['the groups', 'POST', '/api/workspaces', { name: 'x', innovation: 'x', groups: Array.from({ length: WORKSPACE_LIMITS.groups + 1 }, (_, i) => `g${i}`) }, 'groups'],
    ['a group', 'PATCH', w, { groups: [long(WORKSPACE_LIMITS.group)] }, 'groups.0'],
    ['a team link label', 'POST', `${w}/tokens`, { label: long(WORKSPACE_LIMITS.label) }, 'label'],
    ['a round label', 'POST', `${w}/rounds`, { label: long(WORKSPACE_LIMITS.label) }, 'label'],
    ['a specification field', 'PUT', `${w}/rounds/${round.id}/plan`, { baseRevision: 0, entries: [{ strategy: 'pdsa-cycles', spec: { notes: long(WORKSPACE_LIMITS.specField) } }] }, 'entries.0.spec.notes'],
    ['the plan', 'PUT', `${w}/rounds/${round.id}/plan`, { baseRevision: 0, entries: Array.from({ length: WORKSPACE_LIMITS.planEntries + 1 }, (_, i) => entry(`s${i}`)) }, 'entries'],
    ['a submission id', 'POST', `/api/respond/${round.respondentToken}`, { submissionId: long(64), answers: {} }, 'submissionId'],
    ['a respondent group', 'POST', `/api/respond/${round.respondentToken}`, { submissionId: 'abcdefgh', group: long(WORKSPACE_LIMITS.group), answers: {} }, 'group'],
  ] as const)('%s past its bound is 400 naming the field, and nothing is stored', async ([, method, path, body, field]) => {
    const tables = ['workspaces', 'team_tokens', 'rounds', 'submissions', 'plan_entries']
    const before = await Promise.all(tables.map(count))
    const res = await call(method, path, body, ws.teamToken)
    expect(res.status).toBe(400)
    expect(res.body.error.issues.map((i: any) => i.path)).toContain(field)
    expect(await Promise.all(tables.map(count))).toEqual(before)
  })

  test('a respondent token past its length is 400, not a lookup', async () => {
    const res = await app.request(`/api/respond/${'swr_'.padEnd(100, 'A')}`)
    expect(res.status).toBe(400)
  })
})
