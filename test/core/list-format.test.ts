// The conjunction lists of the shipped languages: the patterns written out for the languages some
// engine lacks must be CLDR's, as Node's full ICU gives them, and every other language goes
// through Intl.ListFormat unchanged (test/ui/list-format.test.ts checks each engine agrees).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conjunctionList } from '../../src/core/list-format.js';
import { BANNER_MESSAGE_LOADERS } from '../../src/core/generated/banner-message-loaders.js';

/** The shipped languages: English and those with banner texts of their own. */
const LANGUAGES = ['en', ...Object.keys(BANNER_MESSAGE_LOADERS)];

describe('conjunctionList', () => {
  it("gives, for every shipped language and region, what Node's ICU gives, for 1 to 4 items", () => {
    const items = ['Google', 'Meta', 'Stripe', '2 others'];
    for (const language of [...LANGUAGES, 'ga-IE', 'mt-MT', 'GA']) {
      for (let count = 1; count <= items.length; count++) {
        const list = items.slice(0, count);
        assert.equal(conjunctionList(language, list), new Intl.ListFormat(language, { type: 'conjunction' }).format(list), `${language}, ${count}`);
      }
    }
  });

  it('writes out Irish and Maltese, which Chromium lacks', () => {
    assert.equal(conjunctionList('ga', ['Google', 'Meta']), 'Google agus Meta');
    assert.equal(conjunctionList('mt', ['Google', 'Meta', '2 oħrajn']), 'Google, Meta, u 2 oħrajn');
    assert.equal(conjunctionList('ga', []), '');
  });
});
