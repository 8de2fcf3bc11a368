import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { CONTENT_SECURITY_POLICY } from '../electron/protocol'
import { expect, test } from './fixtures'
import { BoardPage } from './pages/BoardPage'
import { ContactPanelPage } from './pages/ContactPanelPage'
import { ImportPage } from './pages/import'

// XSS through every text field and through an imported file, with the app's real CSP (the
// built index.html's <meta> and the protocol's header). A payload that runs sets
// window.__pwned or logs PWNED; the fixture also fails the test on any console error, which
// is where a CSP violation would show.

declare global {
  interface Window {
    __pwned?: number
  }
}

const PAYLOADS = {
  img: '<img src=x onerror="window.__pwned=1;console.log(\'PWNED\')">',
  script: '<script>window.__pwned=1;console.log("PWNED")</script>',
  svg: '<svg onload="window.__pwned=1"></svg>',
  javascript: 'javascript:window.__pwned=1;console.log("PWNED")',
  tabbed: 'java\tscript:window.__pwned=1',
  data: 'data:text/html,<script>parent.__pwned=1</script>',
  file: 'file:///etc/passwd',
  bidi: 'Eve \u202Egnp.exe\u202C Smith',
}
const ALL = Object.values(PAYLOADS).join(' ')

/** Watch the page for a payload that ran. */
function watchForPwned(page: Page): string[] {
  const seen: string[] = []
  page.on('console', (message) => {
    if (message.text().includes('PWNED')) seen.push(message.text())
  })
  page.on('dialog', (dialog) => {
    seen.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  return seen
}

/** Nothing ran, nothing was injected as markup, and every link points somewhere allowed. */
async function expectNothingRan(page: Page, seen: string[]): Promise<void> {
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined()
  expect(seen).toEqual([])
  // The payloads' markup never became elements.
  await expect(page.locator('img[src="x"], svg[onload], [onerror]')).toHaveCount(0)
  expect(await page.locator('script:not([src])').count()).toBe(0)
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:|#|\/|blob:)/i)
}

test('the served page carries the app’s CSP in its <meta> and header', async ({ page, vouch }) => {
  const responses: Array<Record<string, string>> = []
  page.on('response', (response) => {
    if (response.url().endsWith('/index.html')) responses.push(response.headers())
  })
  await vouch.open()
  const meta = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content')
  const source = await readFile(resolve(import.meta.dirname, '../renderer/index.html'), 'utf8')
  expect(source).toContain(`content="${meta}"`)
  expect(meta).toContain("script-src 'self'")
  expect(responses.at(-1)?.['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
})

test('payloads typed into quick add, the contact form and search never run', async ({
  page,
  vouch,
}) => {
  const seen = watchForPwned(page)
  await vouch.open()
  const board = new BoardPage(page)
  await board.show()

  await board.quickAdd(PAYLOADS.img)
  await expect(board.card(PAYLOADS.img)).toBeVisible()
  await board.openCard(PAYLOADS.img)
  const panel = new ContactPanelPage(page)
  // The read view shows the payload as text.
  await panel.expectOpen(PAYLOADS.img)
  await panel.edit()
  await panel.fill({
    Name: PAYLOADS.script,
    Title: PAYLOADS.svg,
    Company: PAYLOADS.bidi,
    'How we met': PAYLOADS.img,
    Notes: ALL,
    // Tags are at most 50 characters: short payloads.
    Tags: '<img src=x onerror=alert(1)>, \u202Eexe.gnp',
    Links: [PAYLOADS.javascript, PAYLOADS.tabbed, PAYLOADS.data, PAYLOADS.file].join('\n'),
  })
  await panel.save()
  // Links that are no web address are refused in plain words, beside the field.
  await panel.expectFieldError('Links', 'Links must be web addresses, like https://example.com.')
  await expectNothingRan(page, seen)
  await panel.fill({ Links: 'https://example.com/?q=<img/src=x/onerror=alert(1)>' })
  await panel.save()
  await panel.expectOpen(PAYLOADS.script)
  await expectNothingRan(page, seen)
  await panel.close()
  await expect(board.card(PAYLOADS.script)).toBeVisible()

  await board.search(PAYLOADS.img)
  await board.search(PAYLOADS.javascript)
  await board.search('')
  await board.openCard(PAYLOADS.script)
  await expect(panel.panel.getByText(ALL)).toBeVisible()
  await panel.edit()
  await expect(panel.field('Notes')).toHaveValue(ALL)
  await expectNothingRan(page, seen)

  // Stored as plain text, exactly as typed.
  const core = await vouch.core()
  const listed = await core.call('contact.list', {})
  expect(JSON.stringify(listed)).toContain(JSON.stringify(PAYLOADS.script).slice(1, -1))
})

test('payloads in an imported vCard never run and bad links are not clickable', async ({
  page,
  vouch,
}) => {
  const seen = watchForPwned(page)
  await vouch.open()
  const vcf = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${PAYLOADS.img}`,
    `ORG:${PAYLOADS.script}`,
    `TITLE:${PAYLOADS.bidi}`,
    `NOTE:${PAYLOADS.svg} ${PAYLOADS.javascript}`,
    `URL:${PAYLOADS.javascript}`,
    `URL:${PAYLOADS.data}`,
    `URL:${PAYLOADS.file}`,
    'URL:https://good.com@evil.com/',
    'URL:https://example.com/ok',
    'END:VCARD',
    '',
  ].join('\r\n')
  const wizard = new ImportPage(page)
  await wizard.open()
  await wizard.chooseFile('payloads.vcf', vcf, 'text/vcard')
  await expect(wizard.newPeople).toHaveCount(1)
  await expectNothingRan(page, seen)
  await wizard.commit()
  await wizard.expectResult(/Imported payloads\.vcf: 1 added/)

  const board = new BoardPage(page)
  await board.show()
  await expect(board.card(PAYLOADS.img)).toBeVisible()
  await board.openCard(PAYLOADS.img)
  await new ContactPanelPage(page).edit()
  // ORG splits on ";" (vCard's component separator): the first part is the company.
  await expect(new ContactPanelPage(page).field('Company')).toHaveValue(
    /^<script>window\.__pwned=1/,
  )
  await expectNothingRan(page, seen)

  // The core refuses to hand any of the imported bad links to the operating system.
  const core = await vouch.core()
  for (const url of [
    PAYLOADS.javascript,
    PAYLOADS.data,
    PAYLOADS.file,
    'https://good.com@evil.com/',
  ]) {
    const result = await core.invoke('link.open', { url })
    // Refused outright, or answered "not opened": never handed on.
    expect(result.ok ? result.value : { opened: false }).toMatchObject({ opened: false })
  }
})
