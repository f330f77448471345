/**
 * @module The workspace API as a team member's device calls it: every call carries the team
 * token of this device in the Authorization header (never in the URL). Types come from the
 * server's routes through the typed client.
 */
import type { Lang } from '../../server/domain/vocabulary.ts'
import { api, parseResponse } from '../api.ts'
import { credentials } from './credentials.ts'

/** This device holds no team link of the workspace. */
export class NoTeamLinkError extends Error {
  constructor() {
    super('no team link on this device')
    this.name = 'NoTeamLinkError'
  }
}

export { bodyOf, statusOf } from './api-errors.ts'

const ws = api.workspaces[':id']
const round = ws.rounds[':roundId']

/** The calls of one workspace, made with this device's team token. */
export function teamApi(id: string) {
  const token = credentials.teamToken(id)
  if (!token) throw new NoTeamLinkError()
  const init = { headers: { authorization: `Bearer ${token}` } }
  const param = { id }
  const r = (roundId: string) => ({ id, roundId })
  return {
    workspace: () => parseResponse(ws.$get({ param }, init)),
    updateWorkspace: (json: { name?: string; innovation?: string; contact?: string; groups?: string[] }) =>
      parseResponse(ws.$patch({ param, json }, init)),
    deleteWorkspace: () => parseResponse(ws.$delete({ param }, init)),
    tokens: () => parseResponse(ws.tokens.$get({ param }, init)),
    createToken: (label: string) => parseResponse(ws.tokens.$post({ param, json: { label } }, init)),
    revokeToken: (tokenId: string) => parseResponse(ws.tokens[':tokenId'].$delete({ param: { id, tokenId } }, init)),
    createRound: (label: string, closesAt: number | null) =>
      parseResponse(ws.rounds.$post({ param, json: { label, closesAt } }, init)),
    round: (roundId: string) => parseResponse(round.$get({ param: r(roundId) }, init)),
    updateRound: (roundId: string, json: Parameters<typeof round.$patch>[0]['json']) =>
      parseResponse(round.$patch({ param: r(roundId), json }, init)),
    renewLink: (roundId: string) => parseResponse(round['respondent-link'].$post({ param: r(roundId) }, init)),
    profile: (roundId: string, lang: Lang, group?: string) =>
      parseResponse(round.profile.$get({ param: r(roundId), query: { lang, ...(group ? { group } : {}) } }, init)),
    subgroups: (roundId: string, lang: Lang) => parseResponse(round.profile.groups.$get({ param: r(roundId), query: { lang } }, init)),
    submissions: (roundId: string) => parseResponse(round.submissions.$get({ param: r(roundId) }, init)),
    deleteSubmission: (roundId: string, submissionId: string) =>
      parseResponse(round.submissions[':submissionId'].$delete({ param: { ...r(roundId), submissionId } }, init)),
    plan: (roundId: string) => parseResponse(round.plan.$get({ param: r(roundId) }, init)),
    savePlan: (roundId: string, json: Parameters<typeof round.plan.$put>[0]['json']) =>
      parseResponse(round.plan.$put({ param: r(roundId), json }, init)),
    networks: () => parseResponse(ws.networks.$get({ param }, init)),
    joinNetwork: (inviteToken: string) => parseResponse(ws.networks.$post({ param, json: { inviteToken } }, init)),
    leaveNetwork: (network: string) => parseResponse(ws.networks.$delete({ param, query: { network } }, init)),
    /** Reads a survey export and shows how it maps; stores nothing. */
    previewImport: (roundId: string, lang: Lang, json: Parameters<typeof round.imports.preview.$post>[0]['json']) =>
      parseResponse(round.imports.preview.$post({ param: r(roundId), query: { lang }, json }, init)),
    /** Stores the responses of a survey export with the confirmed mapping, each once. */
    importSurvey: (roundId: string, lang: Lang, json: Parameters<typeof round.imports.$post>[0]['json']) =>
      parseResponse(round.imports.$post({ param: r(roundId), query: { lang }, json }, init)),
    compare: (from: string, to: string, lang: Lang) => parseResponse(ws.compare.$get({ param, query: { from, to, lang } }, init)),
    /** The export file as the server wrote it (a Blob, to save unchanged). */
    exportFile: async () => {
      const res = await ws.export.$get({ param }, init)
      if (!res.ok) await parseResponse(res)
      return res.blob()
    },
  }
}

export type TeamApi = ReturnType<typeof teamApi>

/** Creates a workspace; the answer holds its team link, shown only now. */
export const createWorkspace = (lang: Lang, json: Parameters<typeof api.workspaces.$post>[0]['json']) =>
  parseResponse(api.workspaces.$post({ query: { lang }, json }))

/** Creates a workspace from an export file. */
export const importWorkspace = (file: unknown) =>
  parseResponse(api.workspaces.import.$post({ json: file as Parameters<typeof api.workspaces.import.$post>[0]['json'] }))
