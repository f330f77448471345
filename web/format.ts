/**
 * @module Numbers and counts in the interface language: every score, link strength, mean and
 * percentage goes through here, so Dutch reads "1,34" and "30%" and English "1.34"; and the
 * plural-aware choice of a phrase ("1 respondent", "2 respondents") by Intl.PluralRules,
 * since @lit/localize has no plural syntax of its own.
 */
import { getLocale } from './localization.ts'

const cache = new Map<string, Intl.NumberFormat>()

/** A number formatter for the active language, made once per language and options. */
function formatter(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = getLocale()
  const id = `${locale}|${key}`
  let f = cache.get(id)
  if (!f) {
    f = new Intl.NumberFormat(locale, options)
    cache.set(id, f)
  }
  return f
}

/** A share 0–1 as a whole percentage: "30%"; a dash for no value. */
export function formatPercent(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–'
  return formatter('percent', { style: 'percent', maximumFractionDigits: 0 }).format(x)
}

/** A signed change in percentage points as a number: "+12", "−5", "0". */
export function formatPointChange(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–'
  return formatter('points', { signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(Math.round(x * 100))
}

/** A score or a mean with exactly `digits` decimals: "1,34" in Dutch. */
export function formatFixed(x: number, digits = 2): string {
  return formatter(`fixed${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x)
}

/** A link strength: one or two decimals, as needed ("0,4", "0,45"). */
export function formatStrength(x: number): string {
  return formatter('strength', { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(x)
}

/** A whole count with the language's grouping: "1.234" in Dutch, "1,234" in English. */
export function formatCount(n: number): string {
  return formatter('count', { maximumFractionDigits: 0 }).format(n)
}

/**
 * The phrase for `n` in the active language's plural category. Pass each form already
 * translated, e.g. `plural(n, { one: msg('1 respondent'), other: msg(str`${formatCount(n)} respondents`) })`.
 * Dutch and English both have `one` and `other`; `zero` is used where given (never chosen by
 * the rules of those languages, so only by exactly 0).
 */
export function plural(n: number, forms: { readonly zero?: string; readonly one: string; readonly other: string }): string {
  if (n === 0 && forms.zero !== undefined) return forms.zero
  return new Intl.PluralRules(getLocale()).select(n) === 'one' ? forms.one : forms.other
}
