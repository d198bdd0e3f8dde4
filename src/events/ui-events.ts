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

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-ui-show': ConsentUiShowEvent;
    'consent-ui-hide': ConsentUiHideEvent;
  }
}
