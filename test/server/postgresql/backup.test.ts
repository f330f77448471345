import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { testStore } from '../../support/dialects.ts'

const root = join(import.meta.dirname, '..', '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'sw-pg-backup-'))
const t = await testStore()
const restored = await testStore({ kb: false })
afterAll(async () => {
  await Promise.all([t.close(), restored.close()])
  rmSync(dir, { recursive: true, force: true })
})

const backup = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/backup.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: t.url },
    encoding: 'utf8',
  })

describe('npm run backup on PostgreSQL', { timeout: 60_000 }, () => {
  test('writes a pg_dump that pg_restore brings back whole, the team data with it', async () => {
    const ws = await (
      await t.app().request('/api/workspaces', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Backup school', innovation: 'Welbevinden' }),
      })
    ).json()
    const file = join(dir, 'service.dump')
    const result = backup([file])
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/^Wrote .*service\.dump \([\d.]+ MB\), a pg_dump \(custom format\) of sw_test_\w+: \d+ tables with their data/m)

    const restore = spawnSync('pg_restore', ['--no-owner', '--dbname', restored.url!, file], { encoding: 'utf8' })
    // The empty database already has the schema and the extension: pg_restore reports those as
    // errors and restores the data.
    expect(restore.status === 0 || /errors ignored on restore/.test(restore.stderr)).toBe(true)
    const [strategies] = await restored.query<{ n: number }>('SELECT count(*) AS n FROM strategies')
    expect(strategies?.n).toBeGreaterThan(100)
    const [workspace] = await restored.query<{ name: string }>('SELECT name FROM workspaces WHERE id = $1', [ws.id])
    expect(workspace?.name).toBe('Backup school')
  })

  test('refuses to overwrite a file without --force', () => {
    const file = join(dir, 'twice.dump')
    expect(backup([file]).status).toBe(0)
    const again = backup([file])
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/exists; nothing was written/)
    expect(existsSync(file)).toBe(true)
  })
})
