import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '@shared/result'
import { PeopleSearch, rankPeople, type PeoplePage, type PersonHit } from './peopleSearch'

function person(name: string): PersonHit {
  return {
    id: name.toLowerCase().replace(/\W/g, '-'),
    name,
    title: '',
    company: '',
    stage: 'identified',
    triage: 'kept',
  }
}

/** A fake core: each query waits until the test answers it. */
function fakeCore() {
  const asked: { text: string; answer: (result: Result<PeoplePage>) => void }[] = []
  const fetchPage = (text: string) =>
    new Promise<Result<PeoplePage>>((resolve) => asked.push({ text, answer: resolve }))
  return { asked, fetchPage }
}

describe('PeopleSearch', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('asks once per pause in typing, with the last text', async () => {
    const core = fakeCore()
    const search = new PeopleSearch(core.fetchPage, 100)
    search.search('a')
    search.search('an')
    search.search('ann ')
    expect(search.getSnapshot().pending).toBe(true)
    await vi.advanceTimersByTimeAsync(100)
    expect(core.asked.map((q) => q.text)).toEqual(['ann'])
    core.asked[0]?.answer({ ok: true, value: { total: 1, items: [person('Ann Lee')] } })
    await vi.runAllTimersAsync()
    expect(search.getSnapshot()).toMatchObject({ text: 'ann', pending: false, total: 1 })
  })

  it('drops an answer that arrives after a newer text was asked for', async () => {
    const core = fakeCore()
    const search = new PeopleSearch(core.fetchPage, 100)
    search.search('jo')
    await vi.advanceTimersByTimeAsync(100)
    search.search('joh')
    await vi.advanceTimersByTimeAsync(100)
    expect(core.asked.map((q) => q.text)).toEqual(['jo', 'joh'])
    core.asked[1]?.answer({ ok: true, value: { total: 1, items: [person('John')] } })
    await vi.runAllTimersAsync()
    core.asked[0]?.answer({ ok: true, value: { total: 2, items: [person('Jo'), person('John')] } })
    await vi.runAllTimersAsync()
    expect(search.getSnapshot().text).toBe('joh')
    expect(search.getSnapshot().items.map((p) => p.name)).toEqual(['John'])
  })

  it('clears at once for empty text and reports a failure in words', async () => {
    const core = fakeCore()
    const search = new PeopleSearch(core.fetchPage, 100)
    search.search('x')
    search.search('  ')
    expect(search.getSnapshot()).toMatchObject({ text: '', pending: false, items: [] })
    await vi.advanceTimersByTimeAsync(100)
    expect(core.asked).toEqual([])
    search.search('zed')
    await vi.advanceTimersByTimeAsync(100)
    core.asked[0]?.answer({ ok: false, code: 'closed', message: 'Not connected.' })
    await vi.runAllTimersAsync()
    expect(search.getSnapshot()).toMatchObject({ text: 'zed', error: 'Not connected.' })
  })

  it('ignores answers after dispose', async () => {
    const core = fakeCore()
    const search = new PeopleSearch(core.fetchPage, 100)
    search.search('ann')
    await vi.advanceTimersByTimeAsync(100)
    search.dispose()
    core.asked[0]?.answer({ ok: true, value: { total: 1, items: [person('Ann')] } })
    await vi.runAllTimersAsync()
    expect(search.getSnapshot().items).toEqual([])
  })
})

describe('rankPeople', () => {
  it('puts names that start with the text first, accents aside, keeping the core order otherwise', () => {
    const ranked = rankPeople(
      [person('Joanna Smith'), person('Annika Berg'), person('Zoë Ann'), person('Hannah Lee')],
      'ann',
    )
    expect(ranked.map((p) => p.name)).toEqual([
      'Annika Berg',
      'Zoë Ann',
      'Joanna Smith',
      'Hannah Lee',
    ])
  })
})
