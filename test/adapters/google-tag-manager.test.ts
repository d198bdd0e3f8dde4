import { expect, fixtureCleanup } from '@open-wc/testing';
import { googleTagManager } from '../../adapters/google-tag-manager.js';
import { googleAnalytics } from '../../adapters/google-analytics.js';
import { CATEGORIES, CONSENT_MODE_DENIED, dataLayerEntries, isolateAdapterTests, mountWithAdapters, resetVendorGlobals, scriptsFor } from '../helpers/adapters.js';


const GTM = 'https://www.googletagmanager.com/gtm.js';

function isArguments(entry: unknown): boolean {
  return Object.prototype.toString.call(entry) === '[object Arguments]';
}

function commandName(args: unknown[]): string {
  return args[0] === 'consent' ? `consent ${String(args[1])}` : String(args[0]);
}

function withoutTimes(entries: unknown[]): unknown[] {
  return entries.map((entry) => ('gtm.start' in (entry as object) ? { ...(entry as object), 'gtm.start': typeof (entry as Record<string, unknown>)['gtm.start'] } : entry));
}

describe('google-tag-manager adapter', () => {
  isolateAdapterTests();

  it('loads the container after the default, and pushes update and the consent event on each change', async () => {
    const { element } = await mountWithAdapters({ categories: CATEGORIES, adapters: { 'google-tag-manager': { containerId: 'GTM-ABC1234' } } });
    expect(scriptsFor('https://www.googletagmanager.com/gtm.js')).to.have.length(0);
    element.save({ analytics: true });
    element.save({ marketing: true });
    expect(withoutTimes(dataLayerEntries())).to.deep.equal([
      { gtag: ['consent', 'default', CONSENT_MODE_DENIED] },
      { event: 'consent_update', consent: { necessary: 'granted', analytics: 'denied', marketing: 'denied', preferences: 'denied' }, consent_source: 'default' },
      { gtag: ['consent', 'update', { ...CONSENT_MODE_DENIED, analytics_storage: 'granted' }] },
      { 'gtm.start': 'number', event: 'gtm.js' },
      { event: 'consent_update', consent: { necessary: 'granted', analytics: 'granted', marketing: 'denied', preferences: 'denied' }, consent_source: 'api' },
      { gtag: ['consent', 'update', { ...CONSENT_MODE_DENIED, analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' }] },
      { event: 'consent_update', consent: { necessary: 'granted', analytics: 'granted', marketing: 'granted', preferences: 'denied' }, consent_source: 'api' },
    ]);
    expect(scriptsFor('https://www.googletagmanager.com/gtm.js').map((script) => script.src)).to.deep.equal(['https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234']);
  });

  it('shares one default and one update per change with Google Analytics, on a named data layer with a custom event', async () => {
    const { element } = await mountWithAdapters({
      categories: CATEGORIES,
      dataLayer: { name: 'customLayer', event: 'cookie_consent_update' },
      adapters: { 'google-tag-manager': { containerId: 'GTM-ABC1234', consentMode: 'advanced' }, 'google-analytics': { measurementId: 'G-TEST1234' } },
    });
    element.acceptAll();
    const layer = (window as unknown as { customLayer: unknown[] }).customLayer.map((entry) =>
      Object.prototype.toString.call(entry) === '[object Arguments]' ? commandName(Array.from(entry as ArrayLike<unknown>)) : (entry as { event: string }).event,
    );
    expect(layer).to.deep.equal(['consent default', 'gtm.js', 'cookie_consent_update', 'consent update', 'js', 'config', 'cookie_consent_update']);
    expect(scriptsFor('https://www.googletagmanager.com/gtm.js')[0]!.src).to.equal('https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234&l=customLayer');
    expect(window.dataLayer).to.equal(undefined);
  });

  it('on withdrawal pushes the denied update as an arguments object, and recommends a reload once the container loaded', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [googleTagManager({ containerId: 'GTM-ABC1234' })]);
    element.save({ analytics: true });
    expect(scriptsFor(GTM)).to.have.length(1);
    element.save({ analytics: false });
    const commands = (window.dataLayer ?? []).filter(isArguments);
    expect(commands.map((entry) => Array.from(entry as ArrayLike<unknown>)).at(-1)).to.deep.equal(['consent', 'update', CONSENT_MODE_DENIED]);
    expect(dataLayerEntries().some((entry) => Array.isArray(entry))).to.equal(false, 'gtag.js and GTM ignore arrays');
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(true, 'the tags the container fired stay on the page');
  });

  it('applies a stored grant on the next page: default, then update, then the container is requested', async () => {
    const first = await mountWithAdapters({ categories: CATEGORIES }, [googleTagManager({ containerId: 'GTM-ABC1234' })]);
    first.element.save({ analytics: true });
    fixtureCleanup();
    resetVendorGlobals();
    // Entries and the script are added in one task, so only a check at each push can tell their order.
    const layer: unknown[] = [];
    const requestedAtPush: boolean[] = [];
    layer.push = (...entries: unknown[]) => {
      const requested = scriptsFor(GTM).length > 0;
      requestedAtPush.push(...entries.map(() => requested));
      return Array.prototype.push.apply(layer, entries);
    };
    window.dataLayer = layer;
    const { log } = await mountWithAdapters({ categories: CATEGORIES }, [googleTagManager({ containerId: 'GTM-ABC1234' })]);
    expect(withoutTimes(dataLayerEntries()).map((entry, index) => [entry, requestedAtPush[index]])).to.deep.equal([
      [{ gtag: ['consent', 'default', CONSENT_MODE_DENIED] }, false],
      [{ gtag: ['consent', 'update', { ...CONSENT_MODE_DENIED, analytics_storage: 'granted' }] }, false],
      [{ 'gtm.start': 'number', event: 'gtm.js' }, false],
      [{ event: 'consent_update', consent: { necessary: 'granted', analytics: 'granted', marketing: 'denied', preferences: 'denied' }, consent_source: 'stored' }, true],
    ]);
    expect(layer.slice(0, 2).every(isArguments)).to.equal(true);
    expect(scriptsFor(GTM).map((script) => script.src)).to.deep.equal([`${GTM}?id=GTM-ABC1234`]);
    expect(log.changes).to.deep.equal([], 'the grant came from storage, not a new choice');
  });

  it('pushes no consent event when the config turns it off', async () => {
    const { element } = await mountWithAdapters({ categories: CATEGORIES, dataLayer: false }, [googleAnalytics({ measurementId: 'G-TEST1234' })]);
    element.rejectAll();
    expect(dataLayerEntries().some((entry) => 'event' in (entry as object))).to.equal(false);
    expect(googleTagManager({ containerId: 'GTM-ABC1234' }).cookies).to.deep.equal([]);
  });
});
