import { expect, fixtureCleanup } from '@open-wc/testing';
import { googleAds } from '../../adapters/google-ads.js';
import { googleAnalytics } from '../../adapters/google-analytics.js';
import { reported } from '../../src/diagnostics/report.js';
import { CATEGORIES, CONSENT_MODE_DENIED, dataLayerEntries, isolateAdapterTests, mountWithAdapters, resetVendorGlobals, scriptsFor } from '../helpers/adapters.js';
import { cookieGone, waitFor } from '../helpers/page-state.js';

const GTAG = 'https://www.googletagmanager.com/gtag/js';
const ADS_GRANTED = { ...CONSENT_MODE_DENIED, ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' };
const gtagCommands = (): unknown[] => dataLayerEntries().filter((entry) => 'gtag' in (entry as object));
const otherCookies = (): string[] => document.cookie.split('; ').filter((cookie) => cookie !== '' && !cookie.startsWith('consent='));

describe('google-ads adapter', () => {
  const output = isolateAdapterTests();

  it('named in the config: pushes the Consent Mode default first, requests nothing, and expires leftover _gcl_* cookies', async () => {
    document.cookie = '_gcl_au=1.1.1; Path=/';
    localStorage.setItem('_gcl_ls', 'x');
    await mountWithAdapters({ categories: CATEGORIES, adapters: { 'google-ads': { conversionId: 'AW-123456789' } } });
    expect(gtagCommands()).to.deep.equal([{ gtag: ['consent', 'default', CONSENT_MODE_DENIED] }]);
    expect(scriptsFor('https://')).to.deep.equal([]);
    await cookieGone('_gcl_au');
    expect(otherCookies()).to.deep.equal([]);
    expect(localStorage.getItem('_gcl_ls')).to.equal(null);
  });

  it('on grant pushes update, then loads gtag.js once with js and one config per conversion id', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [googleAds({ conversionId: ['AW-123456789', 'AW-987654321'], config: { allow_enhanced_conversions: true } })]);
    element.save({ marketing: true });
    expect(gtagCommands()).to.deep.equal([
      { gtag: ['consent', 'default', CONSENT_MODE_DENIED] },
      { gtag: ['consent', 'update', ADS_GRANTED] },
      { gtag: ['js', 'Date'] },
      { gtag: ['config', 'AW-123456789', { allow_enhanced_conversions: true }] },
      { gtag: ['config', 'AW-987654321', { allow_enhanced_conversions: true }] },
    ]);
    expect(scriptsFor(GTAG).map((script) => script.src)).to.deep.equal([`${GTAG}?id=AW-123456789`]);
    // No vendor host resolves in the test browser: the load fails, reported once.
    await waitFor(() => log.errors.length > 0);
    expect(log.errors).to.deep.equal([{ id: 'google-ads', reason: 'error', src: `${GTAG}?id=AW-123456789` }]);
    element.save({ analytics: true });
    expect(scriptsFor(GTAG)).to.have.length(1);
  });

  it('shares one gtag.js, one default and one update per change with Google Analytics', async () => {
    const { element } = await mountWithAdapters({ categories: CATEGORIES }, [googleAnalytics({ measurementId: 'G-TEST1234' }), googleAds({ conversionId: 'AW-123456789' })]);
    element.save({ analytics: true });
    element.save({ analytics: true, marketing: true });
    expect(gtagCommands()).to.deep.equal([
      { gtag: ['consent', 'default', CONSENT_MODE_DENIED] },
      { gtag: ['consent', 'update', { ...CONSENT_MODE_DENIED, analytics_storage: 'granted' }] },
      { gtag: ['js', 'Date'] },
      { gtag: ['config', 'G-TEST1234'] },
      { gtag: ['consent', 'update', { ...ADS_GRANTED, analytics_storage: 'granted' }] },
      { gtag: ['config', 'AW-123456789'] },
    ]);
    expect(scriptsFor(GTAG).map((script) => script.src)).to.deep.equal([`${GTAG}?id=G-TEST1234`]);
  });

  it('Ads first, then Analytics: still one gtag.js', async () => {
    const { element } = await mountWithAdapters({ categories: CATEGORIES, adapters: { 'google-analytics': { measurementId: 'G-TEST1234' }, 'google-ads': { conversionId: 'AW-123456789' } } });
    element.save({ marketing: true });
    element.save({ marketing: true, analytics: true });
    expect(scriptsFor(GTAG).map((script) => script.src)).to.deep.equal([`${GTAG}?id=AW-123456789`]);
    expect(gtagCommands().filter((entry) => (entry as { gtag: unknown[] }).gtag[0] === 'config')).to.deep.equal([{ gtag: ['config', 'AW-123456789'] }, { gtag: ['config', 'G-TEST1234'] }]);
  });

  it('on withdrawal pushes the ad types denied, expires the _gcl_* cookies and recommends a reload', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [googleAds({ conversionId: 'AW-123456789' })]);
    element.save({ marketing: true });
    for (const name of ['_gcl_au', '_gcl_aw', 'other']) document.cookie = `${name}=1; Path=/`;
    element.save({ marketing: false });
    expect(gtagCommands().at(-1)).to.deep.equal({ gtag: ['consent', 'update', CONSENT_MODE_DENIED] });
    await cookieGone('_gcl_');
    expect(otherCookies()).to.deep.equal(['other=1']);
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(true);
    element.save({ marketing: true });
    expect(scriptsFor(GTAG)).to.have.length(1, 'a new grant loads nothing twice');
  });

  it('applies a stored grant on the next page: default, update, then gtag.js and config', async () => {
    const first = await mountWithAdapters({ categories: CATEGORIES }, [googleAds({ conversionId: 'AW-123456789' })]);
    first.element.save({ marketing: true });
    fixtureCleanup();
    resetVendorGlobals();
    const { log } = await mountWithAdapters({ categories: CATEGORIES }, [googleAds({ conversionId: 'AW-123456789' })]);
    expect(gtagCommands()).to.deep.equal([
      { gtag: ['consent', 'default', CONSENT_MODE_DENIED] },
      { gtag: ['consent', 'update', ADS_GRANTED] },
      { gtag: ['js', 'Date'] },
      { gtag: ['config', 'AW-123456789'] },
    ]);
    expect(scriptsFor(GTAG)).to.have.length(1);
    expect(log.changes).to.deep.equal([]);
  });

  it('in advanced mode loads gtag.js at once with everything denied, and recommends no reload on withdrawal', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [googleAds({ conversionId: 'AW-123456789', consentMode: 'advanced' })]);
    expect(gtagCommands()).to.deep.equal([{ gtag: ['consent', 'default', { ...CONSENT_MODE_DENIED, wait_for_update: 500 }] }, { gtag: ['js', 'Date'] }, { gtag: ['config', 'AW-123456789'] }]);
    element.save({ marketing: true });
    element.save({ marketing: false });
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(false);
  });

  it('reports invalid options once, by field, and pushes nothing', async () => {
    const { log } = await mountWithAdapters({ categories: CATEGORIES, adapters: { 'google-ads': { conversionId: ['AW-123456789', 'G-TEST1234'], category: 'ads' } } });
    await reported();
    expect(output.error).to.deep.equal([
      'consent-manager: the "google-ads" adapter does nothing, its options are invalid:\n' +
        '  - conversionId: must be a Google Ads tag ID such as "AW-123456789", or a list of them, got an array\n' +
        '  - category: must be the id of a configured category, got "ads"',
    ]);
    expect(log.errors).to.deep.equal([{ id: 'google-ads', reason: 'options' }]);
    expect(gtagCommands()).to.deep.equal([]);
  });

  it('declares every cookie it expires', async () => {
    const adapter = googleAds({ conversionId: 'AW-123456789' });
    expect(adapter.cookies.map(({ pattern, provider, category, lifetime }) => ({ pattern, provider, category, lifetime }))).to.deep.equal([
      { pattern: '^_gcl_', provider: 'Google Ads', category: 'marketing', lifetime: '90 days' },
    ]);
    const { element } = await mountWithAdapters({ categories: CATEGORIES }, [adapter]);
    element.acceptAll();
    const set = ['_gcl_au', '_gcl_aw', '_gcl_dc', '_gcl_gs'];
    for (const name of set) document.cookie = `${name}=1; Path=/`;
    element.rejectAll();
    await cookieGone('_gcl_');
    expect(otherCookies()).to.deep.equal([]);
    expect(set.filter((name) => !adapter.cookies.some((cookie) => new RegExp(cookie.pattern!).test(name)))).to.deep.equal([]);
  });
});
