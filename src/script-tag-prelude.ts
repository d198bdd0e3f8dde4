/**
 * The first code of `dist/consent-manager.js` to run (issue 15): a new visitor's banner chunk is
 * requested before the rest of the bundle (Lit, the element, the gate) is even evaluated, so it
 * arrives while they run and the banner needs no second round trip once they have. A returning
 * visitor (a record in the cookies) requests nothing, nor does a page whose element, already
 * parsed, is `headless`. An `async` script can run before the element is parsed: the chunk is
 * then fetched on the guess that the element shows a banner, which a `headless` one parsed later
 * does not use (such a site loads the script without `async`).
 */
import { cookieHoldsRecord, loadBannerPart } from './ui/banner-part.js';

if (!document.querySelector('consent-manager[headless]') && !cookieHoldsRecord(document)) loadBannerPart().catch(() => undefined);
