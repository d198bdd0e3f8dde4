import { expect } from '@open-wc/testing';
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
  expect(errors).to.deep.equal([]);
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
      expect(state.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false, preferences: false });
      expect(state.decided).to.equal(false);
      expect(state.record).to.equal(null);
      expect(stale).to.equal(null);
    });

    it('allows optional categories in opt-out mode until the visitor objects', () => {
      const { state } = harness.store({ config: configOf({ mode: 'opt-out' }) }).load();
      expect(state.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true, preferences: true });
      expect(state.decided).to.equal(false);
    });

    it('keeps the GPC categories off by default in opt-out mode when GPC is on', () => {
      const store = harness.store({ config: configOf({ mode: 'opt-out', gpcDenies: ['marketing', 'analytics'] }), gpc: true });
      expect(store.load().state.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false, preferences: true });
    });

    it('denies everything optional in safe mode, even in opt-out mode, and ignores the stored choice', () => {
      harness.store().acceptAll('banner');
      const store = harness.store({ config: configOf({ mode: 'opt-out' }), safeMode: true });
      const { state } = store.load();
      expect(state.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false, preferences: false });
      expect(state.decided).to.equal(false);
      expect(harness.stored()?.granted, 'the stored choice is kept for when the config is fixed').to.include('marketing');
    });
  });

  describe('choosing', () => {
    it('accepts all, records how, and stores the record', () => {
      const store = harness.store();
      store.load();
      const change = store.acceptAll('banner');
      expect(change.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true, preferences: true });
      expect(change.changed).to.deep.equal(['analytics', 'marketing', 'preferences']);
      expect(change.source).to.equal('banner');
      expect(change.decided).to.equal(true);
      expect(harness.stored()).to.deep.equal({
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
      expect(change.record).to.deep.equal(harness.stored());
    });

    it('rejects all but the required categories', () => {
      const store = harness.store();
      store.load();
      const change = store.rejectAll('preferences');
      expect(change.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false, preferences: false });
      expect(change.changed).to.deep.equal([]);
      expect(change.decided).to.equal(true);
      expect(harness.stored()?.denied).to.deep.equal(['analytics', 'marketing', 'preferences']);
      expect(harness.stored()?.method).to.equal('preferences');
    });

    it('keeps categories a partial choice leaves out, and never turns a required one off', () => {
      const store = harness.store();
      store.load();
      store.decide({ analytics: true }, 'api');
      const change = store.decide({ marketing: true, necessary: false }, 'api');
      expect(change.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true, preferences: false });
      expect(change.changed).to.deep.equal(['marketing']);
    });

    it('ignores choices for categories the config does not have', () => {
      const store = harness.store();
      store.load();
      expect(store.decide({ ads: true }, 'api').categories).to.not.have.property('ads');
      expect(harness.stored()?.granted).to.deep.equal(['necessary']);
    });

    it('keeps the consent id and creation time when the choice changes', () => {
      const store = harness.store();
      store.load();
      const first = store.acceptAll('banner').record;
      harness.time += DAY;
      const second = store.rejectAll('preferences').record;
      expect(second?.id).to.equal(first?.id);
      expect(second?.createdAt).to.equal(first?.createdAt);
      expect(second?.updatedAt).to.equal(first!.updatedAt + 86_400);
    });

    it('records the language, or the config default when the language is not a tag', () => {
      const store = harness.store({ language: 'de-AT' });
      store.load();
      expect(store.acceptAll('api').record?.language).to.equal('de-AT');
      store.language = 'x-klingon-';
      expect(store.rejectAll('api').record?.language).to.equal('en');
    });

    it('records whether GPC was on', () => {
      const store = harness.store({ gpc: true });
      store.load();
      expect(store.acceptAll('banner').record?.gpc).to.equal(true);
    });

    it('reset forgets the choice and returns to the defaults', () => {
      const store = harness.store();
      store.load();
      store.acceptAll('banner');
      const change = store.reset();
      expect(change.decided).to.equal(false);
      expect(change.record).to.equal(null);
      expect(change.changed).to.deep.equal(['analytics', 'marketing', 'preferences']);
      expect(change.source).to.equal('api');
      expect(harness.memory.read()).to.deep.equal([]);
      const next = store.acceptAll('banner').record;
      expect(next?.id, 'a new consent gets a new id').to.be.a('string');
    });
  });

  describe('on a later page load', () => {
    it('applies the stored choice', () => {
      const first = harness.store();
      first.load();
      first.decide({ analytics: true }, 'preferences');
      harness.time += 10 * DAY;
      const { state, stale } = harness.store().load();
      expect(state.decided).to.equal(true);
      expect(state.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false, preferences: false });
      expect(stale).to.equal(null);
    });

    it('asks again once the record is older than expiresDays', () => {
      harness.store().acceptAll('banner');
      harness.time += 182 * DAY + 1000;
      const { state, stale } = harness.store().load();
      expect(stale).to.equal('expired');
      expect(state.decided).to.equal(false);
      expect(state.categories.analytics).to.equal(false);
    });

    it('still applies a record on its last valid day', () => {
      harness.store().acceptAll('banner');
      harness.time += 182 * DAY;
      expect(harness.store().load().state.decided).to.equal(true);
    });

    it('asks again when the config revision differs', () => {
      harness.store().acceptAll('banner');
      const { state, stale } = harness.store({ config: configOf({ revision: 1 }) }).load();
      expect(stale).to.equal('revision');
      expect(state.categories.marketing).to.equal(false);
      expect(state.decided).to.equal(false);
    });

    it('asks again when the config gained an optional category the record does not mention', () => {
      harness.store().acceptAll('banner');
      const config = configOf({ categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }, { id: 'preferences' }, { id: 'payments' }] });
      const { state, stale } = harness.store({ config }).load();
      expect(stale).to.equal('new-category');
      expect(state.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false, preferences: false, payments: false });
    });

    it('does not ask again for a new required category, nor for a removed one', () => {
      harness.store().acceptAll('banner');
      const config = configOf({ categories: [{ id: 'necessary', required: true }, { id: 'security', required: true }, { id: 'analytics' }, { id: 'marketing' }] });
      const { state } = harness.store({ config }).load();
      expect(state.decided).to.equal(true);
      expect(state.categories).to.deep.equal({ necessary: true, security: true, analytics: true, marketing: true });
    });

    it('treats a hostile or foreign stored value as no choice', () => {
      for (const value of ['garbage', 'v=1&g=analytics', '{"analytics":true}', '\u0000'.repeat(5000)]) {
        harness.memory.write(value);
        const { state } = harness.store().load();
        expect(state.decided, value.slice(0, 20)).to.equal(false);
        expect(state.categories.analytics).to.equal(false);
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
      expect(state.categories.marketing, 'the older copy denies it: disagreement never grants').to.equal(false);
      expect(state.record?.updatedAt, 'the newest copy is the one applied').to.equal(Math.floor(harness.time / 1000));
      harness.time -= DAY;
      writer(older).decide({ analytics: true, marketing: true, preferences: true }, 'banner');
      harness.time += DAY;
      expect(reader.load().state.categories.marketing, 'copies that agree: the grant holds').to.equal(true);
    });
  });

  describe('a wrong clock', () => {
    it('keeps a choice made with the clock before 1970 readable', () => {
      harness.time = Date.UTC(1930, 0, 1);
      harness.store().acceptAll('banner');
      expect(harness.stored(), 'the stored value decodes').to.not.equal(null);
      expect(harness.store().load().state.categories.marketing).to.equal(true);
    });

    it('treats a choice dated beyond the clock skew as none (a clock set back, or a record forged ahead), and stores a new one', () => {
      harness.store().acceptAll('banner');
      harness.time = Date.UTC(2001, 0, 1);
      const store = harness.store();
      expect(store.load().state.decided).to.equal(false);
      expect(store.state.categories.marketing).to.equal(false);
      const change = store.rejectAll('preferences');
      expect(harness.stored()?.denied, 'a later change is stored and readable').to.deep.equal(['analytics', 'marketing', 'preferences']);
      expect(change.record?.createdAt).to.be.at.most(change.record!.updatedAt);
    });

    it('asks again, granting nothing, when the clock jumps far ahead, and keeps the record', () => {
      harness.store().acceptAll('banner');
      harness.time = Date.UTC(2100, 0, 1);
      const { state, stale } = harness.store().load();
      expect(stale).to.equal('expired');
      expect(state.categories.marketing).to.equal(false);
      expect(harness.stored()?.granted).to.include('marketing');
    });
  });

  describe('Global Privacy Control', () => {
    it('overrides a stored grant made without GPC, records why, and reports the change', () => {
      harness.store().acceptAll('banner');
      harness.time += DAY;
      const { state, gpcChange } = harness.store({ gpc: true }).load();
      expect(state.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false, preferences: true });
      expect(gpcChange?.source).to.equal('gpc');
      expect(gpcChange?.changed).to.deep.equal(['marketing']);
      expect(harness.stored()?.method).to.equal('gpc');
      expect(harness.stored()?.gpc).to.equal(true);
    });

    it('lets an explicit choice made with GPC on win', () => {
      const store = harness.store({ gpc: true });
      store.load();
      store.acceptAll('preferences');
      const { state, gpcChange } = harness.store({ gpc: true }).load();
      expect(gpcChange).to.equal(null);
      expect(state.categories.marketing).to.equal(true);
    });

    it('leaves a stored choice alone when GPC denies nothing it granted', () => {
      harness.store().rejectAll('banner');
      const { gpcChange } = harness.store({ gpc: true }).load();
      expect(gpcChange).to.equal(null);
    });

    it('does nothing when gpcDenies is empty', () => {
      harness.store().acceptAll('banner');
      const { state, gpcChange } = harness.store({ gpc: true, config: configOf({ gpcDenies: [] }) }).load();
      expect(gpcChange).to.equal(null);
      expect(state.categories.marketing).to.equal(true);
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
      expect(change?.source).to.equal('sync');
      expect(change?.changed).to.deep.equal(['analytics']);
      expect(here.state.decided).to.equal(true);
      expect(here.refresh(), 'nothing new the second time').to.equal(null);
    });

    it('notices two changes within the same second', () => {
      const here = harness.store();
      here.load();
      const there = harness.store();
      there.load();
      there.acceptAll('banner');
      here.refresh();
      there.rejectAll('banner');
      expect(here.refresh()?.changed).to.deep.equal(['analytics', 'marketing', 'preferences']);
    });

    it('keeps the stored choice when nothing in storage changed, whatever a message said', () => {
      const here = harness.store();
      here.load();
      here.acceptAll('banner');
      expect(here.refresh(), 'storage still holds the choice').to.equal(null);
      expect(here.state.decided).to.equal(true);
      expect(here.state.categories.marketing).to.equal(true);
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
      expect(here.refresh(), 'an older grant beside a newer rejection changes nothing').to.equal(null);
      expect(here.state.categories.marketing).to.equal(false);
      harness.memory.write('corrupted');
      replayed.clear();
      expect(here.refresh()?.decided, 'storage, read again, holds no valid choice now').to.equal(false);
      here.acceptAll('banner');
      harness.time += 400 * DAY;
      expect(here.refresh()?.decided, 'an expired record asks again').to.equal(false);
    });

    it('applies Global Privacy Control to a grant another tab stored, as on load', () => {
      const here = harness.store({ gpc: true });
      here.load();
      harness.store({ gpc: false }).decide({ analytics: true, marketing: true }, 'banner');
      const change = here.refresh();
      expect(change?.source).to.equal('gpc');
      expect(change?.categories.analytics).to.equal(true);
      expect(change?.categories.marketing, 'GPC denies marketing, as it would on load').to.equal(false);
      expect(harness.stored()?.method, 'and the record says why').to.equal('gpc');
    });

    it('returns to the defaults when another tab reset the choice', () => {
      const here = harness.store();
      here.load();
      here.acceptAll('banner');
      harness.store().reset();
      const change = here.refresh();
      expect(change?.decided).to.equal(false);
      expect(change?.categories.analytics).to.equal(false);
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
      expect(reader.load().state.categories.marketing, 'a year ahead').to.equal(false);
      expect(withCopies(forged(nowSeconds() + CLOCK_SKEW_SECONDS + 1)).load().state.categories.marketing, 'just beyond the skew').to.equal(false);
      expect(withCopies(forged(nowSeconds() + CLOCK_SKEW_SECONDS)).load().state.categories.marketing, 'within the skew, the copies disagree: the rejection holds').to.equal(false);
      expect(withCopies(forged(nowSeconds())).load().state.categories.analytics, 'same time').to.equal(false);
    });

    it('treats a copy dated beyond the clock skew as no choice, and one within it as a choice', () => {
      harness.memory.write(forged(nowSeconds() + CLOCK_SKEW_SECONDS + 1));
      expect(harness.store().load().state.decided).to.equal(false);
      harness.memory.write(forged(nowSeconds() + CLOCK_SKEW_SECONDS));
      expect(harness.store().load().state.decided).to.equal(true);
    });

    it('never applies a copy older than the lifetime, or one changed before it was created', () => {
      harness.memory.write(forged(nowSeconds() - 182 * 86_400 - 1, 0));
      expect(harness.store().load().stale).to.equal('expired');
      const created = nowSeconds();
      harness.memory.write(forged(created - 1, created));
      expect(harness.store().load().state.decided, 'updatedAt before createdAt is no record').to.equal(false);
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
              expect(state.categories[id], id).to.equal(copies.every(({ granted }) => granted.includes(id)));
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
      expect(validIds).to.include('constructor');
      const config = parseConfig({ categories: [{ id: 'necessary', required: true }, ...validIds.map((id) => ({ id })), { id: 'analytics' }] }).config;
      const store = harness.store({ config });
      store.load();
      const change = store.decide({ analytics: true }, 'preferences');
      for (const id of validIds) {
        expect(change.categories[id], id).to.equal(false);
        expect(store.isAllowed(id), id).to.equal(false);
      }
      expect(harness.stored()?.denied).to.include('constructor');
      expect(harness.store({ config }).load().state.categories.constructor, 'read back').to.equal(false);
      for (const name of PROTOTYPE_NAMES) expect(store.isAllowed(name), name).to.equal(false);
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
          for (const id of ids) expect(categories[id], id).to.equal(Object.hasOwn(choice, id) && choice[id] === true);
        }),
        { numRuns: 200 },
      );
    });
  });
});
