export { ConsentManagerElement, type BannerPosition } from './ui/consent-manager.js';
export { ConsentCookieTableElement } from './ui/consent-cookie-table.js';
export * from './events/index.js';
export * from './core/index.js';
export { loadScript, ScriptLoadError, type LoadScriptOptions } from './dom/load-script.js';
