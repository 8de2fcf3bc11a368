/** The OS a notification is shown on, as in process.platform; only freedesktop daemons parse markup. */
export type NotificationPlatform =
  | 'aix'
  | 'android'
  | 'cygwin'
  | 'darwin'
  | 'freebsd'
  | 'haiku'
  | 'linux'
  | 'netbsd'
  | 'openbsd'
  | 'sunos'
  | 'win32'

/** Options of cleanNotificationBody. */
export interface NotificationBodyOptions {
  /**
   * Where the text is shown. Defaults to 'linux' so a caller that forgets it gets escaped text:
   * a stray entity on macOS is cosmetic, unescaped markup on Linux can hide or restyle the body.
   */
  platform?: NotificationPlatform
}

// Bidi controls can make a name read backwards ("Trojan Source"); they are invisible, so drop them.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g
// Tab, vertical tab, form feed and the Unicode separators act as whitespace, not as noise.
const SPACE_LIKE = /[\t\v\f\u0085\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g
// Every C0/C1 control and DEL (Unicode category Cc); the newline is put back by the replacer.
const CONTROLS = /\p{Cc}/gu
const ELLIPSIS = '…'

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

function stripInvisible(text: string): string {
  return text
    .replace(LINE_BREAKS, '\n')
    .replace(SPACE_LIKE, ' ')
    .replace(CONTROLS, (c) => (c === '\n' ? c : ''))
    .replace(BIDI_CONTROLS, '')
}

/** Cuts to at most maxLength UTF-16 units, ellipsis included, on a grapheme boundary. */
function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  if (maxLength <= 0) return ''
  const budget = maxLength - ELLIPSIS.length
  let end = 0
  // Grapheme boundaries never split a surrogate pair, nor an emoji from its modifiers.
  for (const { index, segment } of segmenter.segment(text)) {
    if (index + segment.length > budget) break
    end = index + segment.length
  }
  return text.slice(0, end).trimEnd() + ELLIPSIS
}

const MARKUP_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Escapes the five XML-special characters for a freedesktop notification body. */
export function escapeNotificationMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => MARKUP_ENTITIES[c] ?? c)
}

/** Whether notification bodies on this platform are parsed as markup. */
export function bodyUsesMarkup(platform: NotificationPlatform): boolean {
  // https://specifications.freedesktop.org/notification-spec/latest/markup.html — Electron passes
  // the body to libnotify untouched (see element-hq/element-web#3564); macOS and Windows show text.
  return platform !== 'darwin' && platform !== 'win32'
}

/**
 * A notification body safe to show: no control or bidi characters, whitespace collapsed
 * (line breaks kept), at most maxLength characters, then escaped for markup on Linux.
 */
export function cleanNotificationBody(
  text: string,
  maxLength = 300,
  options: NotificationBodyOptions = {},
): string {
  const plain = stripInvisible(text)
    .replace(/[ \n]*\n[ \n]*/g, '\n')
    .replace(/ {2,}/g, ' ')
    .trim()
  // Truncate before escaping, so the cut can never fall inside an entity.
  const short = truncate(plain, maxLength)
  return bodyUsesMarkup(options.platform ?? 'linux') ? escapeNotificationMarkup(short) : short
}

/** A one-line notification or menu title: no control or bidi characters, at most maxLength. */
export function cleanNotificationTitle(text: string, maxLength = 80): string {
  const plain = stripInvisible(text).replace(/\s+/g, ' ').trim()
  return truncate(plain, maxLength)
}
