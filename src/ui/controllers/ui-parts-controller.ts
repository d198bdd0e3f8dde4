import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { loadBannerPart } from '../banner-part.js';

/**
 * The parts of the UI, each a chunk loaded when first needed: the banner as soon as a visitor
 * has no choice (so returning visitors never download it), the preferences when opened, the
 * placeholders when the page has a blocked iframe.
 */
const UI_PARTS = {
  banner: loadBannerPart,
  preferences: () => import('../preferences-dialog.js'),
  placeholders: () => import('../placeholder.js'),
};

/** The modules of the parts of the UI, by name. */
export type UiParts = { [Name in keyof typeof UI_PARTS]: Awaited<ReturnType<(typeof UI_PARTS)[Name]>> };

/** Loads the parts of an element's UI (see `uiPartsController`). */
export interface UiPartsController extends ReactiveController {
  /** The parts loaded so far, for code that cannot wait (rendering, putting frames back). */
  readonly loaded: Partial<UiParts>;
  /** Loads a part once, then updates the element (after what `beforeLoad` returned has settled). */
  load<Name extends keyof UiParts>(name: Name): Promise<UiParts[Name]>;
}

/**
 * A controller loading the parts of an element's UI, each once, and updating the element when one
 * arrives. `beforeLoad` runs on each `load()`: what a part about to show needs; a part shows once
 * the promise it returns, if any, has settled (it should not reject). On the first
 * connection it starts fetching the banner if `expectsBanner()` says it will most likely show,
 * while the stored state is worked out; it is only rendered if the state agrees.
 */
export function uiPartsController(host: ReactiveControllerHost, expectsBanner: () => boolean, beforeLoad: () => unknown): UiPartsController {
  const loaded: Partial<UiParts> = {};
  const loading: Partial<Record<keyof UiParts, Promise<unknown>>> = {};
  let connectedBefore = false;
  const controller: UiPartsController = {
    loaded,
    hostConnected() {
      if (!connectedBefore && expectsBanner()) UI_PARTS.banner().catch(() => undefined);
      connectedBefore = true;
    },
    load<Name extends keyof UiParts>(name: Name) {
      const needed = beforeLoad();
      return (loading[name] ??= Promise.all([(UI_PARTS[name] as () => Promise<UiParts[Name]>)(), needed]).then(([part]) => {
        loaded[name] = part;
        host.requestUpdate();
        return part;
      })) as Promise<UiParts[Name]>;
    },
  };
  host.addController(controller);
  return controller;
}
