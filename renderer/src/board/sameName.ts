/** A name folded for comparison: no accents, no case, single spaces. "Zoë  MARTIN" → "zoe martin". */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

/** The first person whose name is the same as `name` once folded, or null. */
export function sameName<T extends { name: string }>(name: string, people: readonly T[]): T | null {
  const wanted = foldName(name)
  if (wanted === '') return null
  return people.find((p) => foldName(p.name) === wanted) ?? null
}
