/**
 * Adapters a JSON config can name beyond those the element imports itself. The Segment and
 * Stripe adapters import their vendors' libraries, which are optional peer dependencies: were
 * the element to import those adapters, every site's bundler would have to resolve libraries
 * most sites never install. So the script-tag bundle, which includes them, registers both, and
 * a site that installs a peer registers the adapter it uses, loaded only when a config names it.
 * A site's own adapter can be registered the same way.
 */

import type { ConsentAdapter } from '../core/adapter.js';

/** A module whose default export builds the adapter from the options a config gives it; the adapter checks them itself. */
export interface AdapterModule {
  readonly default: (options: never) => ConsentAdapter;
}

const registered = new Map<string, () => Promise<AdapterModule>>();

/** The loaders registered so far, by id. */
export const registeredAdapters: ReadonlyMap<string, () => Promise<AdapterModule>> = registered;

/**
 * Lets a JSON config name an adapter by `id`. `load` runs only when a config names it, so a
 * dynamic `import()` keeps it in a chunk of its own:
 *
 *     registerAdapter('segment', () => import('consent-manager-element/adapters/segment'));
 *
 * A later registration of the same id replaces the earlier one, and wins over an adapter of the
 * same id the element ships. Register before the element starts, that is before the first
 * `<consent-manager>` is connected: the element looks adapters up as it starts.
 */
export function registerAdapter(id: string, load: () => Promise<AdapterModule>): void {
  if (!id || typeof id !== 'string' || typeof load !== 'function') throw new TypeError('registerAdapter(id, load): an id and a load function');
  registerCheckedAdapter(id, load);
}

/**
 * `registerAdapter` for arguments known to be right: the generated registrations of the
 * script-tag bundle, which then carries no argument checks (nothing else there calls them).
 */
export function registerCheckedAdapter(id: string, load: () => Promise<AdapterModule>): void {
  registered.set(id, load);
}
