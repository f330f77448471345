/**
 * @module Reads the knowledge-base source files under `data/kb/`, parses each with its zod
 * schema and checks the references between them.
 *
 * Every problem is reported with the file, the record and the field, so an editor can fix a
 * broken pull request without reading code.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import type { z } from 'zod'
import {
  checkKbIntegrity,
  formatKbProblem,
  type FromFile,
  type KbProblem,
  type KbSources,
} from '../domain/kb-integrity.ts'
import {
  type Cluster,
  type Determinant,
  type Link,
  type Method,
  type Scale,
  type Source,
  type Strategy,
  ClustersFile,
  DeterminantsFile,
  LinksFile,
  MethodsFile,
  ScalesFile,
  SourcesFile,
  StrategiesFile,
} from '../schemas/kb.ts'

/** Thrown when the sources cannot be loaded; `problems` lists every one found. */
export class KbSourceError extends Error {
  readonly problems: readonly KbProblem[]
  constructor(problems: readonly KbProblem[]) {
    super(
      `The knowledge base has ${problems.length} problem(s); nothing was loaded:\n` +
        problems.map((p) => `  - ${formatKbProblem(p)}`).join('\n')
    )
    this.name = 'KbSourceError'
    this.problems = problems
  }
}

type ListKey = 'scales' | 'determinants' | 'clusters' | 'sources' | 'methods' | 'strategies' | 'links'

/** Names a record by its index and whatever identifies it, e.g. `strategies[3] (id 'champions')`. */
function recordName(listKey: string, index: number, raw: unknown): string {
  const entry = (raw as Record<string, unknown[]> | undefined)?.[listKey]?.[index] as
    | Record<string, unknown>
    | undefined
  const label =
    entry?.id !== undefined
      ? `id '${String(entry.id)}'`
      : entry?.number !== undefined
        ? `number ${String(entry.number)}`
        : entry?.strategy !== undefined
          ? `${String(entry.determinant)} → '${String(entry.strategy)}'`
          : undefined
  return label ? `${listKey}[${index}] (${label})` : `${listKey}[${index}]`
}

function parseFile<T>(
  root: string,
  path: string,
  schema: z.ZodType,
  listKey: ListKey,
  problems: KbProblem[]
): FromFile<T> {
  const file = relative(root, path) || path
  let raw: unknown
  try {
    raw = parseYaml(readFileSync(path, 'utf8'))
  } catch (error) {
    const message =
      error instanceof YAMLParseError
        ? `not valid YAML: ${error.message.split('\n')[0]}`
        : `cannot be read: ${(error as Error).message}`
    problems.push({ file, record: '(file)', field: '(file)', message })
    return { file, records: [] }
  }
  const result = schema.safeParse(raw)
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [key, index, ...rest] = issue.path
      const isRecord = key === listKey && typeof index === 'number'
      problems.push({
        file,
        record: isRecord ? recordName(listKey, index, raw) : '(file)',
        field: (isRecord ? rest : issue.path).map(String).join('.') || '(record)',
        message: issue.message,
      })
    }
    return { file, records: [] }
  }
  return { file, records: (result.data as Record<string, T[]>)[listKey] ?? [] }
}

function yamlFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name))
}

/**
 * Reads and checks every source file under `kbDir` (default `data/kb`).
 *
 * @throws {KbSourceError} listing every schema and integrity problem found.
 */
export function readKbSources(kbDir: string): KbSources {
  const root = join(kbDir, '..', '..')
  const problems: KbProblem[] = []
  const at = (name: string) => join(kbDir, name)
  const sources: KbSources = {
    scales: parseFile<Scale>(root, at('scales.yaml'), ScalesFile, 'scales', problems),
    determinants: parseFile<Determinant>(root, at('determinants.yaml'), DeterminantsFile, 'determinants', problems),
    clusters: parseFile<Cluster>(root, at('clusters.yaml'), ClustersFile, 'clusters', problems),
    sources: parseFile<Source>(root, at('sources.yaml'), SourcesFile, 'sources', problems),
    methods: parseFile<Method>(root, at('methods.yaml'), MethodsFile, 'methods', problems),
    strategies: yamlFilesIn(at('strategies')).map((p) =>
      parseFile<Strategy>(root, p, StrategiesFile, 'strategies', problems)
    ),
    links: yamlFilesIn(at('links')).map((p) => parseFile<Link>(root, p, LinksFile, 'links', problems)),
  }
  // Integrity rules only make sense on files that parsed; report schema problems first.
  if (problems.length === 0) problems.push(...checkKbIntegrity(sources))
  if (problems.length > 0) throw new KbSourceError(problems)
  return sources
}
