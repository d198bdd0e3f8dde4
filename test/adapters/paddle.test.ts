import { expect } from '@open-wc/testing';
import { type PaddleJs, paddle } from '../../adapters/paddle.js';
import type { AdapterContext } from '../../src/core/adapter.js';
import { reported } from '../../src/diagnostics/report.js';
import { CATEGORIES, isolateAdapterTests, mountWithAdapters, scriptsFor } from '../helpers/adapters.js';
import { waitFor } from '../helpers/page-state.js';

const PADDLE = 'https://cdn.paddle.com/paddle/v2/paddle.js';
const globals = window as unknown as Record<string, unknown>;
const PAYMENTS = [...CATEGORIES, { id: 'payments' }];

/** A context whose loadScript runs `vendor` as Paddle.js would have, and records what the adapter reports. */
function fakeContext(vendor: () => void, loads = true): { context: AdapterContext; conflicts: string[]; failures: string[] } {
  const conflicts: string[] = [];
  const failures: string[] = [];
  const context = {
    window,
    categoryIds: ['necessary', 'payments'],
    requiredCategoryIds: ['necessary'],
    dataLayerName: 'dataLayer',
    loadScript: () => {
      if (loads) vendor();
      return Promise.resolve(loads);
    },
    forget: () => undefined,
    fail: (reason: string) => failures.push(reason),
    invalid: () => undefined,
    checkOptions: () => true,
    conflict: (name: string) => conflicts.push(name),
  } as unknown as AdapterContext;
  return { context, conflicts, failures };
}

function fakePaddle(): { calls: unknown[][] } & PaddleJs {
  const calls: unknown[][] = [];
  return {
    calls,
    Initialize: (settings) => calls.push(['Initialize', settings]),
    Update: (settings) => calls.push(['Update', settings]),
    Environment: { set: (environment) => calls.push(['Environment.set', environment]) },
  };
}

const NECESSARY = { categories: { necessary: true, payments: false }, decided: false, changed: [], source: 'default' } as const;

describe('paddle adapter', () => {
  const output = isolateAdapterTests();
  afterEach(() => {
    delete globals.Paddle;
  });

  it('named in the config under necessary: loads Paddle.js from Paddle’s CDN on the first page, before any choice', async () => {
    const { log } = await mountWithAdapters({ categories: CATEGORIES, adapters: { paddle: { token: 'test_0123456789abcdef' } } });
    expect(scriptsFor('https://').map((script) => script.src)).to.deep.equal([PADDLE]);
    await waitFor(() => log.errors.length > 0);
    expect(log.errors).to.deep.equal([{ id: 'paddle', reason: 'error', src: PADDLE }]);
  });

  it('filed under another category: requests nothing before consent, loads once on grant, and recommends a reload on withdrawal', async () => {
    const adapter = paddle({ token: 'live_0123456789abcdef', category: 'payments' });
    const { element, log } = await mountWithAdapters({ categories: PAYMENTS }, [adapter]);
    expect(scriptsFor('https://')).to.deep.equal([]);
    element.save({ payments: true });
    element.save({ payments: true, analytics: true });
    expect(scriptsFor(PADDLE)).to.have.length(1);
    await waitFor(() => log.errors.length > 0);
    let rejected: unknown = null;
    await adapter.paddle.catch((error: unknown) => (rejected = error));
    expect(String(rejected)).to.contain('Paddle.js did not load');
    element.save({ payments: false });
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(true);
  });

  it('initialises a sandbox token in the sandbox, once, with the settings, and hands the page the Paddle object', async () => {
    const vendor = fakePaddle();
    const { context } = fakeContext(() => (globals.Paddle = vendor));
    const eventCallback = () => undefined;
    const adapter = paddle({ token: 'test_0123456789abcdef', checkoutSettings: { displayMode: 'overlay' }, pwCustomer: { id: 'ctm_1' }, eventCallback });
    adapter.start!(context, NECESSARY);
    expect(await adapter.paddle).to.equal(vendor);
    expect(vendor.calls).to.deep.equal([
      ['Environment.set', 'sandbox'],
      ['Initialize', { token: 'test_0123456789abcdef', checkout: { settings: { displayMode: 'overlay' } }, pwCustomer: { id: 'ctm_1' }, eventCallback }],
    ]);
    adapter.update!({ ...NECESSARY, changed: ['payments'], categories: { necessary: true, payments: true } });
    expect(vendor.calls).to.have.length(2, 'Initialize runs once per page');
  });

  it('leaves a live token in production', async () => {
    const vendor = fakePaddle();
    const { context } = fakeContext(() => (globals.Paddle = vendor));
    const adapter = paddle({ token: 'live_0123456789abcdef' });
    adapter.start!(context, NECESSARY);
    await adapter.paddle;
    expect(vendor.calls).to.deep.equal([['Initialize', { token: 'live_0123456789abcdef' }]]);
  });

  it('reports a window.Paddle that is not Paddle.js, and a throwing Initialize, as rejections', async () => {
    const clobbered = fakeContext(() => (globals.Paddle = { Initialize: 'no' }));
    const first = paddle({ token: 'live_0123456789abcdef' });
    first.start!(clobbered.context, NECESSARY);
    let error: unknown = null;
    await first.paddle.catch((reason: unknown) => (error = reason));
    expect(error).to.be.instanceOf(TypeError);
    expect(clobbered.conflicts).to.deep.equal(['Paddle']);
    const throwing = fakeContext(() => (globals.Paddle = { ...fakePaddle(), Initialize: () => { throw new Error('bad token'); } }));
    const second = paddle({ token: 'live_0123456789abcdef' });
    second.start!(throwing.context, NECESSARY);
    error = null;
    await second.paddle.catch((reason: unknown) => (error = reason));
    expect(String(error)).to.contain('bad token');
    expect(throwing.failures).to.deep.equal(['exception']);
  });

  it('reports invalid options once, by field, and loads nothing', async () => {
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES, adapters: { paddle: { token: 'pk_live_123', eventCallback: 'alert' } } });
    await reported();
    expect(output.error).to.deep.equal([
      'consent-manager: the "paddle" adapter does nothing, its options are invalid:\n' +
        '  - token: must be a Paddle client-side token such as "live_…" or "test_…", got "pk_live_123"\n' +
        '  - eventCallback: must be a function (given from code), got "alert"',
    ]);
    expect(log.errors).to.deep.equal([{ id: 'paddle', reason: 'options' }]);
    element.acceptAll();
    expect(scriptsFor('https://')).to.deep.equal([]);
  });
});
