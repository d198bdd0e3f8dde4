import type { ConsentCategories, ChangeSource } from '../core/store.js';
import type { ConsentRecord } from '../core/record.js';

export interface ConsentReadyDetail {
  /** `{ [category id]: allowed }` for every configured category. */
  readonly categories: ConsentCategories;
  /** Whether the visitor has a valid stored choice. */
  readonly decided: boolean;
  /** The stored record applied, or `null` while undecided. */
  readonly record: ConsentRecord | null;
  /** Whether the browser sends Global Privacy Control. */
  readonly gpc: boolean;
}

export interface ConsentChangeDetail extends ConsentReadyDetail {
  /** Ids of the categories whose value changed; empty when a choice confirmed the defaults. */
  readonly changed: readonly string[];
  readonly source: ChangeSource;
  /**
   * True when a category was withdrawn after code it gates already ran on this page: that code
   * cannot be unloaded, and only a reload makes sure it stops.
   */
  readonly reloadRecommended: boolean;
}

const eventInit = { bubbles: true, composed: true } as const;

/**
 * Fired once per page load, when the stored choice (or the defaults) has been applied.
 * Listeners added later read `el.consent` or await `el.ready` instead.
 */
export class ConsentReadyEvent extends CustomEvent<ConsentReadyDetail> {
  static readonly eventName = 'consent-ready';

  constructor(detail: ConsentReadyDetail) {
    super(ConsentReadyEvent.eventName, { ...eventInit, detail });
  }
}

/** Fired on every choice, on a reset, when another tab changed the choice, and when GPC overrode a stored grant. */
export class ConsentChangeEvent extends CustomEvent<ConsentChangeDetail> {
  static readonly eventName = 'consent-change';

  constructor(detail: ConsentChangeDetail) {
    super(ConsentChangeEvent.eventName, { ...eventInit, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-ready': ConsentReadyEvent;
    'consent-change': ConsentChangeEvent;
  }
}
