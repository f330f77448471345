/**
 * @module The expert rating API as a browser calls it: the owner's calls carry the study's
 * owner token, the expert's calls the expert token, both in the Authorization header (never in
 * the URL); feeding the knowledge base adds the administrator's token, which is never stored.
 */
import type { z } from 'zod'
import type { Lang } from '../../server/domain/vocabulary.ts'
import type { AnswerIn, StudyCreate } from '../../server/schemas/rating.ts'
import { api, parseResponse } from '../api.ts'
import { ratingCredentials } from './rating-credentials.ts'

export class NoStudyLinkError extends Error {
  constructor() {
    super('no link to this study on this device')
    this.name = 'NoStudyLinkError'
  }
}

const study = api.ratings[':id']

export const createStudy = (json: z.input<typeof StudyCreate>) => parseResponse(api.ratings.$post({ json }))

/** The owner's calls of one study. */
export function ownerApi(id: string) {
  const token = ratingCredentials.token('owner', id)
  if (!token) throw new NoStudyLinkError()
  const init = { headers: { authorization: `Bearer ${token}` } }
  const param = { id }
  const withAdmin = (adminToken: string) => ({ headers: { ...init.headers, 'x-admin-token': adminToken } })
  return {
    study: (lang: Lang) => parseResponse(study.$get({ param, query: { lang } }, init)),
    results: (lang: Lang) => parseResponse(study.results.$get({ param, query: { lang } }, init)),
    addExperts: (count: number) => parseResponse(study.experts.$post({ param, json: { count } }, init)),
    renewExpertLink: (pseudonym: string) => parseResponse(study.experts[':pseudonym'].link.$post({ param: { id, pseudonym } }, init)),
    endRound: (round: number, closeStudy: boolean, lang: Lang) => parseResponse(study.rounds.end.$post({ param, query: { lang }, json: { round, closeStudy } }, init)),
    exportCsv: async () => {
      const res = await study.export.$get({ param }, init)
      if (!res.ok) throw new Error(`${res.status}`)
      return res.text()
    },
    feed: (adminToken: string) => parseResponse(study['knowledge-base'].$post({ param }, withAdmin(adminToken))),
    removeSource: (adminToken: string) => parseResponse(study['knowledge-base'].$delete({ param }, withAdmin(adminToken))),
    deleteStudy: () => parseResponse(study.$delete({ param }, init)),
  }
}

/** The expert's calls of one study. */
export function expertApi(id: string) {
  const token = ratingCredentials.token('expert', id)
  if (!token) throw new NoStudyLinkError()
  const init = { headers: { authorization: `Bearer ${token}` } }
  const param = { id }
  return {
    ballot: (lang: Lang) => parseResponse(study.ballot.$get({ param, query: { lang } }, init)),
    save: (json: z.input<typeof AnswerIn>) => parseResponse(study.ballot.$put({ param, json }, init)),
  }
}

export type StudyView = Awaited<ReturnType<ReturnType<typeof ownerApi>['study']>>
export type Results = Awaited<ReturnType<ReturnType<typeof ownerApi>['results']>>
export type Ballot = Awaited<ReturnType<ReturnType<typeof expertApi>['ballot']>>
