/**
 * @module GET /api/reference (clusters, sources, methods) and GET /api/links (every link, for
 * audit; JSON or CSV).
 */
import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { toCsv } from '../domain/csv-write.ts'
import { presentLink } from '../http/present.ts'
import { createRouter } from '../http/router.ts'
import { LangQuery, LinkList, LinksQuery, ReferenceResponse } from '../schemas/api.ts'
import { errors, json } from './responses.ts'

const reference = createRoute({
  method: 'get',
  path: '/reference',
  operationId: 'getReference',
  tags: ['Knowledge base'],
  summary: 'Strategy clusters, link sources and link methods, with counts',
  request: { query: LangQuery },
  responses: { 200: json(ReferenceResponse, 'Clusters, sources and methods'), 400: errors[400] },
})

const links = createRoute({
  method: 'get',
  path: '/links',
  operationId: 'listLinks',
  tags: ['Knowledge base'],
  summary: 'Every determinant–strategy link with its source, method, strength and rationale',
  description: 'For audit. `format=csv` gives the same rows as a CSV file.',
  request: { query: LinksQuery },
  responses: {
    200: {
      content: {
        'application/json': { schema: LinkList },
        'text/csv': { schema: z.string() },
      },
      description: 'The links',
    },
    400: errors[400],
  },
})

export const referenceRoutes = createRouter()
  .openapi(reference, (c) => {
    const { lang } = c.req.valid('query')
    const kb = c.var.kb
    const count = <K extends 'cluster' | 'source' | 'method'>(key: K, id: string) =>
      key === 'cluster'
        ? kb.content.strategies.filter((s) => s.cluster === id).length
        : kb.content.links.filter((l) => (key === 'source' ? l.source : l.method) === id).length
    return c.json(
      {
        clusters: kb.content.clusters.map((cl) => ({
          id: cl.id,
          name: cl.name[lang],
          description: cl.description[lang],
          origin: cl.origin,
          ericName: cl.ericName ?? null,
          strategies: count('cluster', cl.id),
        })),
        sources: kb.content.sources.map((s) => ({
          id: s.id,
          label: s.label[lang],
          citation: s.citation,
          url: s.url ?? null,
          kind: s.kind,
          tier: s.tier,
          evidence: s.evidence,
          description: s.description[lang],
          origin: s.origin,
          links: count('source', s.id),
        })),
        methods: kb.content.methods.map((m) => ({
          id: m.id,
          name: m.name[lang],
          description: m.description[lang],
          bases: [...m.bases],
          fixedStrength: m.fixedStrength ?? null,
          links: count('method', m.id),
        })),
      },
      200
    )
  })
  .openapi(links, (c) => {
    const q = c.req.valid('query')
    const kb = c.var.kb
    const rows = kb.content.links
      .filter(
        (l) =>
          (!q.source || l.source === q.source) &&
          (!q.method || l.method === q.method) &&
          (q.determinant === undefined || l.determinant === q.determinant) &&
          (!q.strategy || l.strategy === q.strategy)
      )
      .map((l) => ({ determinant: l.determinant, strategy: l.strategy, ...presentLink(kb, l, q.lang) }))
    if (q.format === 'csv') {
      // Texts open in spreadsheets: toCsv keeps a cell starting with = + - @ from becoming a formula.
      const csv = toCsv([
        ['determinant', 'determinant_name', 'strategy', 'strategy_name', 'strength', 'basis', 'source', 'source_label', 'evidence', 'tier', 'method', 'cell', 'construct', 'via', 'rationale'],
        ...rows.map((r) => [
          r.determinant,
          kb.determinant.get(r.determinant)?.name[q.lang] ?? '',
          r.strategy,
          kb.strategy.get(r.strategy)?.name[q.lang] ?? '',
          r.strength,
          r.basis,
          r.source,
          r.sourceLabel,
          r.evidence,
          r.tier,
          r.method,
          r.cell ?? '',
          r.construct ?? '',
          r.via?.[q.lang] ?? '',
          r.rationale,
        ]),
      ])
      c.header('Content-Disposition', 'attachment; filename="strategiewijzer-links.csv"')
      return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' })
    }
    return c.json({ links: rows }, 200)
  })
