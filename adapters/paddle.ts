/**
 * Paddle Billing (Paddle.js v2), for checkout. By default Paddle is `necessary`, like Stripe: it
 * loads on every page, and a site may file it under another category, which it then waits for.
 * Paddle.js is loaded from Paddle's CDN with the page's nonce (Paddle asks that it always come
 * from there), then `Paddle.Environment.set('sandbox')` for a `test_` token and
 * `Paddle.Initialize({ token, … })`, once per page as Paddle requires. `adapter.paddle` is a
 * promise of the initialised `Paddle` object (rejected when Paddle.js could not load). Paddle.js
 * has no consent or tracking switch: withdrawing its category recommends a reload.
 * https://developer.paddle.com/paddle-js/methods/paddle-initialize
 */

import type { AdapterConsent, AdapterContext, AdapterInfo, AdapterUpdateResult, ConsentAdapter } from '../src/core/adapter.js';
import { hasMethods, vendorGlobal } from './shared/globals.js';
import { checkOptions, isCategory, isObject, matches, type OptionRule } from './shared/options.js';

/** The part of Paddle.js v2 the adapter calls. */
export interface PaddleJs {
  Initialize(options: Readonly<Record<string, unknown>>): void;
  Update(options: Readonly<Record<string, unknown>>): void;
  Environment: { set(environment: 'sandbox' | 'production'): void };
}

export interface PaddleOptions {
  /** The client-side token, `live_…` (production) or `test_…` (sandbox). */
  readonly token: string;
  /** The category that allows Paddle.js; `necessary` by default. */
  readonly category?: string;
  /** Paddle's `checkout.settings` (`displayMode`, `theme`, `locale`, …), given to `Initialize`. */
  readonly checkoutSettings?: Readonly<Record<string, unknown>>;
  /** Paddle Retain's `pwCustomer` (`{ id: 'ctm_…' }`) for signed-in pages, given to `Initialize`. */
  readonly pwCustomer?: Readonly<Record<string, unknown>>;
  /** Paddle's `eventCallback`, for checkout events (from code only: a JSON config has no functions). */
  readonly eventCallback?: (event: unknown) => void;
}

export interface PaddleAdapter extends ConsentAdapter {
  /** Resolves with the initialised `Paddle` object once Paddle.js has loaded; rejects when it could not. */
  readonly paddle: Promise<PaddleJs>;
}

const PADDLE_URL = 'https://cdn.paddle.com/paddle/v2/paddle.js';

export function paddle(options: PaddleOptions): PaddleAdapter {
  const category = options.category ?? 'necessary';
  let context: AdapterContext | null = null;
  let loaded = false;
  let settle!: { resolve: (value: PaddleJs) => void; reject: (reason: unknown) => void };
  const paddlePromise = new Promise<PaddleJs>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // A page that never asks for it must not see an unhandled rejection.
  paddlePromise.catch(() => undefined);

  async function load(): Promise<void> {
    loaded = true;
    const given = context!;
    if (!(await given.loadScript(PADDLE_URL))) {
      settle.reject(new Error('Paddle.js did not load'));
      return;
    }
    const Paddle = vendorGlobal(given.window, 'Paddle') as PaddleJs | undefined;
    if (!hasMethods(Paddle, ['Initialize']) || !hasMethods(Paddle!.Environment, ['set'])) {
      given.conflict('Paddle');
      settle.reject(new TypeError('window.Paddle is not Paddle.js'));
      return;
    }
    try {
      if (options.token.startsWith('test_')) Paddle!.Environment.set('sandbox');
      Paddle!.Initialize({
        token: options.token,
        ...(options.checkoutSettings ? { checkout: { settings: { ...options.checkoutSettings } } } : {}),
        ...(options.pwCustomer ? { pwCustomer: { ...options.pwCustomer } } : {}),
        ...(options.eventCallback ? { eventCallback: options.eventCallback } : {}),
      });
      settle.resolve(Paddle!);
    } catch (error) {
      given.fail('exception', PADDLE_URL);
      settle.reject(error);
    }
  }

  const rules: Readonly<Record<string, OptionRule>> = {
    token: [matches(/^(live|test)_[A-Za-z0-9]{10,}$/), 'paddle-token', true],
    category: [isCategory, 'category'],
    checkoutSettings: [isObject, 'object'],
    pwCustomer: [isObject, 'object'],
    eventCallback: [(value) => typeof value === 'function', 'function'],
  };

  return {
    id: 'paddle',
    // Paddle publishes no list of what Paddle.js v2 stores; nothing is declared rather than guessed.
    cookies: [],
    paddle: paddlePromise,
    start(given: AdapterContext, consent: AdapterConsent): void {
      if (!checkOptions(options, rules, given, category)) return;
      context = given;
      if (consent.categories[category] === true) void load();
    },
    update(consent: AdapterConsent): AdapterUpdateResult | void {
      if (!context) return;
      const allowed = consent.categories[category] === true;
      if (allowed && !loaded) void load();
      // Paddle.js cannot be unloaded, nor told to stop.
      return { reloadRecommended: loaded && !allowed && consent.changed.includes(category) };
    },
  };
}

/** Read by the build without loading this module (scripts/adapter-manifest.mjs). */
export const adapterInfo = { company: 'Paddle' } satisfies AdapterInfo;

export default paddle;
