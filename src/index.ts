export { ConsentManagerElement } from './ui/consent-manager.js';
export * from './events/index.js';
export * from './core/index.js';
export { loadScript, ScriptLoadError, type LoadScriptOptions } from './dom/load-script.js';
