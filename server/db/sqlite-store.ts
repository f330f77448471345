/**
 * @module The SQLite {@link Store}: the embedded default. better-sqlite3 is synchronous, so
 * each operation has run to its end when its promise is returned.
 */
import type { Db } from './client.ts'
import { migrateDb } from './migrate.ts'
import { removeImportedSource, replaceImportedSource } from './queries/imports.ts'
import { readKbContent, searchKb, storedKbHash } from './queries/kb.ts'
import { kbRevision } from './queries/kb-meta.ts'
import { loadKb } from './seed.ts'
import { createSqliteNetworkRepository } from './sqlite-network-repository.ts'
import { createSqliteRatingRepository } from './sqlite-rating-repository.ts'
import { createSqliteWorkspaceRepository } from './sqlite-workspace-repository.ts'
import type { KbRepository, Store } from './store.ts'

export function createSqliteKbRepository(db: Db): KbRepository {
  return {
    async revision() {
      return kbRevision(db)
    },
    async content() {
      return readKbContent(db)
    },
    async hash() {
      return storedKbHash(db)
    },
    async search(text, lang) {
      return searchKb(db, text, lang)
    },
    async load(kbDir, options) {
      return loadKb(db, kbDir, options)
    },
    async replaceImportedSource(source, links) {
      replaceImportedSource(db, source, links)
    },
    async removeImportedSource(id) {
      return removeImportedSource(db, id)
    },
  }
}

export function createSqliteStore(db: Db): Store {
  return {
    dialect: 'sqlite',
    kb: createSqliteKbRepository(db),
    workspaces: createSqliteWorkspaceRepository(db),
    networks: createSqliteNetworkRepository(db),
    ratings: createSqliteRatingRepository(db),
    async migrate() {
      migrateDb(db)
    },
    async query<T>(text: string, params: readonly unknown[] = []) {
      // PostgreSQL's $1, $2 … in order are SQLite's ? placeholders.
      const statement = db.$client.prepare(text.replace(/\$\d+/g, '?'))
      if (!statement.reader) {
        statement.run(...params)
        return []
      }
      return statement.all(...params) as T[]
    },
    async close() {
      db.$client.close()
    },
  }
}
