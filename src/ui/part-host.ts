/**
 * What the lazily loaded parts of the UI (placeholders, cookie tables, the consent log) may ask of
 * their `<consent-manager>` beyond its public API. It is no property of the element: page script
 * cannot reach it, and recording a choice in the name of a part (`banner`, `preferences`,
 * `placeholder`) is not part of it either: the element hands that only to the part it renders.
 */

import type { ConsentManagerElement } from './consent-manager.js';

export interface PartHost {
  readonly element: ConsentManagerElement;
  /** Called by a part about to show: the language is decided, and its texts loaded, only from then on. */
  needLanguage(): Promise<unknown>;
}

/** Each element's part host, for `<consent-cookie-table>`, which finds its element in the page. */
export const partHosts = new WeakMap<ConsentManagerElement, PartHost>();

/** A choice recorded by a part of the UI: all, only what is required, or per category. */
export type PartChoice = Readonly<Record<string, boolean>> | boolean;

/**
 * Records a choice made in a part of the UI, as made there (`m=banner` and so on). The element
 * hands it (its session) only to the part it renders; page script never gets hold of it.
 */
export interface ChoiceRecorder {
  decide(method: 'banner' | 'preferences' | 'placeholder', choice: PartChoice): void;
}
