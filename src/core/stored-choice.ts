/**
 * Which stored record, if any, is the visitor's choice. One set of rules, shared by the element's
 * store and `dist/consent-defaults.js`, so that the Consent Mode state a page's first tags see
 * never grants what the element then refuses.
 */

import { type ConsentRecord, decodeRecord } from './record.js';

/** What a record must match to be applied. */
export interface RecordRules {
  /** The config's `revision`: a record given under another one asks again. */
  readonly revision: number;
  /** `storage.expiresDays`: the most days since the record's last change. */
  readonly expiresDays: number;
  /** The config's optional category ids: a record that does not answer each one asks again. */
  readonly optionalCategories: readonly string[];
}

/** Why a stored record was not applied. */
export type StaleReason = 'expired' | 'revision' | 'new-category';

export interface StoredChoice {
  /** The choice to apply, or `null`. */
  readonly record: ConsentRecord | null;
  /** Set when a record was found but asks again. */
  readonly stale: StaleReason | null;
}

/**
 * How far in the future a record's times may be, in seconds: devices' clocks differ by a few
 * minutes. A record dated later was not written by this site's element on this device.
 */
export const CLOCK_SKEW_SECONDS = 600;

const DAY_SECONDS = 86_400;

/** Why `record` asks again under `rules` at `nowSeconds`, or `null` when it is a valid choice. */
export function staleReason(record: ConsentRecord, rules: RecordRules, nowSeconds: number): StaleReason | null {
  if (nowSeconds - record.updatedAt > rules.expiresDays * DAY_SECONDS) return 'expired';
  if (record.revision !== rules.revision) return 'revision';
  const answered = new Set([...record.granted, ...record.denied]);
  if (rules.optionalCategories.some((id) => !answered.has(id))) return 'new-category';
  return null;
}

/**
 * The choice among every stored copy (a cookie name can appear several times in
 * `document.cookie`, on different domains and paths, and localStorage may hold one).
 *
 * - A value that does not decode, or that is dated more than `CLOCK_SKEW_SECONDS` ahead, is none.
 * - Of the others, only valid ones (`staleReason`) count; without any, the newest tells why.
 * - When several valid copies disagree, none grants what another denies: the newest is applied
 *   with only the categories that every valid copy grants, and as made under GPC only if every
 *   one was. A copy written by a sibling subdomain on the parent domain can so take away, never add.
 */
export function readStoredChoice(values: readonly string[], rules: RecordRules, nowSeconds: number): StoredChoice {
  const valid: ConsentRecord[] = [];
  let newestStale: ConsentRecord | null = null;
  for (const value of values) {
    const record = decodeRecord(value);
    if (!record || record.updatedAt > nowSeconds + CLOCK_SKEW_SECONDS) continue;
    if (staleReason(record, rules, nowSeconds) === null) valid.push(record);
    else if (!newestStale || record.updatedAt > newestStale.updatedAt) newestStale = record;
  }
  if (valid.length === 0) return { record: null, stale: newestStale && staleReason(newestStale, rules, nowSeconds) };
  const newest = valid.reduce((found, record) => (record.updatedAt > found.updatedAt ? record : found));
  const granted = newest.granted.filter((id) => valid.every((record) => record.granted.includes(id)));
  // Made while GPC was on, a choice is exempt from GPC's override: only if every copy says so.
  const gpc = valid.every((record) => record.gpc);
  if (granted.length === newest.granted.length && gpc === newest.gpc) return { record: newest, stale: null };
  const denied = [...newest.denied, ...newest.granted.filter((id) => !granted.includes(id))];
  return { record: Object.freeze({ ...newest, granted: Object.freeze(granted), denied: Object.freeze(denied), gpc }), stale: null };
}
