import { expect } from 'vitest'

/** Every problem a simulated year counts is 0; a failure names those that are not. */
export function expectNoProblems(problems: Readonly<Record<string, number>>): void {
  expect(Object.entries(problems).filter(([, count]) => count !== 0)).toEqual([])
}
