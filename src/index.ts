/**
 * The package's root: the element classes (registered by `consent-manager-element/define`, not
 * here), the events, the types of what the element takes and gives, and what custom adapters use.
 * Consent logic without a DOM, for servers, is in `consent-manager-element/core`.
 */
export { ConsentManagerElement, type BannerPosition } from './ui/consent-manager.js';
export { ConsentCookieTableElement } from './ui/consent-cookie-table.js';
export {
  ConsentReadyEvent,
  ConsentChangeEvent,
  type ConsentReadyDetail,
  type ConsentChangeDetail,
  ConsentAdapterLoadEvent,
  ConsentAdapterErrorEvent,
  type ConsentAdapterLoadDetail,
  type ConsentAdapterErrorDetail,
  ConsentUiShowEvent,
  ConsentUiHideEvent,
  ConsentUiRequestEvent,
  type ConsentUiDetail,
  type ConsentUiRequestDetail,
  type ConsentView,
} from './events/index.js';
export type {
  AdapterConfigs,
  CategoryConfig,
  ConfigError,
  ConfigProblem,
  ConfigTexts,
  ConsentConfig,
  ConsentMode,
  CookieDeclaration,
  CookieParty,
  DataLayerConfig,
  LocalizedText,
  StorageConfig,
  TextKey,
} from './core/config.js';
export type { ConsentMethod, ConsentRecord } from './core/record.js';
export type { ChangeSource, ConsentCategories, ConsentChange, ConsentState } from './core/store.js';
export type { StorageKind } from './core/storage.js';
export type {
  AdapterConsent,
  AdapterConsentSource,
  AdapterContext,
  AdapterCookie,
  AdapterErrorReason,
  AdapterOptionExpectation,
  AdapterOptionProblem,
  AdapterUpdateResult,
  ConsentAdapter,
} from './core/adapter.js';
export { loadScript, ScriptLoadError, type LoadScriptOptions, type ScriptLoadFailure } from './dom/load-script.js';
export { registerAdapter, type AdapterModule } from './dom/adapter-registry.js';
