/**
 * @module The interface language. Strings are written in English in the source and
 * translated to Dutch in xliff/nl.xlf (`npm run i18n:extract`, then `npm run i18n:build`
 * generates web/locales/). Dutch is the default; the choice is kept in the browser.
 */
import { configureLocalization } from '@lit/localize'
import { sourceLocale, targetLocales } from './locales/locale-codes.ts'
import type { Lang } from '../server/domain/vocabulary.ts'

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => import(`./locales/${locale}.ts`),
})

const KEY = 'strategiewijzer:lang'

/** The language chosen before, or Dutch. */
export function savedLang(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'nl'
  } catch {
    return 'nl'
  }
}

/** Switches the interface (and the language of knowledge-base texts) and remembers it. */
export async function switchLang(lang: Lang): Promise<void> {
  await setLocale(lang)
  document.documentElement.lang = lang
  try {
    localStorage.setItem(KEY, lang)
  } catch {
    // Private mode: the switch still works for this visit.
  }
}

/** The current language as the API understands it. */
export const currentLang = (): Lang => (getLocale() === 'en' ? 'en' : 'nl')
