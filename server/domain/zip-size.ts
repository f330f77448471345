/**
 * @module How large a ZIP archive (an .xlsx) unpacks, read from its central directory before
 * anything is inflated: a small upload can unpack to gigabytes, so a reader checks this first.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const CENTRAL_FILE_HEADER = 0x02014b50
/** A ZIP64 archive marks its sizes with this value; we do not read such archives. */
const ZIP64 = 0xffffffff

export type ZipSize =
  | { readonly ok: true; readonly entries: number; readonly unpacked: number }
  | { readonly ok: false; readonly reason: 'not-a-zip' | 'zip64' }

/** The number of entries and the sum of their unpacked sizes, as the central directory states them. */
export function zipUnpackedSize(bytes: Uint8Array): ZipSize {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end record is 22 bytes plus a comment of at most 65,535.
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      end = i
      break
    }
  }
  if (end < 0) return { ok: false, reason: 'not-a-zip' }
  const entries = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  if (at === ZIP64 || entries === 0xffff) return { ok: false, reason: 'zip64' }
  let unpacked = 0
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_FILE_HEADER) return { ok: false, reason: 'not-a-zip' }
    const size = view.getUint32(at + 24, true)
    if (size === ZIP64) return { ok: false, reason: 'zip64' }
    unpacked += size
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return { ok: true, entries, unpacked }
}
