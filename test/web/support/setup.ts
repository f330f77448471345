// Components rely on the design tokens the app adopts on the document at start.
import { adoptTokens } from '../../../web/styles/shared.ts'

adoptTokens()
