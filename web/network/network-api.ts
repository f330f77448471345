/**
 * @module The network API as a facilitator's device calls it: every call carries this
 * device's facilitator token in the Authorization header (never in the URL).
 */
import type { Group, Lang } from '../../server/domain/vocabulary.ts'
import { api, parseResponse } from '../api.ts'
import { networkCredentials } from './network-credentials.ts'

export class NoFacilitatorLinkError extends Error {
  constructor() {
    super('no facilitator link on this device')
    this.name = 'NoFacilitatorLinkError'
  }
}

const net = api.networks[':id']

export type OverviewQuery = { round?: string; group?: Group; lang: Lang }

export const createNetwork = (json: { name: string; minGroupSize?: number }) => parseResponse(api.networks.$post({ json }))

/** The calls of one network, made with this device's facilitator token. */
export function networkApi(id: string) {
  const token = networkCredentials.token(id)
  if (!token) throw new NoFacilitatorLinkError()
  const init = { headers: { authorization: `Bearer ${token}` } }
  const param = { id }
  const query = (q: OverviewQuery) => ({ lang: q.lang, ...(q.round ? { round: q.round } : {}), ...(q.group ? { group: q.group } : {}) })
  return {
    network: () => parseResponse(net.$get({ param }, init)),
    update: (json: { name?: string; minGroupSize?: number }) => parseResponse(net.$patch({ param, json }, init)),
    deleteNetwork: () => parseResponse(net.$delete({ param }, init)),
    replaceFacilitatorLink: () => parseResponse(net['facilitator-link'].$post({ param }, init)),
    invite: () => parseResponse(net.invitations.$post({ param }, init)),
    joinOuter: (inviteToken: string) => parseResponse(net.parent.$post({ param, json: { inviteToken } }, init)),
    leaveOuter: () => parseResponse(net.parent.$delete({ param }, init)),
    overview: (q: OverviewQuery) => parseResponse(net.overview.$get({ param, query: query(q) }, init)),
    learning: (q: OverviewQuery) => parseResponse(net.learning.$get({ param, query: query(q) }, init)),
    workbook: (lang: Lang) => parseResponse(net.workbook.$get({ param, query: { lang } }, init)),
    handout: (q: OverviewQuery) => parseResponse(net.handout.$get({ param, query: query(q) }, init)),
  }
}

export type Overview = Awaited<ReturnType<ReturnType<typeof networkApi>['overview']>>
export type Learning = Awaited<ReturnType<ReturnType<typeof networkApi>['learning']>>
export type Handout = Awaited<ReturnType<ReturnType<typeof networkApi>['handout']>>
