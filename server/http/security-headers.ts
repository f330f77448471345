/**
 * @module The security headers of every response (hono's `secureHeaders`), with one
 * Content-Security-Policy per kind of response: the web app, the API's JSON and the API docs.
 */
import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

type Options = NonNullable<Parameters<typeof secureHeaders>[0]>


/**
 * The web app: scripts, styles and requests from its own origin only. No inline script at all;
 * inline style attributes are allowed (`style-src-attr`), because Lit templates set a few
 * (`style="--columns:…"`) and an attribute cannot select elements or load anything that
 * `img-src` would not allow; `<style>` elements are not (the page's styles are a file). The
 * favicon is a data: URI. Lit's adopted stylesheets are not subject to style-src.
 */
export const WEB_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  styleSrcAttr: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} satisfies Options['contentSecurityPolicy']

/** API answers are data, never a document: nothing may load from them, nor frame them. */
export const API_CSP = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
} satisfies Options['contentSecurityPolicy']

/**
 * Swagger UI at /api/docs: its bundle, its stylesheet and its start script are files served
 * from /api/docs/, so neither inline scripts nor inline styles are needed (its React style
 * props go through the CSSOM, which CSP does not restrict; checked in Chromium by opening and
 * running every operation). Its icons are data: URIs; "Try it out" calls this origin.
 */
export const DOCS_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
} satisfies Options['contentSecurityPolicy']

const common: Options = {
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  // HTTPS is the business of whatever terminates TLS in front of this server (it listens on
  // plain HTTP, where browsers ignore the header anyway); pinning it here could lock a school
  // out of a host name it serves over HTTP on purpose.
  strictTransportSecurity: false,
  // The app uses none of these; no script on its pages may either.
  permissionsPolicy: { camera: false, microphone: false, geolocation: false, payment: false, usb: false },
}

const forWeb = secureHeaders({ ...common, contentSecurityPolicy: WEB_CSP })
const forApi = secureHeaders({ ...common, contentSecurityPolicy: API_CSP })
const forDocs = secureHeaders({ ...common, contentSecurityPolicy: DOCS_CSP })

const isDocs = (path: string) => path === '/api/docs' || path.startsWith('/api/docs/')
const isApi = (path: string) => path === '/api' || path.startsWith('/api/')

/** Sets the security headers on every response, whatever its status, by the kind of path. */
export function securityHeaders(): MiddlewareHandler {
  return (c, next) => {
    const path = c.req.path
    return (isDocs(path) ? forDocs : isApi(path) ? forApi : forWeb)(c, next)
  }
}
