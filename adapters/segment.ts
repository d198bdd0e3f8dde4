/**
 * Segment (analytics.js 2.0, `@segment/analytics-next` served from Segment's CDN).
 *
 * Before consent only the snippet's buffer exists, so page code can call `analytics.track()`
 * without anything leaving the page; analytics.js itself is not fetched. On grant it loads once
 * with the site's write key through Segment's `@segment/analytics-consent-tools` wrapper, which
 * stamps every event with `context.consent.categoryPreferences`, leaves out the device-mode
 * destinations whose categories are not allowed, and sends "Segment Consent Preference Updated"
 * on each later change. On withdrawal: that event, then `analytics.reset()`, a source
 * middleware that drops every further event, and the `ajs_*` cookies and keys removed.
 */

import type { AdapterConsent, AdapterContext, AdapterCookie, AdapterInfo, AdapterUpdateResult, ConsentAdapter } from '../src/core/adapter.js';
import { hasMethods, vendorGlobal } from './shared/globals.js';
import { checkOptions, isBoolean, isCategory, isObject, matches, type OptionRule } from './shared/options.js';

export interface SegmentOptions {
  /** The source's write key. */
  readonly writeKey: string;
  /** The category that allows Segment; `analytics` by default. */
  readonly category?: string;
  /**
   * Segment consent category id to the site's category id, as configured in Segment's Consent
   * Management (`{ "Analytics": "analytics", "Advertising": "marketing" }`). By default each of
   * the site's category ids is sent under its own name.
   */
  readonly categoryPreferences?: Readonly<Record<string, string>>;
  /** Destination name to the Segment categories it needs, where Segment's Consent Management does not map them. */
  readonly integrationCategoryMappings?: Readonly<Record<string, readonly string[]>>;
  /** Where analytics.js is served from; `https://cdn.segment.com` by default (a proxy for custom domains). */
  readonly cdnUrl?: string;
  /** Sends `analytics.page()` when it loads, as Segment's snippet does; `true` by default. */
  readonly initialPageview?: boolean;
}

type Middleware = (input: { payload: { obj: { type?: string; event?: string } }; next: (payload: unknown) => void }) => void;

/** The snippet's buffer: an array of `[method, ...args]` that analytics.js replays when it loads. */
interface AnalyticsBuffer extends Array<unknown[]> {
  initialized?: boolean;
  _writeKey?: string;
  _loadOptions?: unknown;
  _cdn?: string;
  load: (writeKey: string, options?: object) => void;
  addSourceMiddleware: (middleware: Middleware) => void;
  addDestinationMiddleware: (integration: string, middleware: unknown) => void;
  track: (event: string, properties?: unknown, ...args: unknown[]) => void;
  page: () => void;
  reset: () => void;
  on: (event: string, callback: (name: string) => void) => void;
  [method: string]: unknown;
}

/** The analytics.js methods the buffer records, from Segment's snippet. */
const METHODS = [
  'trackSubmit', 'trackClick', 'trackLink', 'trackForm', 'pageview', 'identify', 'reset', 'group', 'track', 'ready', 'alias',
  'debug', 'page', 'screen', 'once', 'off', 'on', 'addSourceMiddleware', 'addIntegrationMiddleware', 'setAnonymousId',
  'addDestinationMiddleware', 'register',
];
export const CONSENT_EVENT = 'Segment Consent Preference Updated';
const STORAGE = [/^ajs_/];

/** What the adapter calls on a snippet's buffer (or a live analytics.js) the page already has. */
const USED_METHODS = ['load', 'addSourceMiddleware', 'track', 'reset', 'on'];

/**
 * The page's Segment snippet buffer, or a new one; `null` when `window.analytics` holds something
 * that is not Segment's (an element with `id="analytics"` is not: it is shadowed).
 */
function installBuffer(win: Window & typeof globalThis, cdnUrl: string, loadScript: (src: string) => void): AnalyticsBuffer | null {
  const existing = vendorGlobal(win, 'analytics');
  if (existing !== undefined) return hasMethods(existing, USED_METHODS) ? (existing as AnalyticsBuffer) : null;
  const buffer = [] as unknown as AnalyticsBuffer;
  for (const method of METHODS) {
    buffer[method] = (...args: unknown[]) => {
      buffer.push([method, ...args]);
      return buffer;
    };
  }
  buffer.load = (writeKey, options) => {
    buffer._writeKey = writeKey;
    buffer._loadOptions = options;
    buffer._cdn = cdnUrl;
    loadScript(`${cdnUrl}/analytics.js/v1/${encodeURIComponent(writeKey)}/analytics.min.js`);
  };
  (win as unknown as Record<string, unknown>).analytics = buffer;
  return buffer;
}

export function segment(options: SegmentOptions): ConsentAdapter {
  const category = options.category ?? 'analytics';
  const cdnUrl = options.cdnUrl ?? 'https://cdn.segment.com';
  let context: AdapterContext | null = null;
  let buffer: AnalyticsBuffer | null = null;
  let current: AdapterConsent | null = null;
  let loaded = false;
  let deviceModeLoaded = false;
  let notify: ((categories: Record<string, boolean>) => void) | null = null;

  function categoryPreferences(): Record<string, boolean> {
    const mapping = options.categoryPreferences ?? Object.fromEntries(context!.categoryIds.map((id) => [id, id]));
    return Object.fromEntries(Object.entries(mapping).map(([segmentId, siteId]) => [segmentId, current!.categories[siteId] === true]));
  }

  /**
   * Segment's wrapper turns analytics.js off, without a word, when none of the categories sent as
   * granted is one of the workspace's consent categories, as when the site's ids (`analytics`)
   * are sent for Segment's (`Analytics`): every event is then lost. Said as an options problem,
   * by the wrapper's own rule, so the site learns which ids to map.
   */
  function checkWorkspaceCategories(consentSettings: { allCategories?: string[]; hasUnmappedDestinations?: boolean } | undefined): void {
    const workspace = consentSettings?.allCategories;
    // Withdrawn while the wrapper loaded: Segment off is then the visitor's choice, not a mapping's fault.
    if (!workspace || consentSettings.hasUnmappedDestinations || current!.categories[category] !== true) return;
    const granted = Object.entries(categoryPreferences()).filter(([, allowed]) => allowed).map(([id]) => id);
    if (granted.some((id) => workspace.includes(id))) return;
    context!.invalid([{ field: 'categoryPreferences', expected: 'segment-categories', got: `${granted.join(', ') || 'none granted'} (the workspace's: ${workspace.join(', ')})` }]);
  }

  function live(): AnalyticsBuffer {
    // Once analytics.js has loaded, window.analytics is the live instance instead of the buffer.
    const current = vendorGlobal(context!.window, 'analytics');
    return hasMethods(current, ['reset', 'on']) ? (current as AnalyticsBuffer) : buffer!;
  }

  /** Loads Segment; a wrapper that did not arrive (offline) or threw is reported, never left unhandled. */
  function start(): void {
    load().catch(() => context!.fail(context!.window.navigator.onLine ? 'exception' : 'offline'));
  }

  async function load(): Promise<void> {
    loaded = true;
    const analytics = buffer!;
    // Drops every event while the category is withdrawn, except the one that tells Segment so.
    analytics.addSourceMiddleware(({ payload, next }) => {
      if (current!.categories[category] === true || (payload.obj.type === 'track' && payload.obj.event === CONSENT_EVENT)) next(payload);
    });
    const { createWrapper } = await import('@segment/analytics-consent-tools');
    const withConsent = createWrapper({
      shouldLoadSegment: (loadContext) => loadContext.load({ consentModel: 'opt-in' }),
      getCategories: categoryPreferences,
      registerOnConsentChanged: (setCategories) => {
        notify = setCategories;
      },
      ...(options.integrationCategoryMappings ? { integrationCategoryMappings: options.integrationCategoryMappings as Record<string, string[]> } : {}),
    });
    withConsent(analytics).load(options.writeKey, {
      initialPageview: options.initialPageview !== false,
      // Runs after the wrapper removed the destinations that lack consent: what is left will load.
      updateCDNSettings: (settings) => {
        deviceModeLoaded = (settings.remotePlugins?.length ?? 0) > 0 || Object.keys(settings.integrations ?? {}).some((name) => name !== 'Segment.io');
        checkWorkspaceCategories(settings.consentSettings);
        return settings;
      },
    });
  }

  const rules: Readonly<Record<string, OptionRule>> = {
    writeKey: [matches(/^[A-Za-z0-9]{8,64}$/), 'write-key', true],
    category: [isCategory, 'category'],
    categoryPreferences: [(value, given) => isObject(value) && Object.values(value as object).every((id) => isCategory(id, given)), 'object'],
    integrationCategoryMappings: [(value) => isObject(value) && Object.values(value as object).every((list) => Array.isArray(list) && list.every((item) => typeof item === 'string')), 'object'],
    cdnUrl: [matches(/^https:\/\/[^/?#]+(\/[^?#]*[^/?#])?$/), 'string'],
    initialPageview: [isBoolean, 'boolean'],
  };

  const cookie = (name: string, purpose: string): AdapterCookie => ({ name, party: 'third', provider: 'Segment', category, purpose, lifetime: '1 year' });
  return {
    id: 'segment',
    cookies: [cookie('ajs_anonymous_id', 'Identifies the visitor before sign-in'), cookie('ajs_user_id', 'Identifies the signed-in visitor'), cookie('ajs_group_id', 'Identifies the visitor\'s company or group')],
    start(given: AdapterContext, consent: AdapterConsent): void {
      if (!checkOptions(options, rules, given, category)) return;
      buffer = installBuffer(given.window, cdnUrl, (src) => void given.loadScript(src));
      if (!buffer) {
        given.conflict('analytics');
        return;
      }
      context = given;
      current = consent;
      if (consent.categories[category] === true) start();
      else given.forget(STORAGE);
    },
    update(consent: AdapterConsent): AdapterUpdateResult | void {
      if (!context) return;
      current = consent;
      const allowed = consent.categories[category] === true;
      if (!loaded) {
        if (allowed) start();
        return;
      }
      const analytics = live();
      let told: Promise<unknown> | undefined;
      if (analytics.initialized === true) {
        told = new Promise((resolve) => analytics.on('track', (name) => name === CONSENT_EVENT && resolve(name)));
      }
      notify?.(categoryPreferences());
      const revoked = !allowed && consent.changed.includes(category);
      if (revoked) {
        analytics.reset();
        context.forget(STORAGE);
      }
      // Device-mode destinations already loaded cannot be removed without a reload.
      const withdrawn = consent.changed.some((id) => !consent.categories[id]);
      return { reloadRecommended: revoked || (withdrawn && deviceModeLoaded), ...(told ? { told } : {}) };
    },
  };
}

/** Read by the build without loading this module (scripts/adapter-manifest.mjs). */
export const adapterInfo = { company: 'Segment' } satisfies AdapterInfo;

export default segment;
