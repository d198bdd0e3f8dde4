import { expect } from '@open-wc/testing';
import { loadStripe } from '@stripe/stripe-js/pure';
import { stripe } from '../../adapters/stripe.js';
import { CATEGORIES, isolateAdapterTests, mountWithAdapters, scriptsFor } from '../helpers/adapters.js';
import { waitFor } from '../helpers/page-state.js';

const WITH_PAYMENTS = [...CATEGORIES, { id: 'payments' }];

/**
 * Records the load parameters the adapter hands Stripe's loader, which it does right before each
 * `loadStripe`: after the first test, this page's loader inserts no new script (it keeps waiting
 * on the one that failed), so the parameters are what shows that Stripe.js was asked for.
 */
function recordLoadParameters(): { asked: unknown[]; restore: () => void } {
  const asked: unknown[] = [];
  const original = loadStripe.setLoadParameters;
  loadStripe.setLoadParameters = (params) => {
    asked.push(params);
    original(params);
  };
  return { asked, restore: () => (loadStripe.setLoadParameters = original) };
}

// @stripe/stripe-js loads Stripe.js at most once per page, so this file has a single page story.
describe('stripe adapter', () => {
  isolateAdapterTests();

  it('loads as necessary with fraud signals off until their category is allowed, and reports a failed load once', async () => {
    const adapter = stripe({ publishableKey: 'pk_test_abcdefgh1234', advancedFraudSignals: 'analytics' });
    const { element, log } = await mountWithAdapters({ categories: CATEGORIES }, [adapter]);
    await waitFor(() => scriptsFor('https://js.stripe.com/').length > 0);
    expect(scriptsFor('https://js.stripe.com/').map((script) => script.src)).to.deep.equal(['https://js.stripe.com/endive/stripe.js?advancedFraudSignals=false']);
    // The test browser resolves no vendor host: Stripe's loader retries once, then fails.
    await waitFor(() => log.errors.length > 0, 4000);
    expect(log.errors).to.deep.equal([{ id: 'stripe', reason: 'error', src: 'https://js.stripe.com/endive/stripe.js?advancedFraudSignals=false' }]);
    const failure = await adapter.stripe.then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).to.be.instanceOf(Error);
    element.save({ analytics: true });
    expect(log.changes.at(-1)?.reloadRecommended).to.equal(false, 'signals turn on with the next page');
    // A second Stripe adapter asking for other load parameters: Stripe's loader refuses, the page goes on.
    element.adapters = [...element.adapters, stripe({ publishableKey: 'pk_test_abcdefgh1234', advancedFraudSignals: true })];
    await waitFor(() => log.errors.length > 1);
    expect(log.errors[1]).to.deep.equal({ id: 'stripe', reason: 'exception' });
    expect(adapter.cookies.map((cookie) => [cookie.name, cookie.category, cookie.lifetime])).to.deep.equal([
      ['__stripe_mid', 'necessary', '1 year'],
      ['__stripe_sid', 'necessary', '30 minutes'],
    ]);
  });

  it("expires Stripe's cookies and recommends a reload when Stripe's own category is withdrawn", async () => {
    const loader = recordLoadParameters();
    try {
      // Fraud signals stay off, so only the withdrawal of Stripe's category can call for a reload.
      const { element, log } = await mountWithAdapters({ categories: WITH_PAYMENTS }, [stripe({ publishableKey: 'pk_test_abcdefgh1234', category: 'payments', advancedFraudSignals: false })]);
      element.save({ payments: true });
      await waitFor(() => loader.asked.length > 0, 2000, 'the adapter asking for Stripe.js');
      expect(loader.asked).to.deep.equal([{ advancedFraudSignals: false }]);
      for (const name of ['__stripe_mid', '__stripe_sid', 'other']) document.cookie = `${name}=1; Path=/`;
      element.save({ payments: false });
      expect(document.cookie.split('; ').filter((cookie) => !cookie.startsWith('consent='))).to.deep.equal(['other=1']);
      expect(log.changes.at(-1)?.reloadRecommended).to.equal(true, 'Stripe.js cannot be unloaded');
    } finally {
      loader.restore();
    }
  });

  it('recommends a reload when only the fraud-signals category is withdrawn after Stripe.js was loaded with signals on', async () => {
    const loader = recordLoadParameters();
    try {
      const { element, log } = await mountWithAdapters({ categories: WITH_PAYMENTS }, [stripe({ publishableKey: 'pk_test_abcdefgh1234', category: 'payments', advancedFraudSignals: 'analytics' })]);
      element.save({ payments: true, analytics: true });
      await waitFor(() => loader.asked.length > 0, 2000, 'the adapter asking for Stripe.js');
      // Stripe's loader keeps the first test's parameters and refuses these; the adapter goes by what it asked for.
      expect(loader.asked).to.deep.equal([{ advancedFraudSignals: true }]);
      element.save({ analytics: false });
      expect(element.isAllowed('payments')).to.equal(true);
      expect(log.changes.at(-1)?.reloadRecommended).to.equal(true, 'the signals stay on until the next page');
    } finally {
      loader.restore();
    }
  });
});
