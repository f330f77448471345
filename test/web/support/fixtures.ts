import type { RecommendedStrategy } from '../../../server/schemas/api.ts'
import type { PlanTableLabels } from '../../../web/plan-export.ts'

/** One strategy as /api/recommendations returns it. */
export const recommendedStrategy: RecommendedStrategy = {
  id: 'allocate-task-hours',
  name: 'Allocate task hours',
  description: 'Those who deliver the approach get hours for it.',
  example: 'The team leader sets aside ten hours per mentor.',
  cluster: 'financial',
  clusterName: 'Arrange funding and means',
  phases: ['preparation', 'sustainment'],
  actors: ['school-management'],
  effort: 'medium',
  origin: 'eric',
  ericNumber: 2,
  ericName: 'Alter incentive/allowance structures',
  waltz: null,
  mechanismChanged: false,
  adaptationNote: null,
  score: 0.42,
  best: 0.3,
  addresses: [
    {
      determinant: 23,
      name: 'Time available',
      severity: 0.5,
      strength: 0.6,
      counted: 0.6,
      label: 'essential',
      agreement: 2,
      evidence: [
        { source: 'editorial', method: 'editorial-judgement', strength: 0.6 },
        { source: 'cfir', method: 'cfir-eric-crosswalk', strength: 0.2 },
      ],
    },
    {
      determinant: 25,
      name: 'Coordinator',
      severity: 0.4,
      strength: 0.3,
      counted: 0.3,
      label: 'supportive',
      agreement: 1,
      evidence: [{ source: 'editorial', method: 'editorial-judgement', strength: 0.3 }],
    },
  ],
  why: 'Addresses 2 of your barriers, most strongly Time available (50% negative; essential link).',
}

/**
 * A strategy with one expert cell behind two barriers (a crosswalk fans one CFIR construct out
 * over Materials and Time): Materials counted it, so Time counts it no more.
 */
export const cellSharingStrategy: RecommendedStrategy = {
  ...recommendedStrategy,
  id: 'access-new-funding',
  name: 'Access new funding',
  score: 0.5,
  best: 0,
  addresses: [
    {
      determinant: 24,
      name: 'Materials and facilities',
      severity: 1,
      strength: 0.44,
      counted: 0.44,
      label: 'supportive',
      agreement: 1,
      evidence: [{ source: 'isc', method: 'cfir-eric-crosswalk', strength: 0.44, cell: 'isc/available-resources/access-new-funding' }],
    },
    {
      determinant: 23,
      name: 'Time available',
      severity: 0.5,
      strength: 0.44,
      counted: 0,
      label: 'supportive',
      agreement: 1,
      evidence: [{ source: 'isc', method: 'cfir-eric-crosswalk', strength: 0.44, cell: 'isc/available-resources/access-new-funding' }],
    },
  ],
  why: 'Supports work on 2 of your barriers.',
}

/** The sources of the fixtures as /api/reference lists them (`editorial` is our proposal). */
export const referenceSources = [
  { id: 'editorial', label: 'Strategiewijzer editorial team', citation: '', url: null, kind: 'editorial', evidence: 'P', description: '', origin: 'curated', links: 2 },
  { id: 'cfir', label: 'Waltz et al. 2019', citation: '', url: null, kind: 'expert-survey', evidence: 'V', description: '', origin: 'curated', links: 1 },
  { id: 'isc', label: 'Implement Sci Commun 2023', citation: '', url: null, kind: 'expert-survey', evidence: 'S', description: '', origin: 'curated', links: 2 },
]

/** A catalogue entry (/api/strategies) named `name`. */
export const catalogueStrategy = (id: string, name: string) => ({
  ...recommendedStrategy,
  id,
  name,
  addresses: undefined,
  score: undefined,
  best: undefined,
  why: undefined,
})

/** The element that has focus, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let focused = document.activeElement
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement
  return focused
}

/** The plan table's column labels in English; `phase` names a phase (as it is, by default). */
export const planTableLabels = (phase: (p: string) => string = (p) => p): PlanTableLabels => ({
  order: 'No.',
  strategy: 'Strategy',
  cluster: 'Cluster',
  phases: 'Phases',
  barriers: 'Barriers',
  spec: { actor: 'Who', action: 'What', target: 'For whom', timing: 'When', dose: 'How often', outcome: 'Outcome', notes: 'Notes' },
  phase,
})
