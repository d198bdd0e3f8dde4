/**
 * Meta Pixel. Nothing before consent: no `fbq` stub, no fbevents.js, and no `<noscript>` image
 * (a request no script can gate). On grant: the stub, `fbq('consent', 'grant')`,
 * `fbq('init', pixelId)` and `fbq('track', 'PageView')`, then fbevents.js. On withdrawal:
 * `fbq('consent', 'revoke')`, which stops the loaded library sending, and `_fbp` / `_fbc` expired.
 * Calls follow https://developers.facebook.com/docs/meta-pixel/implementation/gdpr
 */

import type { AdapterConsent, AdapterContext, AdapterInfo, AdapterUpdateResult, ConsentAdapter } from '../src/core/adapter.js';
import { vendorGlobal } from './shared/globals.js';
import { checkOptions, isBoolean, isCategory, type OptionRule } from './shared/options.js';

export interface MetaPixelOptions {
  /** The pixel ID, or several: `consent` applies to all of them, `init` runs for each. */
  readonly pixelId: string | readonly string[];
  /** The category that allows the pixel; `marketing` by default. */
  readonly category?: string;
  /** Sends `fbq('track', 'PageView')` after `init`; `true` by default. */
  readonly trackPageView?: boolean;
}

/** The `fbq` function of Meta's base code: calls queue until fbevents.js takes over through `callMethod`. */
export interface Fbq {
  (...args: unknown[]): void;
  callMethod?: (...args: unknown[]) => void;
  queue: IArguments[];
  push: Fbq;
  loaded: boolean;
  version: string;
}

const FBEVENTS_URL = 'https://connect.facebook.net/en_US/fbevents.js';
const COOKIES = ['_fbp', '_fbc'];
const PIXEL_ID = /^\d{5,20}$/;

/**
 * Meta's base code stub, written out (not copied) so no script text is evaluated; the page's own
 * `fbq` when it has one, or `null` when `window.fbq` holds something else.
 */
function installStub(win: Window & typeof globalThis): Fbq | null {
  const existing = vendorGlobal(win, 'fbq');
  if (typeof existing === 'function') return existing as Fbq;
  if (existing !== undefined) return null;
  const globals = win as unknown as Record<string, unknown>;
  const stub = function () {
    // eslint-disable-next-line prefer-rest-params
    if (stub.callMethod) stub.callMethod(...arguments);
    // eslint-disable-next-line prefer-rest-params
    else stub.queue.push(arguments);
  } as Fbq;
  stub.push = stub;
  stub.loaded = true;
  stub.version = '2.0';
  stub.queue = [];
  globals.fbq = stub;
  if (vendorGlobal(win, '_fbq') === undefined) globals._fbq = stub;
  return stub;
}

export function metaPixel(options: MetaPixelOptions): ConsentAdapter {
  const category = options.category ?? 'marketing';
  const pixelIds = typeof options.pixelId === 'string' ? [options.pixelId] : [...options.pixelId];
  let context: AdapterContext | null = null;
  let fbq: Fbq | null = null;
  /** `window.fbq` held something else: reported once, and nothing is sent. */
  let conflicted = false;

  function grant(): void {
    if (fbq) {
      fbq('consent', 'grant');
      return;
    }
    if (conflicted) return;
    fbq = installStub(context!.window);
    if (!fbq) {
      conflicted = true;
      context!.conflict('fbq');
      return;
    }
    // Consent is global, not per pixel, so it comes once before every init.
    fbq('consent', 'grant');
    for (const id of pixelIds) fbq('init', id);
    if (options.trackPageView !== false) fbq('track', 'PageView');
    void context!.loadScript(FBEVENTS_URL);
  }

  const rules: Readonly<Record<string, OptionRule>> = {
    pixelId: [(value) => (Array.isArray(value) ? (value as unknown[]) : [value]).every((id) => typeof id === 'string' && PIXEL_ID.test(id)) && (!Array.isArray(value) || value.length > 0), 'pixel-id', true],
    category: [isCategory, 'category'],
    trackPageView: [isBoolean, 'boolean'],
  };

  return {
    id: 'meta-pixel',
    cookies: [
      { name: '_fbp', party: 'third', provider: 'Meta', category, purpose: 'Identifies the browser for ad delivery and measurement', lifetime: '90 days' },
      { name: '_fbc', party: 'third', provider: 'Meta', category, purpose: 'Keeps the ad click that brought the visitor', lifetime: '90 days' },
    ],
    start(given: AdapterContext, consent: AdapterConsent): void {
      if (!checkOptions(options, rules, given, category)) return;
      context = given;
      if (consent.categories[category] === true) grant();
      else given.forget(COOKIES);
    },
    update(consent: AdapterConsent): AdapterUpdateResult | void {
      if (!context) return;
      if (consent.categories[category] === true) {
        if (!fbq || consent.changed.includes(category)) grant();
        return;
      }
      if (fbq) fbq('consent', 'revoke');
      context.forget(COOKIES);
      return { reloadRecommended: fbq !== null && consent.changed.includes(category) };
    },
  };
}

/** Read by the build without loading this module (scripts/adapter-manifest.mjs). */
export const adapterInfo = { company: 'Meta' } satisfies AdapterInfo;

export default metaPixel;
