/**
 * The entry of `dist/consent-manager-ssr.js`: the script a page whose server rendered the banner
 * (`renderConsentManager`, src/core/server-render.ts) loads in place of `consent-manager.js`
 * (README, "A server-rendered first layer"):
 *
 *     <script type="module" src="/consent/consent-manager-ssr.js"></script>
 *
 * A few hundred bytes that import the bundle after the banner's first paint (src/first-paint-loader.ts).
 */
import { importAfterFirstPaint, importModule } from './first-paint-loader.js';

// The built file beside this one, by URL rather than by module: a bundler-resolved import would
// make the bundle export its own namespace for this file's sake, bytes every visitor would load.
importAfterFirstPaint(new URL('consent-manager.js', import.meta.url).href, importModule);
