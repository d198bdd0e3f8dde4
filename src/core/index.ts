export * from './config.js';
export * from './record.js';
export * from './storage.js';
export * from './store.js';
export * from './adapter.js';
export * from './consent-mode.js';
export * from './localized-text.js';
export * from './consent-log-record.js';
