/**
 * The page's data layer and the standard `gtag` that pushes to it, as Google's snippets make
 * them: one copy for `dist/consent-defaults.js`, the element's own Consent Mode statements and
 * the Google adapters. Node-safe: it takes the global object (the window) as a parameter.
 */

/** The data layer's global name, as in Google's snippets. */
export const DEFAULT_DATA_LAYER_NAME = 'dataLayer';
/** The event the element pushes to the data layer on ready and on every change. */
export const DEFAULT_DATA_LAYER_EVENT = 'consent_update';
/** Consent Mode's `wait_for_update` while the visitor has not chosen, in milliseconds. */
export const DEFAULT_WAIT_FOR_UPDATE_MS = 500;

/** A `gtag` function: each call is one command. */
export type Gtag = (...args: unknown[]) => void;

/**
 * The data layer under `name`: the global object's own array, else `undefined`. What markup puts
 * under the name (an element with `id="dataLayer"`, DOM clobbering) is a named property of the
 * window's prototype chain, and never an array, so it does not count.
 */
export function findDataLayer(globals: object, name: string): unknown[] | undefined {
  const value: unknown = Object.hasOwn(globals, name) && (globals as Record<string, unknown>)[name];
  return Array.isArray(value) ? value : undefined;
}

/** The data layer under `name`, created when missing (shadowing whatever markup put there), as Google's snippets do. */
export function dataLayerOf(globals: object, name: string): unknown[] {
  return findDataLayer(globals, name) ?? ((globals as Record<string, unknown>)[name] = []);
}

/**
 * The standard `gtag` for `layer`: it pushes its `arguments` object, not an array. gtag.js and
 * Tag Manager process only `arguments` entries as commands and silently drop arrays
 * (https://github.com/nuxt/scripts/issues/770). It pushes through the layer's current `push`,
 * which gtag.js replaces once it has loaded.
 */
export function createGtag(layer: unknown[]): Gtag {
  return function gtag() {
    // eslint-disable-next-line prefer-rest-params
    layer.push(arguments);
  };
}

/**
 * Whether `layer` holds a Consent Mode `default` command that gtag.js would process: an
 * `arguments` entry, as `gtag` pushes it. An array or a plain object that only looks like one is
 * dropped by gtag.js, so it is no default.
 */
export function hasConsentDefault(layer: readonly unknown[]): boolean {
  return layer.some((entry) => Object.prototype.toString.call(entry) === '[object Arguments]' && (entry as IArguments)[0] === 'consent' && (entry as IArguments)[1] === 'default');
}
