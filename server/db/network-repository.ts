/**
 * @module The data layer of learning networks as the routes see it: asynchronous operations on
 * plain records, like {@link WorkspaceRepository}. No driver or dialect type crosses it; every
 * operation that writes more than one row is one transaction in the implementation
 * (server/db/sqlite-network-repository.ts).
 */
import type { ShownRound } from '../domain/network.ts'
import type { PlanEntry } from '../domain/workspace.ts'
import type { Round } from './workspace-repository.ts'

export type Network = {
  readonly id: string
  readonly name: string
  readonly minGroupSize: number
  readonly parentId: string | null
  readonly createdAt: number
  readonly updatedAt: number
}

/** A school in a network, with its rounds (oldest first). */
export type NetworkSchool = {
  readonly workspaceId: string
  readonly name: string
  readonly joinedAt: number
  readonly rounds: readonly Round[]
}

/** A network with its schools and, recursively, its inner networks. */
export type NetworkTree = {
  readonly network: Network
  readonly schools: readonly NetworkSchool[]
  readonly children: readonly NetworkTree[]
}

export type NetworkPatch = { readonly name?: string; readonly minGroupSize?: number }

/** Why an invitation opened nothing: never used, used, expired or withdrawn all look alike. */
export type JoinOutcome =
  | { readonly outcome: 'joined' | 'already-member'; readonly network: Network }
  | { readonly outcome: 'invalid-invitation' }
  | { readonly outcome: 'full' }

export type ParentOutcome =
  | { readonly outcome: 'joined'; readonly network: Network }
  | { readonly outcome: 'invalid-invitation' }
  | { readonly outcome: 'full' }
  /** The outer network is this one or one of its inner networks. */
  | { readonly outcome: 'cycle' }
  /** Nesting would pass the deepest level allowed. */
  | { readonly outcome: 'too-deep' }

/** Ids and hashes are made by the caller (server/http/tokens.ts): the store keeps no secrets. */
export interface NetworkRepository {
  createNetwork(input: {
    readonly network: Pick<Network, 'id' | 'name' | 'minGroupSize'>
    readonly token: { readonly id: string; readonly hash: string }
    readonly now: number
  }): Promise<Network>
  getNetwork(id: string): Promise<Network | null>
  updateNetwork(id: string, patch: NetworkPatch, now: number): Promise<Network | null>
  /** Removes the network, its tokens, invitations and memberships; inner networks stay. */
  deleteNetwork(id: string): Promise<boolean>

  /**
   * Makes `token` the network's only facilitator link: every earlier one stops working, in the
   * same transaction. False when the network is absent.
   */
  replaceFacilitatorToken(networkId: string, token: { readonly id: string; readonly hash: string }, now: number): Promise<boolean>

  /** The network a facilitator token opens, or null. Records the use (at most once a minute). */
  authenticateFacilitator(tokenHash: string, now: number): Promise<{ networkId: string; tokenId: string } | null>

  createInvitation(
    networkId: string,
    invitation: { readonly id: string; readonly hash: string; readonly expiresAt: number },
    now: number
  ): Promise<void>
  /** Uses up an invitation (single-use, before it expires) to let a workspace join. */
  joinWithInvitation(input: {
    readonly tokenHash: string
    readonly workspaceId: string
    readonly now: number
    readonly maxSchools: number
  }): Promise<JoinOutcome>
  /** Leaves at once: the membership row is deleted. False when there was none. */
  leaveNetwork(networkId: string, workspaceId: string): Promise<boolean>
  listNetworksOfWorkspace(workspaceId: string): Promise<{ id: string; name: string; joinedAt: number }[]>

  /** Uses up an invitation of an outer network to make network `childId` one of its inner ones. */
  joinParentWithInvitation(input: {
    readonly tokenHash: string
    readonly childId: string
    readonly now: number
    readonly maxChildren: number
    /** Levels of nesting allowed, the outermost network counting as 1. */
    readonly maxDepth: number
  }): Promise<ParentOutcome>
  /** Leaves the outer network; false when there was none. */
  leaveParent(childId: string): Promise<boolean>

  /**
   * A short text that changes whenever anything the network's views are built from changes:
   * its and its inner networks' settings and schools, the schools' names, their rounds' labels,
   * order, submissions (revision) and plans (plan revision). Null when there is no network.
   * Cheaper than {@link networkTree}: views are cached by it.
   */
  networkStamp(id: string): Promise<string | null>
  /** The network with its schools and inner networks, read at one moment; null when absent. */
  networkTree(id: string): Promise<NetworkTree | null>
  /** The plans of these rounds (an absent key: an empty plan). */
  listPlans(roundIds: readonly string[]): Promise<ReadonlyMap<string, readonly PlanEntry[]>>

  /**
   * Reads what the network was shown of these rounds (by round id), lets `decide` say what it
   * is shown now and which rounds' records change, and records those, all in one transaction:
   * two requests at once cannot each show a different small step (docs/networks.md, "Answers
   * that arrive later").
   */
  showRounds<T>(
    networkId: string,
    roundIds: readonly string[],
    decide: (previous: ReadonlyMap<string, readonly ShownRound[]>) => { readonly record: readonly { readonly roundId: string; readonly views: readonly ShownRound[] }[]; readonly result: T },
    now: number
  ): Promise<T>
}
