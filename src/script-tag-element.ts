/**
 * The element of `dist/consent-manager.js`, a chunk that its entry (src/script-tag.ts) imports:
 * it registers the element; what it loads later (adapters, locales) comes from beside it.
 */
import './define.js';
// This bundle includes the vendors' libraries that the npm package leaves to optional peer
// dependencies, so JSON configs can name these adapters too. Registering after define.js ran is
// early enough: elements look adapters up in the adapter runner, which they load with import().
import './generated/register-peer-adapters.js';
