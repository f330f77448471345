/**
 * @module The knowledge base's revision: a counter every write to the knowledge base bumps,
 * so a cached copy (server/kb/kb-store.ts) can tell cheaply whether to read it again, whether
 * the write came from this process or another (npm run kb:import next to a running server).
 */
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../client.ts'
import * as t from '../schema.ts'

const REVISION = 'revision'

type Tx = Pick<Db, 'insert'>

/** Bumps the revision; call inside the transaction that changes the knowledge base. */
export function bumpKbRevision(tx: Tx): void {
  tx.insert(t.kbMeta)
    .values({ key: REVISION, value: '1' })
    .onConflictDoUpdate({ target: t.kbMeta.key, set: { value: sql`CAST(${t.kbMeta.value} AS INTEGER) + 1` } })
    .run()
}

const prepared = new WeakMap<Db, { get(): { value: string } | undefined }>()

/**
 * The current revision (0 before the first load). Read on every request, so the statement is
 * prepared once per database: building and preparing it each time cost more than the rest of
 * a trivial request.
 */
export function kbRevision(db: Db): number {
  let statement = prepared.get(db)
  if (!statement) {
    statement = db.select({ value: t.kbMeta.value }).from(t.kbMeta).where(eq(t.kbMeta.key, REVISION)).prepare()
    prepared.set(db, statement)
  }
  return Number(statement.get()?.value ?? 0)
}
