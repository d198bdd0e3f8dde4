export * from './consent-events.js';
export * from './ui-events.js';
