/** Types of the test helper `banner-heuristic.mjs` (a scanner-like consent-banner finder). */
export interface FoundBanner {
  readonly element: HTMLElement;
  /** Which well-known names matched: `id`, `class`, `name` (the accessible name). */
  readonly signals: readonly ('id' | 'class' | 'name')[];
  readonly score: number;
  readonly buttons: { readonly accept?: HTMLElement; readonly reject?: HTMLElement; readonly settings?: HTMLElement };
  readonly policyLink: HTMLAnchorElement | undefined;
}

export function findConsentBanners(doc: Document): FoundBanner[];
