/** Which part of the visitor's UI: the first layer, or the preferences dialog. */
export type ConsentView = 'banner' | 'preferences';

export interface ConsentUiDetail {
  readonly view: ConsentView;
}

const eventInit = { bubbles: true, composed: true } as const;

/** Fired when the banner or the preferences dialog appears. */
export class ConsentUiShowEvent extends CustomEvent<ConsentUiDetail> {
  static readonly eventName = 'consent-ui-show';

  constructor(detail: ConsentUiDetail) {
    super(ConsentUiShowEvent.eventName, { ...eventInit, detail });
  }
}

/** Fired when the banner or the preferences dialog goes away, whether a choice was made or not. */
export class ConsentUiHideEvent extends CustomEvent<ConsentUiDetail> {
  static readonly eventName = 'consent-ui-hide';

  constructor(detail: ConsentUiDetail) {
    super(ConsentUiHideEvent.eventName, { ...eventInit, detail });
  }
}

export interface ConsentUiRequestDetail {
  readonly view: ConsentView;
  /** For the preferences: what asked for them (a `data-consent-open` element, or what had the focus at `showPreferences()`), to give the focus back to. */
  readonly opener?: Element | null;
}

/**
 * Fired by a `headless` element instead of showing its own UI: the site shows its banner
 * (`view: 'banner'`) or its preferences (`view: 'preferences'`).
 */
export class ConsentUiRequestEvent extends CustomEvent<ConsentUiRequestDetail> {
  static readonly eventName = 'consent-ui-request';

  constructor(detail: ConsentUiRequestDetail) {
    super(ConsentUiRequestEvent.eventName, { ...eventInit, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-ui-show': ConsentUiShowEvent;
    'consent-ui-hide': ConsentUiHideEvent;
    'consent-ui-request': ConsentUiRequestEvent;
  }
}
