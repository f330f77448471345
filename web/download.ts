/**
 * @module Saves generated content as a file in the browser.
 */

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Saves text; CSV gets a byte-order mark so Excel reads the accents of Dutch text right. */
export function downloadText(filename: string, text: string, type: string): void {
  const bom = type === 'text/csv' ? '\uFEFF' : ''
  downloadBlob(filename, new Blob([bom + text], { type: `${type};charset=utf-8` }))
}
