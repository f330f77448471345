/**
 * @module The server's configuration, read once from the environment and checked with zod:
 * a bad value stops the start with the variable's name.
 */
import { join } from 'node:path'
import { z } from 'zod'

const ROOT = join(import.meta.dirname, '..')

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default(join(ROOT, 'data', 'strategiewijzer.db')),
  KB_DIR: z.string().min(1).default(join(ROOT, 'data', 'kb')),
  WEB_ROOT: z.string().min(1).default(join(ROOT, 'dist', 'web')),
  // Workspaces: the secret respondent links are derived from (64 hex digits; by default a
  // file beside the database, made on first start), and the public origin of links.
  TOKEN_SECRET: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'must be 64 hexadecimal digits (openssl rand -hex 32)')
    .optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')).optional(),
})
export type Config = z.infer<typeof Env>

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = Env.safeParse(env)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  return result.data
}
