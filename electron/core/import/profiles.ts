/** How services are spelled, by their lower-case id (vCard TYPE values, IMPP schemes). */
const SERVICE_NAMES: Record<string, string> = {
  linkedin: 'LinkedIn',
  twitter: 'Twitter',
  x: 'X',
  facebook: 'Facebook',
  github: 'GitHub',
  gitlab: 'GitLab',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  instagram: 'Instagram',
  xing: 'XING',
  youtube: 'YouTube',
  flickr: 'Flickr',
  myspace: 'Myspace',
  skype: 'Skype',
  aim: 'AIM',
  icq: 'ICQ',
  msn: 'MSN',
  yahoo: 'Yahoo',
  ymsgr: 'Yahoo',
  jabber: 'Jabber',
  xmpp: 'XMPP',
  googletalk: 'Google Talk',
  gtalk: 'Google Talk',
  gadugadu: 'Gadu-Gadu',
  qq: 'QQ',
  sip: 'SIP',
  signal: 'Signal',
  telegram: 'Telegram',
  whatsapp: 'WhatsApp',
  matrix: 'Matrix',
  facebookmessenger: 'Facebook Messenger',
}

/** A service's usual spelling ("linkedin" → "LinkedIn"); unknown names as given. */
export function serviceName(raw: string): string {
  const v = raw.trim()
  return SERVICE_NAMES[v.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? v
}

/** The service a profile URL belongs to, from its host ("https://www.linkedin.com/in/x" → "linkedin"). */
export function serviceOfUrl(url: string): string {
  const host = /^[a-z]+:\/\/([^/?#]+)/i.exec(url.trim())?.[1]?.toLowerCase() ?? ''
  const parts = host.replace(/^www\./, '').split('.')
  return parts.length >= 2 ? (parts[parts.length - 2] ?? '') : ''
}
