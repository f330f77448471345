/**
 * @module Reads stored data entry by entry: every valid entry of a list is kept, a missing
 * field gets its default, and whatever cannot be read is set aside with where it was, instead
 * of taking the valid entries with it.
 */
import type * as z from 'zod/mini'

/** A stored value that could not be read, and where it was (e.g. `team.2`, `plan.0.spec.actor`). */
export interface UnreadablePart {
  path: string
  value: unknown
}

/** Returned by a reader when the value cannot be read: the entry holding it is set aside whole. */
export const UNREADABLE: unique symbol = Symbol('unreadable')

/**
 * Reads one stored value at `path`; what it cannot use inside the value it puts in `aside`.
 * Returns {@link UNREADABLE} when the value as a whole is unusable.
 */
export type Reader<T> = (
  value: unknown,
  path: string,
  aside: UnreadablePart[]
) => T | typeof UNREADABLE

type Read<R> = R extends Reader<infer T> ? T : never

const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key))

/**
 * Runs `read` on one entry. When it is unusable, the entry is set aside whole (and only the
 * entry: what `read` had set aside inside it is part of it); otherwise what `read` set aside
 * is kept.
 */
function entry<T>(
  read: Reader<T>,
  value: unknown,
  path: string,
  aside: UnreadablePart[]
): T | typeof UNREADABLE {
  const inner: UnreadablePart[] = []
  const result = read(value, path, inner)
  if (result === UNREADABLE) aside.push({ path, value })
  else aside.push(...inner)
  return result
}

/** A value the schema accepts; anything else (missing included) makes it unreadable. */
export const valid =
  <T>(schema: z.ZodMiniType<T>): Reader<T> =>
  (value) => {
    const result = schema.safeParse(value)
    return result.success ? result.data : UNREADABLE
  }

/** A missing value becomes `fallback()` without loss; an unreadable one stays unreadable. */
export const orWhenMissing =
  <T>(read: Reader<T>, fallback: () => T): Reader<T> =>
  (value, path, aside) =>
    value === undefined ? fallback() : read(value, path, aside)

/** A missing value becomes `fallback()`; an unreadable one too, and it is set aside. */
export const orDefault =
  <T>(read: Reader<T>, fallback: () => T): Reader<T> =>
  (value, path, aside) => {
    if (value === undefined) return fallback()
    const result = entry(read, value, path, aside)
    return result === UNREADABLE ? fallback() : result
  }

/**
 * A list read entry by entry: unreadable entries are set aside, the others kept in order. With
 * `key`, an entry whose key came before is set aside too (a list of things that are each there once).
 */
export const list =
  <T>(read: Reader<T>, key?: (entry: T) => string): Reader<T[]> =>
  (value, path, aside) => {
    if (!Array.isArray(value)) return UNREADABLE
    const kept: T[] = []
    const seen = new Set<string>()
    value.forEach((item, i) => {
      const result = entry(read, item, at(path, i), aside)
      if (result === UNREADABLE) return
      if (key) {
        if (seen.has(key(result))) return void aside.push({ path: at(path, i), value: item })
        seen.add(key(result))
      }
      kept.push(result)
    })
    return kept
  }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A key → value map read entry by entry. */
export const record =
  <T>(read: Reader<T>): Reader<Record<string, T>> =>
  (value, path, aside) => {
    if (!isObject(value)) return UNREADABLE
    const kept: Record<string, T> = {}
    for (const [key, item] of Object.entries(value)) {
      const result = entry(read, item, at(path, key), aside)
      if (result !== UNREADABLE) kept[key] = result
    }
    return kept
  }

/**
 * An object read field by field. It is unreadable when a field's reader says so; fields it does
 * not know are set aside (they may come from a newer version, and would be lost on the next save).
 * A field that reads as `undefined` is left out, as an optional field.
 */
export const object =
  <S extends Record<string, Reader<unknown>>>(fields: S): Reader<{ [K in keyof S]: Read<S[K]> }> =>
  (value, path, aside) => {
    if (!isObject(value)) return UNREADABLE
    const kept: Record<string, unknown> = {}
    for (const [key, read] of Object.entries(fields)) {
      const result = read(value[key], at(path, key), aside)
      if (result === UNREADABLE) return UNREADABLE
      if (result !== undefined) kept[key] = result
    }
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(fields, key)) aside.push({ path: at(path, key), value: value[key] })
    }
    return kept as { [K in keyof S]: Read<S[K]> }
  }

/** Reads `value` with `read`; what could not be read is returned beside the result. */
export function readLeniently<T>(
  read: Reader<T>,
  value: unknown
): { value: T | typeof UNREADABLE; unreadable: UnreadablePart[] } {
  const unreadable: UnreadablePart[] = []
  return { value: read(value, '', unreadable), unreadable }
}
