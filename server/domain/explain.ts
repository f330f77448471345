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
  if (a.counted < a.strength) {
    parts.push(lang === 'nl' ? 'zelfde expertoordeel telt maar één keer' : 'the same expert judgement counts once')
  }
  return `${name} (${parts.join('; ')})`
}

const barriersWord = (n: number, lang: Lang) =>
  lang === 'nl' ? (n === 1 ? 'belemmering' : 'belemmeringen') : n === 1 ? 'barrier' : 'barriers'

/**
 * Explains a ranked strategy, leading with what orders it: when its main contribution is an
 * essential link, the barriers it addresses essentially (at most two, each with its severity
 * and link); otherwise the (at most two) barriers it contributes most to, each with its link;
 * then how many more it supports.
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
  const divided = r.disagreement ? explainDisagreement(r.disagreement, names, lang) : ''
  if (r.disagreement && r.addresses.length === 0) return divided
  const rest = explainFit(r, names, lang, severityKnown)
  return divided ? `${divided} ${rest}` : rest
}

/** "The team disagrees on …": why an agreement-building strategy comes first. */
function explainDisagreement(numbers: readonly number[], names: ReadonlyMap<number, string>, lang: Lang): string {
  const list = joinNames(numbers.map((d) => nameOf(names, d)), lang)
  return lang === 'nl'
    ? `Het team is het oneens over ${list}: velen antwoordden negatief en velen positief. Deze strategie helpt eerst samen te bepalen wat het probleem is.`
    : `The team disagrees on ${list}: many answered negatively and many positively. This strategy helps the team agree first on what the problem is.`
}

function explainFit(r: RankedStrategy, names: ReadonlyMap<number, string>, lang: Lang, severityKnown: boolean): string {
  const describe = (a: Address) => describeAddress(a, nameOf(names, a.determinant), lang, severityKnown)
  // The addresses come main contribution first; an essential lead names its essential links.
  const essential = r.addresses.filter((a) => a.label === 'essential')
  const n = r.addresses.length
  if (r.addresses[0]?.label === 'essential') {
    const main = essential.slice(0, 2).map(describe)
    const rest = n - main.length
    if (lang === 'nl') {
      const also = rest > 0 ? `; ondersteunt nog ${rest} ${barriersWord(rest, lang)}` : ''
      return `Essentieel voor jullie ${barriersWord(main.length, lang)} ${joinNames(main, lang)}${also}.`
    }
    const also = rest > 0 ? `; also supports ${rest} more ${barriersWord(rest, lang)}` : ''
    return `Essential for your ${barriersWord(main.length, lang)} ${joinNames(main, lang)}${also}.`
  }
  const main = r.addresses.slice(0, 2).map(describe)
  if (lang === 'nl') {
    return n === 1
      ? `Ondersteunt de aanpak van jullie belemmering ${main[0]}.`
      : `Ondersteunt de aanpak van ${n} van jullie belemmeringen, het sterkst ${joinNames(main, lang)}.`
  }
  return n === 1
    ? `Supports work on your barrier ${main[0]}.`
    : `Supports work on ${n} of your barriers, most strongly ${joinNames(main, lang)}.`
}

/** Explains a bundle member: which barriers it adds to the bundle's coverage. */
export function explainBundleMember(
  m: BundleMember,
  names: ReadonlyMap<number, string>,
  lang: Lang,
  severityKnown = true
): string {
  const list = (ds: readonly number[]) => joinNames(ds.map((d) => nameOf(names, d)), lang)
  const ranked = explainRanked(m, names, lang, severityKnown)
  const reasons: string[] = []
  if (lang === 'nl') {
    if (m.covers.length > 0) reasons.push(`${list(m.covers)} dekt met een essentiële koppeling`)
    if (m.weaklyCovers.length > 0) reasons.push(`als eerste ${list(m.weaklyCovers)} bereikt, al is het alleen ondersteunend`)
    if (reasons.length === 0) return ranked
    return `Gekozen omdat deze strategie ${reasons.join(' en ')}, wat geen eerdere keuze doet. ${ranked}`
  }
  if (m.covers.length > 0) reasons.push(`covers ${list(m.covers)} with an essential link`)
  if (m.weaklyCovers.length > 0) reasons.push(`is the first to reach ${list(m.weaklyCovers)}, if only in support`)
  if (reasons.length === 0) return ranked
  return `Chosen because it ${reasons.join(' and ')}, which no earlier choice does. ${ranked}`
}
