/**
 * The stored choice. It is written as a URL-encoded query string, so that any back end can read
 * it with its standard form parser (`URLSearchParams`, `parse_qs`, `parse_str`), and it uses only
 * characters that are valid in a cookie value without quoting:
 *
 *     v=1&id=3q2-7wE8Tn6J0c1YbXk1vA&r=1&c=1763800000&u=1763800000&g=necessary.analytics&d=marketing&m=banner&gpc=0&l=en&s=fg0c7m
 *
 * | key   | meaning                                                                  |
 * |-------|--------------------------------------------------------------------------|
 * | `v`   | schema version (this module reads and writes 1)                          |
 * | `id`  | random consent id, 22 characters of base64url (128 bits)                 |
 * | `r`   | the config revision the choice was given under                           |
 * | `c`   | when the choice was first given, in Unix seconds                         |
 * | `u`   | when it was last changed, in Unix seconds                                |
 * | `g`   | granted category ids, joined by `.`                                      |
 * | `d`   | denied category ids, joined by `.`                                       |
 * | `m`   | how it was given: `banner`, `preferences`, `api` or `gpc`                |
 * | `gpc` | `1` if Global Privacy Control was on when it was given, else `0`         |
 * | `l`   | the language the visitor saw                                             |
 * | `s`   | checksum of everything before `&s=`: FNV-1a 32-bit in base 36            |
 *
 * The checksum catches truncation and hand edits; it is not a signature and proves nothing to
 * a third party. Anything that does not decode exactly counts as no choice.
 */

import { CATEGORY_ID_PATTERN, isLanguageTag } from './config.js';

export const RECORD_SCHEMA_VERSION = 1;

export const CONSENT_METHODS = ['banner', 'preferences', 'placeholder', 'api', 'gpc'] as const;
/** How a stored choice was given; `placeholder` is the button of a blocked embed. */
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export interface ConsentRecord {
  readonly version: typeof RECORD_SCHEMA_VERSION;
  /** Random identifier of this consent, for the site's own consent log. */
  readonly id: string;
  readonly revision: number;
  /** Unix seconds. */
  readonly createdAt: number;
  /** Unix seconds. */
  readonly updatedAt: number;
  readonly granted: readonly string[];
  readonly denied: readonly string[];
  readonly method: ConsentMethod;
  readonly gpc: boolean;
  readonly language: string;
}

/** Longer values are rejected before parsing: no real record comes near it. */
export const MAX_RECORD_LENGTH = 2048;
const KEYS = ['v', 'id', 'r', 'c', 'u', 'g', 'd', 'm', 'gpc', 'l', 's'] as const;
const CONSENT_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const INTEGER_PATTERN = /^(0|[1-9][0-9]{0,14})$/;

/** FNV-1a, 32-bit: a few lines, and enough to notice a changed or missing character. */
export function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function encodeRecord(record: ConsentRecord): string {
  const body = [
    `v=${record.version}`,
    `id=${record.id}`,
    `r=${record.revision}`,
    `c=${record.createdAt}`,
    `u=${record.updatedAt}`,
    `g=${record.granted.join('.')}`,
    `d=${record.denied.join('.')}`,
    `m=${record.method}`,
    `gpc=${record.gpc ? 1 : 0}`,
    `l=${record.language}`,
  ].join('&');
  return `${body}&s=${checksum(body)}`;
}

function parseCategoryList(value: string): string[] | null {
  if (value === '') return [];
  const ids = value.split('.');
  return ids.every((id) => CATEGORY_ID_PATTERN.test(id)) && new Set(ids).size === ids.length ? ids : null;
}

/**
 * Reads a stored value. Returns `null` for anything that is not exactly a record this version
 * wrote: foreign, truncated, edited, or written by a future schema version. Never throws.
 */
export function decodeRecord(raw: unknown): ConsentRecord | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_RECORD_LENGTH) return null;
  let value = raw;
  // Some server frameworks percent-encode cookie values when they copy them.
  if (value.includes('%')) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  const checksumAt = value.lastIndexOf('&s=');
  if (checksumAt < 0 || checksum(value.slice(0, checksumAt)) !== value.slice(checksumAt + 3)) return null;

  const pairs = value.split('&');
  if (pairs.length !== KEYS.length) return null;
  const fields = new Map<string, string>();
  for (const [index, pair] of pairs.entries()) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator) !== KEYS[index]) return null;
    fields.set(KEYS[index], pair.slice(separator + 1));
  }
  const field = (key: (typeof KEYS)[number]): string => fields.get(key) ?? '';

  if (field('v') !== String(RECORD_SCHEMA_VERSION)) return null;
  const id = field('id');
  const method = field('m') as ConsentMethod;
  const gpc = field('gpc');
  const language = field('l');
  const numbers = [field('r'), field('c'), field('u')];
  if (
    !CONSENT_ID_PATTERN.test(id) ||
    !CONSENT_METHODS.includes(method) ||
    (gpc !== '0' && gpc !== '1') ||
    !isLanguageTag(language) ||
    !numbers.every((number) => INTEGER_PATTERN.test(number))
  ) {
    return null;
  }
  const [revision, createdAt, updatedAt] = numbers.map(Number) as [number, number, number];
  if (createdAt > updatedAt) return null;
  const granted = parseCategoryList(field('g'));
  const denied = parseCategoryList(field('d'));
  if (!granted || !denied || granted.some((category) => denied.includes(category))) return null;

  return Object.freeze({
    version: RECORD_SCHEMA_VERSION,
    id,
    revision,
    createdAt,
    updatedAt,
    granted: Object.freeze(granted),
    denied: Object.freeze(denied),
    method,
    gpc: gpc === '1',
    language,
  });
}

/** 128 random bits in base64url: unguessable and short enough for a cookie. */
export function createConsentId(randomBytes: (length: number) => Uint8Array): string {
  const bytes = randomBytes(16);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
