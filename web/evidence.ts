/**
 * @module The evidence behind one address of a recommended strategy (a barrier it addresses),
 * as lines a team can weigh: per source the weight of its evidence in words, the strength as
 * what it is (a printed share, a bound, a fixed value, our judgement), and the source; and a
 * note where one expert judgement already counted for another barrier. Shared by the strategy
 * card and the coverage check's additions.
 */
import { msg, str } from '@lit/localize'
import { css, html, nothing } from 'lit'
import type { RecommendedStrategy } from '../server/schemas/api.ts'
import { basisOf, tierOfLink, type EvidenceTier } from './evidence-tier.ts'
import { evidenceLabel, nameList, strengthText } from './labels.ts'

type Address = RecommendedStrategy['addresses'][number]

/** What the lines need to name sources and weigh them. */
export type EvidenceNames = {
  /** Source id → its label. */
  readonly sourceNames: ReadonlyMap<string, string>
  /** Source id → its evidence tier. */
  readonly sourceTiers: ReadonlyMap<string, EvidenceTier>
}

/** One line per source behind the address, strongest first (as the answer lists them). */
export function evidenceLines(address: Address, names: EvidenceNames) {
  return html`<ul class="evidence">
    ${address.evidence.map(
      (e) => html`<li>
        <span class="tier">${evidenceLabel(tierOfLink(e, names.sourceTiers), e.method)}</span> ·
        <span class="strength">${strengthText(e.strength, basisOf(e))}</span> ·
        <span class="source">${names.sourceNames.get(e.source) ?? e.source}</span>
      </li>`
    )}
  </ul>`
}

/**
 * The other addresses that counted an expert cell `address` could not count again: those whose
 * counted strength is the strength of their link from that cell.
 */
export function sharedCellWith(address: Address, addresses: readonly Address[]): Address[] {
  const uncounted = new Set(address.evidence.filter((e) => e.cell !== undefined && e.strength > address.counted).map((e) => e.cell))
  return addresses.filter(
    (b) => b !== address && b.evidence.some((e) => e.cell !== undefined && uncounted.has(e.cell) && e.strength === b.counted)
  )
}

/** "Counts once: the same expert judgement as for …" where the score counted less than the strength. */
export function countedOnceNote(address: Address, addresses: readonly Address[]) {
  if (!(address.counted < address.strength)) return nothing
  const others = sharedCellWith(address, addresses).map((b) => b.name)
  return html`<p class="counted-once">
    ${others.length > 0
      ? msg(str`Counts once: the same expert judgement as for ${nameList(others)}.`)
      : msg('Counts once: the same expert judgement as for another barrier.')}
  </p>`
}

/** The styles of the lines, for the elements that show them. */
export const evidenceStyles = css`
  ul.evidence {
    margin: 0.15rem 0 0;
    padding-left: 1.1rem;
    font-size: 0.88rem;
    color: var(--sw-muted);
  }
  ul.evidence li {
    margin: 0.1rem 0;
  }
  ul.evidence .tier {
    color: var(--sw-ink);
    font-weight: 600;
  }
  .counted-once {
    margin: 0.15rem 0 0;
    font-size: 0.88rem;
    font-style: italic;
  }
`
