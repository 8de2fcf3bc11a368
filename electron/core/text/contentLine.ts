// vCard (RFC 6350 §3.2, §3.4) and iCalendar (RFC 5545 §3.1, §3.3.11) share their content-line
// rules: the same folding and the same TEXT escaping. Both writers use these.

/** TEXT value escaping: backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n')
}

/** Folds a content line at 75 octets with CRLF + space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8')
  if (bytes.length <= 75) return line
  const pieces: string[] = []
  let start = 0
  // A continuation line starts with the space, so it carries 74 octets of content.
  let limit = 75
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length)
    while (end < bytes.length && end > start && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--
    pieces.push(bytes.subarray(start, end).toString('utf8'))
    start = end
    limit = 74
  }
  return pieces.join('\r\n ')
}
