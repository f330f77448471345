/**
 * @module The whole data layer as the app sees it, for either dialect: the knowledge base,
 * workspaces and networks behind asynchronous interfaces of plain records. SQLite
 * (server/db/sqlite-store.ts) is the embedded default; PostgreSQL (server/db/pg/store.ts) is
 * chosen by DATABASE_URL (server/db/open-store.ts). No driver or dialect type crosses it.
 */
import type { Link } from '../schemas/kb.ts'
import type { KbContent } from '../domain/kb-index.ts'
import type { Lang } from '../domain/vocabulary.ts'
import type { RatingRepository } from './rating-repository.ts'
import type { NetworkRepository } from './network-repository.ts'
import type { WorkspaceRepository } from './workspace-repository.ts'

export const DIALECTS = ['sqlite', 'postgresql'] as const
export type Dialect = (typeof DIALECTS)[number]

export type SearchHit = { readonly kind: 'strategy' | 'determinant'; readonly ref: string; readonly rank: number }

export type ImportedSource = {
  readonly id: string
  readonly label: string
  readonly citation: string
  readonly url?: string
  readonly evidence: 'V' | 'S' | 'U' | 'P'
}

export type LoadResult = { readonly loaded: boolean; readonly hash: string }

/** The knowledge base in the database: read, searched, loaded from data/kb, and imported into. */
export interface KbRepository {
  /** A counter every write to the knowledge base bumps, by any process (0 before the first load). */
  revision(): Promise<number>
  /** Every record of the knowledge base (a few hundred rows: read once per change). */
  content(): Promise<KbContent>
  /** The hash of the source files loaded last, or undefined before the first load. */
  hash(): Promise<string | undefined>
  /**
   * Full-text search: every word must match as the start of a word, accents and case ignored,
   * in both languages or in `lang` only. Best matches first; one hit per record.
   */
  search(text: string, lang?: Lang): Promise<SearchHit[]>
  /**
   * Loads `kbDir` unless the same files were loaded before (`force` loads anyway), in one
   * transaction; imported links are kept. Safe when several processes start at once.
   *
   * @throws {KbSourceError} when a source file is invalid; nothing is written then.
   */
  load(kbDir: string, options?: { readonly force?: boolean }): Promise<LoadResult>
  /** Replaces the links of an imported source (creating it on first import). Throws for a curated source. */
  replaceImportedSource(source: ImportedSource, links: readonly Link[]): Promise<void>
  /** Removes an imported source and its links; false when there was none. */
  removeImportedSource(id: string): Promise<boolean>
}

export interface Store {
  readonly dialect: Dialect
  readonly kb: KbRepository
  readonly workspaces: WorkspaceRepository
  readonly networks: NetworkRepository
  readonly ratings: RatingRepository
  /** Brings the schema up to date (a no-op when it is); safe when several processes start at once. */
  migrate(): Promise<void>
  /**
   * The rows of one SQL statement with `$1`, `$2` … parameters, for tests and diagnostics: the
   * app itself goes through the repositories.
   */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>
  close(): Promise<void>
}
