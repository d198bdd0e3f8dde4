/**
 * Microsoft Advertising UET with its consent mode
 * (https://learn.microsoft.com/advertising/msa-help/hlp_ba_conc_uet_consent). Basic mode (default):
 * nothing before consent. Once allowed, `uetq.push('consent', 'default', { ad_storage: 'denied' })`
 * and the `update` with the visitor's state are queued before bat.js loads; bat.js then takes the
 * queue over (`new UET({ ti, q })`) and records the page load. Advanced mode loads bat.js at once
 * with storage denied, as Microsoft recommends. Every page states the default and a stored choice
 * again, as Microsoft asks. On withdrawal: `update` denied, which stops UET reading and writing its
 * first-party cookies, and `_uetsid`, `_uetvid`, `_uetmsclkid` (and their `_exp` keys) expired.
 */

import type { AdapterConsent, AdapterContext, AdapterCookie, AdapterInfo, AdapterUpdateResult, ConsentAdapter } from '../src/core/adapter.js';
import { hasMethods, vendorGlobal } from './shared/globals.js';
import { checkOptions, isBoolean, isCategory, matches, type OptionRule } from './shared/options.js';

export interface MicrosoftUetOptions {
  /** The UET tag ID (digits), the `ti` of Microsoft's snippet. */
  readonly tagId: string;
  /** The category that grants `ad_storage`; `marketing` by default. */
  readonly category?: string;
  /** `basic` (default): bat.js only once allowed. `advanced`: at once, with `ad_storage` denied until the visitor allows it. */
  readonly consentMode?: 'basic' | 'advanced';
  /** UET's `enableAutoSpaTracking`: a page view on each history change; `true` by default. */
  readonly spaTracking?: boolean;
}

/** `window.uetq`: an array until bat.js replaces it with a UET object that has `push`. */
interface UetQueue {
  push(...args: unknown[]): unknown;
}

const BAT_URL = 'https://bat.bing.com/bat.js';
const COOKIES = ['_uetsid', '_uetvid', '_uetmsclkid', '_uetsid_exp', '_uetvid_exp'];

export function microsoftUet(options: MicrosoftUetOptions): ConsentAdapter & { readonly loaded: boolean } {
  const category = options.category ?? 'marketing';
  const advanced = options.consentMode === 'advanced';
  let context: AdapterContext | null = null;
  let queue: UetQueue | null = null;
  let loaded = false;
  let told: string | null = null;

  function globals(): Record<string, unknown> {
    return context!.window as unknown as Record<string, unknown>;
  }

  /** The page's UET queue (array or UET object), created when missing; `null` when the name holds something else. */
  function currentQueue(): UetQueue | null {
    const existing = vendorGlobal(context!.window, 'uetq');
    if (Array.isArray(existing) || hasMethods(existing, ['push'])) return existing as UetQueue;
    if (existing !== undefined) return null;
    const created: unknown[] = [];
    globals().uetq = created;
    return created;
  }

  /** Hands the queue to bat.js as Microsoft's snippet does, then records the page load. */
  async function load(): Promise<void> {
    loaded = true;
    if (!(await context!.loadScript(`${BAT_URL}?ti=${options.tagId}`))) return;
    const Uet = vendorGlobal(context!.window, 'UET');
    const pending = vendorGlobal(context!.window, 'uetq');
    if (typeof Uet !== 'function' || !Array.isArray(pending)) return;
    const uet = new (Uet as new (settings: object) => UetQueue)({ ti: options.tagId, enableAutoSpaTracking: options.spaTracking !== false, q: pending });
    globals().uetq = uet;
    queue = uet;
    uet.push('pageLoad');
  }

  function apply(consent: AdapterConsent): void {
    const allowed = consent.categories[category] === true;
    if (!allowed) context!.forget(COOKIES);
    if (!queue && !allowed && !advanced) return;
    if (!queue) {
      queue = currentQueue();
      if (!queue) {
        context!.conflict('uetq');
        context = null;
        return;
      }
      // Microsoft: the default on every page, before bat.js.
      queue.push('consent', 'default', { ad_storage: 'denied' });
      told = 'denied';
    }
    const state = allowed ? 'granted' : 'denied';
    if (state !== told) {
      told = state;
      queue.push('consent', 'update', { ad_storage: state });
    }
    if (!loaded) void load();
  }

  const cookie = (name: string, purpose: string, lifetime: string): AdapterCookie => ({ name, party: 'third', provider: 'Microsoft Advertising', category, purpose, lifetime });
  const rules: Readonly<Record<string, OptionRule>> = {
    tagId: [matches(/^\d{4,12}$/), 'uet-tag-id', true],
    category: [isCategory, 'category'],
    consentMode: [(value) => value === 'basic' || value === 'advanced', 'consent-mode'],
    spaTracking: [isBoolean, 'boolean'],
  };

  return {
    id: 'microsoft-uet',
    // Lifetimes: `_uetmsclkid` from Microsoft's UET FAQ, `_uetsid` and `_uetvid` from secondary sources (Microsoft's pages disagree); `_exp` keys are their expiry times in localStorage.
    cookies: [
      cookie('_uetsid', 'Identifies the visit for conversion tracking (with the _uetsid_exp key)', '1 day'),
      cookie('_uetvid', 'Identifies the visitor across visits (with the _uetvid_exp key)', '13 months'),
      cookie('_uetmsclkid', 'Keeps the Microsoft Advertising click ID', '90 days'),
      cookie('_uetsid_exp', 'Expiry of _uetsid (localStorage)', '1 day'),
      cookie('_uetvid_exp', 'Expiry of _uetvid (localStorage)', '13 months'),
    ],
    get loaded(): boolean {
      return loaded;
    },
    start(given: AdapterContext, consent: AdapterConsent): void {
      if (!checkOptions(options, rules, given, category)) return;
      context = given;
      apply(consent);
    },
    update(consent: AdapterConsent): AdapterUpdateResult | void {
      if (!context) return;
      apply(consent);
      return { reloadRecommended: loaded && !advanced && consent.categories[category] !== true && consent.changed.includes(category) };
    },
  };
}

/** Read by the build without loading this module (scripts/adapter-manifest.mjs). */
export const adapterInfo = { company: 'Microsoft' } satisfies AdapterInfo;

export default microsoftUet;
