// The Consent Mode map follows the categories the Google adapters are filed under: a site that
// calls its analytics category "performance" (as the seeds do) and points Analytics at it gets
// analytics_storage granted once the visitor allows it, on this page and the next.
import { expect, fixtureCleanup } from '@open-wc/testing';
import { googleAnalytics } from '../../adapters/google-analytics.js';
import { googleTagManager } from '../../adapters/google-tag-manager.js';
import { reported } from '../../src/diagnostics/report.js';
import { dataLayerEntries, isolateAdapterTests, mountWithAdapters, resetVendorGlobals } from '../helpers/adapters.js';

const SEED_CATEGORIES = [{ id: 'necessary', required: true }, { id: 'performance' }, { id: 'marketing' }];

/** The gtag commands pushed so far, each as its arguments. */
function commands(): unknown[][] {
  return dataLayerEntries()
    .filter((entry) => 'gtag' in (entry as object))
    .map((entry) => (entry as { gtag: unknown[] }).gtag);
}

/** The analytics_storage value of each Consent Mode command, in order, with the commands between. */
function analyticsStorageTimeline(): string[] {
  return commands().map((command) => (command[0] === 'consent' ? `${String(command[1])}:${(command[2] as Record<string, string>).analytics_storage}` : String(command[0])));
}

describe('Consent Mode with renamed categories', () => {
  const output = isolateAdapterTests();

  it('grants analytics_storage before gtag.js loads once the category Analytics is filed under is allowed', async () => {
    const { element } = await mountWithAdapters({ categories: SEED_CATEGORIES, adapters: { 'google-analytics': { measurementId: 'G-TEST1234', category: 'performance' } } });
    element.save({ performance: true });
    expect(analyticsStorageTimeline()).to.deep.equal(['default:denied', 'update:granted', 'js', 'config']);
    await reported();
    expect(output.warn).to.deep.equal([]);
  });

  it('states the stored grant on the next page before gtag.js, so no denied ping is sent', async () => {
    const config = { categories: SEED_CATEGORIES, adapters: { 'google-analytics': { measurementId: 'G-TEST1234', category: 'performance' } } };
    const first = await mountWithAdapters(config);
    first.element.save({ performance: true });
    fixtureCleanup();
    resetVendorGlobals();
    await mountWithAdapters(config);
    expect(analyticsStorageTimeline()).to.deep.equal(['default:denied', 'update:granted', 'js', 'config']);
  });

  it('withdrawing the renamed category denies analytics_storage again', async () => {
    const { element } = await mountWithAdapters({ categories: SEED_CATEGORIES }, [googleAnalytics({ measurementId: 'G-TEST1234', category: 'performance' })]);
    element.save({ performance: true });
    element.save({ performance: false });
    expect(analyticsStorageTimeline().at(-1)).to.equal('update:denied');
  });

  it('Tag Manager’s category stands in for "analytics" when the site has no category by that name', async () => {
    const { element } = await mountWithAdapters({ categories: SEED_CATEGORIES, adapters: { 'google-tag-manager': { containerId: 'GTM-TEST123', category: 'performance' } } });
    element.save({ performance: true });
    expect(analyticsStorageTimeline()).to.deep.equal(['default:denied', 'update:granted']);
  });

  it('both Google adapters on one data layer state the same map, and consentTypes still wins over an adapter’s category', async () => {
    const categories = [...SEED_CATEGORIES, { id: 'statistics' }];
    const { element } = await mountWithAdapters({
      categories,
      adapters: {
        'google-tag-manager': { containerId: 'GTM-TEST123', category: 'performance' },
        'google-analytics': { measurementId: 'G-TEST1234', category: 'performance', consentTypes: { analytics_storage: 'statistics' } },
      },
    });
    element.save({ performance: true });
    const updates = commands().filter((command) => command[1] === 'update');
    expect(updates.map((command) => (command[2] as Record<string, string>).analytics_storage)).to.deep.equal(['denied']);
    element.save({ statistics: true });
    expect(analyticsStorageTimeline().at(-1)).to.equal('update:granted');
  });

  it('warns once, naming the types and the missing category, when ad storage follows a category the site does not have', async () => {
    const categories = [{ id: 'necessary', required: true }, { id: 'performance' }, { id: 'advertising' }];
    await mountWithAdapters({ categories }, [googleAnalytics({ measurementId: 'G-TEST1234', category: 'performance' }), googleTagManager({ containerId: 'GTM-TEST123', category: 'performance' })]);
    await reported();
    expect(output.warn).to.have.length(1);
    expect(output.warn[0]).to.contain('ad_storage, ad_user_data, ad_personalization follow "marketing"');
    expect(output.warn[0]).not.to.contain('analytics_storage');
    expect(output.warn[0]).to.contain('so Google is told they are denied');
  });

  it('says it of one type in the singular, and names that type in its example', async () => {
    const categories = [{ id: 'necessary', required: true }, { id: 'performance' }, { id: 'ads' }];
    await mountWithAdapters({ categories }, [googleAnalytics({ measurementId: 'G-TEST1234', category: 'performance', consentTypes: { ad_user_data: 'ads', ad_personalization: 'ads' } })]);
    await reported();
    expect(output.warn).to.have.length(1);
    expect(output.warn[0]).to.contain('ad_storage follows "marketing"').and.contain('so Google is told it is denied');
    expect(output.warn[0]).to.contain('{ "ad_storage": "<one of your category ids>" }');
  });
});
