/**
 * @module Derives `data/kb/links/cfir-eric.yaml` from reviewed inputs:
 * `data/sources/cfir-eric-published.csv` (published CFIR–ERIC expert endorsements, facts with
 * their source), `data/sources/midi-cfir-crosswalk.csv` (our editorial MIDI→CFIR crosswalk) and
 * `data/sources/cfir-constructs.csv` (the names sources use for each CFIR construct).
 *
 * Run `npx tsx server/cli/derive-cfir-eric-links.ts` after changing an input; the output is
 * committed and reviewed like any other source file, and a data test checks it is up to date.
 * The method is in data/README.md. An unknown construct name stops the run.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CfirEricInputError, deriveCfirEricLinks } from '../domain/cfir-eric-links.ts'
import { REPO_ROOT, readCfirEricInputs } from '../kb/cfir-eric-inputs.ts'
import { cfirEricYaml } from '../kb/cfir-eric-yaml.ts'

try {
  const { links, unmapped } = deriveCfirEricLinks(readCfirEricInputs())
  writeFileSync(join(REPO_ROOT, 'data/kb/links/cfir-eric.yaml'), cfirEricYaml(links))
  console.log(`wrote ${links.length} CFIR–ERIC links`)
  for (const u of unmapped) {
    console.log(`not used: ${u.rows} published row(s) for '${u.construct}', which the crosswalk maps to no MIDI determinant`)
  }
} catch (error) {
  if (!(error instanceof CfirEricInputError)) throw error
  console.error(error.message)
  process.exit(1)
}
