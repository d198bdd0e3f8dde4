export * from './consent-events.js';
export * from './adapter-events.js';
export * from './ui-events.js';
