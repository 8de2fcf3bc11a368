import { resolve } from 'node:path'
import type { Relationship } from '../shared/domain'
import type { StageId } from '../shared/stages'
import { expect, test } from './fixtures'

// Regenerates the README screenshot: npx playwright test --project=docs (not part of npm test).

const PEOPLE: {
  name: string
  relationship: Relationship
  title: string
  company: string
  stage: StageId
}[] = [
  {
    name: 'Priya Natarajan',
    relationship: 'manager',
    title: 'Engineering Manager',
    company: 'Northwind',
    stage: 'identified',
  },
  {
    name: 'Tomás Herrera',
    relationship: 'colleague',
    title: 'Staff Engineer',
    company: 'Lumen Labs',
    stage: 'identified',
  },
  {
    name: 'Hannah Okafor',
    relationship: 'client',
    title: 'Product Director',
    company: 'Fieldstone',
    stage: 'building',
  },
  {
    name: 'Jonas Weber',
    relationship: 'colleague',
    title: 'Design Lead',
    company: 'Atlas & Co',
    stage: 'building',
  },
  {
    name: 'Mei Lin',
    relationship: 'community-leader',
    title: 'CTO',
    company: 'Brightwater',
    stage: 'building',
  },
  {
    name: 'Samuel Adeyemi',
    relationship: 'former-manager',
    title: 'Director of Engineering',
    company: 'Keystone',
    stage: 'in-touch',
  },
  {
    name: 'Clara Rossi',
    relationship: 'colleague',
    title: 'Open-source maintainer',
    company: 'Vellum',
    stage: 'in-touch',
  },
  {
    name: 'Daniel Cohen',
    relationship: 'teacher',
    title: 'Professor',
    company: 'Ashford University',
    stage: 'asked',
  },
  {
    name: 'Aisha Rahman',
    relationship: 'former-manager',
    title: 'VP Engineering',
    company: 'Harbor',
    stage: 'asked',
  },
  {
    name: 'Lucas Martin',
    relationship: 'colleague',
    title: 'Tech Lead',
    company: 'Quarry',
    stage: 'gave-reference',
  },
  {
    name: 'Sofia Novak',
    relationship: 'direct-report',
    title: 'Head of Data',
    company: 'Meridian',
    stage: 'thanked',
  },
  {
    name: 'Ethan Brooks',
    relationship: 'mentor',
    title: 'Mentor',
    company: 'Founders Circle',
    stage: 'thanked',
  },
]

test.use({ viewport: { width: 1440, height: 900 } })

test('board screenshot for the README', async ({ vouch }) => {
  const core = await vouch.core()
  for (const person of PEOPLE) {
    const created = await core.invoke('contact.create', person)
    expect(created.ok).toBe(true)
  }
  const page = await vouch.open()
  await expect(page.getByTestId('card')).toHaveCount(PEOPLE.length)
  await page.screenshot({ path: resolve(import.meta.dirname, '../docs/board.png') })
})
