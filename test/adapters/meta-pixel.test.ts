import { expect, fixtureCleanup } from '@open-wc/testing';
import { type Fbq, metaPixel } from '../../adapters/meta-pixel.js';
import { CATEGORIES, isolateAdapterTests, mountWithAdapters, resetVendorGlobals, scriptsFor } from '../helpers/adapters.js';
import { cookieGone, waitFor } from '../helpers/page-state.js';

const FBEVENTS = 'https://connect.facebook.net/en_US/fbevents.js';
const fbq = () => (window as unknown as { fbq?: Fbq }).fbq;
const queued = (): unknown[][] => fbq()!.queue.map((args) => Array.from(args as ArrayLike<unknown>));

describe('meta-pixel adapter', () => {
  isolateAdapterTests();

  it('leaves nothing on the page before consent: no stub, no fbevents.js, no image', async () => {
    document.cookie = '_fbp=fb.1.1.1; Path=/';
    await mountWithAdapters({ categories: CATEGORIES, adapters: { 'meta-pixel': { pixelId: '1234567890' } } });
    expect(fbq()).to.equal(undefined);
    expect(scriptsFor('https://connect.facebook.net')).to.have.length(0);
    expect(document.querySelector('img[src*="facebook"]')).to.equal(null);
    await cookieGone('_fbp');
  });

  it('on grant queues consent grant, init for each pixel and PageView, as arguments objects, then loads fbevents.js once', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [metaPixel({ pixelId: ['1234567890', '9876543210'] })]);
    element.save({ marketing: true });
    expect(queued()).to.deep.equal([['consent', 'grant'], ['init', '1234567890'], ['init', '9876543210'], ['track', 'PageView']]);
    expect(fbq()!.queue.every((args) => Object.prototype.toString.call(args) === '[object Arguments]')).to.equal(true);
    expect(scriptsFor(FBEVENTS)).to.have.length(1);
    element.save({ analytics: true });
    expect(queued()).to.have.length(4, 'a change to another category tells Meta nothing');
    await waitFor(() => log.errors.length > 0);
    expect(log.errors).to.deep.equal([{ id: 'meta-pixel', reason: 'error', src: FBEVENTS }]);
  });

  it('on withdrawal calls consent revoke, expires _fbp and _fbc, and recommends a reload; a new grant calls grant again', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [metaPixel({ pixelId: '1234567890', trackPageView: false })]);
    element.acceptAll();
    document.cookie = '_fbp=fb.1.1.1; Path=/';
    document.cookie = '_fbc=fb.1.1.abc; Path=/';
    element.save({ marketing: false });
    expect(queued()).to.deep.equal([['consent', 'grant'], ['init', '1234567890'], ['consent', 'revoke']]);
    await cookieGone(/_fb[pc]=/);
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(true);
    element.save({ marketing: true });
    expect(queued().at(-1)).to.deep.equal(['consent', 'grant']);
    expect(scriptsFor(FBEVENTS)).to.have.length(1);
  });

  it('applies a stored grant on the next page: consent grant, init, PageView, and fbevents.js requested once', async () => {
    const first = await mountWithAdapters({ categories: CATEGORIES }, [metaPixel({ pixelId: '1234567890' })]);
    first.element.save({ marketing: true });
    fixtureCleanup();
    resetVendorGlobals();
    expect(fbq()).to.equal(undefined);
    const { log } = await mountWithAdapters({ categories: CATEGORIES }, [metaPixel({ pixelId: '1234567890' })]);
    expect(queued()).to.deep.equal([['consent', 'grant'], ['init', '1234567890'], ['track', 'PageView']]);
    expect(scriptsFor(FBEVENTS)).to.have.length(1);
    await waitFor(() => log.errors.length > 0);
    expect(scriptsFor(FBEVENTS)).to.have.length(1, 'the failed load is not retried');
    expect(log.changes).to.deep.equal([], 'the grant came from storage, not a new choice');
  });
});
