/**
 * A record of the consent log (issue 13), as the element sends it and the log server stores it.
 * Node-safe: the element and the server share it.
 *
 * Stand-in written against the API agreed with the server (branch wt-log); replaced by the
 * server's version when that branch is merged.
 */

export type ConsentLogAction = 'given' | 'changed' | 'withdrawn' | 'reset';

/** What the visitor was shown, in their language: the texts, the categories and the policy link. */
export interface ConsentNoticeContent {
  language: string;
  texts: Record<string, string>;
  categories: { id: string; required: boolean; label: string; description: string }[];
  policyUrl: string | null;
}

export interface ConsentLogRecord {
  recordId: string;
  consentId: string;
  action: ConsentLogAction;
  granted: string[];
  denied: string[];
  method: string;
  revision: number;
  language: string;
  gpc: boolean;
  givenAt: number;
  changedAt: number;
  url: string;
  notice: { hash: string; content?: ConsentNoticeContent };
  component: { name: string; version: string };
}

export const MAX_LOG_BATCH = 100;

/** JSON with object keys sorted, so that equal content always gives the same text and hash. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function canonicalNoticeJson(content: ConsentNoticeContent): string {
  return canonical(content);
}

/** Hex SHA-256 of the canonical JSON. */
export async function hashNotice(content: ConsentNoticeContent): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalNoticeJson(content)));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function validateConsentLogRecord(value: unknown): { ok: true; record: ConsentLogRecord } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (typeof value !== 'object' || value === null) return { ok: false, errors: ['(record): must be an object'] };
  const record = value as Record<string, unknown>;
  for (const key of ['recordId', 'consentId', 'action', 'method', 'language', 'url']) if (typeof record[key] !== 'string') errors.push(`${key}: must be a string`);
  for (const key of ['revision', 'givenAt', 'changedAt']) if (!Number.isSafeInteger(record[key])) errors.push(`${key}: must be a whole number`);
  for (const key of ['granted', 'denied']) if (!Array.isArray(record[key])) errors.push(`${key}: must be an array`);
  if (typeof record.gpc !== 'boolean') errors.push('gpc: must be true or false');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, record: value as ConsentLogRecord };
}
