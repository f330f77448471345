/**
 * @module Resolves the names sources give CFIR (2009) constructs to one canonical name each,
 * with an explicit table (data/sources/cfir-constructs.csv) rather than fuzzy matching: the
 * published reports write "Knowledge & beliefs", "Knowledge and Beliefs about the
 * Intervention" or "Engaging: Key Stakeholders" for constructs our crosswalk names in full.
 *
 * Two names are the same when they agree after {@link constructKey}; anything else must be in
 * the table. A name the table does not know is an error, never a silent miss.
 */

/** One row of the table: a name as a source writes it, and the canonical construct it means. */
export type ConstructName = { readonly name: string; readonly construct: string }

/** Canonical constructs by the key of every name they are known by. */
export type ConstructTable = ReadonlyMap<string, string>

/**
 * The comparison key of a construct name: lower case, `&` read as "and", punctuation as a
 * space, runs of spaces as one. "Self-efficacy" and "self efficacy" share a key; "Knowledge &
 * beliefs" and "Knowledge & beliefs about the intervention" do not (that needs the table).
 */
export function constructKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * Builds the table. Every canonical construct must also be listed under its own name.
 *
 * @throws {Error} when two rows give one key different constructs, or a construct is not
 *   listed under its own name.
 */
export function constructTable(rows: readonly ConstructName[]): ConstructTable {
  const table = new Map<string, string>()
  for (const { name, construct } of rows) {
    const key = constructKey(name)
    const known = table.get(key)
    if (known !== undefined && known !== construct) {
      throw new Error(`CFIR name '${name}' is listed for both '${known}' and '${construct}'`)
    }
    table.set(key, construct)
  }
  for (const { construct } of rows) {
    if (table.get(constructKey(construct)) !== construct) {
      throw new Error(`CFIR construct '${construct}' is not listed under its own name`)
    }
  }
  return table
}

/**
 * The canonical construct a name stands for, or undefined when the table does not know it. A
 * name qualified by its parent construct ("Engaging: Key stakeholders") is also looked up
 * without the qualifier.
 */
export function resolveConstruct(table: ConstructTable, name: string): string | undefined {
  const whole = table.get(constructKey(name))
  if (whole !== undefined) return whole
  const colon = name.lastIndexOf(':')
  return colon >= 0 ? table.get(constructKey(name.slice(colon + 1))) : undefined
}
