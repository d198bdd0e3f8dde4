/** Mounting the element with adapters, and reading what adapters left on the page. */
import { fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ConsentAdapter } from '../../src/core/adapter.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { captureConsoleEachTest, type CapturedConsole } from './console.js';
import { clearBrowserStorage, waitFor } from './page-state.js';

/** Google Consent Mode with nothing allowed: all seven types, security storage being necessary. */
export const CONSENT_MODE_DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};

export const CATEGORIES = [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }, { id: 'preferences' }];

export interface AdapterEventLog {
  readonly loads: { id: string; src: string; instance?: unknown }[];
  readonly errors: { id: string; reason: string; src?: string }[];
  readonly changes: { reloadRecommended: boolean }[];
}

/**
 * Mounts `<consent-manager>` with `config` (JSON child) and `adapters` (from code), waits until
 * the adapter runner started, and records the adapter events.
 */
export async function mountWithAdapters(config: object, adapters: readonly ConsentAdapter[] = []): Promise<{ element: ConsentManagerElement; log: AdapterEventLog }> {
  const log: AdapterEventLog = { loads: [], errors: [], changes: [] };
  // Started in the same task as every other adapter, after the config adapters loaded.
  const probe: ConsentAdapter = {
    id: 'probe',
    cookies: [],
    start: () => {
      window.adaptersStarted = true;
    },
  };
  const element = await fixture<ConsentManagerElement>(html`
    <consent-manager
      .adapters=${[...adapters, probe]}
      @consent-adapter-load=${(event: CustomEvent<AdapterEventLog['loads'][number]>) => log.loads.push(event.detail)}
      @consent-adapter-error=${(event: CustomEvent<AdapterEventLog['errors'][number]>) => log.errors.push(event.detail)}
      @consent-change=${(event: CustomEvent<{ reloadRecommended: boolean }>) => log.changes.push(event.detail)}
      ><script type="application/json">${JSON.stringify(config)}</script></consent-manager
    >
  `);
  await element.ready;
  // A hang limit, not a speed check: the runner's chunk can take seconds on a loaded machine.
  await waitFor(() => started(), 6000, 'the adapter runner');
  return { element, log };
}

function started(): boolean {
  return window.adaptersStarted === true;
}

/** The data layer, each gtag command (an `arguments` object) as `{ gtag: [...] }`, arrays and objects as they are. */
export function dataLayerEntries(): unknown[] {
  return (window.dataLayer ?? []).map((entry) => {
    if (Object.prototype.toString.call(entry) === '[object Arguments]') return { gtag: Array.from(entry as ArrayLike<unknown>, (value) => (value instanceof Date ? 'Date' : value)) };
    return entry;
  });
}

/** Scripts the page has for a URL that starts with `prefix`. */
export function scriptsFor(prefix: string): HTMLScriptElement[] {
  return [...document.querySelectorAll<HTMLScriptElement>('script[src]')].filter((script) => script.src.startsWith(prefix));
}

/** Removes the globals vendors and adapters leave behind. */
export function resetVendorGlobals(): void {
  for (const name of ['dataLayer', 'gtag', 'fbq', '_fbq', 'analytics', 'adaptersStarted', 'customLayer']) delete (window as unknown as Record<string, unknown>)[name];
  for (const key of Object.keys(window)) if (key.startsWith('ga-disable-')) delete (window as unknown as Record<string, unknown>)[key];
  for (const script of document.querySelectorAll('script[src^="https://"]')) script.remove();
}

declare global {
  interface Window {
    dataLayer?: unknown[];
    adaptersStarted?: boolean;
  }
}

/**
 * Gives each test of the calling `describe` a clean page: storage emptied, vendor globals and
 * scripts removed, the fixture cleaned up, and the console captured. Returns the captured output
 * of the test that is running.
 */
export function isolateAdapterTests(): CapturedConsole {
  return captureConsoleEachTest(
    () => {
      clearBrowserStorage();
      resetVendorGlobals();
    },
    () => {
      fixtureCleanup();
      clearBrowserStorage();
      resetVendorGlobals();
    },
  );
}
