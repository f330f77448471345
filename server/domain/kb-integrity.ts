/**
 * @module Cross-file integrity rules of the knowledge base: every reference resolves, every
 * determinant has enough strategies and every strategy addresses a determinant.
 *
 * Pure: takes the parsed files, returns the problems found. The loader refuses to write a
 * knowledge base that has any.
 */
import type { Cluster, Determinant, Link, Method, Scale, Source, Strategy } from '../schemas/kb.ts'
import { ESSENTIAL_STRENGTH } from './vocabulary.ts'

/** One parsed source file's records, with the file they came from. */
export type FromFile<T> = { readonly file: string; readonly records: readonly T[] }

/** Everything the knowledge base is built from, parsed and typed. */
export type KbSources = {
  readonly scales: FromFile<Scale>
  readonly determinants: FromFile<Determinant>
  readonly clusters: FromFile<Cluster>
  readonly sources: FromFile<Source>
  readonly methods: FromFile<Method>
  readonly strategies: readonly FromFile<Strategy>[]
  readonly links: readonly FromFile<Link>[]
}

/** A problem in the sources, located well enough for an editor to fix it. */
export type KbProblem = {
  readonly file: string
  /** e.g. "strategies[3] (id 'champions')" */
  readonly record: string
  readonly field: string
  readonly message: string
}

/** The least number of strategies each determinant must be linked to. */
export const MIN_STRATEGIES_PER_DETERMINANT = 3

/**
 * Checks the references between the source files.
 *
 * Rules: strategy ids are unique across files; every strategy's cluster exists; every link
 * names an existing determinant, strategy, source and method, has a strength basis its method
 * allows and, when the basis is `fixed`, the method's fixed strength; a link from a `proposal`
 * source (our editorial judgement) stays below ESSENTIAL_STRENGTH; every item names an existing
 * scale and item ids are unique; every determinant is linked to at least
 * {@link MIN_STRATEGIES_PER_DETERMINANT} distinct strategies; every strategy addresses at least
 * one determinant.
 */
export function checkKbIntegrity(kb: KbSources): KbProblem[] {
  const problems: KbProblem[] = []
  const scaleIds = new Set(kb.scales.records.map((s) => s.id))
  const clusterIds = new Set(kb.clusters.records.map((c) => c.id))
  const sourceById = new Map(kb.sources.records.map((s) => [s.id, s]))
  const methodById = new Map(kb.methods.records.map((m) => [m.id, m]))
  const determinantNumbers = new Set(kb.determinants.records.map((d) => d.number))

  const itemIds = new Set<string>()
  kb.determinants.records.forEach((d, di) => {
    d.items.forEach((item, ii) => {
      const record = `determinants[${di}] (number ${d.number})`
      if (!scaleIds.has(item.scale)) {
        problems.push({
          file: kb.determinants.file,
          record,
          field: `items[${ii}].scale`,
          message: `unknown scale '${item.scale}'`,
        })
      }
      if (itemIds.has(item.id)) {
        problems.push({
          file: kb.determinants.file,
          record,
          field: `items[${ii}].id`,
          message: `duplicate item id '${item.id}'`,
        })
      }
      itemIds.add(item.id)
    })
  })

  const strategyIds = new Set<string>()
  for (const file of kb.strategies) {
    file.records.forEach((s, i) => {
      const record = `strategies[${i}] (id '${s.id}')`
      if (strategyIds.has(s.id)) {
        problems.push({ file: file.file, record, field: 'id', message: `duplicate strategy id '${s.id}'` })
      }
      strategyIds.add(s.id)
      if (!clusterIds.has(s.cluster)) {
        problems.push({ file: file.file, record, field: 'cluster', message: `unknown cluster '${s.cluster}'` })
      }
    })
  }

  const linkedStrategies = new Set<string>()
  const strategiesPerDeterminant = new Map<number, Set<string>>()
  const seenLinks = new Set<string>()
  for (const file of kb.links) {
    file.records.forEach((l, i) => {
      const record = `links[${i}] (${l.determinant} → '${l.strategy}', source '${l.source}')`
      const checks: [boolean, string, string][] = [
        [determinantNumbers.has(l.determinant), 'determinant', `unknown determinant ${l.determinant}`],
        [strategyIds.has(l.strategy), 'strategy', `unknown strategy '${l.strategy}'`],
        [sourceById.has(l.source), 'source', `unknown source '${l.source}'`],
        [methodById.has(l.method), 'method', `unknown method '${l.method}'`],
      ]
      for (const [ok, field, message] of checks) {
        if (!ok) problems.push({ file: file.file, record, field, message })
      }
      // Our own proposals never make a link essential on their own (data/README.md, "Editorial
      // judgement"): that takes a source with evidence.
      if (sourceById.get(l.source)?.tier === 'proposal' && l.strength >= ESSENTIAL_STRENGTH) {
        problems.push({
          file: file.file,
          record,
          field: 'strength',
          message: `an editorial proposal is never essential on its own: strength must stay below ${ESSENTIAL_STRENGTH} (0.45 direct, 0.3 indirect)`,
        })
      }
      const method = methodById.get(l.method)
      if (method && !method.bases.includes(l.basis)) {
        problems.push({
          file: file.file,
          record,
          field: 'basis',
          message: `method '${l.method}' gives strengths of basis ${method.bases.join(' or ')}, not '${l.basis}'`,
        })
      }
      if (method && l.basis === 'fixed' && method.fixedStrength !== undefined && l.strength !== method.fixedStrength) {
        problems.push({
          file: file.file,
          record,
          field: 'strength',
          message: `a fixed strength of method '${l.method}' is ${method.fixedStrength}, not ${l.strength}`,
        })
      }
      const key = `${l.determinant}|${l.strategy}|${l.source}`
      if (seenLinks.has(key)) {
        problems.push({
          file: file.file,
          record,
          field: 'source',
          message: 'the same determinant, strategy and source are linked in another record',
        })
      }
      seenLinks.add(key)
      linkedStrategies.add(l.strategy)
      const set = strategiesPerDeterminant.get(l.determinant) ?? new Set<string>()
      set.add(l.strategy)
      strategiesPerDeterminant.set(l.determinant, set)
    })
  }

  kb.determinants.records.forEach((d, i) => {
    const count = strategiesPerDeterminant.get(d.number)?.size ?? 0
    if (count < MIN_STRATEGIES_PER_DETERMINANT) {
      problems.push({
        file: kb.determinants.file,
        record: `determinants[${i}] (number ${d.number})`,
        field: 'links',
        message: `linked to ${count} strategies; at least ${MIN_STRATEGIES_PER_DETERMINANT} are needed`,
      })
    }
  })
  for (const file of kb.strategies) {
    file.records.forEach((s, i) => {
      if (!linkedStrategies.has(s.id)) {
        problems.push({
          file: file.file,
          record: `strategies[${i}] (id '${s.id}')`,
          field: 'links',
          message: 'addresses no determinant: add at least one link',
        })
      }
    })
  }
  return problems
}

/** Formats a problem as one line: `file: record: field: message`. */
export function formatKbProblem(p: KbProblem): string {
  return `${p.file}: ${p.record}: ${p.field}: ${p.message}`
}
