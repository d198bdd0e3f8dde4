import { expect, fixtureCleanup } from '@open-wc/testing';
import { posthog } from '../../adapters/posthog.js';
import { reported } from '../../src/diagnostics/report.js';
import { CATEGORIES, isolateAdapterTests, mountWithAdapters, resetVendorGlobals, scriptsFor } from '../helpers/adapters.js';
import { cookieGone, waitFor } from '../helpers/page-state.js';

const API_KEY = 'phc_TestProjectKey1234';
/** The test server stands in for PostHog (web-test-runner.config.mjs): the real array.js from posthog-js, `{}` for its API. */
const API_HOST = `${location.origin}/vendor/posthog`;
const STORAGE = `ph_${API_KEY}_posthog`;

interface PostHogSdk {
  __loaded?: boolean;
  config: Record<string, unknown>;
  capture(event: string): unknown;
  has_opted_in_capturing(): boolean;
  has_opted_out_capturing(): boolean;
  get_explicit_consent_status(): string;
}

const sdk = () => (window as unknown as { posthog?: PostHogSdk }).posthog;
const requestsTo = (path: string) => performance.getEntriesByType('resource').filter((entry) => entry.name.startsWith(`${API_HOST}${path}`));
/** Offline settings for the real SDK: no extra bundles, no feature flags; and the headless test browser not taken for a bot. */
const OFFLINE = { disable_external_dependency_loading: true, advanced_disable_flags: true, opt_out_useragent_filter: true };

describe('posthog adapter', () => {
  const output = isolateAdapterTests();

  it('requests nothing before consent, nor after a refusal, and expires a leftover identity', async () => {
    document.cookie = `${STORAGE}=1; Path=/`;
    localStorage.setItem(STORAGE, '{}');
    const { element } = await mountWithAdapters({ categories: CATEGORIES, adapters: { posthog: { apiKey: API_KEY, apiHost: API_HOST, config: OFFLINE } } });
    element.rejectAll();
    expect(sdk()).to.equal(undefined);
    expect(scriptsFor(API_HOST)).to.have.length(0);
    expect(requestsTo('/')).to.have.length(0);
    await cookieGone(STORAGE);
    expect(localStorage.getItem(STORAGE)).to.equal(null);
  });

  it('reports invalid options once and does nothing', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES, adapters: { posthog: { apiKey: 'sk_secret', apiHost: 'http://example.com/', colour: 1 } } });
    element.acceptAll();
    await reported();
    expect(log.errors).to.deep.equal([{ id: 'posthog', reason: 'options' }]);
    expect(output.error).to.have.length(1);
    expect(output.error[0]).to.contain('apiKey').and.contain('apiHost').and.contain('colour');
    expect(sdk()).to.equal(undefined);
  });

  it('reports a window.posthog that another script owns and calls nothing on it', async () => {
    const foreign = { capture: () => 'theirs' };
    (window as unknown as Record<string, unknown>).posthog = foreign;
    try {
      const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [posthog({ apiKey: API_KEY, apiHost: API_HOST })]);
      element.save({ analytics: true });
      element.save({ analytics: false });
      await reported();
      expect(log.errors).to.deep.equal([{ id: 'posthog', reason: 'exception' }]);
      expect(output.error.join('\n')).to.contain('window.posthog');
      output.error.length = 0;
      expect(scriptsFor(API_HOST)).to.have.length(0);
      expect((window as unknown as Record<string, unknown>).posthog).to.equal(foreign);
    } finally {
      delete (window as unknown as Record<string, unknown>).posthog;
    }
  });

  // The real SDK loads once per page, so the rest is one story.
  it('applies a stored grant with the real client opted in before it runs, opts out on withdrawal and in again on a new grant', async () => {
    const first = await mountWithAdapters({ categories: CATEGORIES });
    first.element.save({ analytics: true });
    fixtureCleanup();
    resetVendorGlobals();

    // Markup under PostHog's global name (DOM clobbering) must not stop it.
    const clobber = Object.assign(document.createElement('form'), { name: 'posthog', innerHTML: '<input name="opt_in_capturing"><input name="_i">' });
    document.body.append(clobber);
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [posthog({ apiKey: API_KEY, apiHost: API_HOST, config: OFFLINE })]);
    await waitFor(() => sdk()?.__loaded === true, 4000, 'the PostHog SDK');
    clobber.remove();
    expect(scriptsFor(`${API_HOST}/static/array.js`)).to.have.length(1);
    expect(log.loads.map((load) => load.src)).to.deep.equal([`${API_HOST}/static/array.js`]);
    expect(sdk()!.config.opt_out_capturing_by_default).to.equal(true, 'PostHog starts opted out: the opt-in comes from the adapter');
    expect(sdk()!.get_explicit_consent_status()).to.equal('granted');
    expect(sdk()!.capture('signed_up')).not.to.equal(undefined, 'opted in, an event is captured');
    await waitFor(() => requestsTo('/e/').length > 0 || requestsTo('/i/v0/e/').length > 0, 4000, 'an event sent to PostHog');
    expect(localStorage.getItem(STORAGE)).not.to.equal(null);
    document.cookie = `${STORAGE}=1; Path=/`;

    element.save({ analytics: false });
    expect(sdk()!.has_opted_out_capturing()).to.equal(true);
    expect(sdk()!.capture('after_withdrawal')).to.equal(undefined, 'opted out, nothing is captured');
    await cookieGone(STORAGE);
    expect(localStorage.getItem(STORAGE)).to.equal(null);
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(false, 'PostHog stops by itself');

    element.save({ analytics: true });
    expect(sdk()!.has_opted_in_capturing()).to.equal(true);
    expect(sdk()!.capture('back')).not.to.equal(undefined);
    expect(scriptsFor(`${API_HOST}/static/array.js`)).to.have.length(1, 'loaded once');
    expect(log.errors).to.deep.equal([]);
  });
});
