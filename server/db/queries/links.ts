/**
 * @module Writes determinant–strategy links (inside a caller's transaction).
 */
import type { Link } from '../../schemas/kb.ts'
import type { Db } from '../client.ts'
import * as t from '../schema.ts'
import { linkRow } from './kb-rows.ts'

/** SQLite limits the bound parameters of one statement; links are inserted in chunks. */
const CHUNK = 500

export function insertLinks(tx: Pick<Db, 'insert'>, links: readonly Link[]): void {
  insertLinkRows(tx, links.map(linkRow))
}

export function insertLinkRows(tx: Pick<Db, 'insert'>, rows: readonly (typeof t.determinantStrategies.$inferInsert)[]): void {
  for (let i = 0; i < rows.length; i += CHUNK) {
    tx.insert(t.determinantStrategies).values(rows.slice(i, i + CHUNK)).run()
  }
}
