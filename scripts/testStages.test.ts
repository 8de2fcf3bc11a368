import { describe, expect, it } from 'vitest'
import { formatDuration, parseArgs, phasesOf } from './testStages'

describe('npm test arguments', () => {
  it('runs every stage when none is named', () => {
    expect(parseArgs([])).toEqual({
      stages: ['typecheck', 'lint', 'format', 'unit', 'e2e'],
      serial: false,
    })
  })

  it('runs the named stages in the table order, once each, and in turn with --serial', () => {
    expect(parseArgs(['e2e', 'unit', 'e2e', '--serial'])).toEqual({
      stages: ['unit', 'e2e'],
      serial: true,
    })
  })

  it('refuses an unknown argument, naming what it takes', () => {
    expect(() => parseArgs(['units'])).toThrow(
      'npm test: unknown argument "units". Stages: typecheck, lint, format, unit, e2e; option: --serial.',
    )
  })
})

describe('phases', () => {
  it('runs the static checks side by side, then the unit tests, then the end-to-end tests', () => {
    const { stages } = parseArgs([])
    expect(phasesOf(stages, false)).toEqual([['typecheck', 'lint', 'format'], ['unit'], ['e2e']])
  })

  it('keeps the phases of the stages named, and gives each stage its own with --serial', () => {
    expect(phasesOf(['lint', 'e2e'], false)).toEqual([['lint'], ['e2e']])
    expect(phasesOf(['typecheck', 'lint', 'unit'], true)).toEqual([
      ['typecheck'],
      ['lint'],
      ['unit'],
    ])
  })
})

describe('formatDuration', () => {
  it('gives tenths under ten seconds, whole seconds under a minute, then minutes', () => {
    expect(formatDuration(870)).toBe('0.9 s')
    expect(formatDuration(9_940)).toBe('9.9 s')
    expect(formatDuration(42_400)).toBe('42 s')
    expect(formatDuration(61_000)).toBe('1 min 1 s')
    expect(formatDuration(299_600)).toBe('5 min 0 s')
  })
})
