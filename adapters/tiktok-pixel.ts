/**
 * TikTok Pixel with its consent calls. Nothing before consent: TikTok's `holdConsent` mode still
 * requests the SDK before a decision (so says Nuxt Scripts' TikTok page), so the adapter loads
 * only once marketing is allowed. On grant, and on every page with a stored grant: the `ttq`
 * queue with `grantConsent()` first, then `load(pixelId)` and `page()`, then events.js, which
 * replays the queue in order. On withdrawal: `revokeConsent()`, `_ttp`, `_tt_enable_cookie` and
 * `ttcsid*` expired, and a reload recommended (what `revokeConsent` stops in a loaded SDK is
 * not documented where we could read it); a new grant calls `grantConsent()` again.
 */

import type { AdapterConsent, AdapterContext, AdapterCookie, AdapterInfo, AdapterUpdateResult, ConsentAdapter } from '../src/core/adapter.js';
import { hasMethods, vendorGlobal } from './shared/globals.js';
import { checkOptions, isBoolean, isCategory, matches, type OptionRule } from './shared/options.js';

export interface TikTokPixelOptions {
  /** The pixel ID from TikTok's Events Manager (capital letters and digits). */
  readonly pixelId: string;
  /** The category that allows the pixel; `marketing` by default. */
  readonly category?: string;
  /** Sends `ttq.page()` after `load`; `true` by default. */
  readonly trackPageView?: boolean;
}

export const EVENTS_URL = 'https://analytics.tiktok.com/i18n/pixel/events.js';
const COOKIES = ['_ttp', '_tt_enable_cookie', /^ttcsid/, 'ttclid'];
/** The methods TikTok's base code queues until events.js takes over. */
const METHODS = ['page', 'track', 'identify', 'instances', 'debug', 'on', 'off', 'once', 'ready', 'alias', 'group', 'enableCookie', 'disableCookie', 'holdConsent', 'revokeConsent', 'grantConsent'];

/** TikTok's queue: an array of `[method, ...args]` with the base code's bookkeeping, which events.js reads. */
interface TtqQueue extends Array<unknown[]> {
  methods: string[];
  _i: Record<string, unknown[]>;
  _t: Record<string, number>;
  _o: Record<string, object>;
  [method: string]: unknown;
}

type Ttq = Record<'grantConsent' | 'revokeConsent', () => void>;

/** The base code's queue, written out (no script text evaluated); the page's own `ttq` when it has one; `null` for anything else. */
function installQueue(win: Window & typeof globalThis, load: (src: string) => void): Ttq | null {
  const existing = vendorGlobal(win, 'ttq');
  if (existing !== undefined) return hasMethods(existing, ['grantConsent', 'revokeConsent', 'load', 'page']) ? (existing as Ttq) : null;
  const ttq = [] as unknown as TtqQueue;
  ttq.methods = METHODS;
  for (const method of METHODS) ttq[method] = (...args: unknown[]) => void ttq.push([method, ...args]);
  ttq._i = {};
  ttq._t = {};
  ttq._o = {};
  ttq.load = (id: string, settings?: object) => {
    const instance = [] as unknown[] & { _u?: string };
    instance._u = EVENTS_URL;
    ttq._i[id] = instance;
    ttq._t[id] = Date.now();
    ttq._o[id] = settings ?? {};
    load(`${EVENTS_URL}?sdkid=${encodeURIComponent(id)}&lib=ttq`);
  };
  const globals = win as unknown as Record<string, unknown>;
  globals.TiktokAnalyticsObject = 'ttq';
  globals.ttq = ttq;
  return ttq as unknown as Ttq;
}

export function tiktokPixel(options: TikTokPixelOptions): ConsentAdapter {
  const category = options.category ?? 'marketing';
  let context: AdapterContext | null = null;
  let ttq: Ttq | null = null;

  function grant(): void {
    if (ttq) {
      ttq.grantConsent();
      return;
    }
    ttq = installQueue(context!.window, (src) => void context!.loadScript(src));
    if (!ttq) {
      context!.conflict('ttq');
      context = null;
      return;
    }
    const queue = ttq as unknown as Record<string, (...args: unknown[]) => void>;
    // Consent first, so the SDK reads it before anything it sends.
    ttq.grantConsent();
    queue.load!(options.pixelId);
    if (options.trackPageView !== false) queue.page!();
  }

  const rules: Readonly<Record<string, OptionRule>> = {
    pixelId: [matches(/^[A-Z0-9]{12,32}$/), 'tiktok-pixel-id', true],
    category: [isCategory, 'category'],
    trackPageView: [isBoolean, 'boolean'],
  };

  const cookie = (name: string, purpose: string, lifetime: string): AdapterCookie => ({ name, party: 'third', provider: 'TikTok', category, purpose, lifetime });
  return {
    id: 'tiktok-pixel',
    cookies: [
      cookie('_ttp', 'Identifies the browser for ad measurement', '13 months'),
      cookie('_tt_enable_cookie', 'Records that TikTok may set cookies', '13 months'),
      { pattern: '^ttcsid', party: 'third', provider: 'TikTok', category, purpose: 'Keeps the session for ad measurement', lifetime: '1 year (not confirmed by TikTok)' },
      { name: 'ttclid', party: 'third', provider: 'TikTok', category, purpose: 'Keeps the ad click that brought the visitor', lifetime: 'not confirmed by TikTok' },
    ],
    start(given: AdapterContext, consent: AdapterConsent): void {
      if (!checkOptions(options, rules, given, category)) return;
      context = given;
      if (consent.categories[category] === true) grant();
      else given.forget(COOKIES);
    },
    update(consent: AdapterConsent): AdapterUpdateResult | void {
      if (!context) return;
      const allowed = consent.categories[category] === true;
      if (allowed) {
        if (!ttq || consent.changed.includes(category)) grant();
        return;
      }
      if (ttq && consent.changed.includes(category)) ttq.revokeConsent();
      context.forget(COOKIES);
      return { reloadRecommended: ttq !== null && consent.changed.includes(category) };
    },
  };
}

/** Read by the build without loading this module (scripts/adapter-manifest.mjs). */
export const adapterInfo = { company: 'TikTok' } satisfies AdapterInfo;

export default tiktokPixel;
