/**
 * @module The server's configuration, read once from the environment and checked with zod:
 * a bad value stops the start with the variable's name.
 */
import { join } from 'node:path'
import { z } from 'zod'
import { isLoopback, LOOPBACK_HOSTS } from './http/host-check.ts'
import type { RateLimitOptions } from './http/rate-limit.ts'

const ROOT = join(import.meta.dirname, '..')

// ── Hardening: host check, rate limit ────────────────────────────────────────────────────

/** A host name or [IPv6 address], optionally with a port: `localhost`, `example.org:8443`. */
const HostEntry = z.string().regex(/^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/i, 'must be a host name, optionally with :port')

const hardening = {
  /**
   * Comma-separated host names the server answers to (a name alone: any port), `*` for any.
   * Default: when HOST is loopback, localhost, 127.0.0.1 and [::1] (against DNS rebinding);
   * otherwise any.
   */
  ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : v.split(',').map((h) => h.trim()).filter(Boolean)))
    .pipe(z.union([z.tuple([z.literal('*')]), z.array(HostEntry).min(1, 'list at least one host, or *')]).optional()),
  /** Behind one reverse proxy: count requests by the address it puts in X-Forwarded-For. */
  TRUST_PROXY: z.stringbool().default(false),
  /** Requests other than GET and HEAD per client address a minute; 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  /** How many of them may come at once. */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(30),
}

/** The host names to answer to, or undefined for any (see ALLOWED_HOSTS). */
export function allowedHosts(config: Config): readonly string[] | undefined {
  if (config.ALLOWED_HOSTS) return config.ALLOWED_HOSTS[0] === '*' ? undefined : config.ALLOWED_HOSTS
  return isLoopback(config.HOST) ? LOOPBACK_HOSTS : undefined
}

/** The rate limit to apply, or undefined when RATE_LIMIT_PER_MINUTE is 0. */
export function rateLimitOptions(config: Config): RateLimitOptions | undefined {
  if (config.RATE_LIMIT_PER_MINUTE === 0) return undefined
  return { perMinute: config.RATE_LIMIT_PER_MINUTE, burst: config.RATE_LIMIT_BURST, trustProxy: config.TRUST_PROXY }
}

// ─────────────────────────────────────────────────────────────────────────────────────────

const EnvFields = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default(join(ROOT, 'data', 'strategiewijzer.db')),
  /**
   * postgres://user:password@host:port/database: use PostgreSQL instead of the SQLite file
   * DATABASE_PATH (a hosted service with several instances; docs/postgresql.md).
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Connections each instance keeps at most to PostgreSQL. */
  PG_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  KB_DIR: z.string().min(1).default(join(ROOT, 'data', 'kb')),
  WEB_ROOT: z.string().min(1).default(join(ROOT, 'dist', 'web')),
  // Workspaces: the secret respondent links are derived from (64 hex digits; by default a
  // file beside the database, made on first start), and the public origin of links.
  TOKEN_SECRET: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'must be 64 hexadecimal digits (openssl rand -hex 32)')
    .optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')).optional(),
  // The administrator's credential for changes every workspace sees: feeding a finished expert
  // rating study into the knowledge base, and removing it again (docs/expert-rating.md). Unset:
  // those actions are refused with a message that says to set it.
  ADMIN_TOKEN: z.string().min(32, 'must be at least 32 characters (openssl rand -hex 32)').optional(),
  ...hardening,
})

const Env = EnvFields.refine((env) => !env.DATABASE_URL || env.TOKEN_SECRET, {
  // Instances on one database must derive the same respondent links; a file beside a SQLite
  // database cannot be shared, so the secret is given.
  path: ['TOKEN_SECRET'],
  message: 'is required with DATABASE_URL: every instance must have the same one (openssl rand -hex 32)',
})
export type Config = z.infer<typeof Env>

/** Only where the data is (DATABASE_URL or DATABASE_PATH, KB_DIR): for tools that need no more, like npm run backup. */
export function readStoreConfig(env: NodeJS.ProcessEnv = process.env) {
  const result = EnvFields.pick({ DATABASE_PATH: true, DATABASE_URL: true, PG_POOL_MAX: true, KB_DIR: true }).safeParse(env)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  return result.data
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = Env.safeParse(env)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  return result.data
}
