import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CategoryConfig, DEFAULT_CATEGORIES, DEFAULT_CONFIG, longestCookieLength, MAX_EXPIRES_DAYS, parseConfig } from '../../src/core/config.js';
import { decodeRecord, encodeRecord, longestRecordLength } from '../../src/core/record.js';
import { MAX_COOKIE_BYTES } from '../../src/core/storage.js';

function errorPaths(input: unknown): string[] {
  return parseConfig(input).errors.map((error) => error.path);
}

const chatrefConfig = {
  revision: 3,
  mode: 'opt-in',
  language: 'en',
  storage: { cookieName: 'chatref_consent', domain: 'chatref.ai', path: '/', expiresDays: 180 },
  gpcDenies: ['marketing'],
  categories: [
    {
      id: 'necessary',
      required: true,
      label: { en: 'Strictly necessary', de: 'Unbedingt erforderlich' },
      cookies: [
        { name: 'session_token', party: 'first', purpose: 'Keeps you signed in', lifetime: 'session' },
        { name: '__stripe_mid', domain: 'chatref.ai', party: 'third', provider: 'Stripe', purpose: 'Fraud prevention', lifetime: '1 year' },
      ],
    },
    {
      id: 'analytics',
      label: 'Performance and analytics',
      description: { en: 'Counts visits and traffic sources.' },
      cookies: [{ pattern: '^_ga(_.*)?$', party: 'third', provider: 'Google Analytics', lifetime: { en: '2 years', de: '2 Jahre' } }],
    },
    { id: 'marketing', cookies: [{ name: '_fbp', party: 'third', provider: 'Meta' }] },
  ],
};

describe('parseConfig', () => {
  it('gives the defaults, without errors, when there is no config', () => {
    for (const input of [undefined, null]) {
      const { config, errors } = parseConfig(input);
      assert.deepEqual(errors, []);
      assert.equal(config, DEFAULT_CONFIG);
    }
  });

  it('uses the default categories, with only "necessary" required, for an empty object', () => {
    const { config, errors } = parseConfig({});
    assert.deepEqual(errors, []);
    assert.deepEqual(config.categories.map(({ id, required }) => `${id}:${required}`), [
      'necessary:true',
      'preferences:false',
      'analytics:false',
      'marketing:false',
    ]);
    assert.equal(config.mode, 'opt-in');
    assert.deepEqual(config.storage, { cookieName: 'consent', path: '/', expiresDays: 182 });
    assert.deepEqual(config.gpcDenies, ['marketing']);
    assert.equal(config.revision, 0);
  });

  it('reads a complete config in the site\'s own words', () => {
    const { config, errors } = parseConfig(chatrefConfig);
    assert.deepEqual(errors, []);
    assert.equal(config.revision, 3);
    assert.deepEqual(config.storage, { cookieName: 'chatref_consent', domain: 'chatref.ai', path: '/', expiresDays: 180 });
    assert.equal(config.categories.length, 3);
    const [necessary, analytics, marketing] = config.categories;
    assert.equal(necessary?.required, true);
    assert.deepEqual(necessary?.label, { en: 'Strictly necessary', de: 'Unbedingt erforderlich' });
    assert.deepEqual(necessary?.cookies[1], {
      name: '__stripe_mid',
      domain: 'chatref.ai',
      party: 'third',
      provider: 'Stripe',
      purpose: 'Fraud prevention',
      lifetime: '1 year',
    });
    assert.equal(analytics?.required, false);
    assert.equal(analytics?.cookies[0]?.pattern, '^_ga(_.*)?$');
    assert.equal(marketing?.label, undefined);
  });

  it('clamps expiresDays to 395 and rounds fractions up', () => {
    assert.equal(parseConfig({ storage: { expiresDays: 1000 } }).config.storage.expiresDays, MAX_EXPIRES_DAYS);
    assert.equal(parseConfig({ storage: { expiresDays: 0.5 } }).config.storage.expiresDays, 1);
    assert.deepEqual(parseConfig({ storage: { expiresDays: 1000 } }).errors, []);
  });

  it('keeps the storage domain without a leading dot', () => {
    assert.equal(parseConfig({ storage: { domain: '.Example.com' } }).config.storage.domain, 'example.com');
  });

  it('names each bad field by its path', () => {
    assert.deepEqual(errorPaths({ revison: 2 }), ['revison']);
    assert.deepEqual(errorPaths({ mode: 'opt_in' }), ['mode']);
    assert.deepEqual(errorPaths({ revision: -1 }), ['revision']);
    assert.deepEqual(errorPaths({ revision: 1.5 }), ['revision']);
    assert.deepEqual(errorPaths({ language: 'english language' }), ['language']);
    assert.deepEqual(errorPaths({ storage: { expiresDays: 'soon' } }), ['storage.expiresDays']);
    assert.deepEqual(errorPaths({ storage: { expiresDays: -3 } }), ['storage.expiresDays']);
    assert.deepEqual(errorPaths({ storage: { cookieName: 'my consent' } }), ['storage.cookieName']);
    assert.deepEqual(errorPaths({ storage: { path: 'cookies' } }), ['storage.path']);
    assert.deepEqual(errorPaths({ storage: { domain: 'exa mple.com' } }), ['storage.domain']);
    assert.deepEqual(errorPaths({ storage: { secure: true } }), ['storage.secure']);
    assert.deepEqual(errorPaths({ storage: [] }), ['storage']);
    assert.deepEqual(errorPaths({ categories: [{ id: 'Analytics' }] }), ['categories[0].id']);
    assert.deepEqual(errorPaths({ categories: [{ id: 'analytics', required: 'yes' }] }), ['categories[0].required']);
    assert.deepEqual(errorPaths({ categories: [{ id: 'analytics', label: 42 }] }), ['categories[0].label']);
    assert.deepEqual(errorPaths({ categories: [{ id: 'analytics', label: { english: 'x' } }] }), ['categories[0].label.english']);
    assert.deepEqual(errorPaths({ categories: [{ id: 'analytics', description: { en: 5 } }] }), ['categories[0].description.en']);
    assert.deepEqual(errorPaths({ categories: [{ id: 'analytics', cookies: {} }] }), ['categories[0].cookies']);
    assert.deepEqual(errorPaths({ categories: [{ id: 'a' }, { id: 'b', cookies: [{ name: '_ga' }] }] }), ['categories[1].cookies[0].party']);
    assert.deepEqual(errorPaths({ categories: [{ id: 'a', cookies: [{ party: 'first' }] }] }), ['categories[0].cookies[0]']);
    assert.deepEqual(errorPaths({ categories: [{ id: 'a', cookies: [{ name: 'x', pattern: 'x', party: 'first' }] }] }), ['categories[0].cookies[0]']);
    assert.deepEqual(errorPaths({ categories: [{ id: 'a', cookies: [{ pattern: '(', party: 'first' }] }] }), ['categories[0].cookies[0].pattern']);
    assert.deepEqual(errorPaths({ categories: [{ id: 'a', cookies: [{ name: 'x', party: 'first', lifetime: [] }] }] }), ['categories[0].cookies[0].lifetime']);
    assert.deepEqual(errorPaths({ categories: [{ id: 'a' }, { id: 'a' }] }), ['categories[1].id']);
    assert.deepEqual(errorPaths({ categories: [] }), ['categories']);
    assert.deepEqual(errorPaths({ gpcDenies: 'marketing' }), ['gpcDenies']);
    assert.deepEqual(errorPaths({ gpcDenies: ['ads'] }), ['gpcDenies[0]']);
    assert.deepEqual(errorPaths({ gpcDenies: ['necessary'] }), ['gpcDenies[0]']);
  });

  it('quotes keys that are not plain names, so every path is readable', () => {
    assert.deepEqual(errorPaths({ '': 1, 'a b': 2 }), ['[""]', '["a b"]']);
    assert.deepEqual(errorPaths({ categories: [{ id: 'a', label: { 'en US': 'A' } }] }), ['categories[0].label["en US"]']);
  });

  it('reports every problem, not only the first', () => {
    assert.deepEqual([...(errorPaths({ mode: 1, revision: 'x', storage: { path: 2 } }))].sort(), [...['storage.path', 'mode', 'revision']].sort());
  });

  it('rejects a config that is not an object', () => {
    for (const input of ['{}', 42, true, [], [{ id: 'a' }]]) {
      const { config, errors } = parseConfig(input);
      assert.deepEqual(errors.map((error) => error.path), ['(root)'], JSON.stringify(input));
      assert.equal(config, DEFAULT_CONFIG);
    }
  });

  it('drops an invalid category and keeps the valid ones', () => {
    const { config } = parseConfig({ categories: [{ id: 'necessary', required: true }, { id: 'Bad Id' }, { id: 'analytics' }] });
    assert.deepEqual(config.categories.map(({ id }) => id), ['necessary', 'analytics']);
  });

  it('falls back to the default categories when none is valid', () => {
    const { config, errors } = parseConfig({ categories: [{ id: 1 }, 'analytics'] });
    assert.deepEqual(errors.map((error) => error.path), ['categories[0].id', 'categories[1]']);
    assert.equal(config.categories, DEFAULT_CATEGORIES);
  });

  it('does not let hostile keys reach the prototype chain', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "categories": [{"id": "a", "label": {"__proto__": "x", "en": "A"}}]}') as unknown;
    const { config, errors } = parseConfig(hostile);
    assert.deepEqual(errors.map((error) => error.path), ['__proto__', 'categories[0].label.__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(config), Object.prototype);
  });

  it('says what was expected and describes the value found briefly', () => {
    assert.deepEqual(parseConfig({ mode: 'x'.repeat(10_000) }).errors, [{ path: 'mode', problem: 'one-of', got: `"${'x'.repeat(40)}…"`, options: ['opt-in', 'opt-out'] }]);
    assert.deepEqual(parseConfig({ revision: [1] }).errors, [{ path: 'revision', problem: 'whole-number', got: 'an array' }]);
    assert.deepEqual(parseConfig({ categories: [] }).errors, [{ path: 'categories', problem: 'non-empty-array', got: 'an empty array' }]);
    assert.deepEqual(parseConfig({ storage: { path: null } }).errors, [{ path: 'storage.path', problem: 'path', got: 'null' }]);
  });

  it('returns frozen objects, so the running config cannot be changed behind the store\'s back', () => {
    const { config } = parseConfig(chatrefConfig);
    assert.equal(Object.isFrozen(config), true);
    assert.equal(Object.isFrozen(config.categories), true);
    assert.equal(Object.isFrozen(config.categories[0]), true);
    assert.equal(Object.isFrozen(config.storage), true);
  });

  it('accepts the fields other parts of the product read', () => {
    assert.deepEqual(errorPaths({ adapters: {}, texts: {}, policyUrl: '/cookies', $schema: 'x' }), []);
  });

  it('reads adapters as an object of option objects, which each adapter checks when it loads', () => {
    const adapters = { 'google-analytics': { measurementId: 'G-TEST1234' }, stripe: { publishableKey: 'pk_test_x' } };
    assert.deepEqual(parseConfig({ adapters }).config.adapters, adapters);
    assert.deepEqual(parseConfig({ adapters: { 'meta-pixel': '1234' } }).errors, [{ path: 'adapters', problem: 'object', got: 'an object' }]);
    assert.deepEqual(errorPaths({ adapters: ['google-analytics'] }), ['adapters']);
  });

  it('reads the dataLayer option: false, or an event name and a global name', () => {
    assert.equal(parseConfig({ dataLayer: false }).config.dataLayer, false);
    assert.deepEqual(parseConfig({ dataLayer: { event: 'cookie_consent_update' } }).config.dataLayer, { event: 'cookie_consent_update' });
    assert.deepEqual(parseConfig({ dataLayer: { name: 'window.dataLayer', event: '', colour: 1 } }).errors, [
      { path: 'dataLayer.name', problem: 'identifier', got: '"window.dataLayer"' },
      { path: 'dataLayer.event', problem: 'non-empty-string', got: '""' },
      { path: 'dataLayer.colour', problem: 'unknown-field' },
    ]);
    assert.equal(parseConfig({ dataLayer: true }).config.dataLayer, undefined);
  });

  it('reads texts given once or per language, and reports unknown keys and bad values', () => {
    const { config, errors } = parseConfig({ texts: { bannerTitle: 'Cookies', policyLink: { en: 'Our cookies', 'PT-br': 'Nossos cookies' } } });
    assert.deepEqual(errors, []);
    assert.deepEqual(config.texts, { bannerTitle: 'Cookies', policyLink: { en: 'Our cookies', 'pt-br': 'Nossos cookies' } });
    assert.deepEqual(DEFAULT_CONFIG.texts, {});
    assert.deepEqual(errorPaths({ texts: { bannerTitel: 'x', bannerDescription: 3, preferencesTitle: { english: 'x' } } }), ['texts.bannerTitel', 'texts.bannerDescription', 'texts.preferencesTitle.english']);
    assert.deepEqual(errorPaths({ texts: 'Cookies' }), ['texts']);
  });

  it('reads policyUrl as a path or an http(s) URL, once or per language, and refuses other schemes', () => {
    assert.deepEqual(parseConfig({ policyUrl: { en: '/cookies', de: 'https://example.com/de/cookies' } }).config.policyUrl, { en: '/cookies', de: 'https://example.com/de/cookies' });
    assert.equal(parseConfig({ policyUrl: 'cookies.html' }).config.policyUrl, 'cookies.html');
    assert.deepEqual(parseConfig({ policyUrl: 'javascript:alert(1)' }).errors, [{ path: 'policyUrl', problem: 'url', got: '"javascript:alert(1)"' }]);
    assert.deepEqual(errorPaths({ policyUrl: { en: '/ok', fr: 'data:text/html,x' } }), ['policyUrl.fr']);
    assert.deepEqual(errorPaths({ policyUrl: 'two words' }), ['policyUrl']);
    assert.equal(parseConfig({ policyUrl: 'javascript:alert(1)' }).config.policyUrl, undefined);
  });

  it('reads consentLog.endpoint as a path or an http(s) URL, and refuses anything else with a config error and no log', () => {
    assert.deepEqual(parseConfig({ consentLog: { endpoint: 'https://consent.example.com/v1/records' } }).config.consentLog, { endpoint: 'https://consent.example.com/v1/records' });
    assert.deepEqual(parseConfig({ consentLog: { endpoint: '/v1/records' } }).config.consentLog, { endpoint: '/v1/records' });
    assert.equal(DEFAULT_CONFIG.consentLog, undefined);
    assert.deepEqual(parseConfig({ consentLog: { endpoint: 'javascript:alert(1)' } }).errors, [{ path: 'consentLog.endpoint', problem: 'url', got: '"javascript:alert(1)"' }]);
    for (const [input, paths] of [
      [{ endpoint: 'ftp://log.example/records' }, ['consentLog.endpoint']],
      [{ endpoint: '\u0001javascript:alert(1)' }, ['consentLog.endpoint']],
      [{ endpoint: 'two words' }, ['consentLog.endpoint']],
      [{ endpoint: 42 }, ['consentLog.endpoint']],
      [{}, ['consentLog.endpoint']],
      [{ endpoint: '/v1/records', url: '/x' }, ['consentLog.url']],
      ['https://log.example/v1/records', ['consentLog']],
      [null, ['consentLog']],
    ] as const) {
      const { config, errors } = parseConfig({ consentLog: input });
      assert.deepEqual(errors.map(({ path }) => path), paths, JSON.stringify(input));
      assert.equal(config.consentLog, undefined, JSON.stringify(input));
    }
    assert.deepEqual(parseConfig({ consentLog: {} }).errors, [{ path: 'consentLog.endpoint', problem: 'missing' }]);
  });

  it('refuses a scheme the browser would see once it strips control characters, tabs and newlines', () => {
    for (const disguised of ['\u0001javascript:alert(1)', '\u0000javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)', 'JaVaScRiPt:alert(1)', '\u001fdata:text/html,x']) {
      assert.deepEqual(errorPaths({ policyUrl: disguised }), ['policyUrl'], JSON.stringify(disguised));
    }
    assert.deepEqual(errorPaths({ policyUrl: '//cdn.example.com/cookies' }), []);
  });
});

describe('the size limit of the stored choice', () => {
  /** `count` optional categories with ids of `length` characters (`c0000…`), after `necessary`. */
  function categoriesOf(count: number, length = 8): { id: string; required?: boolean }[] {
    const ids = Array.from({ length: count }, (_, index) => `c${String(index).padStart(length - 1, '0')}`);
    return [{ id: 'necessary', required: true }, ...ids.map((id) => ({ id }))];
  }

  /** The number of 8-character optional categories whose longest cookie is exactly at, or just under, 4096 bytes. */
  function mostThatFit(storage: object = {}): number {
    const { storage: parsed } = parseConfig({ storage }).config;
    let count = 1;
    // The raw categories: the config reader would drop those that do not fit.
    while (longestCookieLength(categoriesOf(count + 1) as unknown as CategoryConfig[], 0, parsed) <= MAX_COOKIE_BYTES) count++;
    return count;
  }

  it('accepts categories whose longest choice fits in one cookie with its name and attributes, and refuses one more, naming the limit', () => {
    const storage = { cookieName: 'site_consent', domain: 'example.com', path: '/' };
    const fit = mostThatFit(storage);
    assert.ok(fit >= 300 && fit <= 500, '8-character ids');
    const atLimit = parseConfig({ categories: categoriesOf(fit), storage });
    assert.deepEqual(atLimit.errors, []);
    assert.equal(atLimit.config.categories.length, fit + 1);
    assert.ok(longestCookieLength(atLimit.config.categories, 0, atLimit.config.storage) <= MAX_COOKIE_BYTES);

    const over = parseConfig({ categories: categoriesOf(fit + 1), storage });
    assert.equal(over.errors.length, 1);
    assert.equal(over.errors[0]?.path, 'categories');
    assert.equal(over.errors[0]?.problem, 'record-too-long');
    assert.ok(over.errors[0]?.got?.includes(`(the first ${fit + 1} fit)`));
    assert.equal(over.config.categories.length, fit + 1, 'only the categories that fit are used');
  });

  it('counts the cookie name, path and domain against the limit', () => {
    const plain = mostThatFit();
    const longer = mostThatFit({ cookieName: 'c'.repeat(64), path: `/${'p'.repeat(200)}`, domain: 'very-long-subdomain.example.com' });
    assert.ok(longer < plain);
  });

  it('refuses 10,000 categories quickly, keeping only those that fit', () => {
    const { config, errors } = parseConfig({ categories: categoriesOf(10_000, 6) });
    assert.deepEqual(errors.map((error) => error.problem), ['record-too-long']);
    assert.ok(longestCookieLength(config.categories, 0, config.storage) <= MAX_COOKIE_BYTES);
    assert.ok(config.categories.length < 700);
  });

  it('computes the longest record with the real encoder: a record that long still decodes', () => {
    const { config } = parseConfig({ categories: categoriesOf(mostThatFit()) });
    const ids = config.categories.map(({ id }) => id);
    const longest = encodeRecord({ version: 1, id: 'A'.repeat(22), revision: 0, createdAt: 9_999_999_999, updatedAt: 9_999_999_999, granted: ids, denied: [], method: 'preferences', gpc: true, language: 'abc-defghijk-lmnopqrs-tuvwxyz0' });
    assert.ok(longest.length <= longestRecordLength(ids, 0));
    assert.equal(decodeRecord(longest)?.granted.length, ids.length);
  });
});
