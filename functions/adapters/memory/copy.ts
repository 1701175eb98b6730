/**
 * What crosses an in-memory store's boundary is a copy, as with a real store: a caller that
 * mutates what it read, or what it wrote, changes nothing stored.
 * flow: memory adapters --> copy
 */
export function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
