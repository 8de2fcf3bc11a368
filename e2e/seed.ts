import type { Core } from '../electron/core/types'

const FIRST = ['Ada', 'Bram', 'Chen', 'Dalia', 'Emeka', 'Farah', 'Goran', 'Hiro', 'Ines', 'Jonas']
const LAST = ['Abbott', 'Baptiste', 'Castillo', 'Dimitrov', 'Eriksen', 'Fontaine', 'Gupta']
const COMPANIES = ['Northwind', 'Lumen Labs', 'Fieldstone', 'Keystone', 'Harbor', 'Vellum']

/**
 * Put `count` people on the board through the real import (a LinkedIn CSV, one journal commit):
 * generated names, plus `extra` names placed among them.
 */
export async function seedPeople(
  core: Core,
  count: number,
  extra: readonly string[] = [],
): Promise<void> {
  const rows = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On']
  const middle = Math.floor(count / 2)
  for (let i = 0; i < count; i++) {
    if (i === middle) {
      for (const name of extra) {
        const [first, ...last] = name.split(' ')
        rows.push(`${first},${last.join(' ')},,,Orchard Row,Principal Engineer,01 Mar 2021`)
      }
    }
    const first = FIRST[i % FIRST.length]
    const last = `${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i}`
    const company = COMPANIES[i % COMPANIES.length]
    rows.push(`${first},${last},,,${company},Engineer,01 Jan 2020`)
  }
  const dataBase64 = Buffer.from(rows.join('\n'), 'utf8').toString('base64')
  const preview = await core.call('import.preview', { fileName: 'seed.csv', dataBase64 })
  await core.call('import.commit', { token: preview.token, duplicates: 'skip', placeOnBoard: true })
}
