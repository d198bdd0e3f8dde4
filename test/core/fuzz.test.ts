/**
 * Property-based tests: random and hostile inputs, and random sequences of visitor actions, other
 * tabs, reloads, corrupted storage, clock jumps and GPC changes. Whatever happens, nothing throws,
 * the state stays valid, nothing is allowed that the visitor's latest valid choice did not allow,
 * and a choice once stored is read back.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type ConsentConfig, MAX_EXPIRES_DAYS, parseConfig, TEXT_KEYS } from '../../src/core/config.js';
import { type ConsentRecord, decodeRecord, encodeRecord } from '../../src/core/record.js';
import { FallbackStorage, MemoryStorage } from '../../src/core/storage.js';
import { type ConsentChange, ConsentStore } from '../../src/core/store.js';

const DAY = 86_400_000;
const RUNS = { numRuns: 300 };

const categoryId = fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/);
const languageTag = fc.constantFrom('en', 'de', 'pt-BR', 'zh-Hans-CN', 'ga', 'ar');
/** Link targets, hostile ones included: schemes hidden behind characters the URL parser drops. */
const linkLike = fc.oneof(
  fc.string(),
  fc.webUrl(),
  fc.constantFrom('/cookies', 'cookies.html', '//cdn.example.com/p'),
  fc.tuple(fc.constantFrom('', '\u0000', '\u0001', ' ', '\u001f'), fc.constantFrom('javascript', 'java\tscript', 'JAVASCRIPT', 'data', 'vbscript'), fc.constantFrom(':alert(1)', ':text/html,x')).map((parts) => parts.join('')),
);

const recordArbitrary: fc.Arbitrary<ConsentRecord> = fc
  .record({
    id: fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    revision: fc.nat({ max: 1e9 }),
    createdAt: fc.nat({ max: 4e9 }),
    age: fc.nat({ max: 1e8 }),
    categories: fc.uniqueArray(categoryId, { maxLength: 8 }),
    grantedMask: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    method: fc.constantFrom('banner', 'preferences', 'api', 'gpc' as const),
    gpc: fc.boolean(),
    language: languageTag,
  })
  .map(({ id, revision, createdAt, age, categories, grantedMask, method, gpc, language }) => ({
    version: 1,
    id,
    revision,
    createdAt,
    updatedAt: createdAt + age,
    granted: categories.filter((_, index) => grantedMask[index]),
    denied: categories.filter((_, index) => !grantedMask[index]),
    method,
    gpc,
    language,
  }));

/** A valid encoded record with one random edit: insert, delete or replace a character. */
const editedRecord = fc.tuple(recordArbitrary, fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })).map(([record, position, edit, character]) => {
  const value = encodeRecord(record);
  const at = position % value.length;
  if (edit === 'insert') return value.slice(0, at) + character + value.slice(at);
  if (edit === 'delete') return value.slice(0, at) + value.slice(at + 1);
  return value.slice(0, at) + character + value.slice(at + 1);
});

describe('fuzzing the record', () => {
  it('reads back every record it writes', () => {
    fc.assert(
      fc.property(recordArbitrary, (record) => {
        assert.deepEqual(decodeRecord(encodeRecord(record)), record);
      }),
      RUNS,
    );
  });

  it('never throws on any input, and accepts only values it would have written itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), editedRecord, fc.anything()), (value) => {
        const record = decodeRecord(value);
        if (record !== null) {
          const canonical = encodeRecord(record);
          assert.equal(typeof value === 'string' && (value === canonical || decodeURIComponent(value) === canonical), true, String(value));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fuzzing the config', () => {
  const configLike = fc.record(
    {
      categories: fc.oneof(
        fc.array(fc.record({ id: fc.oneof(categoryId, fc.string()), required: fc.oneof(fc.boolean(), fc.anything()), label: fc.oneof(fc.string(), fc.dictionary(fc.string(), fc.string())), cookies: fc.array(fc.dictionary(fc.constantFrom('name', 'pattern', 'party', 'domain', 'purpose', 'x'), fc.oneof(fc.string(), fc.constant('first'), fc.anything()))) }, { requiredKeys: [] })),
        fc.anything(),
      ),
      revision: fc.oneof(fc.integer(), fc.double(), fc.anything()),
      mode: fc.oneof(fc.constantFrom('opt-in', 'opt-out'), fc.anything()),
      storage: fc.oneof(fc.record({ cookieName: fc.string(), domain: fc.string(), path: fc.string(), expiresDays: fc.oneof(fc.double(), fc.integer()) }, { requiredKeys: [] }), fc.anything()),
      gpcDenies: fc.oneof(fc.array(fc.oneof(categoryId, fc.anything())), fc.anything()),
      language: fc.oneof(languageTag, fc.string()),
      adapters: fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.dictionary(fc.string(), fc.anything()), fc.anything())), fc.anything()),
      dataLayer: fc.oneof(fc.constant(false), fc.record({ name: fc.string(), event: fc.string() }, { requiredKeys: [] }), fc.anything()),
      texts: fc.oneof(fc.dictionary(fc.constantFrom(...TEXT_KEYS, 'x'), fc.oneof(fc.string(), fc.dictionary(languageTag, fc.string()), fc.anything())), fc.anything()),
      policyUrl: fc.oneof(linkLike, fc.dictionary(languageTag, linkLike), fc.anything()),
      typo: fc.anything(),
    },
    { requiredKeys: [] },
  );

  it('never throws and always returns a config that is safe to run', () => {
    fc.assert(
      fc.property(fc.oneof(configLike, fc.anything(), fc.jsonValue()), (input) => {
        const { config, errors } = parseConfig(input);
        const ids = config.categories.map(({ id }) => id);
        assert.ok(ids.length > 0);
        assert.equal(new Set(ids).size, ids.length);
        for (const category of config.categories) {
          assert.match(category.id, /^[a-z][a-z0-9_-]{0,31}$/);
          assert.equal(typeof category.required, 'boolean');
          assert.equal(Array.isArray(category.cookies), true);
        }
        assert.ok(config.storage.expiresDays >= 1 && config.storage.expiresDays <= MAX_EXPIRES_DAYS);
        assert.ok(['opt-in', 'opt-out'].includes(config.mode));
        for (const id of config.gpcDenies) assert.equal(config.categories.find((category) => category.id === id)?.required, false);
        for (const error of errors) assert.ok(typeof error.path === 'string' && error.path !== '');
        // What the page will render: links only to http(s) (or relative) targets, texts only as strings.
        const urls = config.policyUrl === undefined ? [] : typeof config.policyUrl === 'string' ? [config.policyUrl] : Object.values(config.policyUrl);
        for (const url of urls) assert.ok(['http:', 'https:'].includes(new URL(url, 'https://base.invalid/').protocol));
        for (const text of Object.values(config.texts)) for (const value of typeof text === 'string' ? [text] : Object.values(text)) assert.equal(typeof value, 'string');
        if (config.dataLayer !== undefined && config.dataLayer !== false) assert.match(config.dataLayer.name ?? 'dataLayer', /^[A-Za-z_$][\w$]*$/);
        if (config.adapters !== undefined) for (const options of Object.values(config.adapters)) assert.ok(typeof options === 'object' && options !== null && !Array.isArray(options));
      }),
      { numRuns: 1000 },
    );
  });
});

type Operation =
  | { readonly type: 'accept' | 'reject' | 'reset' | 'reload' }
  | { readonly type: 'save'; readonly choice: Readonly<Record<string, boolean>> }
  | { readonly type: 'other-tab'; readonly choice: Readonly<Record<string, boolean>> }
  | { readonly type: 'hostile-sync' }
  | { readonly type: 'corrupt'; readonly value: string }
  | { readonly type: 'tick'; readonly days: number }
  | { readonly type: 'gpc'; readonly on: boolean };

const CATEGORIES = ['analytics', 'marketing', 'preferences'] as const;
const choiceArbitrary = fc.record({ analytics: fc.boolean(), marketing: fc.boolean(), preferences: fc.boolean() }, { requiredKeys: [] });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.constantFrom<Operation>({ type: 'accept' }, { type: 'reject' }, { type: 'reset' }, { type: 'reload' }),
  choiceArbitrary.map((choice): Operation => ({ type: 'save', choice })),
  choiceArbitrary.map((choice): Operation => ({ type: 'other-tab', choice })),
  fc.constant<Operation>({ type: 'hostile-sync' }),
  fc.oneof(fc.string(), editedRecord).map((value): Operation => ({ type: 'corrupt', value })),
  fc.integer({ min: 0, max: 400 }).map((days): Operation => ({ type: 'tick', days })),
  fc.boolean().map((on): Operation => ({ type: 'gpc', on })),
);

/** What the visitor last chose, in any tab: the only source of a grant in opt-in mode. */
interface Choice {
  readonly granted: ReadonlySet<string>;
  readonly at: number;
  readonly gpc: boolean;
}

function config(): ConsentConfig {
  return parseConfig({ categories: [{ id: 'necessary', required: true }, ...CATEGORIES.map((id) => ({ id }))], storage: { expiresDays: 30 } }).config;
}

describe('fuzzing sequences of actions', () => {
  it('never allows what the visitor did not allow, and never loses a stored choice', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const memory = new MemoryStorage();
        const storage = new FallbackStorage([memory]);
        let time = Date.UTC(2026, 10, 22);
        let gpc = false;
        let last: Choice | null = null;
        // A store applies expiry when it reads storage (load, refresh, the tab shown again), not by a timer.
        let readAt = time;
        const open = () => new ConsentStore({ config: config(), storage, gpc, language: 'en', now: () => time });
        const reopen = () => {
          store = open();
          store.load();
          readAt = time;
        };
        let store = open();
        store.load();

        /**
         * Makes a decision on `target` and checks it against what the visitor asked for: the
         * categories named take the value given, the others keep the value they had.
         */
        const decide = (target: ConsentStore, choice: Readonly<Record<string, boolean>>, run: () => ConsentChange) => {
          const before = target.state.categories;
          const expected = Object.fromEntries(CATEGORIES.map((id) => [id, choice[id] ?? before[id] === true]));
          const change = run();
          for (const id of CATEGORIES) assert.equal(change.categories[id], expected[id], `${id} after ${JSON.stringify(choice)}`);
          last = { granted: new Set(CATEGORIES.filter((id) => expected[id])), at: time, gpc };
          readAt = time;
          return change;
        };
        const all = (value: boolean) => Object.fromEntries(CATEGORIES.map((id) => [id, value]));
        const permitted = (id: string): boolean =>
          last !== null && last.granted.has(id) && readAt - last.at <= 30 * DAY && !(gpc && !last.gpc && id === 'marketing');

        for (const step of operations) {
          switch (step.type) {
            case 'accept':
              decide(store, all(true), () => store.acceptAll('banner'));
              break;
            case 'reject':
              decide(store, all(false), () => store.rejectAll('banner'));
              break;
            case 'save':
              decide(store, step.choice, () => store.decide(step.choice, 'preferences'));
              break;
            case 'reset':
              store.reset();
              last = null;
              break;
            case 'reload':
              reopen();
              break;
            case 'other-tab': {
              const other = open();
              other.load();
              const change = decide(other, step.choice, () => other.decide(step.choice, 'banner'));
              assert.equal(change.record !== null, true);
              store.refresh();
              readAt = time;
              break;
            }
            case 'hostile-sync':
              // A forged message: storage is read again, and it did not change.
              store.refresh();
              readAt = time;
              break;
            case 'corrupt':
              memory.write(step.value);
              break;
            case 'tick':
              time += step.days * DAY;
              break;
            case 'gpc':
              gpc = step.on;
              reopen();
              break;
          }
          const { categories } = store.state;
          assert.equal(categories.necessary, true, 'required stays on');
          for (const id of CATEGORIES) {
            assert.equal(typeof categories[id], 'boolean', id);
            if (categories[id]) assert.equal(permitted(id), true, `${id} allowed after ${JSON.stringify(step)}`);
          }
          if (['accept', 'reject', 'save', 'other-tab'].includes(step.type)) {
            const reread = open().load().state;
            assert.deepEqual(reread.categories, store.state.categories, 'the choice just made is read back');
          }
        }
      }),
      RUNS,
    );
  });

  it('in opt-out mode, keeps GPC categories off for an undecided visitor whatever happens', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), editedRecord), { maxLength: 5 }), (values) => {
        const memory = new MemoryStorage();
        values.forEach((value) => memory.write(value));
        const optOut = parseConfig({ mode: 'opt-out' }).config;
        const { state } = new ConsentStore({ config: optOut, storage: new FallbackStorage([memory]), gpc: true, language: 'en' }).load();
        if (!state.decided) assert.equal(state.categories.marketing, false);
      }),
      RUNS,
    );
  });
});
