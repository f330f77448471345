/**
 * @module Client-side routes. Every screen has its own URL, so a facilitator can link to a
 * strategy or send a team straight to the questionnaire; the server answers every non-API
 * path with the same page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

export const ROUTES = [
  ['start', /^\/$/],
  ['questionnaire', /^\/questionnaire\/?$/],
  ['team', /^\/team\/?$/],
  ['barriers', /^\/barriers\/?$/],
  ['recommendations', /^\/recommendations\/?$/],
  ['plan', /^\/plan\/?$/],
  ['coverage', /^\/coverage\/?$/],
  ['kb', /^\/kb\/?$/],
  ['determinant', /^\/kb\/determinants\/(\d{1,2})\/?$/],
  ['strategy', /^\/kb\/strategies\/([a-z0-9-]+)\/?$/],
  ['workspace-new', /^\/w\/new\/?$/],
  ['workspace', /^\/w\/([A-Za-z0-9_-]{16})\/?$/],
  ['compare', /^\/w\/([A-Za-z0-9_-]{16})\/compare\/?$/],
  ['report', /^\/w\/([A-Za-z0-9_-]{16})\/report\/?$/],
  ['respond', /^\/r\/?$/],
  ['network-new', /^\/n\/new\/?$/],
  ['network-join', /^\/n\/join\/?$/],
  ['network', /^\/n\/([A-Za-z0-9_-]{16})\/?$/],
  ['network-handout', /^\/n\/([A-Za-z0-9_-]{16})\/handout\/?$/],
  ['rating-new', /^\/x\/new\/?$/],
  ['rating', /^\/x\/([A-Za-z0-9_-]{16})\/?$/],
  ['rating-expert', /^\/x\/([A-Za-z0-9_-]{16})\/rate\/?$/],
] as const

export type RouteName = (typeof ROUTES)[number][0] | 'not-found'
export type Route = { readonly name: RouteName; readonly param?: string; readonly query: URLSearchParams }

export function matchRoute(url: URL | Location): Route {
  for (const [name, pattern] of ROUTES) {
    const match = pattern.exec(url.pathname)
    if (match) return { name, param: match[1], query: new URLSearchParams(url.search) }
  }
  return { name: 'not-found', query: new URLSearchParams(url.search) }
}

const CHANGE = 'sw-route-change'

/** Goes to `path` without reloading the page. */
export function navigate(path: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  window.dispatchEvent(new Event(CHANGE))
}

/** Keeps a host rendering the current route. */
export class RouteController implements ReactiveController {
  route: Route = matchRoute(window.location)
  private readonly host: ReactiveControllerHost
  private readonly update = () => {
    this.route = matchRoute(window.location)
    this.host.requestUpdate()
  }
  constructor(host: ReactiveControllerHost) {
    this.host = host
    host.addController(this)
  }
  hostConnected() {
    window.addEventListener('popstate', this.update)
    window.addEventListener(CHANGE, this.update)
  }
  hostDisconnected() {
    window.removeEventListener('popstate', this.update)
    window.removeEventListener(CHANGE, this.update)
  }
}

/**
 * Turns clicks on same-origin links anywhere in the page (shadow roots included) into
 * client-side navigation. Returns the listener's remover.
 */
export function interceptLinks(root: EventTarget = document): () => void {
  const onClick = (event: Event) => {
    const e = event as MouseEvent
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    const anchor = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement)
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return
    const url = new URL(anchor.href, window.location.href)
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return
    e.preventDefault()
    navigate(url.pathname + url.search + url.hash)
  }
  root.addEventListener('click', onClick)
  return () => root.removeEventListener('click', onClick)
}
