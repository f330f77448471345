/**
 * @module The form that deletes something for good once its name is typed (a workspace, a
 * rating study, a learning network). The texts come from the page, in its words.
 */
import { html, type TemplateResult } from 'lit'

/** Whether `typed` confirms deleting what is called `name`; spaces around either do not count. */
export const confirmsName = (typed: string, name: string): boolean => typed.trim() === name.trim()

export type DeleteByName = {
  /** "Type the name of the … (name) to confirm". */
  readonly label: string
  /** The name to type, and what is typed so far. */
  readonly name: string
  readonly typed: string
  readonly button: string
  /** The page is busy with another change: the button waits. */
  readonly busy?: boolean
  readonly onInput: (typed: string) => void
  readonly onSubmit: (e: Event) => void
}

export const deleteByNameForm = (d: DeleteByName): TemplateResult => html`
  <form class="inline-form" @submit=${d.onSubmit}>
    <div class="field">
      <label for="delete-name">${d.label}</label>
      <input id="delete-name" type="text" autocomplete="off" .value=${d.typed} @input=${(e: Event) => d.onInput((e.target as HTMLInputElement).value)} />
    </div>
    <button class="btn danger" type="submit" ?disabled=${!confirmsName(d.typed, d.name) || d.busy === true}>${d.button}</button>
  </form>
`
