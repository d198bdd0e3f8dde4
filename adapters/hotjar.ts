/**
 * Hotjar. It has no consent API (its command set is `identify`, `event`, `stateChange`:
 * hotjar/hotjar-js), so the adapter gates it: nothing before consent; on grant, and on every
 * page with a stored grant, `_hjSettings` and the `hj` queue, then Hotjar's script. On
 * withdrawal there is nothing to tell Hotjar: its `_hj*` cookies and keys are expired and a
 * reload is recommended, as only that stops the running script.
 */

import type { AdapterConsent, AdapterContext, AdapterCookie, AdapterInfo, AdapterUpdateResult, ConsentAdapter } from '../src/core/adapter.js';
import { vendorGlobal } from './shared/globals.js';
import { checkOptions, isCategory, type OptionRule } from './shared/options.js';

export interface HotjarOptions {
  /** The Hotjar site ID (digits). */
  readonly siteId: number | string;
  /** The category that allows Hotjar; `analytics` by default. */
  readonly category?: string;
}

/** The snippet version Hotjar's current snippet and `@hotjar/browser` load. */
const SNIPPET_VERSION = 6;
const STORAGE = [/^_hj/];

/** The script Hotjar's snippet loads for `siteId`. */
export function hotjarUrl(siteId: number | string): string {
  return `https://static.hotjar.com/c/hotjar-${siteId}.js?sv=${SNIPPET_VERSION}`;
}

type Hj = ((...args: unknown[]) => void) & { q?: unknown[] };

export function hotjar(options: HotjarOptions): ConsentAdapter {
  const category = options.category ?? 'analytics';
  let context: AdapterContext | null = null;
  let loaded = false;

  function load(): void {
    const win = context!.window;
    const globals = win as unknown as Record<string, unknown>;
    const existing = vendorGlobal(win, 'hj');
    if ((existing !== undefined && typeof existing !== 'function') || vendorGlobal(win, '_hjSettings') !== undefined) {
      context!.conflict(existing !== undefined && typeof existing !== 'function' ? 'hj' : '_hjSettings');
      context = null;
      return;
    }
    loaded = true;
    if (existing === undefined) {
      const hj: Hj = (...args: unknown[]) => void (hj.q ??= []).push(args);
      globals.hj = hj;
    }
    globals._hjSettings = { hjid: Number(options.siteId), hjsv: SNIPPET_VERSION };
    void context!.loadScript(hotjarUrl(options.siteId));
  }

  /** Hotjar's own probes and session flags live in sessionStorage too, which `forget` does not reach. */
  function forgetSessionKeys(): void {
    try {
      const storage = context!.window.sessionStorage;
      for (const key of Object.keys(storage)) if (key.startsWith('_hj')) storage.removeItem(key);
    } catch {
      // Storage blocked: Hotjar could not have written there either.
    }
  }

  const rules: Readonly<Record<string, OptionRule>> = {
    siteId: [(value) => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) || (typeof value === 'string' && /^[1-9]\d{0,11}$/.test(value)), 'site-id', true],
    category: [isCategory, 'category'],
  };

  const provider = 'Hotjar';
  return {
    id: 'hotjar',
    cookies: [
      { name: `_hjSessionUser_${options.siteId}`, party: 'third', provider, category, purpose: 'Identifies the visitor across visits', lifetime: '1 year' },
      { name: `_hjSession_${options.siteId}`, party: 'third', provider, category, purpose: 'Keeps the current session', lifetime: '30 minutes' },
      { pattern: '^_hj', party: 'third', provider, category, purpose: 'Session sampling, survey state and storage probes (cookies and keys)', lifetime: 'up to 1 year' },
    ] satisfies AdapterCookie[],
    start(given: AdapterContext, consent: AdapterConsent): void {
      if (!checkOptions(options, rules, given, category)) return;
      context = given;
      if (consent.categories[category] === true) load();
      else {
        given.forget(STORAGE);
        forgetSessionKeys();
      }
    },
    update(consent: AdapterConsent): AdapterUpdateResult | void {
      if (!context) return;
      if (consent.categories[category] === true) {
        if (!loaded) load();
        return;
      }
      context.forget(STORAGE);
      forgetSessionKeys();
      return { reloadRecommended: loaded && consent.changed.includes(category) };
    },
  };
}

/** Read by the build without loading this module (scripts/adapter-manifest.mjs). */
export const adapterInfo = { company: 'Hotjar' } satisfies AdapterInfo;

export default hotjar;
