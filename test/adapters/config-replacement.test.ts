// Replacing `config` after ready: the adapters and the data layer event follow the new config. A
// vendor it no longer names never loads after consent; one it names anew loads; an adapter whose
// options changed is replaced, the old one told that everything optional is withdrawn.
import { expect } from '@open-wc/testing';
import type { ConsentAdapter } from '../../src/core/adapter.js';
import { CATEGORIES, dataLayerEntries, isolateAdapterTests, mountWithAdapters, scriptsFor } from '../helpers/adapters.js';
import { waitFor } from '../helpers/page-state.js';

const FBEVENTS = 'https://connect.facebook.net/';
const GTAG = 'https://www.googletagmanager.com/gtag/js';

type Globals = Record<string, unknown>;
const globals = window as unknown as Globals;

function ids(adapters: readonly ConsentAdapter[]): string[] {
  return adapters.map((adapter) => adapter.id);
}

function fbqCalls(): unknown[][] {
  const fbq = globals.fbq as { queue?: IArguments[] } | undefined;
  return (fbq?.queue ?? []).map((args): unknown[] => Array.from(args as ArrayLike<unknown>).slice(0, 2));
}

describe('config replaced after ready', () => {
  isolateAdapterTests();

  it('a vendor the new config removed does not load after consent, and leaves the adapters list', async () => {
    const { element } = await mountWithAdapters({ categories: CATEGORIES, adapters: { 'meta-pixel': { pixelId: '1234567890' } } });
    expect(ids(element.adapters)).to.include('meta-pixel');
    element.config = { categories: CATEGORIES };
    await element.updateComplete;
    element.acceptAll();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ids(element.adapters)).not.to.include('meta-pixel');
    expect(globals.fbq).to.equal(undefined, 'no fbq stub');
    expect(scriptsFor(FBEVENTS)).to.have.length(0);
  });

  it('a vendor the new config adds loads once its category is allowed, and the new data layer event is pushed', async () => {
    const { element } = await mountWithAdapters({ categories: CATEGORIES, dataLayer: { event: 'old_event' } });
    element.config = { categories: CATEGORIES, dataLayer: { event: 'cmp_update' }, adapters: { 'google-analytics': { measurementId: 'G-TEST1234' } } };
    await waitFor(() => ids(element.adapters).includes('google-analytics'), 3000, 'the new adapter');
    expect(scriptsFor(GTAG)).to.have.length(0, 'nothing before consent');
    element.save({ analytics: true });
    expect(scriptsFor(GTAG)).to.have.length(1);
    const events = dataLayerEntries().map((entry) => (entry as { event?: string }).event).filter(Boolean);
    expect(events.at(-1)).to.equal('cmp_update');
    expect(events.slice(0, 1)).to.deep.equal(['old_event']);
  });

  it('an adapter whose options changed is replaced: the old one is told of the withdrawal, the new one starts with the choice, and a reload is recommended', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES, adapters: { 'meta-pixel': { pixelId: '1111111111' } } });
    element.acceptAll();
    expect(fbqCalls()).to.deep.equal([
      ['consent', 'grant'],
      ['init', '1111111111'],
      ['track', 'PageView'],
    ]);
    const old = element.adapters.find((adapter) => adapter.id === 'meta-pixel');
    element.config = { categories: CATEGORIES, adapters: { 'meta-pixel': { pixelId: '2222222222' } } };
    await waitFor(() => element.adapters.some((adapter) => adapter.id === 'meta-pixel' && adapter !== old), 3000, 'the new adapter');
    expect(element.adapters.filter((adapter) => adapter.id === 'meta-pixel')).to.have.length(1, 'the old one is gone');
    expect(fbqCalls().slice(3)).to.deep.equal([
      ['consent', 'revoke'],
      ['consent', 'grant'],
      ['init', '2222222222'],
      ['track', 'PageView'],
    ]);
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(true, "the old pixel's script already ran");
    expect(element.isAllowed('marketing')).to.equal(true, 'the choice is kept');
  });

  it('Consent Mode follows the category of an Analytics adapter the new config files elsewhere', async () => {
    const { element } = await mountWithAdapters({ categories: CATEGORIES, adapters: { 'google-analytics': { measurementId: 'G-TEST1234' } } });
    const old = element.adapters.find((adapter) => adapter.id === 'google-analytics');
    const renamed = [{ id: 'necessary', required: true }, { id: 'performance' }, { id: 'marketing' }];
    element.config = { categories: renamed, adapters: { 'google-analytics': { measurementId: 'G-TEST1234', category: 'performance' } } };
    await waitFor(() => element.adapters.some((adapter) => adapter.id === 'google-analytics' && adapter !== old), 3000, 'the new adapter');
    element.save({ performance: true });
    const updates = dataLayerEntries().filter((entry) => (entry as { gtag?: unknown[] }).gtag?.[1] === 'update');
    expect(((updates.at(-1) as { gtag: unknown[] }).gtag[2] as Record<string, string>).analytics_storage).to.equal('granted');
    expect(scriptsFor(GTAG)).to.have.length(1);
  });

  it('adapters given from code stay, and an unchanged adapter is kept as it was', async () => {
    const own: ConsentAdapter = { id: 'own', cookies: [] };
    const { element } = await mountWithAdapters({ categories: CATEGORIES, adapters: { 'meta-pixel': { pixelId: '1234567890' } } }, [own]);
    const pixel = element.adapters.find((adapter) => adapter.id === 'meta-pixel');
    element.config = { categories: CATEGORIES, revision: 0, adapters: { 'meta-pixel': { pixelId: '1234567890' } }, language: 'de' };
    await element.updateComplete;
    expect(element.adapters).to.include(own);
    expect(element.adapters).to.include(pixel);
    element.save({ marketing: true });
    expect(scriptsFor(FBEVENTS)).to.have.length(1);
  });

  it('a removed adapter whose vendor never loaded is dropped without any call to the vendor', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES, adapters: { 'meta-pixel': { pixelId: '1234567890' } } });
    element.config = { categories: CATEGORIES };
    await element.updateComplete;
    element.acceptAll();
    expect(globals.fbq).to.equal(undefined);
    expect(log.changes.every((change) => change.reloadRecommended === false)).to.equal(true);
  });
});
