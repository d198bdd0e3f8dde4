/**
 * Proof of consent (issue 13): turns each decision into a consent log record and hands it to the
 * client that delivers it. A chunk of its own, loaded only when there is a decision to log, a
 * notice about to be shown, or records an earlier page left queued.
 */

import { COMPONENT } from '../core/component.js';
import type { ConsentConfig } from '../core/config.js';
import { type ConsentLogAction, type ConsentLogRecord, type ConsentNoticeContent, canonicalNoticeJson, hashNotice } from '../core/consent-log-record.js';
import type { ConsentRecord } from '../core/record.js';
import type { ConsentChange } from '../core/store.js';
import { ConsentLogClient } from '../dom/consent-log-client.js';
import { logNoticesKey, logQueueKey } from '../core/storage.js';
import { readGlobalPrivacyControl } from '../dom/page.js';
import { pageAddress } from '../dom/script-url.js';
import { report } from '../diagnostics/report.js';
import type { PartHost } from './part-host.js';
import { noticeContent } from './consent-notice.js';

/** One client per endpoint and queue on a page, shared by every element that logs there. */
const clients = new Map<string, ConsentLogClient>();
/** Notice hashes by canonical content, computed once per page. */
const hashes = new Map<string, Promise<string>>();

/** What a record says besides the decision itself. */
export interface LogRecordContext {
  readonly recordId: string;
  readonly notice: ConsentLogRecord['notice'];
  /** The page, without query or fragment. */
  readonly url: string;
  /** Unix seconds, for a reset (which leaves no stored record to take the time from). */
  readonly nowSeconds: number;
}

/**
 * The record of `change`, a decision made while `before` was the stored choice (`null`: none).
 * `null` for a reset of a visitor who had not chosen: there is no consent to withdraw.
 */
export function buildLogRecord(change: ConsentChange, before: ConsentRecord | null, config: ConsentConfig, context: LogRecordContext): ConsentLogRecord | null {
  const base = { recordId: context.recordId, notice: context.notice, url: context.url, component: { name: COMPONENT.name, version: COMPONENT.version }, gpc: change.gpc };
  const record = change.record;
  if (!record) {
    if (!before) return null;
    const ids = config.categories.map(({ id }) => id);
    return {
      ...base,
      consentId: before.id,
      action: 'reset',
      granted: ids.filter((id) => change.categories[id]),
      denied: ids.filter((id) => !change.categories[id]),
      method: change.source === 'sync' ? 'api' : change.source,
      revision: config.revision,
      language: before.language,
      givenAt: before.createdAt,
      changedAt: Math.max(before.updatedAt, context.nowSeconds),
    };
  }
  const action: ConsentLogAction = !before ? 'given' : change.changed.some((id) => !change.categories[id]) ? 'withdrawn' : 'changed';
  return {
    ...base,
    consentId: record.id,
    action,
    granted: [...record.granted],
    denied: [...record.denied],
    method: record.method,
    revision: record.revision,
    language: record.language,
    gpc: record.gpc,
    givenAt: record.createdAt,
    changedAt: record.updatedAt,
  };
}

/** A random version 4 UUID: the record's idempotency key. `getRandomValues` works outside secure contexts too. */
export function createRecordId(randomBytes: (length: number) => Uint8Array = (length) => crypto.getRandomValues(new Uint8Array(length))): string {
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The address of a page without its query and fragment, which may carry personal data. */
export function pageUrl(href: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  return url.href;
}

function noticeHash(content: ConsentNoticeContent): Promise<string> {
  const key = canonicalNoticeJson(content);
  let hash = hashes.get(key);
  if (!hash) {
    hash = hashNotice(content);
    hashes.set(key, hash);
    // A failure (no crypto.subtle outside a secure context) is reported by the record that needed it.
    hash.catch(() => hashes.delete(key));
  }
  return hash;
}

const failed = (error: unknown): void => report('warn', { code: 'consent-log-failed', error });

/**
 * The log's address, resolved against the page's base URL as links are, but only where the base
 * does not move it to another origin than the page's own address would: `<base>` injected into
 * the page would otherwise send every record, and its proof, to another host. An endpoint that
 * names its host (`https://…`, `//…`) is the site's word and goes where it says.
 */
function logEndpoint(endpoint: string, doc: Document): string {
  const url = new URL(endpoint, doc.baseURI);
  const unmoved = new URL(endpoint, pageAddress(doc)).origin;
  if (url.origin !== unmoved) throw new Error(`the consent log's endpoint ${endpoint} resolves to ${url.origin} through the page's <base>, not to ${unmoved}: nothing is sent`);
  return url.href;
}

/** The client of `host`'s consent log, created (and listening for `online`) the first time. `null` without a log, or when its endpoint cannot be resolved. */
function clientFor({ element: host }: PartHost): ConsentLogClient | null {
  const config = host.effectiveConfig;
  if (!config.consentLog) return null;
  const win = host.ownerDocument.defaultView ?? window;
  let endpoint: string;
  try {
    endpoint = logEndpoint(config.consentLog.endpoint, host.ownerDocument);
  } catch (error) {
    // A path on a page whose base is no URL to resolve it against (about:srcdoc), or one that
    // the page's <base> moves off the page's own origin.
    failed(error);
    return null;
  }
  const keys = { queue: logQueueKey(config.storage.cookieName), notices: logNoticesKey(config.storage.cookieName) };
  const id = `${endpoint} ${keys.queue}`;
  let client = clients.get(id);
  if (!client) {
    client = new ConsentLogClient({ endpoint, keys, storage: () => win.localStorage, fetch: win.fetch.bind(win), warn: (diagnostic) => report('warn', diagnostic) });
    client.listen(win);
    clients.set(id, client);
  }
  return client;
}

/**
 * On a page load: logs the Global Privacy Control override the load made (`gpcChange`), if any,
 * and sends what earlier pages left queued, if their backoff allows. On a headless page without
 * a choice, readies the notice: no banner does it there, and the site's own button may navigate
 * right after its decision.
 */
export function start(host: PartHost, gpcChange: ConsentChange | null): void {
  if (gpcChange) logDecision(host, gpcChange, gpcChange.record);
  else void clientFor(host)?.flush();
  if (host.element.headless && !host.element.decided) void prepareNotice(host);
}

/**
 * Works out the hash of the notice `host` is about to show, so that a decision taken on it is
 * sent at once, before a navigation that may follow the click. Resolves when done; never rejects.
 */
export function prepareNotice(host: PartHost): Promise<void> {
  if (!clientFor(host)) return Promise.resolve();
  const { element } = host;
  return host
    .needLanguage()
    .then(() => noticeHash(noticeContent(element, readGlobalPrivacyControl(element.ownerDocument.defaultView?.navigator))))
    .then(
      () => undefined,
      () => undefined,
    );
}

/**
 * Logs the decision `change`, taken while `before` was the stored choice. The record is queued
 * (and so safe) before it is sent; nothing waits for it.
 */
export function logDecision(host: PartHost, change: ConsentChange, before: ConsentRecord | null): void {
  const client = clientFor(host);
  if (!client) return;
  const { element } = host;
  const config = element.effectiveConfig;
  const url = pageUrl(element.ownerDocument.URL);
  const recordId = createRecordId();
  const nowSeconds = Math.floor(Date.now() / 1000);
  host
    .needLanguage()
    .then(async () => {
      const content = noticeContent(element, change.gpc);
      const hash = await noticeHash(content);
      const notice = client.hasNotice(hash) ? { hash } : { hash, content };
      const record = buildLogRecord(change, before, config, { recordId, notice, url, nowSeconds });
      if (record) await client.send(record);
    })
    .catch(failed);
}
