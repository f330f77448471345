import { describe, expect, test } from 'vitest'
import { readConfig, readStoreConfig } from '../../server/config.ts'
import { describeStore } from '../../server/db/open-store.ts'

const secret = 'e'.repeat(64)

describe('DATABASE_URL', () => {
  test('switches to PostgreSQL, and messages name the server and database but never the password', () => {
    const config = readConfig({ DATABASE_URL: 'postgres://sw:hunter2@db.example.org:5433/wijzer', TOKEN_SECRET: secret })
    expect(config.DATABASE_URL).toBe('postgres://sw:hunter2@db.example.org:5433/wijzer')
    expect(describeStore(config)).toBe('PostgreSQL db.example.org:5433/wijzer')
  })

  test('is optional: without it (or empty) the SQLite file is used', () => {
    expect(readConfig({}).DATABASE_URL).toBeUndefined()
    expect(readConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
    expect(describeStore(readConfig({ DATABASE_PATH: '/srv/sw.db' }))).toBe('/srv/sw.db')
  })

  test('refuses what is not a postgres:// URL, naming the variable', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://x@y/z', TOKEN_SECRET: secret })).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/)
  })

  test('needs TOKEN_SECRET, which every instance must share', () => {
    expect(() => readConfig({ DATABASE_URL: 'postgres://sw@db/wijzer' })).toThrow(/TOKEN_SECRET: is required with DATABASE_URL/)
  })

  test('tools that only need the data read it without TOKEN_SECRET', () => {
    expect(readStoreConfig({ DATABASE_URL: 'postgresql://sw@db/wijzer' }).DATABASE_URL).toBe('postgresql://sw@db/wijzer')
  })
})
