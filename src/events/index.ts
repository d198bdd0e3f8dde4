export * from './consent-events.js';
