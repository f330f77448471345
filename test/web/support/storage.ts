/** A Storage kept in memory. */
export class MemoryStorage implements Storage {
  readonly #items: Map<string, string>
  constructor(items: Record<string, string> = {}) {
    this.#items = new Map(Object.entries(items))
  }
  get length() {
    return this.#items.size
  }
  clear() {
    this.#items.clear()
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null
  }
  removeItem(key: string) {
    this.#items.delete(key)
  }
  setItem(key: string, value: string) {
    this.#items.set(key, String(value))
  }
}

/**
 * Gives this test file's window a localStorage of its own (holding `items`), so test files that
 * run side by side never see each other's state. Call it in `vi.hoisted`, before the app's store
 * is made on import.
 */
export function ownLocalStorage(items: Record<string, string> = {}): MemoryStorage {
  const storage = new MemoryStorage(items)
  Object.defineProperty(window, 'localStorage', { value: storage, configurable: true })
  return storage
}
