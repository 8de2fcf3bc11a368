/** An empty record with no prototype, so that a key such as "__proto__" stays a key (STYLE rule 7). */
export function emptyRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>
}
