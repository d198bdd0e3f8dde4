// The partner table in src/core agrees with what every shipped adapter declares: it imports the
// adapters, so it runs with the browser suites rather than with the core tests in Node.
import { expect } from '@open-wc/testing';
import googleAds from '../../adapters/google-ads.js';
import googleAnalytics from '../../adapters/google-analytics.js';
import googleTagManager from '../../adapters/google-tag-manager.js';
import hotjar from '../../adapters/hotjar.js';
import linkedInInsight from '../../adapters/linkedin-insight.js';
import matomo from '../../adapters/matomo.js';
import metaPixel from '../../adapters/meta-pixel.js';
import microsoftClarity from '../../adapters/microsoft-clarity.js';
import microsoftUet from '../../adapters/microsoft-uet.js';
import paddle from '../../adapters/paddle.js';
import posthog from '../../adapters/posthog.js';
import segment from '../../adapters/segment.js';
import stripe from '../../adapters/stripe.js';
import tiktokPixel from '../../adapters/tiktok-pixel.js';
import type { ConsentAdapter } from '../../src/core/adapter.js';
import { type ConsentConfig, parseConfig } from '../../src/core/config.js';
import { companyOf, partnerNames, summarizePartners } from '../../src/core/partners.js';
import { ADAPTER_LOADERS } from '../../src/generated/adapter-loaders.js';

const config = (input: object): ConsentConfig => {
  const { config: parsed, errors } = parseConfig({ categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }], ...input });
  expect(errors).to.deep.equal([]);
  return parsed;
};

/** Every adapter the element ships, built with valid options, and the company its config id names. */
const SHIPPED: readonly (readonly [ConsentAdapter, string | undefined])[] = [
  [googleAnalytics({ measurementId: 'G-TEST1234' }), 'Google'],
  [googleTagManager({ containerId: 'GTM-TEST123' }), 'Google'],
  [googleAds({ conversionId: 'AW-123456789' }), 'Google'],
  [metaPixel({ pixelId: '1234567890' }), 'Meta'],
  [microsoftClarity({ projectId: 'abcde12345' }), 'Microsoft'],
  [microsoftUet({ tagId: '12345678' }), 'Microsoft'],
  [linkedInInsight({ partnerId: '123456' }), 'LinkedIn'],
  [tiktokPixel({ pixelId: 'C4TESTPIXEL12345ABCD' }), 'TikTok'],
  [hotjar({ siteId: 7654321 }), 'Hotjar'],
  [posthog({ apiKey: 'phc_TestProjectKey1234' }), 'PostHog'],
  [paddle({ token: 'live_0123456789abcdef' }), 'Paddle'],
  [segment({ writeKey: 'abcdefgh12345678' }), 'Segment'],
  [stripe({ publishableKey: 'pk_test_abcdefgh1234' }), 'Stripe'],
  // Self-hosted: the site's own analytics, no partner.
  [matomo({ url: 'https://stats.example.com/', siteId: 3 }), undefined],
];

describe('partners', () => {
  it('checks every adapter the manifests list', () => {
    // The two that need an optional peer are registered by the script-tag bundle instead.
    const listed = [...Object.keys(ADAPTER_LOADERS), 'segment', 'stripe'].sort();
    expect(SHIPPED.map(([adapter]) => adapter.id).sort()).to.deep.equal(listed);
  });

  it('names the company behind each shipped adapter, by the id a config names it with', () => {
    for (const [adapter, company] of SHIPPED) {
      expect(partnerNames(config({ adapters: { [adapter.id]: {} } })), adapter.id).to.deep.equal(company ? [company] : []);
    }
  });

  it('agrees with the providers each shipped adapter declares for its third-party cookies', () => {
    for (const [adapter, company] of SHIPPED) {
      const thirdParty = adapter.cookies.filter(({ party }) => party === 'third');
      for (const cookie of thirdParty) expect(companyOf(cookie.provider!), `${adapter.id}: ${cookie.provider}`).to.equal(company);
      // Given from code, an adapter counts once with the cookies it declares.
      expect(partnerNames(config({}), [adapter]), adapter.id).to.deep.equal(company ? [company] : []);
    }
  });

  it('counts Google once for Google Analytics, Google Ads and Tag Manager, and keeps the order of first appearance', () => {
    const names = partnerNames(
      config({
        adapters: { 'meta-pixel': { pixelId: '1' }, 'google-analytics': {}, 'google-ads': {}, 'google-tag-manager': {}, 'microsoft-clarity': {}, 'microsoft-uet': {} },
        categories: [
          { id: 'necessary', required: true, cookies: [{ name: 'sid', party: 'first', provider: 'Parley' }] },
          { id: 'marketing', cookies: [{ name: 'IDE', party: 'third', provider: 'Google DoubleClick' }, { name: 'yt', party: 'third', provider: ' Vimeo ' }, { name: 'fr', party: 'third', provider: 'Facebook' }] },
        ],
      }),
    );
    expect(names).to.deep.equal(['Meta', 'Google', 'Microsoft', 'Vimeo']);
  });

  it('names nobody for first-party cookies, providerless cookies and adapter ids it does not ship', () => {
    const names = partnerNames(
      config({
        adapters: { 'acme-tracker': {} },
        categories: [{ id: 'necessary', required: true, cookies: [{ name: 'sid', party: 'first', provider: 'Parley' }, { name: 'x', party: 'third' }, { name: 'y', party: 'third', provider: '  ' }] }],
      }),
    );
    expect(names).to.deep.equal([]);
  });

  it('treats the same company written in another case as one', () => {
    const names = partnerNames(config({ categories: [{ id: 'analytics', cookies: [{ name: 'a', party: 'third', provider: 'Vimeo' }, { name: 'b', party: 'third', provider: 'VIMEO' }] }] }));
    expect(names).to.deep.equal(['Vimeo']);
  });

  it('names two and counts the others when there are four or more, and names all of three', () => {
    expect(summarizePartners(['A', 'B', 'C'])).to.deep.equal({ named: ['A', 'B', 'C'], others: 0 });
    expect(summarizePartners(['A', 'B', 'C', 'D'])).to.deep.equal({ named: ['A', 'B'], others: 2 });
    expect(summarizePartners(['A', 'B', 'C', 'D', 'E', 'F', 'G'])).to.deep.equal({ named: ['A', 'B'], others: 5 });
    expect(summarizePartners([])).to.deep.equal({ named: [], others: 0 });
  });

  it('does not treat a prototype key as a company', () => {
    expect(partnerNames(config({ adapters: { constructor: {}, __proto__: {}, toString: {} } }))).to.deep.equal([]);
    expect(companyOf('constructor')).to.equal('constructor');
  });
});
