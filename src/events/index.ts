export * from './consent-events.js';
export * from './adapter-events.js';
