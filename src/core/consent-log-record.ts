/**
 * The record the element sends to a consent log (`consent-manager-log`) on every decision, and
 * the checks the log server applies to it. Shared by the client and the server, so both agree on
 * one shape and one notice hash. No DOM: it runs in browsers and in Node 20.
 */

import { isLanguageTag, isLinkTarget } from './config.js';
import { CATEGORY_ID_PATTERN, CONSENT_ID_PATTERN, CONSENT_METHODS, type ConsentMethod } from './record.js';

export const CONSENT_LOG_ACTIONS = ['given', 'changed', 'withdrawn', 'reset'] as const;
/** What a decision did: first choice, a later change, a withdrawal of everything optional, or a reset. */
export type ConsentLogAction = (typeof CONSENT_LOG_ACTIONS)[number];

/** What the visitor was shown, in their language, after the site's own wording was applied. */
export interface ConsentNoticeContent {
  language: string;
  /** The banner and preferences texts by key (`bannerTitle`, …), exactly as rendered. */
  texts: Record<string, string>;
  categories: { id: string; required: boolean; label: string; description: string }[];
  policyUrl: string | null;
}

/** One decision, as sent to the consent log. `recordId` is the server's idempotency key. */
export interface ConsentLogRecord {
  /** Random and unique per event (for instance `createConsentId` or `crypto.randomUUID()`). */
  recordId: string;
  consentId: string;
  action: ConsentLogAction;
  granted: string[];
  denied: string[];
  method: ConsentMethod;
  revision: number;
  language: string;
  gpc: boolean;
  /** Unix seconds. */
  givenAt: number;
  /** Unix seconds. */
  changedAt: number;
  /** The page, without query or fragment. */
  url: string;
  /** `content` is sent the first time a browser sends this hash; the server stores it once. */
  notice: { hash: string; content?: ConsentNoticeContent };
  component: { name: string; version: string };
}

/** At most this many records in one `{ "records": [...] }` request. */
export const MAX_LOG_BATCH = 100;

/** Bounds on every field, so that a record is small and a hostile one costs nothing to reject. */
export const CONSENT_LOG_LIMITS = Object.freeze({
  categories: 64,
  urlLength: 2048,
  textKeys: 64,
  textLength: 10_000,
  labelLength: 200,
  descriptionLength: 5_000,
  componentNameLength: 214,
  componentVersionLength: 64,
});

/** Both `createConsentId`'s base64url and a UUID fit; long enough that random ids do not collide. */
const RECORD_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const NOTICE_HASH_PATTERN = /^[0-9a-f]{64}$/;
const TEXT_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
/** Names and versions are printable ASCII without spaces (npm names, semver, build tags). */
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;
/**
 * U+0000 and unpaired surrogates: PostgreSQL stores neither in text or jsonb, so one such
 * character would make the log's whole batch fail. (With the `u` flag a surrogate pair is one
 * code point, so only a lone half matches `\p{Cs}`.)
 */
const UNSTORABLE = /[\0\p{Cs}]/u;
const UNSTORABLE_MESSAGE = 'holds U+0000 or an unpaired surrogate, which cannot be stored';
/** 9999-12-31T23:59:59Z: no clock is that wrong, and the value stays an exact integer. */
const MAX_UNIX_SECONDS = 253_402_300_799;

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, arrays in their order. Two
 * notices with the same content give the same text whatever order their keys were written in.
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Canonical JSON (sorted keys, no whitespace) of the notice content. */
export function canonicalNoticeJson(content: ConsentNoticeContent): string {
  return canonicalJson(content);
}

/** Lower-case hex SHA-256 of canonicalNoticeJson, via globalThis.crypto.subtle (browser and Node 20). */
export async function hashNotice(content: ConsentNoticeContent): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalNoticeJson(content)));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

type Check = (value: unknown, path: string, errors: string[]) => void;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** An object with exactly these fields (those in `optional` may be missing); unknown fields are errors. */
function object(fields: Record<string, Check>, optional: readonly string[] = []): Check {
  return (value, path, errors) => {
    if (!isPlainObject(value)) {
      errors.push(`${path || 'record'}: expected an object`);
      return;
    }
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(fields, key)) errors.push(`${at(path, key)}: unknown field`);
    }
    for (const [key, check] of Object.entries(fields)) {
      if (value[key] === undefined) {
        if (!optional.includes(key)) errors.push(`${at(path, key)}: required`);
      } else {
        check(value[key], at(path, key), errors);
      }
    }
  };
}

function string(maxLength: number, pattern?: RegExp, expected = 'a string'): Check {
  return (value, path, errors) => {
    if (typeof value !== 'string') errors.push(`${path}: expected ${expected}`);
    else if (value.length > maxLength) errors.push(`${path}: longer than ${maxLength} characters`);
    else if (pattern && !pattern.test(value)) errors.push(`${path}: expected ${expected}`);
    else if (UNSTORABLE.test(value)) errors.push(`${path}: ${UNSTORABLE_MESSAGE}`);
  };
}

const boolean: Check = (value, path, errors) => {
  if (typeof value !== 'boolean') errors.push(`${path}: expected true or false`);
};

function integer(min: number, max: number): Check {
  return (value, path, errors) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) errors.push(`${path}: expected an integer from ${min} to ${max}`);
  };
}

function oneOf(options: readonly string[]): Check {
  return (value, path, errors) => {
    if (typeof value !== 'string' || !options.includes(value)) errors.push(`${path}: expected one of ${options.join(', ')}`);
  };
}

const language: Check = (value, path, errors) => {
  if (!isLanguageTag(value)) errors.push(`${path}: expected a language tag such as en or pt-BR`);
};

/** An absolute http(s) URL without credentials; `bare` also forbids a query and a fragment. */
function httpUrl(bare: boolean): Check {
  return (value, path, errors) => {
    if (typeof value !== 'string') return void errors.push(`${path}: expected a URL`);
    if (value.length > CONSENT_LOG_LIMITS.urlLength) return void errors.push(`${path}: longer than ${CONSENT_LOG_LIMITS.urlLength} characters`);
    if (UNSTORABLE.test(value)) return void errors.push(`${path}: ${UNSTORABLE_MESSAGE}`);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return void errors.push(`${path}: expected an absolute http(s) URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') errors.push(`${path}: expected an absolute http(s) URL`);
    else if (url.username || url.password) errors.push(`${path}: must not hold credentials`);
    else if (bare && (value.includes('?') || value.includes('#'))) errors.push(`${path}: must not hold a query or fragment`);
  };
}

function categoryIds(value: unknown, path: string, errors: string[]): void {
  if (!Array.isArray(value)) return void errors.push(`${path}: expected an array of category ids`);
  if (value.length > CONSENT_LOG_LIMITS.categories) return void errors.push(`${path}: more than ${CONSENT_LOG_LIMITS.categories} categories`);
  const seen = new Set<string>();
  value.forEach((id: unknown, index) => {
    if (typeof id !== 'string' || !CATEGORY_ID_PATTERN.test(id)) errors.push(`${at(path, index)}: expected a category id`);
    else if (seen.has(id)) errors.push(`${at(path, index)}: ${id} is listed twice`);
    else seen.add(id);
  });
}

const texts: Check = (value, path, errors) => {
  if (!isPlainObject(value)) return void errors.push(`${path}: expected an object of texts`);
  const entries = Object.entries(value);
  if (entries.length > CONSENT_LOG_LIMITS.textKeys) return void errors.push(`${path}: more than ${CONSENT_LOG_LIMITS.textKeys} texts`);
  for (const [key, text] of entries) {
    if (!TEXT_KEY_PATTERN.test(key)) errors.push(`${at(path, key)}: not a text key`);
    else string(CONSENT_LOG_LIMITS.textLength)(text, at(path, key), errors);
  }
};

const noticeCategory = object({
  id: string(32, CATEGORY_ID_PATTERN, 'a category id'),
  required: boolean,
  label: string(CONSENT_LOG_LIMITS.labelLength),
  description: string(CONSENT_LOG_LIMITS.descriptionLength),
});

const noticeCategories: Check = (value, path, errors) => {
  if (!Array.isArray(value)) return void errors.push(`${path}: expected an array`);
  if (value.length > CONSENT_LOG_LIMITS.categories) return void errors.push(`${path}: more than ${CONSENT_LOG_LIMITS.categories} categories`);
  value.forEach((category: unknown, index) => noticeCategory(category, at(path, index), errors));
};

const policyUrl: Check = (value, path, errors) => {
  if (value === null) return;
  // The policy link may be site-relative, as the element's config allows.
  if (typeof value !== 'string' || value.length > CONSENT_LOG_LIMITS.urlLength || !isLinkTarget(value)) errors.push(`${path}: expected a link (an http(s) URL or a path) or null`);
  else if (UNSTORABLE.test(value)) errors.push(`${path}: ${UNSTORABLE_MESSAGE}`);
};

const noticeContent = object({ language, texts, categories: noticeCategories, policyUrl });

const checkRecord = object({
  recordId: string(64, RECORD_ID_PATTERN, 'a random id of 16 to 64 base64url characters'),
  consentId: string(22, CONSENT_ID_PATTERN, 'a consent id (22 base64url characters)'),
  action: oneOf(CONSENT_LOG_ACTIONS),
  granted: categoryIds,
  denied: categoryIds,
  method: oneOf(CONSENT_METHODS),
  revision: integer(0, Number.MAX_SAFE_INTEGER),
  language,
  gpc: boolean,
  givenAt: integer(0, MAX_UNIX_SECONDS),
  changedAt: integer(0, MAX_UNIX_SECONDS),
  url: httpUrl(true),
  notice: object({ hash: string(64, NOTICE_HASH_PATTERN, 'a lower-case hex SHA-256'), content: noticeContent }, ['content']),
  component: object({
    name: string(CONSENT_LOG_LIMITS.componentNameLength, TOKEN_PATTERN, 'a package name'),
    version: string(CONSENT_LOG_LIMITS.componentVersionLength, TOKEN_PATTERN, 'a version'),
  }),
});

/**
 * Strict validation of an untrusted value; every error names its field path. Unknown fields are
 * errors too. It does not check that `notice.content` hashes to `notice.hash` (that needs an
 * await): see `noticeMatchesHash`. `path` prefixes every error, for records inside a batch.
 */
export function validateConsentLogRecord(value: unknown, path = ''): { ok: true; record: ConsentLogRecord } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  checkRecord(value, path, errors);
  if (errors.length === 0) {
    const record = value as ConsentLogRecord;
    const both = record.granted.filter((id) => record.denied.includes(id));
    if (both.length > 0) errors.push(`${at(path, 'denied')}: ${both.join(', ')} also granted`);
    if (record.givenAt > record.changedAt) errors.push(`${at(path, 'changedAt')}: earlier than givenAt`);
  }
  return errors.length === 0 ? { ok: true, record: value as ConsentLogRecord } : { ok: false, errors };
}

/** Whether a record's notice content, when it carries one, hashes to its `notice.hash`. */
export async function noticeMatchesHash(record: ConsentLogRecord): Promise<boolean> {
  return record.notice.content === undefined || (await hashNotice(record.notice.content)) === record.notice.hash;
}
