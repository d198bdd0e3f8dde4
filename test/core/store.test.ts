import { expect } from '@open-wc/testing';
import { type ConsentConfig, parseConfig } from '../../src/core/config.js';
import { type ConsentRecord, decodeRecord } from '../../src/core/record.js';
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

    it('applies the newest valid record when several are stored', () => {
      const older = new MemoryStorage();
      const newer = new MemoryStorage();
      const writer = (storage: MemoryStorage) => new ConsentStore({ config: configOf(), storage: new FallbackStorage([storage]), gpc: false, language: 'en', now: () => harness.time });
      writer(newer).acceptAll('banner');
      harness.time -= DAY;
      writer(older).rejectAll('banner');
      harness.time += DAY;
      const reader = new ConsentStore({ config: configOf(), storage: new FallbackStorage([older, newer]), gpc: false, language: 'en', now: () => harness.time });
      expect(reader.load().state.categories.marketing).to.equal(true);
    });
  });

  describe('a wrong clock', () => {
    it('keeps a choice made with the clock before 1970 readable', () => {
      harness.time = Date.UTC(1930, 0, 1);
      harness.store().acceptAll('banner');
      expect(harness.stored(), 'the stored value decodes').to.not.equal(null);
      expect(harness.store().load().state.categories.marketing).to.equal(true);
    });

    it('applies a choice whose time lies in the future of a clock set back', () => {
      harness.store().acceptAll('banner');
      harness.time = Date.UTC(2001, 0, 1);
      const store = harness.store();
      expect(store.load().state.decided).to.equal(true);
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

    it('applies the value another tab announced, before this tab\'s storage shows it', () => {
      const elsewhere = new Harness();
      const there = elsewhere.store();
      there.load();
      there.decide({ marketing: true }, 'banner');
      const [announced] = elsewhere.memory.read();
      const here = harness.store();
      here.load();
      const change = here.refresh(announced);
      expect(change?.source).to.equal('sync');
      expect(change?.changed).to.deep.equal(['marketing']);
      expect(harness.memory.read(), 'a receiving tab does not write').to.deep.equal([]);
    });

    it('takes an announced null as the other tab forgetting the choice, even if storage lags', () => {
      const here = harness.store();
      here.load();
      here.acceptAll('banner');
      const change = here.refresh(null);
      expect(change?.decided).to.equal(false);
      expect(change?.categories.marketing).to.equal(false);
    });

    it('validates an announced value like a stored one, and reads storage instead of a value that does not decode', () => {
      const here = harness.store();
      here.load();
      here.decide({ analytics: true }, 'banner');
      expect(here.refresh('v=1&g=necessary.analytics.marketing'), 'garbage changes nothing: storage agrees').to.equal(null);
      expect(here.state.categories.marketing, 'garbage grants nothing').to.equal(false);
      harness.memory.write('corrupted');
      expect(here.refresh('also garbage')?.decided, 'storage, read instead, holds no choice now').to.equal(false);
      here.acceptAll('banner');
      const expired = new Harness();
      expired.time = START - 400 * DAY;
      expired.store().acceptAll('banner');
      const [old] = expired.memory.read();
      here.acceptAll('banner');
      expect(here.refresh(old)?.decided, 'an expired record asks again').to.equal(false);
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
});
