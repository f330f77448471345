/**
 * @module A map that keeps at most a fixed number of entries, dropping the least recently
 * used: for every cache whose keys come from requests, so that no stream of requests can make
 * it grow without end.
 */
export class LruCache<K, V> {
  /** Insertion order is use order: the first entry is the least recently used. */
  readonly #entries = new Map<K, V>()
  readonly capacity: number

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`)
    this.capacity = capacity
  }

  get size(): number {
    return this.#entries.size
  }

  /** The value under `key`, which becomes the most recently used. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key)
    if (value !== undefined) {
      this.#entries.delete(key)
      this.#entries.set(key, value)
    }
    return value
  }

  /** Stores `value` as the most recently used, dropping the least recently used when full. */
  set(key: K, value: V): void {
    this.#entries.delete(key)
    this.#entries.set(key, value)
    if (this.#entries.size > this.capacity) this.delete(this.#entries.keys().next().value as K)
  }

  delete(key: K): boolean {
    return this.#entries.delete(key)
  }

  /** The least recently used entry, without touching it. */
  oldest(): [K, V] | undefined {
    return this.#entries.entries().next().value
  }
}
