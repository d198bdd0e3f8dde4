import { consentEvent } from './consent-event.js';
/** Which part of the visitor's UI: the first layer, or the preferences dialog. */
export type ConsentView = 'banner' | 'preferences';

export interface ConsentUiDetail {
  readonly view: ConsentView;
}

/** Fired when the banner or the preferences dialog appears. */
export class ConsentUiShowEvent extends consentEvent<'consent-ui-show', ConsentUiDetail>('consent-ui-show') {}

/** Fired when the banner or the preferences dialog goes away, whether a choice was made or not. */
export class ConsentUiHideEvent extends consentEvent<'consent-ui-hide', ConsentUiDetail>('consent-ui-hide') {}

export interface ConsentUiRequestDetail {
  readonly view: ConsentView;
  /** For the preferences: what asked for them (a `data-consent-open` element, or what had the focus at `showPreferences()`), to give the focus back to. */
  readonly opener?: Element | null;
}

/**
 * Fired by a `headless` element instead of showing its own UI: the site shows its banner
 * (`view: 'banner'`) or its preferences (`view: 'preferences'`).
 */
export class ConsentUiRequestEvent extends consentEvent<'consent-ui-request', ConsentUiRequestDetail>('consent-ui-request') {}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-ui-show': ConsentUiShowEvent;
    'consent-ui-hide': ConsentUiHideEvent;
    'consent-ui-request': ConsentUiRequestEvent;
  }
}
