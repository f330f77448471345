import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import writeXlsxFile from 'write-excel-file/node'
import { afterAll, describe, expect, test } from 'vitest'
import { testStore } from '../support/dialects.ts'
import { zipUnpackedSize } from '../../server/domain/zip-size.ts'

const t = await testStore()
const app = t.app({ tokenSecret: 'b'.repeat(64) })
afterAll(() => t.close())

type Res = { status: number; body: any }
async function call(method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}): Promise<Res> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

async function newRound() {
  const ws = (await call('POST', '/api/workspaces', { body: { name: 'Mbo Rijnstad', innovation: 'Welbevinden' } })).body
  const round = (await call('POST', `/api/workspaces/${ws.id}/rounds`, { token: ws.teamToken, body: { label: 'Nulmeting' } })).body
  const base = `/api/workspaces/${ws.id}/rounds/${round.id}`
  return { ws, round, base, token: ws.teamToken as string }
}

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'survey-exports', name))
const upload = (bytes: Uint8Array, name: string, mapping?: object) => ({
  file: Buffer.from(bytes).toString('base64'),
  name,
  ...(mapping ? { mapping } : {}),
})

describe('survey import into a round', () => {
  test('Qualtrics: preview lists what is unplaced; the import stores each response once and says how many were there', async () => {
    const { base, token } = await newRound()
    const file = fixture('qualtrics.csv')
    const preview = await call('POST', `${base}/imports/preview?lang=nl`, { token, body: upload(file, 'export.csv') })
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({ tool: 'qualtrics', rows: 4, dropped: { preview: 1, unfinished: 1 }, complete: false, new: 2, already: 0 })
    expect(preview.body.columns.filter((c: any) => c.role === 'unmatched').map((c: any) => c.header)).toEqual(['Q1', 'Q2_3'])

    const refused = await call('POST', `${base}/imports?lang=nl`, { token, body: upload(file, 'export.csv') })
    expect(refused.status).toBe(422)
    expect(refused.body.error.message).toMatch(/Nog niet gekoppeld: 2 kolom/)
    expect((await call('GET', `${base}/submissions`, { token })).body.submissions).toEqual([])

    const mapping = { columns: { Q1: 'group', Q2_3: 'ignored' } }
    const done = await call('POST', `${base}/imports?lang=nl`, { token, body: upload(file, 'export.csv', mapping) })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ tool: 'qualtrics', added: 2, already: 0, changed: 0, submissionCount: 2 })
    const stored = (await call('GET', `${base}/submissions`, { token })).body.submissions
    expect(stored.map((s: any) => [s.group, s.answers])).toEqual([
      ['Docent', { d01: 5, d02: 3 }],
      ['Mentor', { d01: 2, d02: 4 }],
    ])

    // The same file again: the remembered mapping places the columns; nothing doubles.
    const again = await call('POST', `${base}/imports/preview?lang=nl`, { token, body: upload(file, 'export.csv') })
    expect(again.body).toMatchObject({ complete: true, new: 0, already: 2 })
    const twice = await call('POST', `${base}/imports`, { token, body: upload(file, 'export.csv') })
    expect(twice.body).toMatchObject({ added: 0, already: 2, submissionCount: 2 })
  })

  test('an answer no option matches: 422 naming row, column and the valid answers in the interface language; nothing stored', async () => {
    const { base, token } = await newRound()
    const file = fixture('ms-forms-sheet1.csv')
    const mapping = { columns: { 'Wat is uw functie?': 'group', 'Welke ondersteuning heeft u nodig?': 'ignored' } }
    const res = await call('POST', `${base}/imports?lang=en`, { token, body: upload(file, 'forms.csv', mapping) })
    expect(res.status).toBe(422)
    expect(res.body.error.message).toBe(
      'Row 4, column "De kennis waarop de aanpak is gebaseerd, vind ik juist.": "Zo-zo" is not an answer to this question. Valid: Totally disagree, Disagree, Neither agree nor disagree, Agree, Totally agree. Choose in the mapping which answer it is, or that it counts as missing.'
    )
    expect((await call('GET', `${base}/submissions`, { token })).body.submissions).toEqual([])
    const fixed = await call('POST', `${base}/imports?lang=en`, {
      token,
      body: upload(file, 'forms.csv', { ...mapping, values: { d02: { 'Zo-zo': null } } }),
    })
    expect(fixed.body).toMatchObject({ tool: 'ms-forms', added: 3 })
  })

  test('reads a Forms workbook (.xlsx) as it comes', async () => {
    const { base, token } = await newRound()
    const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'In de aanpak staat helder beschreven wat ik moet doen en in welke volgorde.', 'De aanpak is te ingewikkeld voor mij om uit te voeren.']
    const rows = [
      [1, new Date('2026-03-03T10:00:00Z'), new Date('2026-03-03T10:05:00Z'), 'anonymous', null, 'Eens', 'Helemaal oneens'],
      [2, new Date('2026-03-03T11:00:00Z'), new Date('2026-03-03T11:05:00Z'), 'anonymous', null, 'Neutraal', 'Oneens'],
    ]
    const xlsx = await writeXlsxFile([header, ...rows], { dateFormat: 'yyyy-mm-dd hh:mm' }).toBuffer()
    const preview = await call('POST', `${base}/imports/preview`, { token, body: upload(xlsx, 'Forms.xlsx') })
    expect(preview.body).toMatchObject({ tool: 'ms-forms', rows: 2, complete: true, new: 2 })
    const done = await call('POST', `${base}/imports`, { token, body: upload(xlsx, 'Forms.xlsx') })
    expect(done.body).toMatchObject({ added: 2 })
    const stored = (await call('GET', `${base}/submissions`, { token })).body.submissions
    expect(stored.map((s: any) => s.answers)).toEqual([
      { d01: 4, d04: 1 },
      { d01: 3, d04: 2 },
    ])
  })

  test('a Windows-1252 CSV reads correctly; an unclosed quote is refused naming the line', async () => {
    const { base, token } = await newRound()
    const latin = Buffer.from('respondent;groep;d01\r\nr1;co\xf6rdinator;Eens\r\n', 'latin1')
    const ok = await call('POST', `${base}/imports`, { token, body: upload(latin, 'x.csv') })
    expect(ok.status).toBe(200)
    expect((await call('GET', `${base}/submissions`, { token })).body.submissions[0].group).toBe('coördinator')
    const broken = Buffer.from('d01,d02\n"4,5\n3,3\n')
    const res = await call('POST', `${base}/imports/preview?lang=nl`, { token, body: upload(broken, 'x.csv') })
    expect(res.status).toBe(422)
    expect(res.body.error.issues[0].path).toMatch(/^file\.line2/)
  })

  test('needs the team token, and bounds the file', async () => {
    const { base, token } = await newRound()
    const body = upload(fixture('qualtrics.csv'), 'x.csv')
    expect((await call('POST', `${base}/imports/preview`, { body })).status).toBe(401)
    const other = await newRound()
    expect((await call('POST', `${base}/imports`, { token: other.token, body })).status).toBe(404)
    const big = await call('POST', `${base}/imports/preview`, { token, body: { file: 'A'.repeat(2_000_000), name: 'x.csv' } })
    expect([400, 413]).toContain(big.status)
    const bad = await call('POST', `${base}/imports/preview`, { token, body: { file: 'not base64!', name: 'x.csv' } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.issues[0].path).toBe('file')
  })
})

test('a zip bomb is measured from its directory before anything unpacks', async () => {
  const xlsx = await writeXlsxFile([['a']]).toBuffer()
  const size = zipUnpackedSize(xlsx)
  expect(size.ok && size.entries > 3 && size.unpacked > 500).toBe(true)
  expect(zipUnpackedSize(Buffer.from('d01\n4\n')).ok).toBe(false)
})
