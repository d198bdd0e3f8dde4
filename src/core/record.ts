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
 * | `m`   | how it was given: `banner`, `preferences`, `placeholder`, `api` or `gpc` |
 * | `gpc` | `1` if Global Privacy Control was on when it was given, else `0`         |
 * | `l`   | the language the visitor saw                                             |
 * | `s`   | checksum of everything before `&s=`: FNV-1a 32-bit in base 36            |
 *
 * The checksum catches truncation and hand edits; it is not a signature and proves nothing to
 * a third party. Anything that does not decode exactly counts as no choice.
 */

export const RECORD_SCHEMA_VERSION = 1;

/** A category id: lowercase, as written in markup (`data-consent="analytics"`) and in the record. */
export const CATEGORY_ID_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;

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

/**
 * Longer values are rejected before parsing: a browser keeps at most 4096 bytes per cookie,
 * name and attributes included, so no stored record can be longer. The config reader refuses
 * categories whose record could not fit (`longestRecordLength`).
 */
export const MAX_RECORD_LENGTH = 4096;
/** Characters of the longest language tag the record holds (`abc-defghijk-…`, three subtags of eight). */
const LONGEST_LANGUAGE_TAG = 30;
/** Base 36 digits of the largest 32-bit checksum. */
const LONGEST_CHECKSUM = 7;
const INTEGER = '(0|[1-9][0-9]{0,14})';
const CONSENT_ID = '[A-Za-z0-9_-]{22}';
/** A consent id as `createConsentId` makes it: 22 characters of base64url. */
export const CONSENT_ID_PATTERN = new RegExp(`^${CONSENT_ID}$`);
/**
 * Everything before `&s=`, field by field in the order `encodeRecord` writes them. Version 1 only:
 * a record from a future schema is no choice to this code.
 */
const RECORD_PATTERN = new RegExp(
  `^v=1&id=(${CONSENT_ID})&r=${INTEGER}&c=${INTEGER}&u=${INTEGER}&g=([a-z0-9_.-]*)&d=([a-z0-9_.-]*)&m=(${CONSENT_METHODS.join('|')})&gpc=([01])&l=([a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8}){0,3})$`,
);

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

/**
 * The length of the longest record a config with these categories and revision can store: every
 * category listed, the longest method, language and checksum, and times up to the year 2286.
 */
export function longestRecordLength(categoryIds: readonly string[], revision: number): number {
  const body = encodeRecord({
    version: RECORD_SCHEMA_VERSION,
    id: 'A'.repeat(22),
    revision,
    createdAt: 9_999_999_999,
    updatedAt: 9_999_999_999,
    granted: categoryIds,
    denied: [],
    method: 'preferences',
    gpc: true,
    language: 'a'.repeat(LONGEST_LANGUAGE_TAG),
  });
  return body.lastIndexOf('&s=') + 3 + LONGEST_CHECKSUM;
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
  const fields = RECORD_PATTERN.exec(value.slice(0, checksumAt));
  if (!fields) return null;
  const [, id = '', revision, createdAt, updatedAt, grantedList = '', deniedList = '', method, gpc, language = ''] = fields;
  const granted = parseCategoryList(grantedList);
  const denied = parseCategoryList(deniedList);
  if (Number(createdAt) > Number(updatedAt) || !granted || !denied || granted.some((category) => denied.includes(category))) return null;
  return Object.freeze({
    version: RECORD_SCHEMA_VERSION,
    id,
    revision: Number(revision),
    createdAt: Number(createdAt),
    updatedAt: Number(updatedAt),
    granted: Object.freeze(granted),
    denied: Object.freeze(denied),
    method: method as ConsentMethod,
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
