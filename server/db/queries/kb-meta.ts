/**
 * @module The knowledge base's revision: a counter every write to the knowledge base bumps,
 * so a cached copy (server/kb/kb-store.ts) can tell cheaply whether to read it again, whether
 * the write came from this process or another (npm run kb:import next to a running server).
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../client.ts'
import * as t from '../schema.ts'

const REVISION = 'revision'

type Tx = Pick<Db, 'insert'>

/** How many times this process bumped the revision (a rolled-back bump counts too: harmless). */
let localBumps = 0

/** A counter of this process's own knowledge-base writes: a cache compares it before trusting its age. */
export function localKbWrites(): number {
  return localBumps
}

/** Counts a write to the knowledge base by this process (either dialect), before it commits. */
export function noteLocalKbWrite(): void {
  localBumps++
}

/** Bumps the revision; call inside the transaction that changes the knowledge base. */
export function bumpKbRevision(tx: Tx): void {
  noteLocalKbWrite()
  tx.insert(t.kbMeta)
    .values({ key: REVISION, value: '1' })
    .onConflictDoUpdate({ target: t.kbMeta.key, set: { value: sql`CAST(${t.kbMeta.value} AS INTEGER) + 1` } })
    .run()
}

const prepared = new WeakMap<Db, { get(key: string): unknown }>()

/**
 * The current revision (0 before the first load). Read on every request, so the statement is
 * prepared once per database and run on the driver directly: building it through drizzle each
 * time cost more than the rest of a trivial request, and even its prepared form spent most of
 * its time mapping the one-column result.
 */
export function kbRevision(db: Db): number {
  let statement = prepared.get(db)
  if (!statement) {
    statement = db.$client.prepare('SELECT value FROM kb_meta WHERE key = ?').pluck()
    prepared.set(db, statement)
  }
  return Number(statement.get(REVISION) ?? 0)
}
