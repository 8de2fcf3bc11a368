import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '@testing/core/tempDir'
import { findChromium, installAdvice } from './chromium'

let dir: string
let remove: () => Promise<void>
beforeEach(async () => {
  ;({ dir, remove } = await makeTempDir('vouch-chromium-'))
})
afterEach(() => remove())

async function fakeExecutable(folder: string, name: string): Promise<string> {
  await mkdir(folder, { recursive: true })
  const path = join(folder, name)
  await writeFile(path, '#!/bin/sh\n')
  await chmod(path, 0o755)
  return path
}

const missing = () => join(dir, 'no-such-chromium')
const noOwn = () => null

describe('findChromium', () => {
  it('takes VOUCH_CHROMIUM first, and reports none when it points nowhere', async () => {
    const path = await fakeExecutable(join(dir, 'custom'), 'my-chrome')
    const debian = await fakeExecutable(join(dir, 'usr-bin'), 'chromium')
    expect(findChromium({ VOUCH_CHROMIUM: path }, debian, noOwn)).toEqual({
      path,
      source: 'VOUCH_CHROMIUM',
    })
    expect(findChromium({ VOUCH_CHROMIUM: missing() }, debian, noOwn)).toBeNull()
  })

  it("prefers Debian's Chromium, then a browser on PATH, then Playwright's own", async () => {
    const debian = await fakeExecutable(join(dir, 'usr-bin'), 'chromium')
    const onPath = await fakeExecutable(join(dir, 'bin'), 'google-chrome')
    const env = { PATH: join(dir, 'bin') }
    expect(findChromium(env, debian, noOwn)).toEqual({ path: debian, source: 'system' })
    expect(findChromium(env, missing(), noOwn)).toEqual({ path: onPath, source: 'system' })
    expect(findChromium({ PATH: '' }, missing(), () => '/pw/chrome')).toEqual({
      path: '/pw/chrome',
      source: 'playwright',
    })
    expect(findChromium({ PATH: '' }, missing(), noOwn)).toBeNull()
  })

  it('names the command to run when there is none', () => {
    expect(installAdvice('linux')).toContain('apt-get install chromium')
    expect(installAdvice('darwin')).toContain('npx playwright install chromium')
  })
})
