import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { EVENTS_URL, tiktokPixel } from '../../adapters/tiktok-pixel.js';
import { reported } from '../../src/diagnostics/report.js';
import { CATEGORIES, isolateAdapterTests, mountWithAdapters, resetVendorGlobals, scriptsFor } from '../helpers/adapters.js';
import { cookieGone, waitFor } from '../helpers/page-state.js';

const PIXEL = 'C4TESTPIXEL12345ABCD';
const SDK = `${EVENTS_URL}?sdkid=${PIXEL}&lib=ttq`;
const win = window as unknown as { ttq?: unknown[][] & { _i?: Record<string, unknown> }; TiktokAnalyticsObject?: string };
/** The queued calls, as TikTok's events.js will replay them. */
const queued = () => [...(win.ttq ?? [])];

function clearTikTok(): void {
  delete win.ttq;
  delete win.TiktokAnalyticsObject;
}

describe('tiktok-pixel adapter', () => {
  const output = isolateAdapterTests();
  beforeEach(clearTikTok);
  afterEach(clearTikTok);

  it('leaves nothing on the page before consent and expires leftover cookies', async () => {
    document.cookie = '_ttp=abc; Path=/';
    document.cookie = `ttcsid_${PIXEL}=1; Path=/`;
    document.cookie = 'ttclid=E.C.P.abc; Path=/';
    const { element } = await mountWithAdapters({ categories: CATEGORIES, adapters: { 'tiktok-pixel': { pixelId: PIXEL } } });
    element.rejectAll();
    expect(win.ttq).to.equal(undefined);
    expect(scriptsFor('https://analytics.tiktok.com')).to.have.length(0);
    await cookieGone(/_ttp|ttcsid|ttclid/);
  });

  it('on grant queues grantConsent before load and page, then requests events.js once', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [tiktokPixel({ pixelId: PIXEL })]);
    element.save({ marketing: true });
    expect(queued()).to.deep.equal([['grantConsent'], ['page']]);
    expect(win.ttq!._i).to.have.property(PIXEL);
    expect(win.TiktokAnalyticsObject).to.equal('ttq');
    expect(scriptsFor(SDK)).to.have.length(1);
    element.save({ analytics: true });
    expect(queued()).to.have.length(2, 'a change to another category tells TikTok nothing');
    // The test browser reaches no vendor host: the request is refused and reported.
    await waitFor(() => log.errors.length > 0);
    expect(log.errors).to.deep.equal([{ id: 'tiktok-pixel', reason: 'error', src: SDK }]);
  });

  it('on withdrawal calls revokeConsent, expires its cookies and recommends a reload; a new grant calls grantConsent again', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [tiktokPixel({ pixelId: PIXEL, trackPageView: false })]);
    element.acceptAll();
    document.cookie = '_ttp=abc; Path=/';
    document.cookie = '_tt_enable_cookie=1; Path=/';
    element.save({ marketing: false });
    expect(queued()).to.deep.equal([['grantConsent'], ['revokeConsent']]);
    await cookieGone(/_ttp|_tt_enable_cookie/);
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(true);
    element.save({ marketing: true });
    expect(queued().at(-1)).to.deep.equal(['grantConsent']);
    expect(scriptsFor(SDK)).to.have.length(1);
  });

  it('applies a stored grant on the next page', async () => {
    const first = await mountWithAdapters({ categories: CATEGORIES });
    first.element.save({ marketing: true });
    fixtureCleanup();
    resetVendorGlobals();
    const { log } = await mountWithAdapters({ categories: CATEGORIES }, [tiktokPixel({ pixelId: PIXEL })]);
    expect(queued()).to.deep.equal([['grantConsent'], ['page']]);
    expect(scriptsFor(SDK)).to.have.length(1);
    expect(log.changes).to.deep.equal([], 'the grant came from storage');
  });

  it('reports invalid options once and does nothing', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES, adapters: { 'tiktok-pixel': { pixelId: 'x"><script>' } } });
    element.acceptAll();
    await reported();
    expect(log.errors).to.deep.equal([{ id: 'tiktok-pixel', reason: 'options' }]);
    expect(output.error).to.have.length(1);
    expect(output.error[0]).to.contain('pixelId');
    expect(win.ttq).to.equal(undefined);
  });

  it('calls nothing on a ttq that markup or another script put there', async () => {
    (window as unknown as Record<string, unknown>).ttq = { track: 'not a function' };
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [tiktokPixel({ pixelId: PIXEL })]);
    element.acceptAll();
    expect(log.errors).to.deep.equal([{ id: 'tiktok-pixel', reason: 'exception' }]);
    expect(scriptsFor('https://analytics.tiktok.com')).to.have.length(0);
    await reported();
    expect(output.error.join('\n')).to.contain('ttq');
    output.error.length = 0;
  });

  it('works with id="ttq" in the page', async () => {
    await fixture(html`<div id="ttq"></div>`);
    const { element } = await mountWithAdapters({ categories: CATEGORIES }, [tiktokPixel({ pixelId: PIXEL })]);
    element.save({ marketing: true });
    expect(queued()).to.deep.equal([['grantConsent'], ['page']]);
    expect(scriptsFor(SDK)).to.have.length(1);
  });
});
