import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve } from 'node:path'
import type { Protocol } from 'electron'

// This module imports electron only as types: the e2e harness reuses its pure parts in plain
// Node, where loading 'electron' would try to download the binary.

/** The scheme and host the renderer is served from: a secure, standard origin of its own. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'vouch'
/** The one URL the main window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * Content-Security-Policy sent with every app:// response, on top of the <meta> in index.html:
 * only the app's own scripts, no plugins, no framing, no remote connections.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ')

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** The Content-Type of a served file, by extension. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** True for URLs of the app's own origin (app://vouch/…). */
export function isAppUrl(url: string | undefined): boolean {
  if (url === undefined) return false
  try {
    const parsed = new URL(url)
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    )
  } catch {
    return false
  }
}

/**
 * Map a URL path ("/assets/index.js") to a file inside rootDir, or null when the path tries to
 * leave it: "..", its percent-encoded forms, encoded slashes, backslashes, drive letters, NUL.
 */
export function resolveRendererFile(rootDir: string, pathname: string): string | null {
  if (!pathname.startsWith('/') || pathname.startsWith('//')) return null
  const rawSegments = pathname.slice(1).split('/')
  const segments: string[] = []
  for (const [index, raw] of rawSegments.entries()) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (
      segment === '.' ||
      segment === '..' ||
      /[/\\\0:]/.test(segment) ||
      (segment === '' && index < rawSegments.length - 1)
    ) {
      return null
    }
    segments.push(segment)
  }
  if (segments.at(-1) === '') segments[segments.length - 1] = 'index.html'
  const root = resolve(rootDir)
  const file = resolve(root, ...segments)
  const inside = relative(root, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return file
}

/**
 * app:// is standard and secure, and V8 caches the code it serves (codeCache needs standard),
 * so later launches skip recompiling the renderer bundle.
 * https://www.electronjs.org/docs/latest/api/structures/custom-scheme
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const

/** Make app:// a privileged scheme. Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
}

/** Answer app://vouch/… requests with files from rootDir (the built renderer). */
export function serveRenderer(protocol: Protocol, rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === APP_HOST ? resolveRendererFile(rootDir, url.pathname) : null
    if (file === null) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body, {
        headers: {
          'content-type': contentTypeFor(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
