import { expect } from '@open-wc/testing';
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
      expect(errors).to.deep.equal([]);
      expect(config).to.equal(DEFAULT_CONFIG);
    }
  });

  it('uses the default categories, with only "necessary" required, for an empty object', () => {
    const { config, errors } = parseConfig({});
    expect(errors).to.deep.equal([]);
    expect(config.categories.map(({ id, required }) => `${id}:${required}`)).to.deep.equal([
      'necessary:true',
      'preferences:false',
      'analytics:false',
      'marketing:false',
    ]);
    expect(config.mode).to.equal('opt-in');
    expect(config.storage).to.deep.equal({ cookieName: 'consent', path: '/', expiresDays: 182 });
    expect(config.gpcDenies).to.deep.equal(['marketing']);
    expect(config.revision).to.equal(0);
  });

  it('reads a complete config in the site\'s own words', () => {
    const { config, errors } = parseConfig(chatrefConfig);
    expect(errors).to.deep.equal([]);
    expect(config.revision).to.equal(3);
    expect(config.storage).to.deep.equal({ cookieName: 'chatref_consent', domain: 'chatref.ai', path: '/', expiresDays: 180 });
    expect(config.categories).to.have.length(3);
    const [necessary, analytics, marketing] = config.categories;
    expect(necessary?.required).to.equal(true);
    expect(necessary?.label).to.deep.equal({ en: 'Strictly necessary', de: 'Unbedingt erforderlich' });
    expect(necessary?.cookies[1]).to.deep.equal({
      name: '__stripe_mid',
      domain: 'chatref.ai',
      party: 'third',
      provider: 'Stripe',
      purpose: 'Fraud prevention',
      lifetime: '1 year',
    });
    expect(analytics?.required).to.equal(false);
    expect(analytics?.cookies[0]?.pattern).to.equal('^_ga(_.*)?$');
    expect(marketing?.label).to.equal(undefined);
  });

  it('clamps expiresDays to 395 and rounds fractions up', () => {
    expect(parseConfig({ storage: { expiresDays: 1000 } }).config.storage.expiresDays).to.equal(MAX_EXPIRES_DAYS);
    expect(parseConfig({ storage: { expiresDays: 0.5 } }).config.storage.expiresDays).to.equal(1);
    expect(parseConfig({ storage: { expiresDays: 1000 } }).errors).to.deep.equal([]);
  });

  it('keeps the storage domain without a leading dot', () => {
    expect(parseConfig({ storage: { domain: '.Example.com' } }).config.storage.domain).to.equal('example.com');
  });

  it('names each bad field by its path', () => {
    expect(errorPaths({ revison: 2 })).to.deep.equal(['revison']);
    expect(errorPaths({ mode: 'opt_in' })).to.deep.equal(['mode']);
    expect(errorPaths({ revision: -1 })).to.deep.equal(['revision']);
    expect(errorPaths({ revision: 1.5 })).to.deep.equal(['revision']);
    expect(errorPaths({ language: 'english language' })).to.deep.equal(['language']);
    expect(errorPaths({ storage: { expiresDays: 'soon' } })).to.deep.equal(['storage.expiresDays']);
    expect(errorPaths({ storage: { expiresDays: -3 } })).to.deep.equal(['storage.expiresDays']);
    expect(errorPaths({ storage: { cookieName: 'my consent' } })).to.deep.equal(['storage.cookieName']);
    expect(errorPaths({ storage: { path: 'cookies' } })).to.deep.equal(['storage.path']);
    expect(errorPaths({ storage: { domain: 'exa mple.com' } })).to.deep.equal(['storage.domain']);
    expect(errorPaths({ storage: { secure: true } })).to.deep.equal(['storage.secure']);
    expect(errorPaths({ storage: [] })).to.deep.equal(['storage']);
    expect(errorPaths({ categories: [{ id: 'Analytics' }] })).to.deep.equal(['categories[0].id']);
    expect(errorPaths({ categories: [{ id: 'analytics', required: 'yes' }] })).to.deep.equal(['categories[0].required']);
    expect(errorPaths({ categories: [{ id: 'analytics', label: 42 }] })).to.deep.equal(['categories[0].label']);
    expect(errorPaths({ categories: [{ id: 'analytics', label: { english: 'x' } }] })).to.deep.equal(['categories[0].label.english']);
    expect(errorPaths({ categories: [{ id: 'analytics', description: { en: 5 } }] })).to.deep.equal(['categories[0].description.en']);
    expect(errorPaths({ categories: [{ id: 'analytics', cookies: {} }] })).to.deep.equal(['categories[0].cookies']);
    expect(errorPaths({ categories: [{ id: 'a' }, { id: 'b', cookies: [{ name: '_ga' }] }] })).to.deep.equal(['categories[1].cookies[0].party']);
    expect(errorPaths({ categories: [{ id: 'a', cookies: [{ party: 'first' }] }] })).to.deep.equal(['categories[0].cookies[0]']);
    expect(errorPaths({ categories: [{ id: 'a', cookies: [{ name: 'x', pattern: 'x', party: 'first' }] }] })).to.deep.equal(['categories[0].cookies[0]']);
    expect(errorPaths({ categories: [{ id: 'a', cookies: [{ pattern: '(', party: 'first' }] }] })).to.deep.equal(['categories[0].cookies[0].pattern']);
    expect(errorPaths({ categories: [{ id: 'a', cookies: [{ name: 'x', party: 'first', lifetime: [] }] }] })).to.deep.equal(['categories[0].cookies[0].lifetime']);
    expect(errorPaths({ categories: [{ id: 'a' }, { id: 'a' }] })).to.deep.equal(['categories[1].id']);
    expect(errorPaths({ categories: [] })).to.deep.equal(['categories']);
    expect(errorPaths({ gpcDenies: 'marketing' })).to.deep.equal(['gpcDenies']);
    expect(errorPaths({ gpcDenies: ['ads'] })).to.deep.equal(['gpcDenies[0]']);
    expect(errorPaths({ gpcDenies: ['necessary'] })).to.deep.equal(['gpcDenies[0]']);
  });

  it('quotes keys that are not plain names, so every path is readable', () => {
    expect(errorPaths({ '': 1, 'a b': 2 })).to.deep.equal(['[""]', '["a b"]']);
    expect(errorPaths({ categories: [{ id: 'a', label: { 'en US': 'A' } }] })).to.deep.equal(['categories[0].label["en US"]']);
  });

  it('reports every problem, not only the first', () => {
    expect(errorPaths({ mode: 1, revision: 'x', storage: { path: 2 } })).to.have.members(['storage.path', 'mode', 'revision']);
  });

  it('rejects a config that is not an object', () => {
    for (const input of ['{}', 42, true, [], [{ id: 'a' }]]) {
      const { config, errors } = parseConfig(input);
      expect(errors.map((error) => error.path), JSON.stringify(input)).to.deep.equal(['(root)']);
      expect(config).to.equal(DEFAULT_CONFIG);
    }
  });

  it('drops an invalid category and keeps the valid ones', () => {
    const { config } = parseConfig({ categories: [{ id: 'necessary', required: true }, { id: 'Bad Id' }, { id: 'analytics' }] });
    expect(config.categories.map(({ id }) => id)).to.deep.equal(['necessary', 'analytics']);
  });

  it('falls back to the default categories when none is valid', () => {
    const { config, errors } = parseConfig({ categories: [{ id: 1 }, 'analytics'] });
    expect(errors.map((error) => error.path)).to.deep.equal(['categories[0].id', 'categories[1]']);
    expect(config.categories).to.equal(DEFAULT_CATEGORIES);
  });

  it('does not let hostile keys reach the prototype chain', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "categories": [{"id": "a", "label": {"__proto__": "x", "en": "A"}}]}') as unknown;
    const { config, errors } = parseConfig(hostile);
    expect(errors.map((error) => error.path)).to.deep.equal(['__proto__', 'categories[0].label.__proto__']);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.getPrototypeOf(config)).to.equal(Object.prototype);
  });

  it('says what was expected and describes the value found briefly', () => {
    expect(parseConfig({ mode: 'x'.repeat(10_000) }).errors).to.deep.equal([{ path: 'mode', problem: 'one-of', got: `"${'x'.repeat(40)}…"`, options: ['opt-in', 'opt-out'] }]);
    expect(parseConfig({ revision: [] }).errors).to.deep.equal([{ path: 'revision', problem: 'whole-number', got: 'an array' }]);
    expect(parseConfig({ storage: { path: null } }).errors).to.deep.equal([{ path: 'storage.path', problem: 'path', got: 'null' }]);
  });

  it('returns frozen objects, so the running config cannot be changed behind the store\'s back', () => {
    const { config } = parseConfig(chatrefConfig);
    expect(Object.isFrozen(config)).to.equal(true);
    expect(Object.isFrozen(config.categories)).to.equal(true);
    expect(Object.isFrozen(config.categories[0])).to.equal(true);
    expect(Object.isFrozen(config.storage)).to.equal(true);
  });

  it('accepts the fields other parts of the product read', () => {
    expect(errorPaths({ adapters: {}, texts: {}, policyUrl: '/cookies', $schema: 'x' })).to.deep.equal([]);
  });

  it('reads adapters as an object of option objects, which each adapter checks when it loads', () => {
    const adapters = { 'google-analytics': { measurementId: 'G-TEST1234' }, stripe: { publishableKey: 'pk_test_x' } };
    expect(parseConfig({ adapters }).config.adapters).to.deep.equal(adapters);
    expect(parseConfig({ adapters: { 'meta-pixel': '1234' } }).errors).to.deep.equal([{ path: 'adapters', problem: 'object', got: 'an object' }]);
    expect(errorPaths({ adapters: ['google-analytics'] })).to.deep.equal(['adapters']);
  });

  it('reads the dataLayer option: false, or an event name and a global name', () => {
    expect(parseConfig({ dataLayer: false }).config.dataLayer).to.equal(false);
    expect(parseConfig({ dataLayer: { event: 'cookie_consent_update' } }).config.dataLayer).to.deep.equal({ event: 'cookie_consent_update' });
    expect(parseConfig({ dataLayer: { name: 'window.dataLayer', event: '', colour: 1 } }).errors).to.deep.equal([
      { path: 'dataLayer.name', problem: 'identifier', got: '"window.dataLayer"' },
      { path: 'dataLayer.event', problem: 'non-empty-string', got: '""' },
      { path: 'dataLayer.colour', problem: 'unknown-field' },
    ]);
    expect(parseConfig({ dataLayer: true }).config.dataLayer).to.equal(undefined);
  });

  it('reads texts given once or per language, and reports unknown keys and bad values', () => {
    const { config, errors } = parseConfig({ texts: { bannerTitle: 'Cookies', policyLink: { en: 'Our cookies', 'PT-br': 'Nossos cookies' } } });
    expect(errors).to.deep.equal([]);
    expect(config.texts).to.deep.equal({ bannerTitle: 'Cookies', policyLink: { en: 'Our cookies', 'pt-br': 'Nossos cookies' } });
    expect(DEFAULT_CONFIG.texts).to.deep.equal({});
    expect(errorPaths({ texts: { bannerTitel: 'x', bannerDescription: 3, preferencesTitle: { english: 'x' } } })).to.deep.equal(['texts.bannerTitel', 'texts.bannerDescription', 'texts.preferencesTitle.english']);
    expect(errorPaths({ texts: 'Cookies' })).to.deep.equal(['texts']);
  });

  it('reads policyUrl as a path or an http(s) URL, once or per language, and refuses other schemes', () => {
    expect(parseConfig({ policyUrl: { en: '/cookies', de: 'https://example.com/de/cookies' } }).config.policyUrl).to.deep.equal({ en: '/cookies', de: 'https://example.com/de/cookies' });
    expect(parseConfig({ policyUrl: 'cookies.html' }).config.policyUrl).to.equal('cookies.html');
    expect(parseConfig({ policyUrl: 'javascript:alert(1)' }).errors).to.deep.equal([{ path: 'policyUrl', problem: 'url', got: '"javascript:alert(1)"' }]);
    expect(errorPaths({ policyUrl: { en: '/ok', fr: 'data:text/html,x' } })).to.deep.equal(['policyUrl.fr']);
    expect(errorPaths({ policyUrl: 'two words' })).to.deep.equal(['policyUrl']);
    expect(parseConfig({ policyUrl: 'javascript:alert(1)' }).config.policyUrl).to.equal(undefined);
  });

  it('reads consentLog.endpoint as a path or an http(s) URL, and refuses anything else with a config error and no log', () => {
    expect(parseConfig({ consentLog: { endpoint: 'https://consent.example.com/v1/records' } }).config.consentLog).to.deep.equal({ endpoint: 'https://consent.example.com/v1/records' });
    expect(parseConfig({ consentLog: { endpoint: '/v1/records' } }).config.consentLog).to.deep.equal({ endpoint: '/v1/records' });
    expect(DEFAULT_CONFIG.consentLog).to.equal(undefined);
    expect(parseConfig({ consentLog: { endpoint: 'javascript:alert(1)' } }).errors).to.deep.equal([{ path: 'consentLog.endpoint', problem: 'url', got: '"javascript:alert(1)"' }]);
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
      expect(errors.map(({ path }) => path), JSON.stringify(input)).to.deep.equal(paths);
      expect(config.consentLog, JSON.stringify(input)).to.equal(undefined);
    }
    expect(parseConfig({ consentLog: {} }).errors).to.deep.equal([{ path: 'consentLog.endpoint', problem: 'missing' }]);
  });

  it('refuses a scheme the browser would see once it strips control characters, tabs and newlines', () => {
    for (const disguised of ['\u0001javascript:alert(1)', '\u0000javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)', 'JaVaScRiPt:alert(1)', '\u001fdata:text/html,x']) {
      expect(errorPaths({ policyUrl: disguised }), JSON.stringify(disguised)).to.deep.equal(['policyUrl']);
    }
    expect(errorPaths({ policyUrl: '//cdn.example.com/cookies' })).to.deep.equal([]);
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
    expect(fit, '8-character ids').to.be.within(300, 500);
    const atLimit = parseConfig({ categories: categoriesOf(fit), storage });
    expect(atLimit.errors).to.deep.equal([]);
    expect(atLimit.config.categories).to.have.length(fit + 1);
    expect(longestCookieLength(atLimit.config.categories, 0, atLimit.config.storage)).to.be.at.most(MAX_COOKIE_BYTES);

    const over = parseConfig({ categories: categoriesOf(fit + 1), storage });
    expect(over.errors).to.have.length(1);
    expect(over.errors[0]).to.include({ path: 'categories', problem: 'record-too-long' });
    expect(over.errors[0]!.got).to.contain(`(the first ${fit + 1} fit)`);
    expect(over.config.categories, 'only the categories that fit are used').to.have.length(fit + 1);
  });

  it('counts the cookie name, path and domain against the limit', () => {
    const plain = mostThatFit();
    const longer = mostThatFit({ cookieName: 'c'.repeat(64), path: `/${'p'.repeat(200)}`, domain: 'very-long-subdomain.example.com' });
    expect(longer).to.be.below(plain);
  });

  it('refuses 10,000 categories quickly, keeping only those that fit', () => {
    const { config, errors } = parseConfig({ categories: categoriesOf(10_000, 6) });
    expect(errors.map((error) => error.problem)).to.deep.equal(['record-too-long']);
    expect(longestCookieLength(config.categories, 0, config.storage)).to.be.at.most(MAX_COOKIE_BYTES);
    expect(config.categories.length).to.be.below(700);
  });

  it('computes the longest record with the real encoder: a record that long still decodes', () => {
    const { config } = parseConfig({ categories: categoriesOf(mostThatFit()) });
    const ids = config.categories.map(({ id }) => id);
    const longest = encodeRecord({ version: 1, id: 'A'.repeat(22), revision: 0, createdAt: 9_999_999_999, updatedAt: 9_999_999_999, granted: ids, denied: [], method: 'preferences', gpc: true, language: 'abc-defghijk-lmnopqrs-tuvwxyz0' });
    expect(longest.length).to.be.at.most(longestRecordLength(ids, 0));
    expect(decodeRecord(longest)?.granted).to.have.length(ids.length);
  });
});
