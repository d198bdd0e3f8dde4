import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { matomo } from '../../adapters/matomo.js';
import { reported } from '../../src/diagnostics/report.js';
import { CATEGORIES, isolateAdapterTests, mountWithAdapters, resetVendorGlobals, scriptsFor } from '../helpers/adapters.js';
import { cookieGone, waitFor } from '../helpers/page-state.js';

/** A self-hosted Matomo: the test server, with a stand-in matomo.js (test/fixtures/matomo). */
const URL = `${location.origin}/test/fixtures/matomo`;
const TRACKER = `${URL}/matomo.js`;

const win = window as unknown as { _paq?: unknown; matomoCommands?: unknown[][] };
/** What Matomo received: its recorded commands once matomo.js ran, else the queue it will run. */
const commands = (): unknown[][] => win.matomoCommands ?? (Array.isArray(win._paq) ? (win._paq as unknown[][]) : []);
const START = [['setTrackerUrl', `${URL}/matomo.php`], ['setSiteId', '3'], ['trackPageView'], ['enableLinkTracking']];

describe('matomo adapter', () => {
  const output = isolateAdapterTests();
  afterEach(() => {
    delete win._paq;
    delete win.matomoCommands;
    // resetVendorGlobals removes https scripts only; this stand-in is served over http.
    for (const script of scriptsFor(URL)) script.remove();
  });

  it('requests nothing before consent and expires leftover _pk_ cookies', async () => {
    document.cookie = '_pk_id.3.1fff=abc; Path=/';
    const { element } = await mountWithAdapters({ categories: CATEGORIES, adapters: { matomo: { url: URL, siteId: 3 } } });
    element.rejectAll();
    expect(win._paq).to.equal(undefined);
    expect(scriptsFor(URL)).to.have.length(0);
    await cookieGone('_pk_id');
  });

  it('on grant requires consent and gives it before the page view and before matomo.js runs', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [matomo({ url: URL, siteId: '3' })]);
    element.save({ analytics: true });
    expect(commands()).to.deep.equal([['requireConsent'], ['setConsentGiven'], ...START]);
    await waitFor(() => log.loads.length > 0, 4000, 'matomo.js');
    expect(win.matomoCommands).to.deep.equal([['requireConsent'], ['setConsentGiven'], ...START]);
    expect(scriptsFor(TRACKER)).to.have.length(1);
  });

  it('on withdrawal calls forgetConsentGiven on the running tracker and expires its cookies; a new grant gives consent again', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [matomo({ url: URL, siteId: 3 })]);
    element.save({ analytics: true });
    await waitFor(() => log.loads.length > 0, 4000, 'matomo.js');
    document.cookie = '_pk_id.3.1fff=abc; Path=/';
    document.cookie = '_pk_ses.3.1fff=1; Path=/';
    // What Matomo's forgetConsentGiven sets: the element's record keeps the withdrawal instead.
    document.cookie = 'mtm_consent_removed=1; Path=/';
    element.save({ analytics: false });
    expect(win.matomoCommands!.at(-1)).to.deep.equal(['forgetConsentGiven']);
    await cookieGone(/_pk_|mtm_consent_removed/);
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(false, 'forgetConsentGiven stops the tracker');
    element.save({ analytics: true });
    expect(win.matomoCommands!.at(-1)).to.deep.equal(['setConsentGiven']);
  });

  it('applies a stored grant on the next page before the page view', async () => {
    const first = await mountWithAdapters({ categories: CATEGORIES });
    first.element.save({ analytics: true });
    fixtureCleanup();
    resetVendorGlobals();
    const { log } = await mountWithAdapters({ categories: CATEGORIES }, [matomo({ url: URL, siteId: 3, trackPageView: false })]);
    expect(commands().slice(0, 2)).to.deep.equal([['requireConsent'], ['setConsentGiven']]);
    // Not left to run during the next test.
    await waitFor(() => log.loads.length > 0, 4000, 'matomo.js');
  });

  it('in cookie consent mode tracks without cookies before consent and allows cookies on grant', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [matomo({ url: URL, siteId: 3, cookieConsent: true })]);
    expect(commands()).to.deep.equal([['requireCookieConsent'], ...START]);
    expect(scriptsFor(TRACKER)).to.have.length(1, 'the tracker loads before consent in this mode');
    element.save({ analytics: true });
    expect(commands().at(-1)).to.deep.equal(['setCookieConsentGiven']);
    element.save({ analytics: false });
    expect(commands().at(-1)).to.deep.equal(['forgetCookieConsentGiven']);
    await waitFor(() => log.loads.length > 0, 4000, 'matomo.js');
    expect(win.matomoCommands).to.deep.equal([['requireCookieConsent'], ...START, ['setCookieConsentGiven'], ['forgetCookieConsentGiven']]);
  });

  it('reports invalid options once and does nothing', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES, adapters: { matomo: { url: 'http://matomo.example.com/', siteId: 'abc' } } });
    element.acceptAll();
    await reported();
    expect(log.errors).to.deep.equal([{ id: 'matomo', reason: 'options' }]);
    expect(output.error).to.have.length(1);
    expect(output.error[0]).to.contain('url').and.contain('siteId');
    expect(win._paq).to.equal(undefined);
  });

  it('works with id="_paq" in the page, and reports a _paq another script owns', async () => {
    await fixture(html`<div id="_paq"></div>`);
    const first = await mountWithAdapters({ categories: CATEGORIES }, [matomo({ url: URL, siteId: 3, trackPageView: false })]);
    first.element.save({ analytics: true });
    expect(commands().slice(0, 2)).to.deep.equal([['requireConsent'], ['setConsentGiven']]);
    await waitFor(() => first.log.loads.length > 0, 4000, 'matomo.js');
    fixtureCleanup();
    resetVendorGlobals();
    delete win._paq;
    delete win.matomoCommands;
    win._paq = { push: 'not a function' };
    const { log } = await mountWithAdapters({ categories: CATEGORIES }, [matomo({ url: `${URL}/other`, siteId: 3 })]);
    await reported();
    expect(log.errors).to.deep.equal([{ id: 'matomo', reason: 'exception' }]);
    expect(output.error.join('\n')).to.contain('window._paq');
    output.error.length = 0;
    expect(scriptsFor(`${URL}/other`)).to.have.length(0);
  });
});
