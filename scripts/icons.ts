// Renders build/icon.svg, the one icon source, into every file electron-builder wants:
// build/icon.png (1024), build/icons/<n>x<n>.png (Linux), build/icon.ico (Windows) and
// build/icon.icns (macOS). Uses Debian's Chromium through Playwright: `npm run icons`.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, ensureChromium } from './chromium'

const buildDir = resolve(import.meta.dirname, '../build')
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
// ICNS entry types holding PNG data, by pixel size. https://en.wikipedia.org/wiki/Apple_Icon_Image_format
const ICNS_TYPES: [string, number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
]

/** A Windows .ico whose entries are PNG images (supported since Windows Vista). */
export function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = 6 + 16 * images.length
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0) // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1)
    entry.writeUInt8(0, 2)
    entry.writeUInt8(0, 3)
    entry.writeUInt16LE(1, 4)
    entry.writeUInt16LE(32, 6)
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += png.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)])
}

/** A macOS .icns made of PNG entries. */
export function encodeIcns(entries: { type: string; png: Buffer }[]): Buffer {
  const chunks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(chunks)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

async function render(svg: string): Promise<Map<number, Buffer>> {
  const browser = await chromium.launch({
    executablePath: ensureChromium().path,
    args: CHROMIUM_ARGS,
  })
  try {
    const pngs = new Map<number, Buffer>()
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } })
      // setContent waits for the load event, which waits for the data: image.
      await page.setContent(
        `<html><body style="margin:0;background:transparent">` +
          `<img alt="" width="${size}" height="${size}" style="display:block" ` +
          `src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`,
      )
      pngs.set(size, await page.screenshot({ omitBackground: true }))
      await page.close()
    }
    return pngs
  } finally {
    await browser.close()
  }
}

async function main(): Promise<void> {
  const svg = await readFile(join(buildDir, 'icon.svg'), 'utf8')
  const pngs = await render(svg)
  const png = (size: number): Buffer => {
    const image = pngs.get(size)
    if (!image) throw new Error(`No ${size}px rendering`)
    return image
  }
  await mkdir(join(buildDir, 'icons'), { recursive: true })
  await writeFile(join(buildDir, 'icon.png'), png(1024))
  for (const size of SIZES) {
    await writeFile(join(buildDir, 'icons', `${size}x${size}.png`), png(size))
  }
  await writeFile(
    join(buildDir, 'icon.ico'),
    encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))),
  )
  await writeFile(
    join(buildDir, 'icon.icns'),
    encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) }))),
  )
  console.log(`Wrote build/icon.png, build/icons/, build/icon.ico and build/icon.icns`)
}

await main()
