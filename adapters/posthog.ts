/**
 * PostHog through its snippet's stub and `array.js`, with PostHog's own opt-in/opt-out capturing.
 *
 * Before consent: nothing (no stub, no `array.js`). On grant: the stub, `posthog.init` with
 * `opt_out_capturing_by_default` and `opt_out_persistence_by_default`, then `opt_in_capturing()`
 * queued before `array.js` loads, so PostHog starts opted in and never captures opted out. A stored
 * grant does the same on every page. On withdrawal: `opt_out_capturing()`, which stops the loaded
 * SDK and its persistence, and its `ph_<key>_posthog` cookie and keys expired; no reload needed.
 * Calls follow https://posthog.com/docs/privacy/data-collection (posthog-js `consent.ts`).
 */

import type { AdapterConsent, AdapterContext, AdapterCookie, AdapterInfo, AdapterUpdateResult, ConsentAdapter } from '../src/core/adapter.js';
import { hasMethods, vendorGlobal } from './shared/globals.js';
import { checkOptions, isCategory, isHttpsUrl, isObject, matches, type OptionRule } from './shared/options.js';

export interface PostHogOptions {
  /** The project API key, `phc_…`. */
  readonly apiKey: string;
  /** Where events go: `https://us.i.posthog.com` by default, `https://eu.i.posthog.com`, or the site's reverse proxy. */
  readonly apiHost?: string;
  /** The category that allows PostHog; `analytics` by default. */
  readonly category?: string;
  /** More `posthog.init` settings (`person_profiles`, `disable_session_recording`…); the consent settings stay the adapter's. */
  readonly config?: Readonly<Record<string, unknown>>;
}

/** The methods the adapter calls, on the snippet's stub or on the loaded SDK. */
const USED_METHODS = ['opt_in_capturing', 'opt_out_capturing'];
/** Methods the stub queues until `array.js` replays them, as PostHog's snippet does. */
const STUB_METHODS = [...USED_METHODS, 'capture', 'identify', 'reset', 'register', 'group', 'alias', 'set_config', 'has_opted_out_capturing'];

interface PostHogConsentApi {
  opt_in_capturing(): void;
  opt_out_capturing(): void;
}

interface PostHogStub extends Array<unknown[]> {
  _i: unknown[][];
  [method: string]: unknown;
}

/** `array.js` sits on PostHog's assets host, or beside the API on a proxy, as the official snippet derives it. */
export function assetsUrl(apiHost: string): string {
  return `${apiHost.replace('.i.posthog.com', '-assets.i.posthog.com')}/static/array.js`;
}

export function posthog(options: PostHogOptions): ConsentAdapter {
  const category = options.category ?? 'analytics';
  const apiHost = options.apiHost ?? 'https://us.i.posthog.com';
  const storageName = `ph_${options.apiKey}_posthog`;
  let context: AdapterContext | null = null;
  let loaded = false;

  /** The page's PostHog (stub or SDK) when it has the methods used; `null` when `window.posthog` is something else. */
  function client(): PostHogConsentApi | null {
    const existing = vendorGlobal(context!.window, 'posthog');
    return hasMethods(existing, USED_METHODS) ? (existing as PostHogConsentApi) : null;
  }

  function load(): void {
    const win = context!.window;
    if (vendorGlobal(win, 'posthog') !== undefined) {
      // A site snippet already set PostHog up: the adapter cannot vouch for its settings.
      context!.conflict('posthog');
      context = null;
      return;
    }
    loaded = true;
    const stub = [] as unknown as PostHogStub;
    for (const method of STUB_METHODS) stub[method] = (...args: unknown[]) => void stub.push([method, ...args]);
    const settings = {
      ...options.config,
      api_host: apiHost,
      opt_out_capturing_by_default: true,
      opt_out_persistence_by_default: true,
    };
    stub._i = [[options.apiKey, settings, undefined]];
    (win as unknown as Record<string, unknown>).posthog = stub;
    // Replayed by array.js right after init, before anything is captured.
    stub.push(['opt_in_capturing']);
    void context!.loadScript(assetsUrl(apiHost));
  }

  const rules: Readonly<Record<string, OptionRule>> = {
    apiKey: [matches(/^phc_[A-Za-z0-9_-]{8,64}$/), 'api-key', true],
    apiHost: [isHttpsUrl, 'https-url'],
    category: [isCategory, 'category'],
    config: [isObject, 'object'],
  };

  const provider = 'PostHog';
  return {
    id: 'posthog',
    cookies: [
      { name: storageName, party: 'third', provider, category, purpose: 'Identifies the visitor and the session (cookie and localStorage)', lifetime: '1 year' },
      { name: `__ph_opt_in_out_${options.apiKey}`, party: 'third', provider, category, purpose: "Keeps PostHog's own record of the consent choice (localStorage)", lifetime: 'until removed' },
    ] satisfies AdapterCookie[],
    start(given: AdapterContext, consent: AdapterConsent): void {
      if (!checkOptions(options, rules, given, category)) return;
      context = given;
      if (consent.categories[category] === true) load();
      else given.forget([storageName]);
    },
    update(consent: AdapterConsent): AdapterUpdateResult | void {
      if (!context) return;
      const allowed = consent.categories[category] === true;
      if (allowed) {
        if (!loaded) load();
        else if (consent.changed.includes(category)) client()?.opt_in_capturing();
        return;
      }
      if (loaded && consent.changed.includes(category)) client()?.opt_out_capturing();
      context.forget([storageName]);
      try {
        // The tab's window ids (https://posthog.com/docs/libraries/js/persistence), which forget() does not reach.
        for (const suffix of ['window_id', 'primary_window_exists']) context.window.sessionStorage.removeItem(`ph_${options.apiKey}_${suffix}`);
      } catch {
        // Storage blocked: PostHog could not have written there either.
      }
    },
  };
}

/** Read by the build without loading this module (scripts/adapter-manifest.mjs). */
export const adapterInfo = { company: 'PostHog' } satisfies AdapterInfo;

export default posthog;
