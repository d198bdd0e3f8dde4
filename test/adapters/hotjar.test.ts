import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { hotjar, hotjarUrl } from '../../adapters/hotjar.js';
import { reported } from '../../src/diagnostics/report.js';
import { CATEGORIES, isolateAdapterTests, mountWithAdapters, resetVendorGlobals, scriptsFor } from '../helpers/adapters.js';
import { cookieGone, waitFor } from '../helpers/page-state.js';

const SITE = 1234567;
const SCRIPT = 'https://static.hotjar.com/c/hotjar-1234567.js?sv=6';
const win = window as unknown as { hj?: ((...args: unknown[]) => void) & { q?: unknown[][] }; _hjSettings?: unknown };

function clearHotjar(): void {
  delete win.hj;
  delete win._hjSettings;
  sessionStorage.clear();
}

describe('hotjar adapter', () => {
  const output = isolateAdapterTests();
  beforeEach(clearHotjar);
  afterEach(clearHotjar);

  it('leaves nothing on the page before consent and expires leftover _hj cookies and keys', async () => {
    document.cookie = `_hjSessionUser_${SITE}=abc; Path=/`;
    localStorage.setItem('_hjUserAttributes', '{}');
    sessionStorage.setItem('_hjSessionStorageTest', '1');
    const { element } = await mountWithAdapters({ categories: CATEGORIES, adapters: { hotjar: { siteId: SITE } } });
    element.rejectAll();
    expect(win.hj).to.equal(undefined);
    expect(win._hjSettings).to.equal(undefined);
    expect(scriptsFor('https://static.hotjar.com')).to.have.length(0);
    await cookieGone('_hj');
    expect(localStorage.getItem('_hjUserAttributes')).to.equal(null);
    expect(sessionStorage.getItem('_hjSessionStorageTest')).to.equal(null);
  });

  it('on grant sets _hjSettings and the hj queue before requesting the script once', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [hotjar({ siteId: String(SITE) })]);
    element.save({ analytics: true });
    expect(hotjarUrl(SITE)).to.equal(SCRIPT);
    expect(win._hjSettings).to.deep.equal({ hjid: SITE, hjsv: 6 });
    win.hj!('event', 'signed_up');
    expect(win.hj!.q).to.deep.equal([['event', 'signed_up']]);
    expect(scriptsFor(SCRIPT)).to.have.length(1);
    element.save({ marketing: true });
    expect(scriptsFor(SCRIPT)).to.have.length(1);
    // The test browser reaches no vendor host: the request is refused and reported.
    await waitFor(() => log.errors.length > 0);
    expect(log.errors).to.deep.equal([{ id: 'hotjar', reason: 'error', src: SCRIPT }]);
  });

  it('on withdrawal expires _hj cookies and keys and recommends a reload', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [hotjar({ siteId: SITE })]);
    element.acceptAll();
    document.cookie = `_hjSession_${SITE}=1; Path=/`;
    document.cookie = '_hjFirstSeen=1; Path=/';
    document.cookie = 'other=1; Path=/';
    localStorage.setItem('_hjUserAttributes', '{}');
    sessionStorage.setItem('_hjSessionStorageTest', '1');
    element.save({ analytics: false });
    await cookieGone('_hj');
    expect(document.cookie).to.contain('other=1');
    expect(localStorage.getItem('_hjUserAttributes')).to.equal(null);
    expect(sessionStorage.getItem('_hjSessionStorageTest')).to.equal(null);
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(true, 'Hotjar has no way to stop but a reload');
    document.cookie = 'other=; Path=/; Max-Age=0';
  });

  it('applies a stored grant on the next page', async () => {
    const first = await mountWithAdapters({ categories: CATEGORIES });
    first.element.save({ analytics: true });
    fixtureCleanup();
    resetVendorGlobals();
    const { log } = await mountWithAdapters({ categories: CATEGORIES }, [hotjar({ siteId: SITE })]);
    expect(win._hjSettings).to.deep.equal({ hjid: SITE, hjsv: 6 });
    expect(scriptsFor(SCRIPT)).to.have.length(1);
    expect(log.changes).to.deep.equal([]);
  });

  it('reports invalid options once and does nothing', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES, adapters: { hotjar: { siteId: '12/../evil', category: 'stats' } } });
    element.acceptAll();
    await reported();
    expect(log.errors).to.deep.equal([{ id: 'hotjar', reason: 'options' }]);
    expect(output.error).to.have.length(1);
    expect(output.error[0]).to.contain('siteId').and.contain('category');
    expect(scriptsFor('https://static.hotjar.com')).to.have.length(0);
  });

  it('works with a form named hj in the page, and reports an hj another script owns', async () => {
    await fixture(html`<form name="hj"><input name="q" /></form><div id="_hjSettings"></div>`);
    const { element } = await mountWithAdapters({ categories: CATEGORIES }, [hotjar({ siteId: SITE })]);
    element.save({ analytics: true });
    expect(typeof win.hj).to.equal('function');
    expect(win._hjSettings).to.deep.equal({ hjid: SITE, hjsv: 6 });
    fixtureCleanup();
    resetVendorGlobals();
    clearHotjar();
    (window as unknown as Record<string, unknown>).hj = { event: 'not a function' };
    const { log } = await mountWithAdapters({ categories: CATEGORIES }, [hotjar({ siteId: 7654321 })]);
    await reported();
    expect(log.errors).to.deep.equal([{ id: 'hotjar', reason: 'exception' }]);
    expect(output.error.join('\n')).to.contain('window.hj');
    output.error.length = 0;
    expect(scriptsFor('https://static.hotjar.com/c/hotjar-7654321')).to.have.length(0);
  });
});
