// What the log keeps about the visitor's browser and address: as little as still helps a proof.
import { isIPv4, isIPv6 } from 'node:net';
import Bowser from 'bowser';

/** Longer user agents are cut before parsing: real ones are far shorter, and parsing stays cheap. */
const MAX_USER_AGENT = 512;
const DEVICE_CLASSES = new Set(['desktop', 'mobile', 'tablet', 'tv', 'bot']);
const AGENT_CACHE_SIZE = 1000;
/** @type {Map<string, { browser: string | null, major: string | null, device: string | null }>} */
const parsedAgents = new Map();

/**
 * The browser family, its major version and the device class; never the full user agent, which
 * with other headers can single a visitor out.
 * @param {string | undefined} userAgent
 * @returns {{ browser: string | null, major: string | null, device: string | null }}
 */
export function reduceUserAgent(userAgent) {
  if (!userAgent) return { browser: null, major: null, device: null };
  const text = userAgent.slice(0, MAX_USER_AGENT);
  const known = parsedAgents.get(text);
  if (known) return known;
  const parsed = Bowser.parse(text);
  const major = /^\d{1,5}/.exec(parsed.browser.version ?? '')?.[0] ?? null;
  const device = DEVICE_CLASSES.has(parsed.platform.type ?? '') ? parsed.platform.type : null;
  const reduced = Object.freeze({ browser: parsed.browser.name?.slice(0, 64) || null, major, device });
  // Most visitors share a few hundred user agents: parsing each once takes most of a write's CPU off.
  if (parsedAgents.size >= AGENT_CACHE_SIZE) parsedAgents.delete(parsedAgents.keys().next().value);
  parsedAgents.set(text, reduced);
  return reduced;
}

/**
 * The network the visitor came from, for `CONSENT_LOG_IP=truncate`: an IPv4 address with its last
 * octet zeroed (/24), an IPv6 address cut to its first 48 bits. Anything else gives null.
 * @param {string | undefined} ip
 * @returns {string | null}
 */
export function truncateIp(ip) {
  if (!ip) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const address = mapped ? mapped[1] : ip;
  if (isIPv4(address)) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(address)) return null;
  let groups;
  if (address.includes('::')) {
    const [head = '', tail = ''] = address.split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  } else {
    groups = address.split(':');
  }
  if (groups.length !== 8 || !groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return `${groups.slice(0, 3).map((group) => group.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/48`;
}
