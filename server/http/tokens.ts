/**
 * @module Ids and access tokens of workspaces.
 *
 * Team tokens are 192 random bits from the CSPRNG, shown once and stored only as SHA-256
 * hashes (enough for random tokens: there is nothing to guess). A round's respondent token is
 * derived, HMAC-SHA-256 over the round id and the link's generation with the server's secret,
 * so the team can show the same link (and its QR code) again later while the database still
 * holds only its hash; renewing the link bumps the generation and the old one stops working.
 * Without the secret (a database restored elsewhere) the link can be renewed, not shown.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** Prefixes tell the two kinds apart in a message or a secret scanner. */
export const TEAM_TOKEN_PREFIX = 'swt_'
export const RESPONDENT_TOKEN_PREFIX = 'swr_'
/** A learning network's facilitator link, and an invitation to join a network. */
export const FACILITATOR_TOKEN_PREFIX = 'swf_'
export const INVITE_TOKEN_PREFIX = 'swi_'
/** An expert rating study's owner link, and an expert's personal link to a study. */
export const STUDY_OWNER_TOKEN_PREFIX = 'swo_'
export const EXPERT_TOKEN_PREFIX = 'swe_'

/** A random id for a record (96 bits, URL-safe); not a secret. */
export const newId = (): string => randomBytes(12).toString('base64url')

/** A new team token. */
export const newTeamToken = (): string => TEAM_TOKEN_PREFIX + randomBytes(24).toString('base64url')

/** A new facilitator token (192 random bits, like a team token). */
export const newFacilitatorToken = (): string => FACILITATOR_TOKEN_PREFIX + randomBytes(24).toString('base64url')

/** A new invitation token (192 random bits). */
export const newInviteToken = (): string => INVITE_TOKEN_PREFIX + randomBytes(24).toString('base64url')

/** A new study-owner token (192 random bits, like a facilitator token). */
export const newStudyOwnerToken = (): string => STUDY_OWNER_TOKEN_PREFIX + randomBytes(24).toString('base64url')

/**
 * An expert's token, derived like a respondent token (HMAC with the server's secret over the
 * expert's id), so the owner can show the expert's link again while the database holds only
 * its hash.
 */
export function expertToken(secret: string, expertId: string, generation = 0): string {
  // Generation 0 is the expert's first link, as it was made before links could be renewed.
  const message = generation === 0 ? `expert:${expertId}` : `expert:${expertId}:${generation}`
  const mac = createHmac('sha256', Buffer.from(secret, 'hex')).update(message).digest()
  return EXPERT_TOKEN_PREFIX + mac.subarray(0, 24).toString('base64url')
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** A server secret for respondent links (32 random bytes, hex). */
export const newSecret = (): string => randomBytes(32).toString('hex')

/** The respondent token of a round's link of the given generation. */
export function respondentToken(secret: string, roundId: string, generation: number): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'hex')).update(`respond:${roundId}:${generation}`).digest()
  return RESPONDENT_TOKEN_PREFIX + mac.subarray(0, 24).toString('base64url')
}

/** True when `token` hashes to `hash` (constant time). */
export function matchesHash(token: string, hash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex')
  const b = Buffer.from(hash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Shape check before any lookup: anything else is not a token of ours. */
export const TOKEN_PATTERN = /^sw[trfioe]_[A-Za-z0-9_-]{32}$/
