import { expect, fixture, html } from '@open-wc/testing';
import type { ConsentManagerElement } from '../../src/ui/consent-manager.js';
import type { ConsentAdapter } from '../../src/core/adapter.js';
import { reported } from '../../src/diagnostics/report.js';
import { registerAdapter } from '../../src/dom/adapter-registry.js';
import { plausible } from '../../demo/plausible-adapter.js';
import { CATEGORIES, isolateAdapterTests, mountWithAdapters, scriptsFor } from '../helpers/adapters.js';
import { waitFor } from '../helpers/page-state.js';

describe('a custom adapter (the README example)', () => {
  const output = isolateAdapterTests();

  it('loads its script only once analytics is allowed, with the page nonce, and recommends a reload on withdrawal', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [plausible({ src: '/test/fixtures/gated/log.js?plausible' })]);
    expect(scriptsFor(`${location.origin}/test/fixtures/gated/log.js?plausible`)).to.have.length(0);
    element.save({ analytics: true });
    await waitFor(() => log.loads.length > 0);
    expect(log.loads).to.deep.equal([{ id: 'plausible', src: '/test/fixtures/gated/log.js?plausible' }]);
    element.save({ analytics: false });
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(true);
    expect(element.adapters.map((adapter) => adapter.id)).to.include('plausible');
  });

  it('fails alone: an adapter that throws gets one error event and a console error, and the others go on', async () => {
    const broken: ConsentAdapter = {
      id: 'broken',
      cookies: [],
      update() {
        throw new Error('vendor API changed');
      },
    };
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [broken, plausible({ src: 'https://plausible.io/js/script.js' })]);
    element.acceptAll();
    expect(scriptsFor('https://plausible.io/')).to.have.length(1);
    expect(element.isAllowed('analytics')).to.equal(true);
    await reported();
    expect(output.error).to.deep.equal(['consent-manager: the "broken" adapter failed; the element and the other adapters go on (Error: vendor API changed)']);
    expect(log.errors[0]).to.deep.equal({ id: 'broken', reason: 'exception' });
  });

  it('lists config adapters in el.adapters for the cookie tables, and reports an unknown id', async () => {
    const { element } = await mountWithAdapters({ categories: CATEGORIES, adapters: { 'meta-pixel': { pixelId: '1234567890' }, 'acme-tracker': {} } });
    expect(element.adapters.map((adapter) => adapter.id)).to.deep.equal(['probe', 'meta-pixel']);
    expect(element.adapters[1]!.cookies.map((cookie) => [cookie.name, cookie.category, cookie.party])).to.deep.equal([
      ['_fbp', 'marketing', 'third'],
      ['_fbc', 'marketing', 'third'],
    ]);
    await reported();
    expect(output.error).to.deep.equal([
      'consent-manager: adapters names "acme-tracker", which this build neither ships nor has registered with registerAdapter (google-ads, google-analytics, google-tag-manager, hotjar, linkedin-insight, matomo, meta-pixel, microsoft-clarity, microsoft-uet, paddle, posthog, tiktok-pixel); it is ignored',
    ]);
  });

  it('loads an adapter a site registered when the config names it, with its options, and lists it among the known ids', async () => {
    const given: unknown[] = [];
    const build = (options: { src: string }): ConsentAdapter => {
      given.push(options);
      return { ...plausible({ src: options.src }), id: 'registered-plausible' };
    };
    registerAdapter('registered-plausible', () => Promise.resolve({ default: build }));
    const src = '/test/fixtures/gated/log.js?registered';
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES, adapters: { 'registered-plausible': { src }, 'acme-tracker': {} } });
    expect(given).to.deep.equal([{ src }]);
    expect(element.adapters.map((adapter) => adapter.id)).to.deep.equal(['probe', 'registered-plausible']);
    element.save({ analytics: true });
    await waitFor(() => log.loads.length > 0);
    expect(log.loads).to.deep.equal([{ id: 'registered-plausible', src }]);
    await reported();
    expect(output.error).to.deep.equal([
      'consent-manager: adapters names "acme-tracker", which this build neither ships nor has registered with registerAdapter (google-ads, google-analytics, google-tag-manager, hotjar, linkedin-insight, matomo, meta-pixel, microsoft-clarity, microsoft-uet, paddle, posthog, tiktok-pixel, registered-plausible); it is ignored',
    ]);
  });

  it('refuses a registration without an id or a loader, with a TypeError', () => {
    expect(() => registerAdapter('', () => Promise.resolve({ default: () => plausible() }))).to.throw(TypeError);
    expect(() => registerAdapter('x', 'https://example.com/x.js' as never)).to.throw(TypeError);
  });

  it("expires the cookies a site declared for a category when the visitor withdraws it, and on later pages", async () => {
    const categories = [
      { id: 'necessary', required: true, cookies: [{ name: 'session', party: 'first' }] },
      { id: 'analytics', cookies: [{ pattern: '^_hj', party: 'third', provider: 'Hotjar' }, { name: 'ab_test', party: 'first' }] },
    ];
    const { element } = await mountWithAdapters({ categories, dataLayer: false });
    element.acceptAll();
    for (const name of ['session', '_hjSessionUser_1', 'ab_test', 'other']) document.cookie = `${name}=1; Path=/`;
    element.save({ analytics: false });
    // The element expires them from a small chunk of its own, fetched on the first withdrawal.
    await waitFor(() => !document.cookie.includes('ab_test'), 2000, 'the declared cookies to expire');
    expect(document.cookie.split('; ').map((cookie) => cookie.split('=')[0]).filter((name) => name !== 'consent').sort()).to.deep.equal(['other', 'session']);
  });

  it('expires declared cookies on withdrawal on a page with no adapter and no data layer at all', async () => {
    const categories = [{ id: 'necessary', required: true }, { id: 'analytics', cookies: [{ name: 'site_stats', party: 'first' }] }];
    expect('dataLayer' in window).to.equal(false);
    const element = await fixture<ConsentManagerElement>(html`<consent-manager><script type="application/json">${JSON.stringify({ categories })}</script></consent-manager>`);
    await element.ready;
    element.acceptAll();
    document.cookie = 'site_stats=1; Path=/';
    element.save({ analytics: false });
    await waitFor(() => !document.cookie.split('; ').some((cookie) => cookie.startsWith('site_stats=')), 2000, 'site_stats expired');
  });
});

