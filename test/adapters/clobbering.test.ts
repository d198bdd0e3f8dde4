// DOM clobbering: markup that puts elements under vendor global names (`id="analytics"`,
// `name="fbq"`, `id="dataLayer"`, `id="Stripe"`, forms with named inputs) must not break an
// adapter, and a global that holds something else gets one clear adapter error, never an exception.
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { googleAnalytics } from '../../adapters/google-analytics.js';
import { googleTagManager } from '../../adapters/google-tag-manager.js';
import { metaPixel } from '../../adapters/meta-pixel.js';
import { segment } from '../../adapters/segment.js';
import { stripe } from '../../adapters/stripe.js';
import { reported } from '../../src/diagnostics/report.js';
import { CATEGORIES, dataLayerEntries, isolateAdapterTests, mountWithAdapters, scriptsFor } from '../helpers/adapters.js';
import { waitFor } from '../helpers/page-state.js';

type Globals = Record<string, unknown>;
const typeTag = (value: unknown): string => Object.prototype.toString.call(value);
const globals = window as unknown as Globals;

/** Puts hostile markup in the page before the element starts, as a cookie policy page might have. */
async function clobber(markup: ReturnType<typeof html>): Promise<void> {
  await fixture(html`<div class="clobber">${markup}</div>`);
}

function uncaught(): { errors: unknown[]; stop: () => void } {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent): void => void errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent): void => void errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

describe('vendor globals clobbered by markup', () => {
  const output = isolateAdapterTests();
  let watch: ReturnType<typeof uncaught>;
  beforeEach(() => {
    watch = uncaught();
  });
  afterEach(() => {
    watch.stop();
    for (const name of ['Stripe']) delete globals[name];
  });

  it('the markup really clobbers: the named elements are what the window shows under those names', async () => {
    await clobber(html`<div id="analytics"></div><form name="fbq"></form><div id="dataLayer"></div>`);
    // Compared as type tags: asked to describe a live collection, chai can hang Firefox.
    expect([globals.analytics, globals.fbq, globals.dataLayer].map(typeTag)).to.deep.equal(['[object HTMLDivElement]', '[object HTMLFormElement]', '[object HTMLDivElement]']);
  });

  it('google-analytics works with id="dataLayer", name="gtag" and id="analytics" in the page', async () => {
    await clobber(html`<div id="dataLayer"></div><form name="gtag"><input name="apply" /></form><a id="analytics" href="#analytics">Analytics</a>`);
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [googleAnalytics({ measurementId: 'G-TEST1234' })]);
    element.save({ analytics: true });
    expect(Array.isArray(globals.dataLayer)).to.equal(true, 'the data layer is a real array that shadows the element');
    expect(typeof globals.gtag).to.equal('function');
    expect(dataLayerEntries().filter((entry) => 'gtag' in (entry as object)).map((entry) => (entry as { gtag: unknown[] }).gtag.slice(0, 2))).to.deep.equal([
      ['consent', 'default'],
      ['consent', 'update'],
      ['js', 'Date'],
      ['config', 'G-TEST1234'],
    ]);
    expect(scriptsFor('https://www.googletagmanager.com/gtag/js')).to.have.length(1);
    await waitFor(() => log.errors.length > 0);
    expect(log.errors.map((error) => error.reason)).to.deep.equal(['error'], 'only the unreachable vendor host fails');
    expect(watch.errors).to.deep.equal([]);
  });

  it('google-tag-manager works when two elements share id="dataLayer"', async () => {
    await clobber(html`<div id="dataLayer"></div><span id="dataLayer"></span>`);
    // Chromium and WebKit give the collection; Firefox gives the first element.
    expect(['[object HTMLCollection]', '[object HTMLDivElement]']).to.include(typeTag(globals.dataLayer));
    const { element } = await mountWithAdapters({ categories: CATEGORIES }, [googleTagManager({ containerId: 'GTM-TEST123' })]);
    element.save({ analytics: true });
    expect(dataLayerEntries().some((entry) => (entry as { event?: string }).event === 'gtm.js')).to.equal(true);
    expect(scriptsFor('https://www.googletagmanager.com/gtm.js')).to.have.length(1);
    expect(watch.errors).to.deep.equal([]);
  });

  it('meta-pixel works with a form named fbq whose inputs look like the stub’s fields, and an image named _fbq', async () => {
    await clobber(html`<form id="fbq"><input name="callMethod" /><input name="queue" /><input name="loaded" /></form><img name="_fbq" alt="" />`);
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [metaPixel({ pixelId: '1234567890' })]);
    element.save({ marketing: true });
    expect(typeof globals.fbq).to.equal('function');
    expect(globals._fbq).to.equal(globals.fbq);
    expect((globals.fbq as { queue: IArguments[] }).queue.map((args): unknown[] => Array.from(args as ArrayLike<unknown>).slice(0, 2))).to.deep.equal([
      ['consent', 'grant'],
      ['init', '1234567890'],
      ['track', 'PageView'],
    ]);
    expect(scriptsFor('https://connect.facebook.net/')).to.have.length(1);
    element.save({ marketing: false });
    expect(log.errors.filter((error) => error.reason !== 'error')).to.deep.equal([]);
    expect(watch.errors).to.deep.equal([]);
  });

  it('segment works with id="analytics" on the page (an anchor on a cookie policy page), also when a snippet copied the element into window.analytics', async () => {
    await clobber(html`<h2 id="analytics">Analytics cookies</h2>`);
    // What `window.analytics = window.analytics || []` in Segment's snippet does on such a page.
    globals.analytics = document.getElementById('analytics');
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [segment({ writeKey: 'abcdefgh12345678' })]);
    expect(Array.isArray(globals.analytics)).to.equal(true, 'the buffer replaced the element');
    element.save({ analytics: true });
    // A limit for a hang, not for speed: Segment's own library is fetched first, and on a loaded
    // machine the test server's first compile of it took over 3 s.
    await waitFor(() => scriptsFor('https://cdn.segment.com/').length > 0, 6000, 'analytics.js to be requested');
    element.save({ analytics: false });
    await reported();
    expect(log.errors.filter((error) => error.reason !== 'error' && error.reason !== 'offline')).to.deep.equal([]);
    expect(watch.errors).to.deep.equal([]);
  });

  it('segment reports, once and clearly, a window.analytics that another script owns, and calls nothing on it', async () => {
    const foreign = { load: 'not a function', track: () => 'theirs' };
    globals.analytics = foreign;
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [segment({ writeKey: 'abcdefgh12345678' })]);
    element.save({ analytics: true });
    element.save({ analytics: false });
    await reported();
    expect(globals.analytics).to.equal(foreign, 'left as it was');
    expect(scriptsFor('https://cdn.segment.com/')).to.have.length(0);
    expect(log.errors).to.deep.equal([{ id: 'segment', reason: 'exception' }]);
    expect(output.error).to.have.length(1);
    expect(output.error[0]).to.contain('"segment" adapter does nothing: window.analytics');
    expect(watch.errors).to.deep.equal([]);
  });

  it('meta-pixel reports a window.fbq that is not a function instead of throwing', async () => {
    globals.fbq = { queue: [] };
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [metaPixel({ pixelId: '1234567890' })]);
    element.save({ marketing: true });
    element.save({ marketing: false });
    element.save({ marketing: true });
    await reported();
    expect(log.errors).to.deep.equal([{ id: 'meta-pixel', reason: 'exception' }]);
    expect(output.error).to.have.length(1);
    expect(output.error[0]).to.contain('window.fbq');
    expect(scriptsFor('https://connect.facebook.net/')).to.have.length(0);
    expect(watch.errors).to.deep.equal([]);
  });

  it('the data layer event reaches a real array with id="dataLayer" in the page and no adapter', async () => {
    await clobber(html`<div id="dataLayer"></div>`);
    const { element } = await mountWithAdapters({ categories: CATEGORIES, dataLayer: {} });
    element.save({ analytics: true });
    expect(Array.isArray(globals.dataLayer)).to.equal(true);
    expect(dataLayerEntries().map((entry) => (entry as { consent_source?: string }).consent_source)).to.deep.equal(['default', 'api']);
    expect(watch.errors).to.deep.equal([]);
  });

  // @stripe/stripe-js loads Stripe.js once per page: the refused case first, then the working one.
  it('stripe reports a window.Stripe that is not Stripe.js instead of handing it to the page', async () => {
    globals.Stripe = { elements: 'not Stripe.js' };
    const adapter = stripe({ publishableKey: 'pk_test_abcdefgh1234' });
    const { log } = await mountWithAdapters({ categories: CATEGORIES }, [adapter]);
    const failure = await adapter.stripe.then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).to.be.instanceOf(TypeError);
    await reported();
    expect(log.errors).to.deep.equal([{ id: 'stripe', reason: 'exception' }]);
    expect(output.error[0]).to.contain('window.Stripe');
    expect(scriptsFor('https://js.stripe.com/')).to.have.length(0);
    expect(watch.errors).to.deep.equal([]);
  });

  it('stripe loads Stripe.js with id="Stripe" in the page', async () => {
    await clobber(html`<section id="Stripe"><h3>Stripe</h3></section>`);
    const adapter = stripe({ publishableKey: 'pk_test_abcdefgh1234' });
    const { log } = await mountWithAdapters({ categories: CATEGORIES }, [adapter]);
    await waitFor(() => scriptsFor('https://js.stripe.com/').length > 0, 3000, 'Stripe.js to be requested');
    // The test browser resolves no vendor host: the load fails as a load, not as a TypeError.
    await waitFor(() => log.errors.length > 0, 4000);
    expect(log.errors.map((error) => error.reason)).to.deep.equal(['error']);
    expect(watch.errors).to.deep.equal([]);
  });
});
