/**
 * Stripe.js, for payments and fraud prevention. It loads through `@stripe/stripe-js/pure`, which
 * has no import side effect, with `loadStripe.setLoadParameters` called before the first load:
 * advanced fraud signals are on only while their category is allowed. By default Stripe is
 * `necessary` (cookie policies list its cookies as strictly necessary) and fraud signals follow
 * it; a site may file Stripe elsewhere and name the category that turns fraud signals on. The
 * loaded `Stripe` object is handed to the page: `adapter.stripe` is a promise of it (rejected
 * when Stripe.js could not load), and `instance` on `consent-adapter-load` is the object itself.
 */

import type { Stripe, StripeConstructorOptions } from '@stripe/stripe-js';
import type { AdapterConsent, AdapterContext, AdapterCookie, AdapterInfo, AdapterUpdateResult, ConsentAdapter } from '../src/core/adapter.js';
import { vendorGlobal } from './shared/globals.js';
import { checkOptions, isBoolean, isCategory, isObject, matches, type OptionRule } from './shared/options.js';

export interface StripeOptions {
  /** The publishable key, `pk_live_…` or `pk_test_…`. */
  readonly publishableKey: string;
  /** The category that allows Stripe.js; `necessary` by default. */
  readonly category?: string;
  /**
   * The category that turns Stripe's advanced fraud signals on (`"analytics"`), or `true` /
   * `false`. By default they are on whenever Stripe.js loads, as Stripe recommends.
   * https://github.com/stripe/stripe-js#disabling-advanced-fraud-detection-signals
   */
  readonly advancedFraudSignals?: string | boolean;
  /** Passed to `Stripe(publishableKey, options)`: `locale`, `stripeAccount`, `apiVersion`. */
  readonly stripeOptions?: StripeConstructorOptions;
}

export interface StripeAdapter extends ConsentAdapter {
  /** Resolves with the `Stripe` object once Stripe.js loaded; rejects when it failed. */
  readonly stripe: Promise<Stripe>;
}

const COOKIES = ['__stripe_mid', '__stripe_sid'];

export function stripe(options: StripeOptions): StripeAdapter {
  const category = options.category ?? 'necessary';
  let context: AdapterContext | null = null;
  let loadedWithSignals: boolean | null = null;
  let settle!: { resolve: (value: Stripe) => void; reject: (reason: unknown) => void };
  const stripePromise = new Promise<Stripe>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // A page that never asks for it must not see an unhandled rejection.
  stripePromise.catch(() => undefined);

  function signalsAllowed(consent: AdapterConsent): boolean {
    const setting = options.advancedFraudSignals ?? true;
    return typeof setting === 'boolean' ? setting : consent.categories[setting] === true;
  }

  /** Loads Stripe.js; whatever goes wrong ends as the adapter's error event, never as an unhandled rejection. */
  function load(consent: AdapterConsent): void {
    const win = context!.window as unknown as Record<string, unknown>;
    // @stripe/stripe-js takes any truthy window.Stripe for Stripe.js and calls it.
    const existing = vendorGlobal(context!.window, 'Stripe');
    if (existing !== undefined && typeof existing !== 'function') {
      context!.conflict('Stripe');
      settle.reject(new TypeError('window.Stripe is not Stripe.js'));
      context = null;
      return;
    }
    // An element with id="Stripe" is shadowed, so the loader inserts Stripe.js, which then sets it.
    if (existing === undefined && win.Stripe !== undefined) win.Stripe = undefined;
    loadedWithSignals = signalsAllowed(consent);
    loadStripeJs(loadedWithSignals).catch((error: unknown) => {
      // The loader chunk did not arrive, or Stripe's loader threw (setLoadParameters after another load).
      context!.fail(context!.window.navigator.onLine ? 'exception' : 'offline');
      settle.reject(error);
    });
  }

  async function loadStripeJs(advancedFraudSignals: boolean): Promise<void> {
    // The loader itself is fetched only once Stripe is allowed; `/pure` has no import side effect.
    const { loadStripe } = await import('@stripe/stripe-js/pure');
    // Must come before the first loadStripe: afterwards Stripe.js's parameters cannot change.
    loadStripe.setLoadParameters({ advancedFraudSignals });
    // loadStripe resolves null only outside a browser, which an element never is.
    const loaded = loadStripe(options.publishableKey, options.stripeOptions) as Promise<Stripe>;
    // loadStripe inserts its script synchronously; report the URL it chose.
    const script = context!.window.document.querySelector<HTMLScriptElement>('script[src^="https://js.stripe.com/"]');
    // After a failed load, @stripe/stripe-js retries by waiting on the failed script again when load
    // parameters are set, and never settles (10.2.1): the script's own error event, or a timeout, decides.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const failed = new Promise<never>((_resolve, reject) => {
      const fail = (reason: string) => () => reject(Object.assign(new Error(`Stripe.js did not load (${reason})`), { reason }));
      // No script at all: the loader's insertion threw, as Trusted Types make it on a strict page.
      if (!script) fail('blocked')();
      script?.addEventListener('error', fail(context!.window.navigator.onLine ? 'error' : 'offline'), { once: true });
      timer = setTimeout(fail('timeout'), 15_000);
    });
    const loading = Promise.race([loaded, failed]).finally(() => clearTimeout(timer));
    context!.track(script?.src ?? 'https://js.stripe.com/', loading);
    loading.then(settle.resolve, settle.reject);
    await loading.catch(() => undefined);
  }

  const cookie = (name: string, lifetime: string): AdapterCookie => ({ name, party: 'third', provider: 'Stripe', category, purpose: 'Prevents fraud in payments', lifetime });
  const rules: Readonly<Record<string, OptionRule>> = {
    publishableKey: [matches(/^pk_(live|test)_[A-Za-z0-9]{8,}$/), 'publishable-key', true],
    category: [isCategory, 'category'],
    advancedFraudSignals: [(value, given) => isBoolean(value) || isCategory(value, given), 'category'],
    stripeOptions: [isObject, 'object'],
  };

  return {
    id: 'stripe',
    cookies: [cookie('__stripe_mid', '1 year'), cookie('__stripe_sid', '30 minutes')],
    stripe: stripePromise,
    start(given: AdapterContext, consent: AdapterConsent): void {
      if (!checkOptions(options, rules, given, category)) return;
      context = given;
      if (consent.categories[category] === true) load(consent);
      else given.forget(COOKIES);
    },
    update(consent: AdapterConsent): AdapterUpdateResult | void {
      if (!context) return;
      const allowed = consent.categories[category] === true;
      if (allowed && loadedWithSignals === null) load(consent);
      if (!allowed) context.forget(COOKIES);
      if (loadedWithSignals === null) return;
      // Stripe.js cannot be unloaded, nor its fraud signals switched off, before the next page.
      return { reloadRecommended: (!allowed && consent.changed.includes(category)) || (loadedWithSignals && !signalsAllowed(consent)) };
    },
  };
}

/** Read by the build without loading this module (scripts/adapter-manifest.mjs). */
export const adapterInfo = { company: 'Stripe' } satisfies AdapterInfo;

export default stripe;
