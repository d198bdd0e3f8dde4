import { expect } from '@open-wc/testing';
import { stripe } from '../../adapters/stripe.js';
import { CATEGORIES, isolateAdapterTests, mountWithAdapters, scriptsFor } from '../helpers/adapters.js';
import { waitFor } from '../helpers/page-state.js';

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
});
