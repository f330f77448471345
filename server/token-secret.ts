/**
 * @module The secret respondent links are derived from (server/http/tokens.ts): TOKEN_SECRET
 * when set (several instances of a hosted service share it), else a file beside the database,
 * made with owner-only permissions on the first start. Kept out of the database on purpose:
 * a copy of the database alone does not give anyone a working respondent link.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { Config } from './config.ts'
import { newSecret } from './http/tokens.ts'

export function readTokenSecret(config: Pick<Config, 'TOKEN_SECRET' | 'DATABASE_PATH'>): string {
  if (config.TOKEN_SECRET) return config.TOKEN_SECRET.toLowerCase()
  if (config.DATABASE_PATH === ':memory:') return newSecret()
  const file = `${config.DATABASE_PATH}.secret`
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim()
    if (!/^[0-9a-f]{64}$/.test(secret)) throw new Error(`${file} does not hold a secret of 64 hexadecimal digits`)
    return secret
  }
  const secret = newSecret()
  // 'wx': never overwrite a secret another process wrote a moment ago.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readTokenSecret(config)
    throw error
  }
  return secret
}
