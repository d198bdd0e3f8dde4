import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDataConsent } from '../../src/core/data-consent.js';

describe('parseDataConsent', () => {
  it('reads the category ids, in order, separated by any whitespace', () => {
    assert.deepEqual(parseDataConsent('analytics'), ['analytics']);
    assert.deepEqual(parseDataConsent('analytics marketing'), ['analytics', 'marketing']);
    assert.deepEqual(parseDataConsent('\n\tanalytics \r\n  marketing\f'), ['analytics', 'marketing']);
  });

  it('names nothing for a missing attribute, an empty one, or only whitespace', () => {
    assert.deepEqual(parseDataConsent(null), []);
    assert.deepEqual(parseDataConsent(undefined), []);
    assert.deepEqual(parseDataConsent(''), []);
    assert.deepEqual(parseDataConsent(' \t\n '), []);
  });

  it('keeps every token that is no category, so that what it gates waits rather than runs under the others', () => {
    // Dropping "Analytics" or "analytics," would leave "marketing" alone to allow the element.
    assert.deepEqual(parseDataConsent('marketing Analytics'), ['marketing', 'Analytics']);
    assert.deepEqual(parseDataConsent('analytics,marketing'), ['analytics,marketing']);
    assert.deepEqual(parseDataConsent('marketing <script>'), ['marketing', '<script>']);
  });

  it('keeps names that mean something to objects as plain tokens (the gate then finds no such category)', () => {
    assert.deepEqual(parseDataConsent('__proto__ constructor toString hasOwnProperty'), ['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
  });

  it('splits at Unicode spaces too, as the gate always has: each part must then be allowed', () => {
    assert.deepEqual(parseDataConsent('analytics\u00a0marketing\u2003preferences\ufeff'), ['analytics', 'marketing', 'preferences']);
  });

  it('reads a huge value without throwing', () => {
    const ids = parseDataConsent(`${'a '.repeat(100_000)}marketing`);
    assert.equal(ids.length, 100_001);
    assert.equal(ids.at(-1), 'marketing');
    assert.deepEqual(parseDataConsent('x'.repeat(1_000_000)), ['x'.repeat(1_000_000)]);
  });
});
