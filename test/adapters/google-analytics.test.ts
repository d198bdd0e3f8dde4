import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { googleAnalytics } from '../../adapters/google-analytics.js';
import { reported } from '../../src/diagnostics/report.js';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import { CATEGORIES, CONSENT_MODE_DENIED, dataLayerEntries, isolateAdapterTests, mountWithAdapters, resetVendorGlobals, scriptsFor } from '../helpers/adapters.js';
import { cookieGone, waitFor } from '../helpers/page-state.js';

const GTAG = 'https://www.googletagmanager.com/gtag/js';

describe('google-analytics adapter', () => {
  const output = isolateAdapterTests();

  it('pushes the default with all seven types before any other command, and loads nothing until analytics is allowed', async () => {
    await mountWithAdapters({ categories: CATEGORIES, adapters: { 'google-analytics': { measurementId: 'G-TEST1234' } } });
    expect(dataLayerEntries()).to.deep.equal([
      { gtag: ['consent', 'default', CONSENT_MODE_DENIED] },
      { event: 'consent_update', consent: { necessary: 'granted', analytics: 'denied', marketing: 'denied', preferences: 'denied' }, consent_source: 'default' },
    ]);
    expect(scriptsFor(GTAG)).to.have.length(0);
    expect((window as unknown as Record<string, unknown>)['ga-disable-G-TEST1234']).to.equal(true);
  });

  it('on grant pushes update, then loads gtag.js and pushes js and config, as arguments objects', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [googleAnalytics({ measurementId: 'G-TEST1234', config: { send_page_view: false } })]);
    element.save({ analytics: true, preferences: true });
    const commands = (window.dataLayer ?? []).filter((entry) => Object.prototype.toString.call(entry) === '[object Arguments]');
    expect(commands).to.have.length(4, 'every gtag command is an arguments object, never an array');
    expect(dataLayerEntries().filter((entry) => 'gtag' in (entry as object))).to.deep.equal([
      { gtag: ['consent', 'default', CONSENT_MODE_DENIED] },
      { gtag: ['consent', 'update', { ...CONSENT_MODE_DENIED, analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted' }] },
      { gtag: ['js', 'Date'] },
      { gtag: ['config', 'G-TEST1234', { send_page_view: false }] },
    ]);
    expect(scriptsFor(GTAG).map((script) => script.src)).to.deep.equal([`${GTAG}?id=G-TEST1234`]);
    // The test browser resolves no vendor host, so gtag.js fails: one error event, with its reason.
    await waitFor(() => log.errors.length > 0);
    expect(log.errors).to.deep.equal([{ id: 'google-analytics', reason: 'error', src: `${GTAG}?id=G-TEST1234` }]);
    element.save({ marketing: true });
    expect(scriptsFor(GTAG)).to.have.length(1, 'gtag.js loads once');
    expect(element.isAllowed('marketing')).to.equal(true, 'the element goes on');
  });

  it('on withdrawal pushes the denied update, sets the opt-out flag, expires its cookies and recommends a reload', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [googleAnalytics({ measurementId: 'G-TEST1234' })]);
    element.acceptAll();
    for (const name of ['_ga', '_ga_TEST1234', '_gid', '_gcl_au', 'other']) document.cookie = `${name}=1; Path=/`;
    element.save({ analytics: false });
    expect(dataLayerEntries().filter((entry) => 'gtag' in (entry as object)).at(-1)).to.deep.equal({
      gtag: ['consent', 'update', { ...CONSENT_MODE_DENIED, ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', functionality_storage: 'granted', personalization_storage: 'granted' }],
    });
    expect((window as unknown as Record<string, unknown>)['ga-disable-G-TEST1234']).to.equal(true);
    expect(document.cookie.split('; ').filter((cookie) => !cookie.startsWith('consent='))).to.deep.equal(['_gcl_au=1', 'other=1'], 'ads cookies stay while marketing is allowed');
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(true);
    element.save({ marketing: false });
    await cookieGone('_gcl_au');
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(false, 'nothing Google loaded for marketing');
  });

  it('applies a stored choice again on load: default, update, then gtag.js', async () => {
    const first = await mountWithAdapters({ categories: CATEGORIES }, [googleAnalytics({ measurementId: 'G-TEST1234' })]);
    first.element.save({ analytics: true });
    fixtureCleanup();
    resetVendorGlobals();
    await mountWithAdapters({ categories: CATEGORIES }, [googleAnalytics({ measurementId: 'G-TEST1234' })]);
    expect(dataLayerEntries().slice(0, 4)).to.deep.equal([
      { gtag: ['consent', 'default', CONSENT_MODE_DENIED] },
      { gtag: ['consent', 'update', { ...CONSENT_MODE_DENIED, analytics_storage: 'granted' }] },
      { gtag: ['js', 'Date'] },
      { gtag: ['config', 'G-TEST1234'] },
    ]);
    expect(scriptsFor(GTAG)).to.have.length(1);
  });

  it('in advanced mode loads gtag.js at once, with wait_for_update, url_passthrough and ads_data_redaction before config', async () => {
    await mountWithAdapters({ categories: CATEGORIES }, [
      googleAnalytics({ measurementId: 'G-TEST1234', consentMode: 'advanced', waitForUpdate: 800, urlPassthrough: true, adsDataRedaction: true, consentTypes: { security_storage: 'necessary' } }),
    ]);
    expect(dataLayerEntries().filter((entry) => 'gtag' in (entry as object))).to.deep.equal([
      { gtag: ['consent', 'default', { ...CONSENT_MODE_DENIED, wait_for_update: 800 }] },
      { gtag: ['set', 'url_passthrough', true] },
      { gtag: ['set', 'ads_data_redaction', true] },
      { gtag: ['js', 'Date'] },
      { gtag: ['config', 'G-TEST1234'] },
    ]);
    expect(scriptsFor(GTAG)).to.have.length(1);
    expect((window as unknown as Record<string, unknown>)['ga-disable-G-TEST1234']).to.equal(undefined, 'advanced mode sends cookieless pings');
  });

  it('reports invalid options once, by field, and does nothing', async () => {
    const { log } = await mountWithAdapters({
      categories: CATEGORIES,
      adapters: { 'google-analytics': { measurementId: 'UA-1234', category: 'stats', consentMode: 'full', colour: 'red' } },
    });
    await reported();
    expect(output.error).to.deep.equal([
      'consent-manager: the "google-analytics" adapter does nothing, its options are invalid:\n' +
        '  - colour: is not a known option\n' +
        '  - consentMode: must be "basic" or "advanced", got "full"\n' +
        '  - measurementId: must be a Google Analytics 4 measurement ID such as "G-ABC123XYZ", got "UA-1234"\n' +
        '  - category: must be the id of a configured category, got "stats"',
    ]);
    expect(log.errors).to.deep.equal([{ id: 'google-analytics', reason: 'options' }]);
    expect(dataLayerEntries().filter((entry) => 'gtag' in (entry as object))).to.deep.equal([]);
  });

  it('declares its cookies under its categories', () => {
    expect(googleAnalytics({ measurementId: 'G-TEST1234' }).cookies.map(({ name, pattern, category, lifetime }) => ({ name, pattern, category, lifetime }))).to.deep.equal([
      { name: '_ga', pattern: undefined, category: 'analytics', lifetime: '2 years' },
      { name: undefined, pattern: '^_ga_', category: 'analytics', lifetime: '2 years' },
      { name: '_gid', pattern: undefined, category: 'analytics', lifetime: '24 hours' },
      { name: undefined, pattern: '^_gat', category: 'analytics', lifetime: '1 minute' },
      { name: undefined, pattern: '^_gcl_', category: 'marketing', lifetime: '90 days' },
    ]);
  });

  it('declares every identifying cookie it expires on withdrawal, so visitors see each listed', async () => {
    const adapter = googleAnalytics({ measurementId: 'G-TEST1234' });
    const { element } = await mountWithAdapters({ categories: CATEGORIES }, [adapter]);
    element.acceptAll();
    const set = ['_ga', '_ga_TEST1234', '_gid', '_gat_gtag_G_TEST1234', '_gcl_au'];
    for (const name of set) document.cookie = `${name}=1; Path=/`;
    element.rejectAll();
    const expired = set.filter((name) => !document.cookie.split('; ').some((cookie) => cookie.startsWith(`${name}=`)));
    expect(expired).to.deep.equal(set);
    const declared = (name: string): boolean => adapter.cookies.some((cookie) => cookie.name === name || (cookie.pattern !== undefined && new RegExp(cookie.pattern).test(name)));
    expect(expired.filter((name) => !declared(name))).to.deep.equal([]);
  });
});

describe('google-analytics adapter, with a choice made before the adapter chunks arrived', () => {
  isolateAdapterTests();

  it('applies the state on load first, then the choice, in order', async () => {
    const element = await fixture<ConsentManagerElement>(
      html`<consent-manager><script type="application/json">${JSON.stringify({ categories: CATEGORIES, adapters: { 'google-analytics': { measurementId: 'G-TEST1234' } } })}</script></consent-manager>`,
    );
    await element.ready;
    element.acceptAll();
    expect(window.dataLayer).to.equal(undefined, 'the runner is still loading');
    await waitFor(() => (window.dataLayer ?? []).length >= 6);
    expect(dataLayerEntries().map((entry) => (entry as { gtag?: unknown[] }).gtag?.slice(0, 2).join(' ') ?? (entry as { consent_source: string }).consent_source)).to.deep.equal([
      'consent default',
      'default',
      'consent update',
      'js Date',
      'config G-TEST1234',
      'api',
    ]);
  });
});
