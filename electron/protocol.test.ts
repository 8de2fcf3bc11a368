import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_ENTRY_URL,
  contentTypeFor,
  isAppUrl,
  registerAppScheme,
  resolveRendererFile,
} from './protocol'

const root = resolve('/srv/vouch/out/renderer')

describe('resolveRendererFile', () => {
  it('maps paths to files inside the renderer folder', () => {
    expect(resolveRendererFile(root, '/index.html')).toBe(join(root, 'index.html'))
    expect(resolveRendererFile(root, '/assets/index-abc.js')).toBe(
      join(root, 'assets', 'index-abc.js'),
    )
    expect(resolveRendererFile(root, '/')).toBe(join(root, 'index.html'))
    expect(resolveRendererFile(root, '/assets/')).toBe(join(root, 'assets', 'index.html'))
    expect(resolveRendererFile(root, '/my%20file.png')).toBe(join(root, 'my file.png'))
  })

  it('refuses parent-directory segments, plain or percent-encoded', () => {
    for (const path of [
      '/../etc/passwd',
      '/assets/../../etc/passwd',
      '/%2e%2e/etc/passwd',
      '/%2E%2E/etc/passwd',
      '/.%2e/etc/passwd',
      '/%2e./etc/passwd',
      '/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/./index.html',
    ]) {
      expect(resolveRendererFile(root, path), path).toBeNull()
    }
  })

  it('refuses absolute paths, backslashes, drive letters and NUL', () => {
    for (const path of [
      '//etc/passwd',
      '/%2fetc/passwd',
      'etc/passwd',
      '',
      '/..%5c..%5cwindows',
      '/a\\..\\..\\b',
      '/C:/Windows/win.ini',
      '/C%3A/Windows',
      '/index.html%00.png',
      '/a//b',
      '/%E0%A4%A',
    ]) {
      expect(resolveRendererFile(root, path), path).toBeNull()
    }
  })

  it('keeps a double-encoded dot-dot as a harmless literal name inside the folder', () => {
    expect(resolveRendererFile(root, '/%252e%252e/x')).toBe(join(root, '%2e%2e', 'x'))
  })
})

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true)
    expect(isAppUrl('app://vouch/')).toBe(true)
    expect(isAppUrl('app://vouch.evil.com/index.html')).toBe(false)
    expect(isAppUrl('app://evil/index.html')).toBe(false)
    expect(isAppUrl('app://x@vouch/index.html')).toBe(false)
    expect(isAppUrl('https://vouch/index.html')).toBe(false)
    expect(isAppUrl('file:///index.html')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
    expect(isAppUrl(undefined)).toBe(false)
  })
})

describe('contentTypeFor', () => {
  it('names the types the renderer build produces', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8')
    expect(contentTypeFor('/x/a.svg')).toBe('image/svg+xml')
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2')
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream')
  })
})

describe('registerAppScheme', () => {
  it('registers app:// as standard and secure, with fetch and the V8 code cache', () => {
    const registered: unknown[] = []
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) })
    expect(registered).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ])
  })
})
