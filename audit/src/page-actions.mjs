// Driving a consent manager in the page: `<consent-manager>` through its API, any other banner
// through its buttons, found by their text in the light DOM and open shadow roots.
import { readFileSync } from 'node:fs';

const BUTTON_TEXTS = JSON.parse(readFileSync(new URL('../data/button-texts.json', import.meta.url), 'utf8'));

/** How long to wait for a `<consent-manager>` on the page to be defined and ready. */
const READY_TIMEOUT_MS = 10_000;

/**
 * Finds a consent manager element (`<consent-manager>` or one registered under another name:
 * anything with the element's API) and reads its validated config and its adapters'
 * declarations. Resolves null when the page has none.
 */
export async function readConsentManager(page) {
  return page.evaluate(async (timeout) => {
    const withTimeout = (promise) => Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve('timeout'), timeout))]);
    if (document.querySelector('consent-manager') && !customElements.get('consent-manager')) {
      await withTimeout(customElements.whenDefined('consent-manager'));
    }
    const isManager = (element) => typeof element.acceptAll === 'function' && typeof element.rejectAll === 'function' && typeof element.save === 'function' && 'effectiveConfig' in element;
    const element = [...document.querySelectorAll('*')].find((candidate) => candidate.localName.includes('-') && isManager(candidate));
    if (!element) return null;
    if ((await withTimeout(element.ready)) === 'timeout') return null;
    const config = JSON.parse(JSON.stringify(element.effectiveConfig));
    // Adapters the config names join el.adapters once their modules have loaded, which takes a
    // while on a busy machine; their cookies are declarations too. An id that never loads (not
    // shipped in this build) only costs the wait.
    const named = Object.keys(config.adapters ?? {});
    const loaded = () => named.every((id) => (element.adapters ?? []).some((adapter) => adapter.id === id));
    const deadline = Date.now() + timeout;
    while (!loaded() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const adapterCookies = [];
    const adapters = [];
    for (const adapter of element.adapters ?? []) {
      adapters.push(String(adapter.id));
      for (const cookie of adapter.cookies ?? []) adapterCookies.push({ ...JSON.parse(JSON.stringify(cookie)), adapter: String(adapter.id) });
    }
    return { tag: element.localName, config, adapters, adapterCookies };
  }, READY_TIMEOUT_MS);
}

/** Calls one method of the page's consent manager element. */
export async function callManager(page, tag, method, argument) {
  await page.evaluate(
    async ([name, methodName, value]) => {
      // The script tag defines the element only once its first layer has painted the banner.
      await customElements.whenDefined(name);
      const element = document.querySelector(name);
      await element.ready;
      element[methodName](value);
    },
    [tag, method, argument],
  );
}

/**
 * Rejects everything through the element's preferences dialog, as a visitor withdrawing would:
 * opens it, then presses its "Reject all". Resolves how it was done.
 */
export async function rejectThroughPreferences(page, tag, onDialogOpen) {
  await callManager(page, tag, 'showPreferences');
  const button = page.locator(`${tag} [part~="preferences"] [part~="reject-all"]`).first();
  try {
    await button.waitFor({ state: 'visible', timeout: 5_000 });
    await onDialogOpen?.();
    await button.click({ timeout: 5_000 });
    return 'the preferences dialog\'s "Reject all" button';
  } catch {
    await callManager(page, tag, 'rejectAll');
    return 'rejectAll() (the preferences dialog\'s button could not be pressed)';
  }
}

const CLICKABLE = 'button, a, [role="button"], input[type="button"], input[type="submit"]';

function normalize(text) {
  return text.replace(/\s+/g, ' ').trim().replace(/[.!»›>→]+$/u, '').trim().toLowerCase();
}

const WORDINGS = {
  accept: new Map(BUTTON_TEXTS.accept.map((entry) => [normalize(entry.text), entry])),
  reject: new Map(BUTTON_TEXTS.reject.map((entry) => [normalize(entry.text), entry])),
};

/**
 * The visible button whose text (or value, or accessible label) is an "accept all" or a
 * "reject all" wording, in the light DOM or an open shadow root. `{ locator, text, language }`
 * or null. Playwright's CSS engine already pierces open shadow roots.
 */
export async function findConsentButton(page, kind) {
  const candidates = page.locator(CLICKABLE);
  const labels = await candidates.evaluateAll((elements) =>
    elements.map((element) => {
      const visible = element.checkVisibility ? element.checkVisibility({ visibilityProperty: true, opacityProperty: true }) : element.getClientRects().length > 0;
      const text = element instanceof HTMLInputElement ? element.value : element.innerText || element.textContent || '';
      return { visible, texts: [text, element.getAttribute('aria-label') ?? ''] };
    }),
  );
  for (const [index, { visible, texts }] of labels.entries()) {
    if (!visible) continue;
    for (const text of texts) {
      const entry = WORDINGS[kind].get(normalize(text));
      if (entry) return { locator: candidates.nth(index), text: text.replace(/\s+/g, ' ').trim(), language: entry.language };
    }
  }
  return null;
}
