/**
 * @module Entry point of the web app: move a link's token out of the address bar, set the
 * language first, so the first screen is drawn in it, then define the elements.
 */
import { savedLang, switchLang } from './localization.ts'
import { navigate } from './router.ts'
import { adoptTokens } from './styles/shared.ts'
import { networkCredentials } from './network/network-credentials.ts'
import { ratingCredentials } from './rating/rating-credentials.ts'
import { credentials } from './workspace/credentials.ts'

credentials.adoptFromUrl()
networkCredentials.adoptFromUrl()
ratingCredentials.adoptFromUrl()
// A link pasted into the address bar of an open page only changes the fragment.
window.addEventListener('hashchange', () => {
  if (credentials.adoptFromUrl() || networkCredentials.adoptFromUrl() || ratingCredentials.adoptFromUrl()) navigate(window.location.pathname + window.location.search, { replace: true })
})

adoptTokens()

await switchLang(savedLang())
await import('./app-shell.ts')
