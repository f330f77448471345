import { afterAll, describe, expect, test } from 'vitest'
import { MAX_BODY_BYTES } from '../../server/app.ts'
import { loadedApp } from '../support/db.ts'

const t = loadedApp()
afterAll(() => t.close())

const post = (body: string, headers: Record<string, string>) =>
  t.app.request('/api/recommendations', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })

describe('the body limit with a declared Content-Length', () => {
  test('refuses a declared length over the limit with 413, without reading the body', async () => {
    const res = await post('{"barriers":[1]}', { 'content-length': String(MAX_BODY_BYTES + 1) })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
  })

  test('answers a body whose declared length is within the limit', async () => {
    const body = JSON.stringify({ barriers: [4, 16] })
    const res = await post(body, { 'content-length': String(Buffer.byteLength(body)) })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { barriers: unknown[] }).barriers).toHaveLength(2)
  })

  test('counts the bytes of a body sent in chunks, as before', async () => {
    const res = await post(JSON.stringify({ barriers: [1], pad: 'x'.repeat(MAX_BODY_BYTES) }), {
      'transfer-encoding': 'chunked',
    })
    expect(res.status).toBe(413)
  })
})
