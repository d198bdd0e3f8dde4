import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { type ConsentConfig, parseConfig } from '../../src/core/config.js';
import fc from 'fast-check';
import { type ConsentRecord, decodeRecord, encodeRecord } from '../../src/core/record.js';
import { CLOCK_SKEW_SECONDS } from '../../src/core/stored-choice.js';
import { FallbackStorage, MemoryStorage } from '../../src/core/storage.js';
import { ConsentStore, type ConsentStoreOptions } from '../../src/core/store.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 22, 12);

function configOf(input: object = {}): ConsentConfig {
  const { config, errors } = parseConfig({
    categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }, { id: 'preferences' }],
    ...input,
  });
  assert.deepEqual(errors, []);
  return config;
}

class Harness {
  memory = new MemoryStorage();
  storage = new FallbackStorage([this.memory]);
  time = START;

  store(options: Partial<ConsentStoreOptions> = {}): ConsentStore {
    return new ConsentStore({
      config: configOf(),
      storage: this.storage,
      gpc: false,
      language: 'en',
      now: () => this.time,
      randomBytes: (length) => new Uint8Array(length).fill(7),
      ...options,
    });
  }

  stored(): ConsentRecord | null {
    const [raw] = this.memory.read();
    return raw === undefined ? null : decodeRecord(raw);
  }
}

describe('ConsentStore', () => {
  let harness: Harness;
  beforeEach(() => {
    harness = new Harness();
  });

  describe('before any choice', () => {
    it('allows only required categories in opt-in mode', () => {
      const { state, stale } = harness.store().load();
      assert.deepEqual({ ...state.categories }, { necessary: true, analytics: false, marketing: false, preferences: false });
      assert.equal(state.decided, false);
      assert.equal(state.record, null);
      assert.equal(stale, null);
    });

    it('allows optional categories in opt-out mode until the visitor objects', () => {
      const { state } = harness.store({ config: configOf({ mode: 'opt-out' }) }).load();
      assert.deepEqual({ ...state.categories }, { necessary: true, analytics: true, marketing: true, preferences: true });
      assert.equal(state.decided, false);
    });

    it('keeps the GPC categories off by default in opt-out mode when GPC is on', () => {
      const store = harness.store({ config: configOf({ mode: 'opt-out', gpcDenies: ['marketing', 'analytics'] }), gpc: true });
      assert.deepEqual({ ...store.load().state.categories }, { necessary: true, analytics: false, marketing: false, preferences: true });
    });

    it('denies everything optional in safe mode, even in opt-out mode, and ignores the stored choice', () => {
      harness.store().acceptAll('banner');
      const store = harness.store({ config: configOf({ mode: 'opt-out' }), safeMode: true });
      const { state } = store.load();
      assert.deepEqual({ ...state.categories }, { necessary: true, analytics: false, marketing: false, preferences: false });
      assert.equal(state.decided, false);
      assert.ok(harness.stored()?.granted.includes('marketing'), 'the stored choice is kept for when the config is fixed');
    });
  });

  describe('choosing', () => {
    it('accepts all, records how, and stores the record', () => {
      const store = harness.store();
      store.load();
      const change = store.acceptAll('banner');
      assert.deepEqual({ ...change.categories }, { necessary: true, analytics: true, marketing: true, preferences: true });
      assert.deepEqual(change.changed, ['analytics', 'marketing', 'preferences']);
      assert.equal(change.source, 'banner');
      assert.equal(change.decided, true);
      assert.deepEqual(harness.stored(), {
        version: 1,
        id: 'BwcHBwcHBwcHBwcHBwcHBw',
        revision: 0,
        createdAt: START / 1000,
        updatedAt: START / 1000,
        granted: ['necessary', 'analytics', 'marketing', 'preferences'],
        denied: [],
        method: 'banner',
        gpc: false,
        language: 'en',
      });
      assert.deepEqual(change.record, harness.stored());
    });

    it('rejects all but the required categories', () => {
      const store = harness.store();
      store.load();
      const change = store.rejectAll('preferences');
      assert.deepEqual({ ...change.categories }, { necessary: true, analytics: false, marketing: false, preferences: false });
      assert.deepEqual(change.changed, []);
      assert.equal(change.decided, true);
      assert.deepEqual(harness.stored()?.denied, ['analytics', 'marketing', 'preferences']);
      assert.equal(harness.stored()?.method, 'preferences');
    });

    it('keeps categories a partial choice leaves out, and never turns a required one off', () => {
      const store = harness.store();
      store.load();
      store.decide({ analytics: true }, 'api');
      const change = store.decide({ marketing: true, necessary: false }, 'api');
      assert.deepEqual({ ...change.categories }, { necessary: true, analytics: true, marketing: true, preferences: false });
      assert.deepEqual(change.changed, ['marketing']);
    });

    it('ignores choices for categories the config does not have', () => {
      const store = harness.store();
      store.load();
      assert.ok(!('ads' in store.decide({ ads: true }, 'api').categories));
      assert.deepEqual(harness.stored()?.granted, ['necessary']);
    });

    it('keeps the consent id and creation time when the choice changes', () => {
      const store = harness.store();
      store.load();
      const first = store.acceptAll('banner').record;
      harness.time += DAY;
      const second = store.rejectAll('preferences').record;
      assert.equal(second?.id, first?.id);
      assert.equal(second?.createdAt, first?.createdAt);
      assert.equal(second?.updatedAt, first!.updatedAt + 86_400);
    });

    it('records the language, or the config default when the language is not a tag', () => {
      const store = harness.store({ language: 'de-AT' });
      store.load();
      assert.equal(store.acceptAll('api').record?.language, 'de-AT');
      store.language = 'x-klingon-';
      assert.equal(store.rejectAll('api').record?.language, 'en');
    });

    it('records whether GPC was on', () => {
      const store = harness.store({ gpc: true });
      store.load();
      assert.equal(store.acceptAll('banner').record?.gpc, true);
    });

    it('reset forgets the choice and returns to the defaults', () => {
      const store = harness.store();
      store.load();
      store.acceptAll('banner');
      const change = store.reset();
      assert.equal(change.decided, false);
      assert.equal(change.record, null);
      assert.deepEqual(change.changed, ['analytics', 'marketing', 'preferences']);
      assert.equal(change.source, 'api');
      assert.deepEqual(harness.memory.read(), []);
      const next = store.acceptAll('banner').record;
      assert.equal(typeof next?.id, 'string', 'a new consent gets a new id');
    });
  });

  describe('on a later page load', () => {
    it('applies the stored choice', () => {
      const first = harness.store();
      first.load();
      first.decide({ analytics: true }, 'preferences');
      harness.time += 10 * DAY;
      const { state, stale } = harness.store().load();
      assert.equal(state.decided, true);
      assert.deepEqual({ ...state.categories }, { necessary: true, analytics: true, marketing: false, preferences: false });
      assert.equal(stale, null);
    });

    it('asks again once the record is older than expiresDays', () => {
      harness.store().acceptAll('banner');
      harness.time += 182 * DAY + 1000;
      const { state, stale } = harness.store().load();
      assert.equal(stale, 'expired');
      assert.equal(state.decided, false);
      assert.equal(state.categories.analytics, false);
    });

    it('still applies a record on its last valid day', () => {
      harness.store().acceptAll('banner');
      harness.time += 182 * DAY;
      assert.equal(harness.store().load().state.decided, true);
    });

    it('asks again when the config revision differs', () => {
      harness.store().acceptAll('banner');
      const { state, stale } = harness.store({ config: configOf({ revision: 1 }) }).load();
      assert.equal(stale, 'revision');
      assert.equal(state.categories.marketing, false);
      assert.equal(state.decided, false);
    });

    it('asks again when the config gained an optional category the record does not mention', () => {
      harness.store().acceptAll('banner');
      const config = configOf({ categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }, { id: 'preferences' }, { id: 'payments' }] });
      const { state, stale } = harness.store({ config }).load();
      assert.equal(stale, 'new-category');
      assert.deepEqual({ ...state.categories }, { necessary: true, analytics: false, marketing: false, preferences: false, payments: false });
    });

    it('does not ask again for a new required category, nor for a removed one', () => {
      harness.store().acceptAll('banner');
      const config = configOf({ categories: [{ id: 'necessary', required: true }, { id: 'security', required: true }, { id: 'analytics' }, { id: 'marketing' }] });
      const { state } = harness.store({ config }).load();
      assert.equal(state.decided, true);
      assert.deepEqual({ ...state.categories }, { necessary: true, security: true, analytics: true, marketing: true });
    });

    it('treats a hostile or foreign stored value as no choice', () => {
      for (const value of ['garbage', 'v=1&g=analytics', '{"analytics":true}', '\u0000'.repeat(5000)]) {
        harness.memory.write(value);
        const { state } = harness.store().load();
        assert.equal(state.decided, false, value.slice(0, 20));
        assert.equal(state.categories.analytics, false);
      }
    });

    it('applies the newest valid record when several are stored, granting only what every copy grants', () => {
      const older = new MemoryStorage();
      const newer = new MemoryStorage();
      const writer = (storage: MemoryStorage) => new ConsentStore({ config: configOf(), storage: new FallbackStorage([storage]), gpc: false, language: 'en', now: () => harness.time });
      writer(newer).acceptAll('banner');
      harness.time -= DAY;
      writer(older).rejectAll('banner');
      harness.time += DAY;
      const reader = new ConsentStore({ config: configOf(), storage: new FallbackStorage([older, newer]), gpc: false, language: 'en', now: () => harness.time });
      const { state } = reader.load();
      assert.equal(state.categories.marketing, false, 'the older copy denies it: disagreement never grants');
      assert.equal(state.record?.updatedAt, Math.floor(harness.time / 1000), 'the newest copy is the one applied');
      harness.time -= DAY;
      writer(older).decide({ analytics: true, marketing: true, preferences: true }, 'banner');
      harness.time += DAY;
      assert.equal(reader.load().state.categories.marketing, true, 'copies that agree: the grant holds');
    });
  });

  describe('a wrong clock', () => {
    it('keeps a choice made with the clock before 1970 readable', () => {
      harness.time = Date.UTC(1930, 0, 1);
      harness.store().acceptAll('banner');
      assert.notEqual(harness.stored(), null, 'the stored value decodes');
      assert.equal(harness.store().load().state.categories.marketing, true);
    });

    it('treats a choice dated beyond the clock skew as none (a clock set back, or a record forged ahead), and stores a new one', () => {
      harness.store().acceptAll('banner');
      harness.time = Date.UTC(2001, 0, 1);
      const store = harness.store();
      assert.equal(store.load().state.decided, false);
      assert.equal(store.state.categories.marketing, false);
      const change = store.rejectAll('preferences');
      assert.deepEqual(harness.stored()?.denied, ['analytics', 'marketing', 'preferences'], 'a later change is stored and readable');
      assert.ok(change.record!.createdAt <= change.record!.updatedAt);
    });

    it('asks again, granting nothing, when the clock jumps far ahead, and keeps the record', () => {
      harness.store().acceptAll('banner');
      harness.time = Date.UTC(2100, 0, 1);
      const { state, stale } = harness.store().load();
      assert.equal(stale, 'expired');
      assert.equal(state.categories.marketing, false);
      assert.ok(harness.stored()?.granted.includes('marketing'));
    });
  });

  describe('Global Privacy Control', () => {
    it('overrides a stored grant made without GPC, records why, and reports the change', () => {
      harness.store().acceptAll('banner');
      harness.time += DAY;
      const { state, gpcChange } = harness.store({ gpc: true }).load();
      assert.deepEqual({ ...state.categories }, { necessary: true, analytics: true, marketing: false, preferences: true });
      assert.equal(gpcChange?.source, 'gpc');
      assert.deepEqual(gpcChange?.changed, ['marketing']);
      assert.equal(harness.stored()?.method, 'gpc');
      assert.equal(harness.stored()?.gpc, true);
    });

    it('lets an explicit choice made with GPC on win', () => {
      const store = harness.store({ gpc: true });
      store.load();
      store.acceptAll('preferences');
      const { state, gpcChange } = harness.store({ gpc: true }).load();
      assert.equal(gpcChange, null);
      assert.equal(state.categories.marketing, true);
    });

    it('leaves a stored choice alone when GPC denies nothing it granted', () => {
      harness.store().rejectAll('banner');
      const { gpcChange } = harness.store({ gpc: true }).load();
      assert.equal(gpcChange, null);
    });

    it('does nothing when gpcDenies is empty', () => {
      harness.store().acceptAll('banner');
      const { state, gpcChange } = harness.store({ gpc: true, config: configOf({ gpcDenies: [] }) }).load();
      assert.equal(gpcChange, null);
      assert.equal(state.categories.marketing, true);
    });
  });

  describe('refresh (a change from another tab)', () => {
    it('picks up a choice stored elsewhere and reports it as sync', () => {
      const here = harness.store();
      here.load();
      const there = harness.store();
      there.load();
      there.decide({ analytics: true }, 'banner');
      const change = here.refresh();
      assert.equal(change?.source, 'sync');
      assert.deepEqual(change?.changed, ['analytics']);
      assert.equal(here.state.decided, true);
      assert.equal(here.refresh(), null, 'nothing new the second time');
    });

    it('notices two changes within the same second', () => {
      const here = harness.store();
      here.load();
      const there = harness.store();
      there.load();
      there.acceptAll('banner');
      here.refresh();
      there.rejectAll('banner');
      assert.deepEqual(here.refresh()?.changed, ['analytics', 'marketing', 'preferences']);
    });

    it('keeps the stored choice when nothing in storage changed, whatever a message said', () => {
      const here = harness.store();
      here.load();
      here.acceptAll('banner');
      assert.equal(here.refresh(), null, 'storage still holds the choice');
      assert.equal(here.state.decided, true);
      assert.equal(here.state.categories.marketing, true);
    });

    it('applies what storage holds by the rules of a page load: newest copy, no older grant, expiry', () => {
      const replayed = new MemoryStorage();
      const here = harness.store({ storage: new FallbackStorage([harness.memory, replayed]) });
      here.load();
      const older = new Harness();
      older.time = START - DAY;
      older.store().acceptAll('banner');
      here.rejectAll('banner');
      replayed.write(older.memory.read()[0]!);
      assert.equal(here.refresh(), null, 'an older grant beside a newer rejection changes nothing');
      assert.equal(here.state.categories.marketing, false);
      harness.memory.write('corrupted');
      replayed.clear();
      assert.equal(here.refresh()?.decided, false, 'storage, read again, holds no valid choice now');
      here.acceptAll('banner');
      harness.time += 400 * DAY;
      assert.equal(here.refresh()?.decided, false, 'an expired record asks again');
    });

    it('applies Global Privacy Control to a grant another tab stored, as on load', () => {
      const here = harness.store({ gpc: true });
      here.load();
      harness.store({ gpc: false }).decide({ analytics: true, marketing: true }, 'banner');
      const change = here.refresh();
      assert.equal(change?.source, 'gpc');
      assert.equal(change?.categories.analytics, true);
      assert.equal(change?.categories.marketing, false, 'GPC denies marketing, as it would on load');
      assert.equal(harness.stored()?.method, 'gpc', 'and the record says why');
    });

    it('returns to the defaults when another tab reset the choice', () => {
      const here = harness.store();
      here.load();
      here.acceptAll('banner');
      harness.store().reset();
      const change = here.refresh();
      assert.equal(change?.decided, false);
      assert.equal(change?.categories.analytics, false);
    });
  });

  describe('copies written elsewhere (a sibling subdomain on the parent domain)', () => {
    const nowSeconds = (): number => Math.floor(harness.time / 1000);
    /** A well-formed record granting everything, dated `updatedAt`. */
    const forged = (updatedAt: number, createdAt = updatedAt): string =>
      encodeRecord({ version: 1, id: 'EEEEEEEEEEEEEEEEEEEEEE', revision: 0, createdAt, updatedAt, granted: ['necessary', 'analytics', 'marketing', 'preferences'], denied: [], method: 'banner', gpc: false, language: 'en' });
    const withCopies = (...values: string[]): ConsentStore => {
      const copies = values.map((value) => {
        const memory = new MemoryStorage();
        memory.write(value);
        return memory;
      });
      return harness.store({ storage: new FallbackStorage([harness.memory, ...copies]) });
    };

    it('never lets a future-dated all-granted copy override a rejection, and a rejection stays after the next load', () => {
      const here = harness.store();
      here.load();
      here.rejectAll('banner');
      const reader = withCopies(forged(nowSeconds() + 365 * 86_400));
      assert.equal(reader.load().state.categories.marketing, false, 'a year ahead');
      assert.equal(withCopies(forged(nowSeconds() + CLOCK_SKEW_SECONDS + 1)).load().state.categories.marketing, false, 'just beyond the skew');
      assert.equal(withCopies(forged(nowSeconds() + CLOCK_SKEW_SECONDS)).load().state.categories.marketing, false, 'within the skew, the copies disagree: the rejection holds');
      assert.equal(withCopies(forged(nowSeconds())).load().state.categories.analytics, false, 'same time');
    });

    it("cannot exempt the visitor's grant from GPC with a copy that says it was made under GPC", () => {
      const here = harness.store();
      here.load();
      here.acceptAll('banner');
      harness.time += 60_000;
      // Newer than the visitor's: the record applied is the planted one, with the grants both share.
      const planted = encodeRecord({ version: 1, id: 'EEEEEEEEEEEEEEEEEEEEEE', revision: 0, createdAt: nowSeconds(), updatedAt: nowSeconds(), granted: ['necessary', 'analytics', 'marketing', 'preferences'], denied: [], method: 'banner', gpc: true, language: 'en' });
      const reader = harness.store({ gpc: true, storage: new FallbackStorage([harness.memory, (() => {
        const copy = new MemoryStorage();
        copy.write(planted);
        return copy;
      })()]) });
      assert.equal(reader.load().state.categories.marketing, false, 'the visitor chose without GPC: GPC still overrides');
    });

    it('treats a copy dated beyond the clock skew as no choice, and one within it as a choice', () => {
      harness.memory.write(forged(nowSeconds() + CLOCK_SKEW_SECONDS + 1));
      assert.equal(harness.store().load().state.decided, false);
      harness.memory.write(forged(nowSeconds() + CLOCK_SKEW_SECONDS));
      assert.equal(harness.store().load().state.decided, true);
    });

    it('never applies a copy older than the lifetime, or one changed before it was created', () => {
      harness.memory.write(forged(nowSeconds() - 182 * 86_400 - 1, 0));
      assert.equal(harness.store().load().stale, 'expired');
      const created = nowSeconds();
      harness.memory.write(forged(created - 1, created));
      assert.equal(harness.store().load().state.decided, false, 'updatedAt before createdAt is no record');
    });

    it('intersects the grants of copies that disagree, whatever their order and dates', () => {
      fc.assert(
        fc.property(
          fc.array(fc.record({ granted: fc.subarray(['analytics', 'marketing', 'preferences']), age: fc.integer({ min: 0, max: 100 * 86_400 }) }), { minLength: 1, maxLength: 4 }),
          (copies) => {
            const values = copies.map(({ granted, age }) =>
              encodeRecord({ version: 1, id: 'FFFFFFFFFFFFFFFFFFFFFF', revision: 0, createdAt: nowSeconds() - age, updatedAt: nowSeconds() - age, granted: ['necessary', ...granted], denied: ['analytics', 'marketing', 'preferences'].filter((id) => !granted.includes(id)), method: 'banner', gpc: false, language: 'en' }),
            );
            const { state } = withCopies(...values).load();
            for (const id of ['analytics', 'marketing', 'preferences']) {
              assert.equal(state.categories[id], copies.every(({ granted }) => granted.includes(id)), id);
            }
          },
        ),
        { numRuns: 100 },
      );
    });
  });

  describe('category ids that are Object.prototype names', () => {
    const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
    const validIds = PROTOTYPE_NAMES.filter((name) => /^[a-z][a-z0-9_-]{0,31}$/.test(name));

    it('a choice that leaves `constructor` out does not grant it, and isAllowed says no for every prototype name', () => {
      assert.ok(validIds.includes('constructor'));
      const config = parseConfig({ categories: [{ id: 'necessary', required: true }, ...validIds.map((id) => ({ id })), { id: 'analytics' }] }).config;
      const store = harness.store({ config });
      store.load();
      const change = store.decide({ analytics: true }, 'preferences');
      for (const id of validIds) {
        assert.equal(change.categories[id], false, id);
        assert.equal(store.isAllowed(id), false, id);
      }
      assert.ok(harness.stored()?.denied.includes('constructor'));
      assert.equal(harness.store({ config }).load().state.categories.constructor, false, 'read back');
      for (const name of PROTOTYPE_NAMES) assert.equal(store.isAllowed(name), false, name);
    });

    it('never grants a category that no choice granted, for any mix of prototype names and choices', () => {
      const idArbitrary = fc.oneof(fc.constantFrom(...validIds), fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/));
      fc.assert(
        fc.property(fc.uniqueArray(idArbitrary, { minLength: 1, maxLength: 6 }), fc.dictionary(fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), idArbitrary), fc.boolean()), (ids, choice) => {
          const config = parseConfig({ categories: ids.map((id) => ({ id })) }).config;
          const memory = new MemoryStorage();
          const store = new ConsentStore({ config, storage: new FallbackStorage([memory]), gpc: false, language: 'en' });
          store.load();
          const { categories } = store.decide(choice, 'api');
          for (const id of ids) assert.equal(categories[id], Object.hasOwn(choice, id) && choice[id] === true, id);
        }),
        { numRuns: 200 },
      );
    });
  });
});
