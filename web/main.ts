/**
 * @module Entry point of the web app: set the language first, so the first screen is drawn in
 * it, then define the elements.
 */
import { savedLang, switchLang } from './localization.ts'
import { adoptTokens } from './styles/shared.ts'

adoptTokens()

await switchLang(savedLang())
await import('./app-shell.ts')
