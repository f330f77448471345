/**
 * @module The PostgreSQL {@link Store}, for a hosted service: several app instances on one
 * database. Migrations and the load of the knowledge base take advisory locks, submissions
 * lock their round's row (server/db/pg/workspace-repository.ts).
 */
import type { Store } from '../store.ts'
import { openPgDb, type PgDb } from './client.ts'
import { createPgKbRepository } from './kb-repository.ts'
import { migratePg } from './migrate.ts'
import { createPgNetworkRepository } from './network-repository.ts'
import { createPgRatingRepository } from './rating-repository.ts'
import { createPgWorkspaceRepository } from './workspace-repository.ts'

export function createPgStore(db: PgDb): Store {
  return {
    dialect: 'postgresql',
    kb: createPgKbRepository(db),
    workspaces: createPgWorkspaceRepository(db),
    networks: createPgNetworkRepository(db),
    ratings: createPgRatingRepository(db),
    migrate: () => migratePg(db),
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await db.$client.query(text, [...params])).rows as T[]
    },
    async close() {
      await db.$client.end()
    },
  }
}

/** A store over a new pool of connections to `url`. */
export function openPgStore(url: string, options: { max?: number } = {}): Store {
  return createPgStore(openPgDb(url, options))
}
