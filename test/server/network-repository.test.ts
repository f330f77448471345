import { afterAll, describe, expect, test } from 'vitest'
import { testStore } from '../support/dialects.ts'

const t = await testStore({ kb: false })
afterAll(() => t.close())
const { networks, workspaces } = t.store
const now = Date.UTC(2026, 8, 1)
/** The database's refusal, in SQLite's words or PostgreSQL's (drizzle puts the driver's error in `cause`). */
const refusedBy = (words: RegExp) => (error: unknown) => {
  const e = error as Error & { cause?: Error }
  return words.test(`${e.message} ${e.cause?.message ?? ''}`)
}
let counter = 0
const id = () => `id${String(++counter).padStart(14, '0')}`

async function network(name = 'Regio Noord', minGroupSize = 5) {
  return networks.createNetwork({ network: { id: id(), name, minGroupSize }, token: { id: id(), hash: `f${id()}` }, now })
}
async function school(name = 'Vmbo De Linde') {
  return workspaces.createWorkspace({
    workspace: { id: id(), name, innovation: 'x', contact: '', groups: [] },
    token: { id: id(), label: 'x', hash: `t${id()}` },
    now,
  })
}
async function invite(networkId: string, expiresAt = now + 1000) {
  const hash = `i${id()}`
  await networks.createInvitation(networkId, { id: id(), hash, expiresAt }, now)
  return hash
}
const join = (tokenHash: string, workspaceId: string, at = now) =>
  networks.joinWithInvitation({ tokenHash, workspaceId, now: at, maxSchools: 3 })
const nest = (tokenHash: string, childId: string) =>
  networks.joinParentWithInvitation({ tokenHash, childId, now, maxChildren: 2, maxDepth: 3 })

describe(`NetworkRepository (${t.dialect})`, () => {
  test('an invitation lets one school join once, and not after it expires', async () => {
    const n = await network()
    const [a, b] = [await school('A'), await school('B')]
    const hash = await invite(n.id)
    expect((await join(hash, a.id)).outcome).toBe('joined')
    expect((await join(hash, b.id)).outcome).toBe('invalid-invitation')
    const late = await invite(n.id, now + 10)
    expect((await join(late, b.id, now + 10)).outcome).toBe('invalid-invitation')
    const tree = await networks.networkTree(n.id)
    expect(tree?.schools.map((s) => s.name)).toEqual(['A'])
  })

  test('a school already in the network does not use the invitation up', async () => {
    const n = await network()
    const a = await school()
    expect((await join(await invite(n.id), a.id)).outcome).toBe('joined')
    const hash = await invite(n.id)
    expect((await join(hash, a.id)).outcome).toBe('already-member')
    expect((await join(hash, (await school()).id)).outcome).toBe('joined')
  })

  test('a full network takes no more schools and keeps the invitation', async () => {
    const n = await network()
    for (let i = 0; i < 3; i++) await join(await invite(n.id), (await school()).id)
    const hash = await invite(n.id)
    expect((await join(hash, (await school()).id)).outcome).toBe('full')
    const [row] = await t.query<{ used_at: number | null }>('SELECT used_at FROM network_invitations WHERE token_hash = $1', [hash])
    expect(row?.used_at).toBeNull()
  })

  test('a failed join writes nothing: the invitation stays unused', async () => {
    const n = await network()
    const hash = await invite(n.id)
    await expect(join(hash, 'no-such-workspace')).rejects.toSatisfy(refusedBy(/foreign key/i))
    expect((await join(hash, (await school()).id)).outcome).toBe('joined')
  })

  test('leaving deletes the membership at once; deleting the workspace does too', async () => {
    const n = await network()
    const [a, b] = [await school('A'), await school('B')]
    await join(await invite(n.id), a.id)
    await join(await invite(n.id), b.id)
    expect(await networks.listNetworksOfWorkspace(a.id)).toEqual([{ id: n.id, name: n.name, joinedAt: now }])
    expect(await networks.leaveNetwork(n.id, a.id)).toBe(true)
    expect(await networks.leaveNetwork(n.id, a.id)).toBe(false)
    await workspaces.deleteWorkspace(b.id)
    expect((await networks.networkTree(n.id))?.schools).toEqual([])
    expect(await networks.listNetworksOfWorkspace(a.id)).toEqual([])
  })

  test('networks nest without cycles and no deeper than allowed', async () => {
    const [national, regional, local, micro] = [await network('NL'), await network('Noord'), await network('Groningen'), await network('School')]
    expect((await nest(await invite(national.id), regional.id)).outcome).toBe('joined')
    expect((await nest(await invite(regional.id), local.id)).outcome).toBe('joined')
    expect((await nest(await invite(local.id), national.id)).outcome).toBe('cycle')
    expect((await nest(await invite(national.id), national.id)).outcome).toBe('cycle')
    expect((await nest(await invite(local.id), micro.id)).outcome).toBe('too-deep')
    const tree = await networks.networkTree(national.id)
    expect(tree?.children.map((c) => [c.network.name, c.children.map((g) => g.network.name)])).toEqual([['Noord', ['Groningen']]])
    expect(await networks.leaveParent(regional.id)).toBe(true)
    expect((await networks.networkTree(national.id))?.children).toEqual([])
  })

  test('deleting an outer network leaves its inner networks standing on their own', async () => {
    const [outer, inner] = [await network('Outer'), await network('Inner')]
    await nest(await invite(outer.id), inner.id)
    expect(await networks.deleteNetwork(outer.id)).toBe(true)
    expect((await networks.getNetwork(inner.id))?.parentId).toBeNull()
  })

  test('the database refuses a minimum group size below 3', async () => {
    const n = await network()
    await expect(networks.updateNetwork(n.id, { minGroupSize: 2 }, now)).rejects.toSatisfy(refusedBy(/check constraint/i))
    expect((await networks.getNetwork(n.id))?.minGroupSize).toBe(5)
  })
})
