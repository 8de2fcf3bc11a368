import iconv from 'iconv-lite'

/** Whether the bytes are well-formed UTF-8 (no overlongs, no surrogates). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  let i = 0
  const n = bytes.length
  while (i < n) {
    const b = bytes[i] ?? 0
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = 0x10000
    } else return false
    if (i + need >= n) return false
    let cp = b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return false
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false
    i += need + 1
  }
  return true
}

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false
  return true
}

/**
 * Whether 8-bit bytes read as Shift_JIS: every high byte pairs up, and most pairs have a high trail
 * byte. Windows-1252 text ("Sören") also pairs up as Shift_JIS, but its high bytes stand alone.
 */
function looksLikeShiftJis(bytes: Uint8Array): boolean {
  let pairs = 0
  let highTrail = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0
    if (b < 0x80 || (b >= 0xa1 && b <= 0xdf)) continue
    const lead = (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc)
    const t = bytes[i + 1]
    if (!lead || t === undefined || t < 0x40 || t === 0x7f || t > 0xfc) return false
    pairs++
    if (t >= 0x80) highTrail++
    i++
  }
  return pairs > 0 && highTrail * 2 >= pairs
}

/** Character set of 8-bit text that declares none: UTF-8 when valid, else Shift_JIS or Windows-1252. */
export function guessCharset(bytes: Uint8Array): string {
  if (isAscii(bytes) || isValidUtf8(bytes)) return 'utf-8'
  return looksLikeShiftJis(bytes) ? 'shift_jis' : 'windows-1252'
}

/** The iconv-lite name of a declared charset, or null when iconv-lite does not know it. */
export function knownCharset(name: string): string | null {
  const n = name.trim().toLowerCase()
  return n !== '' && iconv.encodingExists(n) ? n : null
}

/** A Buffer over the same memory (Buffer.from(view) would copy). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** Bytes to text in a charset iconv-lite knows. */
export function decodeBytes(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-8' || charset === 'utf8') return asBuffer(bytes).toString('utf8')
  return iconv.decode(asBuffer(bytes), charset)
}

/** UTF-16 by BOM or by NUL pattern, or null for 8-bit text. */
export function detectUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  // No BOM: ASCII-heavy UTF-16 has NULs in every other byte of its first characters.
  const probe = Math.min(bytes.length - (bytes.length % 2), 64)
  if (probe < 8) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < probe; i += 2) {
    if (bytes[i] === 0) evenNul++
    if (bytes[i + 1] === 0) oddNul++
  }
  const half = probe / 2
  if (oddNul > half * 0.7 && evenNul === 0) return 'utf-16le'
  if (evenNul > half * 0.7 && oddNul === 0) return 'utf-16be'
  return null
}

/** The bytes as UTF-8 without BOM when the file is UTF-16; else the bytes without a UTF-8 BOM. */
export function normaliseBytes(bytes: Uint8Array): { bytes: Uint8Array; wasUtf16: boolean } {
  const utf16 = detectUtf16(bytes)
  if (utf16 !== null) {
    const text = iconv.decode(asBuffer(bytes), utf16).replace(/^\uFEFF/, '')
    return { bytes: new Uint8Array(Buffer.from(text, 'utf8')), wasUtf16: true }
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { bytes: bytes.subarray(3), wasUtf16: false }
  return { bytes, wasUtf16: false }
}

/** A whole text file (CSV, JSON) as a string: BOMs, UTF-16, UTF-8, else Shift_JIS or Windows-1252. */
export function decodeTextFile(bytes: Uint8Array): string {
  const n = normaliseBytes(bytes)
  return decodeBytes(n.bytes, n.wasUtf16 ? 'utf-8' : guessCharset(n.bytes))
}

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30
  if (b >= 0x41 && b <= 0x46) return b - 0x37
  if (b >= 0x61 && b <= 0x66) return b - 0x57
  return -1
}

/** Decodes quoted-printable bytes (soft breaks are already joined); a stray "=" stays as it is. */
export function decodeQuotedPrintable(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length)
  let o = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0
    if (b === 0x3d && i + 2 < bytes.length) {
      const hi = hexValue(bytes[i + 1] ?? 0)
      const lo = hexValue(bytes[i + 2] ?? 0)
      if (hi >= 0 && lo >= 0) {
        out[o++] = hi * 16 + lo
        i += 2
        continue
      }
    }
    out[o++] = b
  }
  return out.subarray(0, o)
}
