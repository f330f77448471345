/**
 * @module One-sentence explanations of why a strategy is recommended, in Dutch or English,
 * built only from the numbers the ranking produced.
 */
import type { Address, BundleMember, RankedStrategy } from './ranking.ts'
import type { Lang } from './vocabulary.ts'

const percent = (x: number) => `${Math.round(x * 100)}%`

/** A determinant's name, or its number where the names lack it. */
const nameOf = (names: ReadonlyMap<number, string>, d: number) => names.get(d) ?? `#${d}`

function joinNames(names: readonly string[], lang: Lang): string {
  const and = lang === 'nl' ? 'en' : 'and'
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`
}

function describeAddress(a: Address, name: string, lang: Lang, severityKnown: boolean): string {
  const parts: string[] = []
  if (severityKnown) parts.push(lang === 'nl' ? `${percent(a.severity)} negatief` : `${percent(a.severity)} negative`)
  parts.push(
    lang === 'nl'
      ? a.label === 'essential'
        ? 'essentiële koppeling'
        : 'ondersteunende koppeling'
      : `${a.label} link`
  )
  if (a.agreement > 1) parts.push(lang === 'nl' ? `${a.agreement} methoden eens` : `${a.agreement} methods agree`)
  return `${name} (${parts.join('; ')})`
}

/**
 * Explains a ranked strategy: how many barriers it addresses and the (at most two) barriers
 * that contribute most, each with its severity and link strength.
 *
 * @param names determinant number → name in `lang`
 * @param severityKnown false when the team gave barriers without severities
 */
export function explainRanked(
  r: RankedStrategy,
  names: ReadonlyMap<number, string>,
  lang: Lang,
  severityKnown = true
): string {
  const main = r.addresses.slice(0, 2).map((a) => describeAddress(a, nameOf(names, a.determinant), lang, severityKnown))
  const n = r.addresses.length
  if (lang === 'nl') {
    return n === 1
      ? `Pakt jullie barrière ${main[0]} aan.`
      : `Pakt ${n} van jullie barrières aan, het sterkst ${joinNames(main, lang)}.`
  }
  return n === 1
    ? `Addresses your barrier ${main[0]}.`
    : `Addresses ${n} of your barriers, most strongly ${joinNames(main, lang)}.`
}

/** Explains a bundle member: which barriers it adds to the bundle's coverage. */
export function explainBundleMember(
  m: BundleMember,
  names: ReadonlyMap<number, string>,
  lang: Lang,
  severityKnown = true
): string {
  const covers = joinNames(m.covers.map((d) => nameOf(names, d)), lang)
  const ranked = explainRanked(m, names, lang, severityKnown)
  if (m.covers.length === 0) return ranked
  return lang === 'nl'
    ? `Gekozen omdat deze strategie ${covers} dekt, wat geen eerdere keuze doet. ${ranked}`
    : `Chosen because it covers ${covers}, which no earlier choice does. ${ranked}`
}
