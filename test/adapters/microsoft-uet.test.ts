import { expect, fixtureCleanup } from '@open-wc/testing';
import { microsoftUet } from '../../adapters/microsoft-uet.js';
import type { AdapterContext } from '../../src/core/adapter.js';
import { reported } from '../../src/diagnostics/report.js';
import { CATEGORIES, isolateAdapterTests, mountWithAdapters, resetVendorGlobals, scriptsFor } from '../helpers/adapters.js';
import { cookieGone, waitFor } from '../helpers/page-state.js';

const BAT = 'https://bat.bing.com/bat.js?ti=12345678';
const globals = window as unknown as Record<string, unknown> & { uetq?: unknown };
// Before bat.js, `uetq` is a plain array: each push appends its arguments, as in Microsoft's snippet.
const queued = (): unknown[] => globals.uetq as unknown[];
const DEFAULT = ['consent', 'default', { ad_storage: 'denied' }];
const GRANT = ['consent', 'update', { ad_storage: 'granted' }];
const DENY = ['consent', 'update', { ad_storage: 'denied' }];

describe('microsoft-uet adapter', () => {
  const output = isolateAdapterTests();
  afterEach(() => {
    delete globals.uetq;
    delete globals.UET;
  });

  it('named in the config: leaves nothing before consent and expires leftover _uet cookies and keys', async () => {
    document.cookie = '_uetsid=a; Path=/';
    document.cookie = '_uetvid=b; Path=/';
    localStorage.setItem('_uetvid_exp', 'x');
    await mountWithAdapters({ categories: CATEGORIES, adapters: { 'microsoft-uet': { tagId: '12345678' } } });
    expect(globals.uetq).to.equal(undefined);
    expect(scriptsFor('https://')).to.deep.equal([]);
    await cookieGone(/_uet/);
    expect(localStorage.getItem('_uetvid_exp')).to.equal(null);
  });

  it('on grant queues the denied default and the granted update before bat.js, which loads once', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [microsoftUet({ tagId: '12345678' })]);
    element.save({ marketing: true });
    expect(queued()).to.deep.equal([...DEFAULT, ...GRANT]);
    expect(scriptsFor(BAT)).to.have.length(1);
    element.save({ marketing: true, analytics: true });
    expect(queued()).to.have.length(6, 'another category tells UET nothing');
    await waitFor(() => log.errors.length > 0);
    expect(log.errors).to.deep.equal([{ id: 'microsoft-uet', reason: 'error', src: BAT }]);
  });

  it('hands the queue to bat.js as Microsoft’s snippet does, and later updates go to the UET object', async () => {
    const made: { settings: { ti: string; enableAutoSpaTracking: boolean; q: unknown[] }; pushed: unknown[][] }[] = [];
    globals.UET = function (this: unknown, settings: { ti: string; enableAutoSpaTracking: boolean; q: unknown[] }) {
      const uet = { settings, pushed: [] as unknown[][], push: (...args: unknown[]) => uet.pushed.push(args) };
      made.push(uet);
      return uet;
    };
    const forgotten: unknown[] = [];
    const context = {
      window,
      categoryIds: ['necessary', 'marketing'],
      requiredCategoryIds: ['necessary'],
      dataLayerName: 'dataLayer',
      loadScript: () => Promise.resolve(true),
      forget: (names: unknown[]) => forgotten.push(...names),
      invalid: () => undefined,
      checkOptions: () => true,
      conflict: () => undefined,
    } as unknown as AdapterContext;
    const adapter = microsoftUet({ tagId: '12345678', spaTracking: false });
    adapter.start!(context, { categories: { necessary: true, marketing: true }, decided: true, changed: [], source: 'stored' });
    await waitFor(() => made.length > 0);
    expect(made[0]!.settings.ti).to.equal('12345678');
    expect(made[0]!.settings.enableAutoSpaTracking).to.equal(false);
    expect(made[0]!.settings.q).to.deep.equal([...DEFAULT, ...GRANT]);
    expect(globals.uetq).to.equal(made[0]);
    expect(made[0]!.pushed).to.deep.equal([['pageLoad']]);
    const result = adapter.update!({ categories: { necessary: true, marketing: false }, decided: true, changed: ['marketing'], source: 'api' });
    expect(made[0]!.pushed.at(-1)).to.deep.equal(DENY);
    expect(forgotten).to.include('_uetvid');
    expect(result).to.deep.equal({ reloadRecommended: true });
  });

  it('on withdrawal queues the denied update, expires its cookies and recommends a reload', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [microsoftUet({ tagId: '12345678' })]);
    element.save({ marketing: true });
    document.cookie = '_uetsid=a; Path=/';
    document.cookie = '_uetmsclkid=c; Path=/';
    element.save({ marketing: false });
    expect(queued()).to.deep.equal([...DEFAULT, ...GRANT, ...DENY]);
    await cookieGone(/_uet/);
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(true);
  });

  it('states the default and a stored grant again on the next page, before bat.js', async () => {
    const first = await mountWithAdapters({ categories: CATEGORIES }, [microsoftUet({ tagId: '12345678' })]);
    first.element.save({ marketing: true });
    fixtureCleanup();
    resetVendorGlobals();
    delete globals.uetq;
    await mountWithAdapters({ categories: CATEGORIES }, [microsoftUet({ tagId: '12345678' })]);
    expect(queued()).to.deep.equal([...DEFAULT, ...GRANT]);
    expect(scriptsFor(BAT)).to.have.length(1);
  });

  it('in advanced mode loads bat.js at once with only the denied default, and recommends no reload', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [microsoftUet({ tagId: '12345678', consentMode: 'advanced' })]);
    expect(queued()).to.deep.equal(DEFAULT);
    expect(scriptsFor(BAT)).to.have.length(1);
    element.save({ marketing: true });
    element.save({ marketing: false });
    expect(queued()).to.deep.equal([...DEFAULT, ...GRANT, ...DENY]);
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(false);
  });

  it('reports a uetq that is not a queue without calling it or loading anything', async () => {
    globals.uetq = 'not a queue';
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [microsoftUet({ tagId: '12345678' })]);
    element.save({ marketing: true });
    await reported();
    expect(log.errors).to.deep.equal([{ id: 'microsoft-uet', reason: 'exception' }]);
    expect(scriptsFor('https://')).to.deep.equal([]);
    expect(globals.uetq).to.equal('not a queue');
  });

  it('reports invalid options once, by field, and queues nothing', async () => {
    const second = await mountWithAdapters({ categories: CATEGORIES, adapters: { 'microsoft-uet': { tagId: 'AW-1', consentMode: 'full' } } });
    await reported();
    expect(output.error).to.deep.equal([
      'consent-manager: the "microsoft-uet" adapter does nothing, its options are invalid:\n' +
        '  - tagId: must be a Microsoft Advertising UET tag ID (digits), got "AW-1"\n' +
        '  - consentMode: must be "basic" or "advanced", got "full"',
    ]);
    expect(second.log.errors).to.deep.equal([{ id: 'microsoft-uet', reason: 'options' }]);
    second.element.acceptAll();
    expect(globals.uetq).to.equal(undefined);
  });
});
