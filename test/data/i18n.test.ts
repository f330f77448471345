import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const xliff = readFileSync(join(root, 'web', 'xliff', 'nl.xlf'), 'utf8')
const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>(?:\s*<target>([\s\S]*?)<\/target>)?/g)].map(
  ([, id, source, target]) => ({ id: id as string, source: source as string, target })
)
const placeholders = (text: string) => [...text.matchAll(/<x id="(\d+)" equiv-text="([^"]*)"\/>/g)].map((m) => `${m[1]}=${m[2]}`).sort()

describe('Dutch interface texts', () => {
  test('translate every message of the interface', () => {
    expect(units.length).toBeGreaterThan(250)
    expect(units.filter((u) => !u.target?.trim()).map((u) => u.source)).toEqual([])
  })

  test('keep every placeholder of the English message', () => {
    for (const u of units) expect(placeholders(u.target ?? ''), u.source).toEqual(placeholders(u.source))
  })

  test('are built into web/locales/nl.ts (run npm run i18n:build after translating)', () => {
    const built = readFileSync(join(root, 'web', 'locales', 'nl.ts'), 'utf8')
    const missing = units.filter((u) => !built.includes(`'${u.id}'`) && !built.includes(`"${u.id}"`) && !built.includes(`${u.id}:`))
    expect(missing.map((u) => u.id)).toEqual([])
  })
})

describe('the message catalogue', () => {
  // lit-localize type-checks the whole project first: 33 s alone on a busy two-core machine,
  // and past a minute while npm test runs every other file beside it.
  test('holds every msg() of the web app (run npm run i18n:extract after adding texts)', async () => {
    const { execFileSync } = await import('node:child_process')
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'sw-i18n-'))
    const config = JSON.parse(readFileSync(join(root, 'web', 'lit-localize.json'), 'utf8'))
    config.inputFiles = config.inputFiles.map((glob: string) => join(root, 'web', glob))
    config.tsConfig = join(root, 'tsconfig.json')
    config.interchange.xliffDir = dir
    config.output.outputDir = dir
    config.output.localeCodesModule = join(dir, 'locale-codes.ts')
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config))
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/@lit/localize-tools/bin/lit-localize.js'), 'extract', `--config=${join(dir, 'config.json')}`], { cwd: root, stdio: 'pipe' })
      const fresh = readFileSync(join(dir, 'nl.xlf'), 'utf8')
      const ids = (text: string) => new Set([...text.matchAll(/<trans-unit id="([^"]+)"/g)].map((m) => m[1]))
      const known = ids(xliff)
      expect(ids(fresh).size).toBeGreaterThan(250)
      expect([...ids(fresh)].filter((id) => !known.has(id))).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
})
