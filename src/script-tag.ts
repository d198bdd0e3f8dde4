/**
 * The entry of `dist/consent-manager.js`, the file a site loads with one script tag. It
 * registers the element; what it loads later (adapters, locales) comes from beside it.
 */
import './define.js';
