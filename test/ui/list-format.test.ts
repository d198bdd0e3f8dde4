// The partner sentence, the placeholder's and the categories' lists are joined by
// conjunctionList (src/core/list-format.ts), which the server renderer uses too: each engine must
// give what Node gives (test/core/list-format.test.ts), or a served banner is replaced, not adopted.
import { expect } from '@open-wc/testing';
import { conjunctionList } from '../../src/core/list-format.js';

describe('conjunctionList in this engine', () => {
  it('gives the Irish and Maltese lists Node gives, where Chromium has no patterns of its own', () => {
    expect(conjunctionList('ga', ['Google', 'Meta'])).to.equal('Google agus Meta');
    expect(conjunctionList('ga-IE', ['Google', 'Meta', '2 eile'])).to.equal('Google, Meta agus 2 eile');
    expect(conjunctionList('mt', ['Google', 'Meta'])).to.equal('Google u Meta');
    expect(conjunctionList('mt', ['Google', 'Meta', '2 oħrajn'])).to.equal('Google, Meta, u 2 oħrajn');
  });

  it('leaves other languages to Intl.ListFormat', () => {
    expect(conjunctionList('de', ['Google', 'Meta', 'Stripe'])).to.equal('Google, Meta und Stripe');
    expect(conjunctionList('en', ['Google', 'Meta', 'Stripe'])).to.equal('Google, Meta, and Stripe');
  });
});
