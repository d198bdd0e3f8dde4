import { expect, fixtureCleanup } from '@open-wc/testing';
import { type Lintrk, linkedInInsight } from '../../adapters/linkedin-insight.js';
import { reported } from '../../src/diagnostics/report.js';
import { CATEGORIES, isolateAdapterTests, mountWithAdapters, resetVendorGlobals, scriptsFor } from '../helpers/adapters.js';
import { cookieGone, waitFor } from '../helpers/page-state.js';

const INSIGHT = 'https://snap.licdn.com/li.lms-analytics/insight.min.js';
const globals = window as unknown as Record<string, unknown> & { lintrk?: Lintrk; _linkedin_data_partner_ids?: unknown; _linkedin_partner_id?: unknown };
const NAMES = ['lintrk', '_linkedin_data_partner_ids', '_linkedin_partner_id'];

describe('linkedin-insight adapter', () => {
  const output = isolateAdapterTests();
  afterEach(() => {
    for (const name of NAMES) delete globals[name];
  });

  it('named in the config: leaves nothing before consent (no globals, no tag, no pixel) and expires leftover cookies', async () => {
    document.cookie = 'li_fat_id=a; Path=/';
    document.cookie = 'ln_or=b; Path=/';
    await mountWithAdapters({ categories: CATEGORIES, adapters: { 'linkedin-insight': { partnerId: '123456' } } });
    expect(NAMES.filter((name) => name in globals)).to.deep.equal([]);
    expect(scriptsFor('https://')).to.deep.equal([]);
    expect(document.querySelector('img[src*="linkedin"]')).to.equal(null);
    await cookieGone(/li_fat_id|ln_or/);
  });

  it('on grant sets the partner globals and the lintrk queue, then loads insight.min.js once', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [linkedInInsight({ partnerId: '123456' })]);
    element.save({ marketing: true });
    expect(globals._linkedin_partner_id).to.equal('123456');
    expect(globals._linkedin_data_partner_ids).to.deep.equal(['123456']);
    globals.lintrk!('track', { conversion_id: 1 });
    expect(globals.lintrk!.q).to.deep.equal([['track', { conversion_id: 1 }]]);
    expect(scriptsFor(INSIGHT)).to.have.length(1);
    element.save({ marketing: true, analytics: true });
    expect(scriptsFor(INSIGHT)).to.have.length(1);
    await waitFor(() => log.errors.length > 0);
    expect(log.errors).to.deep.equal([{ id: 'linkedin-insight', reason: 'error', src: INSIGHT }]);
  });

  it('keeps partner ids the page already listed, and its own lintrk', async () => {
    const own = Object.assign(() => undefined, { q: [] });
    globals._linkedin_data_partner_ids = ['999'];
    globals.lintrk = own;
    const { element } = await mountWithAdapters({ categories: CATEGORIES }, [linkedInInsight({ partnerId: '123456' })]);
    element.save({ marketing: true });
    expect(globals._linkedin_data_partner_ids).to.deep.equal(['999', '123456']);
    expect(globals.lintrk).to.equal(own);
  });

  it('on withdrawal expires li_fat_id and ln_or and recommends a reload', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [linkedInInsight({ partnerId: '123456' })]);
    element.save({ marketing: true });
    document.cookie = 'li_fat_id=a; Path=/';
    document.cookie = 'ln_or=b; Path=/';
    element.save({ marketing: false });
    await cookieGone(/li_fat_id|ln_or/);
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(true);
  });

  it('loads the tag again on the next page for a stored grant', async () => {
    const first = await mountWithAdapters({ categories: CATEGORIES }, [linkedInInsight({ partnerId: '123456' })]);
    first.element.save({ marketing: true });
    fixtureCleanup();
    resetVendorGlobals();
    for (const name of NAMES) delete globals[name];
    await mountWithAdapters({ categories: CATEGORIES }, [linkedInInsight({ partnerId: '123456' })]);
    expect(globals._linkedin_data_partner_ids).to.deep.equal(['123456']);
    expect(scriptsFor(INSIGHT)).to.have.length(1);
  });

  it('reports a partner list that is not an array without loading', async () => {
    globals._linkedin_data_partner_ids = 'oops';
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [linkedInInsight({ partnerId: '123456' })]);
    element.save({ marketing: true });
    await reported();
    expect(log.errors).to.deep.equal([{ id: 'linkedin-insight', reason: 'exception' }]);
    expect(scriptsFor('https://')).to.deep.equal([]);
  });

  it('reports invalid options once, by field, and loads nothing', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES, adapters: { 'linkedin-insight': { partnerId: 123456, extra: true } } });
    await reported();
    expect(output.error).to.deep.equal([
      'consent-manager: the "linkedin-insight" adapter does nothing, its options are invalid:\n' +
        '  - extra: is not a known option\n' +
        '  - partnerId: must be a LinkedIn partner ID (digits), got 123456',
    ]);
    expect(log.errors).to.deep.equal([{ id: 'linkedin-insight', reason: 'options' }]);
    element.acceptAll();
    expect(scriptsFor('https://')).to.deep.equal([]);
  });
});
