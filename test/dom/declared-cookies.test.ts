// Cookies a site declares in its categories are expired by the element itself: on withdrawal, on
// reset() and on a later page, with no adapter, no data layer and no adapter runner chunk.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { captureConsoleEachTest } from '../helpers/console.js';
import { clearBrowserStorage, cookieNamesBecome, storedCookieValue, waitFor } from '../helpers/page-state.js';

const CATEGORIES = [
  { id: 'necessary', required: true, cookies: [{ name: 'session', party: 'first' }] },
  { id: 'analytics', cookies: [{ pattern: '^_hj', party: 'third', provider: 'Hotjar' }, { name: 'ab_test', party: 'first' }] },
  { id: 'marketing' },
];

async function mount(config: object): Promise<ConsentManagerElement> {
  const element = await fixture<ConsentManagerElement>(html`<consent-manager><script type="application/json">${JSON.stringify(config)}</script></consent-manager>`);
  await element.ready;
  return element;
}

function setCookies(...names: string[]): void {
  for (const name of names) document.cookie = `${name}=1; Path=/`;
}

describe('cookies the site declares', () => {
  captureConsoleEachTest(clearBrowserStorage, () => {
    fixtureCleanup();
    clearBrowserStorage();
  });

  before(() => {
    // The page has no data layer, so nothing else makes the element load its adapter runner.
    delete (window as { dataLayer?: unknown }).dataLayer;
  });

  it('are expired when the visitor withdraws their category, on a page with no adapter and no data layer', async () => {
    const element = await mount({ categories: CATEGORIES, dataLayer: false });
    element.acceptAll();
    setCookies('session', '_hjSessionUser_1', 'ab_test', 'other');
    element.save({ analytics: false });
    await cookieNamesBecome(['consent', 'other', 'session']);
  });

  it('are expired on reset(), which withdraws every optional category', async () => {
    const element = await mount({ categories: CATEGORIES });
    element.acceptAll();
    setCookies('_hjid', 'ab_test', 'session');
    element.reset();
    await cookieNamesBecome(['session']);
  });

  it('are expired on a later page that finds a stored rejection, and declared storage keys are removed too', async () => {
    const first = await mount({ categories: CATEGORIES });
    first.rejectAll();
    fixtureCleanup();
    setCookies('_hjid', 'session');
    localStorage.setItem('_hjLocal', '1');
    await mount({ categories: CATEGORIES });
    await cookieNamesBecome(['consent', 'session']);
    expect(localStorage.getItem('_hjLocal')).to.equal(null);
  });

  it('never take the element’s own record with them, even when a declared pattern matches its name', async () => {
    const categories = [{ id: 'necessary', required: true }, { id: 'analytics', cookies: [{ pattern: '^c', party: 'first' }, { name: 'choice', party: 'first' }] }];
    const config = { categories, storage: { cookieName: 'choice' } };
    const element = await mount(config);
    element.acceptAll();
    setCookies('counter');
    element.save({ analytics: false });
    await waitFor(() => !document.cookie.includes('counter'), 2000, 'the declared cookies to expire');
    expect(storedCookieValue('choice')).not.to.equal(null);
    fixtureCleanup();
    const again = await mount(config);
    expect(again.decided).to.equal(true, 'the withdrawal is remembered on the next page');
    expect(again.consent).to.deep.equal({ necessary: true, analytics: false });
  });

  it('are left alone while their category is allowed, and the adapter runner chunk is never fetched', async () => {
    // Marketing declares a cookie here, so withdrawing it makes the clean-up run, and its removal shows when it has.
    const categories = [...CATEGORIES.filter(({ id }) => id !== 'marketing'), { id: 'marketing', cookies: [{ name: '_fbp', party: 'first' }] }];
    const element = await mount({ categories, dataLayer: false });
    element.acceptAll();
    setCookies('_hjid', 'ab_test', '_fbp');
    element.save({ marketing: false });
    await cookieNamesBecome(['_hjid', 'ab_test', 'consent'], 3000);
    const fetched = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(fetched.some((name) => name.includes('adapter-runner'))).to.equal(false, 'the adapter runner was not loaded');
  });
});
