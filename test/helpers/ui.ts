/** Mounting `<consent-manager>` for UI tests, and reaching into its shadow root. */
import { fixture, fixtureCleanup, html } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { reported } from '../../src/diagnostics/report.js';
import { captureConsoleEachTest, type CapturedConsole } from './console.js';
import { clearBrowserStorage, waitFor } from './page-state.js';

export const CATEGORIES = [
  { id: 'necessary', required: true, cookies: [{ name: 'session', party: 'first', purpose: 'Keeps you signed in', lifetime: 'session' }] },
  { id: 'analytics', cookies: [{ pattern: '^_ga', party: 'third', provider: 'Google Analytics', purpose: { en: 'Counts visits', de: 'Zählt Besuche' }, lifetime: '2 years' }] },
  { id: 'marketing' },
];

/**
 * Gives each test of the calling `describe` a clean English page: storage emptied, the fixture
 * cleaned up, and the console captured until the element's diagnostics are printed. Returns the
 * captured output of the test that is running.
 */
export function isolateUiTests(): CapturedConsole {
  before(() => {
    document.documentElement.lang = 'en';
  });
  return captureConsoleEachTest(clearBrowserStorage, async () => {
    fixtureCleanup();
    await reported();
    clearBrowserStorage();
  });
}

/**
 * Mounts an element configured by its JSON child, with `attributes` written on it, and waits
 * until it is ready. `html` templates cannot bind attribute names, hence the static template.
 */
export async function mountManager(config: object = { categories: CATEGORIES }, attributes = ''): Promise<ConsentManagerElement> {
  const element = await fixture<ConsentManagerElement>(
    staticHtml`<consent-manager ${unsafeStatic(attributes)}><script type="application/json">${JSON.stringify(config)}</script></consent-manager>`,
  );
  await element.ready;
  await element.updateComplete;
  return element;
}

export function part<T extends HTMLElement = HTMLElement>(element: Element, name: string): T | null {
  return element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

export function parts<T extends HTMLElement = HTMLElement>(element: Element, name: string): T[] {
  return [...element.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
}

/** Waits until the part is rendered (the banner and dialog come in chunks of their own). */
export async function shownPart<T extends HTMLElement = HTMLElement>(element: Element, name: string, timeoutMs = 3000): Promise<T> {
  await waitFor(() => part(element, name) !== null, timeoutMs, `part "${name}"`);
  return part<T>(element, name)!;
}

/** The element focused now, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Resolves once pending updates have run and styles and layout are up to date. A timer and a
 * forced layout, not animation frames: browsers pause those in background tabs, and the test
 * runner keeps several pages open.
 */
export async function nextFrames(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  document.documentElement.getBoundingClientRect();
}

export { html };
