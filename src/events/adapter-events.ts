import type { AdapterErrorReason } from '../core/adapter.js';

export interface ConsentAdapterLoadDetail {
  /** The adapter's id, for instance `google-analytics`. */
  readonly id: string;
  /** The vendor script that loaded. */
  readonly src: string;
  /** What the adapter hands to the page, where it has something: the `Stripe` object for `stripe`. */
  readonly instance?: unknown;
}

export interface ConsentAdapterErrorDetail {
  readonly id: string;
  /**
   * `error` (missing, refused or blocked by an extension), `timeout`, `offline`, `blocked` (the
   * page's Content Security Policy or Trusted Types), `options` (invalid options) or `exception`.
   */
  readonly reason: AdapterErrorReason;
  /** The script concerned, when the failure is a script load. */
  readonly src?: string;
}

const eventInit = { bubbles: true, composed: true } as const;

/** Fired on the element when a vendor script an adapter loaded has run. */
export class ConsentAdapterLoadEvent extends CustomEvent<ConsentAdapterLoadDetail> {
  static readonly eventName = 'consent-adapter-load';

  constructor(detail: ConsentAdapterLoadDetail) {
    super(ConsentAdapterLoadEvent.eventName, { ...eventInit, detail });
  }
}

/**
 * Fired on the element when an adapter cannot do its work: its vendor script failed to load, its
 * options are invalid, or the vendor's code threw. The element and the other adapters go on.
 */
export class ConsentAdapterErrorEvent extends CustomEvent<ConsentAdapterErrorDetail> {
  static readonly eventName = 'consent-adapter-error';

  constructor(detail: ConsentAdapterErrorDetail) {
    super(ConsentAdapterErrorEvent.eventName, { ...eventInit, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-adapter-load': ConsentAdapterLoadEvent;
    'consent-adapter-error': ConsentAdapterErrorEvent;
  }
}
