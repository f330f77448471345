import { page } from 'vitest/browser'
import { afterEach, describe, expect, it } from 'vitest'
import { goZones, type GoZonePoint } from '../../web/components/go-zone-chart.ts'
import { axeViolations } from './support/axe.ts'

const points: GoZonePoint[] = [
  { id: 'assess-barriers', name: 'Assess barriers', importance: 4.6, feasibility: 4.57, kind: 'published' },
  { id: 'audit-and-feedback', name: 'Audit and feedback', importance: 4.4, feasibility: 3.0, kind: 'published' },
  { id: 'champions', name: 'Champions', importance: 2, feasibility: 5, kind: 'team' },
  { id: 'mandate-change', name: 'Mandate change', importance: 2, feasibility: 2, kind: 'team' },
]

async function mount(view: 'chart' | 'table' = 'chart') {
  const el = document.createElement('sw-go-zone-chart')
  el.points = points
  el.view = view
  document.body.append(el)
  await el.updateComplete
  return el
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('goZones', () => {
  it('splits at the means of the points, as Waltz et al. (2015) do', () => {
    const z = goZones(points)
    expect(z.importance).toBeCloseTo(3.25, 9)
    expect(z.feasibility).toBeCloseTo(3.6425, 9)
    expect(z.quadrants).toEqual(['go-zone', 'important-harder', 'easier-less-important', 'neither'])
  })
})

describe('<sw-go-zone-chart>', () => {
  it('draws each strategy as a numbered shape: a circle for a published rating, a square for the team’s', async () => {
    const el = await mount()
    const shapes = [...el.shadowRoot!.querySelectorAll('[data-point]')].map((g) => [g.getAttribute('data-point'), g.firstElementChild?.tagName, g.textContent])
    expect(shapes).toEqual([
      ['assess-barriers', 'circle', '1'],
      ['audit-and-feedback', 'circle', '2'],
      ['champions', 'rect', '3'],
      ['mandate-change', 'rect', '4'],
    ])
    await expect.element(page.getByRole('listitem').first()).toHaveTextContent('Assess barriers — Go zone: important and feasible')
  })

  it('places the go zone top right of the split at the means', async () => {
    const el = await mount()
    const zone = el.shadowRoot!.querySelector('[data-quadrant="go-zone"]')!
    const point = el.shadowRoot!.querySelector('[data-point="assess-barriers"] circle')!
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(zone.getAttribute(a)))
    const [cx, cy] = ['cx', 'cy'].map((a) => Number(point.getAttribute(a)))
    expect(cx).toBeGreaterThan(x!)
    expect(cx).toBeLessThan(x! + w!)
    expect(cy).toBeGreaterThan(y!)
    expect(cy).toBeLessThan(y! + h!)
  })

  it('offers the same as a table, with the source of each rating', async () => {
    await mount('table')
    await expect.element(page.getByRole('row', { name: /Audit and feedback/ })).toHaveTextContent(/4\.4.*3.*Important, harder to do.*Waltz et al\. 2015/)
    await expect.element(page.getByRole('row', { name: /Champions/ })).toHaveTextContent(/your team/)
  })

  it('has no serious accessibility violations in either view', async () => {
    const el = await mount()
    expect(await axeViolations(document.body)).toEqual([])
    el.view = 'table'
    await el.updateComplete
    expect(await axeViolations(document.body)).toEqual([])
  })
})
