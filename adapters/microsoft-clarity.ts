/**
 * Microsoft Clarity with its consent API v2 (https://learn.microsoft.com/clarity/setup-and-installation/clarity-consent-api-v2).
 * Nothing before consent: no `clarity` stub, no tag. On grant: the stub, then
 * `clarity('consentv2', { ad_Storage, analytics_Storage })` queued before the tag
 * (`https://www.clarity.ms/tag/<projectId>`) loads, so Clarity starts with the visitor's state. A
 * stored choice is stated again on every page (Clarity does not keep partial choices reliably:
 * microsoft/clarity#969). On withdrawal: `consentv2` denied, on which Clarity erases `_clck` and
 * `_clsk` and goes on without cookies; the adapter expires them too and recommends a reload.
 */

import type { AdapterConsent, AdapterContext, AdapterCookie, AdapterInfo, AdapterUpdateResult, ConsentAdapter } from '../src/core/adapter.js';
import { vendorGlobal } from './shared/globals.js';
import { checkOptions, isBoolean, isCategory, matches, type OptionRule } from './shared/options.js';

export interface MicrosoftClarityOptions {
  /** The Clarity project ID (Settings → Setup), for instance `abcde12345`. */
  readonly projectId: string;
  /** The category that allows Clarity (its `analytics_Storage`); `analytics` by default. */
  readonly category?: string;
  /**
   * The category that grants Clarity's `ad_Storage` (Microsoft Advertising integration), or
   * `true`/`false`. `marketing` by default when the config has it, else always denied.
   */
  readonly adStorage?: string | boolean;
}

/** Clarity's global: a function whose calls queue on `q` until the tag takes over. */
export interface Clarity {
  (...args: unknown[]): void;
  q?: IArguments[];
}

const TAG_URL = 'https://www.clarity.ms/tag/';
const COOKIES = ['_clck', '_clsk'];

/** Clarity's queueing stub, written out so no script text is evaluated; the page's own when it has one, `null` when the name holds something else. */
function installStub(win: Window & typeof globalThis): Clarity | null {
  const existing = vendorGlobal(win, 'clarity');
  if (typeof existing === 'function') return existing as Clarity;
  if (existing !== undefined) return null;
  const stub: Clarity = function () {
    // eslint-disable-next-line prefer-rest-params
    (stub.q ??= []).push(arguments);
  };
  (win as unknown as Record<string, unknown>).clarity = stub;
  return stub;
}

export function microsoftClarity(options: MicrosoftClarityOptions): ConsentAdapter {
  const category = options.category ?? 'analytics';
  let context: AdapterContext | null = null;
  let clarity: Clarity | null = null;
  let conflicted = false;
  let told = '';

  function signals(consent: AdapterConsent): { ad_Storage: string; analytics_Storage: string } {
    const adSetting = options.adStorage ?? (context!.categoryIds.includes('marketing') ? 'marketing' : false);
    const adGranted = typeof adSetting === 'boolean' ? adSetting : consent.categories[adSetting] === true;
    const analytics = consent.categories[category] === true;
    // Clarity records only with analytics storage; ad storage alone would not be Clarity's consent.
    return { ad_Storage: analytics && adGranted ? 'granted' : 'denied', analytics_Storage: analytics ? 'granted' : 'denied' };
  }

  /** Tells Clarity the state when it differs from what it was last told; loads the tag on the first grant. */
  function apply(consent: AdapterConsent): void {
    const allowed = consent.categories[category] === true;
    if (!allowed) context!.forget(COOKIES);
    if (!clarity && (!allowed || conflicted)) return;
    if (!clarity) {
      clarity = installStub(context!.window);
      if (!clarity) {
        conflicted = true;
        context!.conflict('clarity');
        return;
      }
      void context!.loadScript(`${TAG_URL}${options.projectId}`);
    }
    const state = signals(consent);
    if (JSON.stringify(state) === told) return;
    told = JSON.stringify(state);
    clarity('consentv2', state);
  }

  const cookie = (name: string, purpose: string, lifetime: string, domain?: string): AdapterCookie => ({ name, ...(domain ? { domain } : {}), party: 'third', provider: 'Microsoft Clarity', category, purpose, lifetime });
  const rules: Readonly<Record<string, OptionRule>> = {
    projectId: [matches(/^[a-z0-9]{6,16}$/i), 'clarity-project-id', true],
    category: [isCategory, 'category'],
    adStorage: [(value, given) => isBoolean(value) || isCategory(value, given), 'category'],
  };

  return {
    id: 'microsoft-clarity',
    cookies: [
      cookie('_clck', 'Keeps the Clarity user ID and preferences', '1 year'),
      cookie('_clsk', 'Joins page views into one recorded session', '1 day'),
      cookie('CLID', 'Records when Clarity first saw this browser on any site', '1 year', 'clarity.ms'),
    ],
    start(given: AdapterContext, consent: AdapterConsent): void {
      if (!checkOptions(options, rules, given, category)) return;
      context = given;
      apply(consent);
    },
    update(consent: AdapterConsent): AdapterUpdateResult | void {
      if (!context) return;
      const wasLoaded = clarity !== null;
      apply(consent);
      // Clarity goes on recording without cookies after a denial: only a reload stops it.
      return { reloadRecommended: wasLoaded && consent.categories[category] !== true && consent.changed.includes(category) };
    },
  };
}

/** Read by the build without loading this module (scripts/adapter-manifest.mjs). */
export const adapterInfo = { company: 'Microsoft' } satisfies AdapterInfo;

export default microsoftClarity;
