/**
 * The entry of `dist/consent-manager.js`, the file a site loads with one script tag. It
 * registers the element; what it loads later (adapters, locales) comes from beside it.
 */
// First, so that a new visitor's banner chunk is on its way while the rest of the bundle runs.
import './script-tag-prelude.js';
import './define.js';
// This bundle includes the vendors' libraries that the npm package leaves to optional peer
// dependencies, so JSON configs can name these adapters too. Registering after define.js ran is
// early enough: elements look adapters up in the adapter runner, which they load with import().
import './generated/register-peer-adapters.js';
