/**
 * @module Writes determinant–strategy links (inside a caller's transaction).
 */
import type { Link } from '../../schemas/kb.ts'
import type { Db } from '../client.ts'
import * as t from '../schema.ts'

/** SQLite limits the bound parameters of one statement; links are inserted in chunks. */
const CHUNK = 500

export function insertLinks(tx: Pick<Db, 'insert'>, links: readonly Link[]): void {
  for (let i = 0; i < links.length; i += CHUNK) {
    tx.insert(t.determinantStrategies)
      .values(
        links.slice(i, i + CHUNK).map((l) => ({
          determinantNumber: l.determinant,
          strategyId: l.strategy,
          sourceId: l.source,
          methodId: l.method,
          strength: l.strength,
          basis: l.basis,
          cell: l.cell ?? null,
          construct: l.construct ?? null,
          viaNl: l.via?.nl ?? null,
          viaEn: l.via?.en ?? null,
          rationaleNl: l.rationale.nl,
          rationaleEn: l.rationale.en,
        }))
      )
      .run()
  }
}
