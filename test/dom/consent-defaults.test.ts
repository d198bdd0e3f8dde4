// dist/consent-defaults.js and the element read the stored choice with one parser, one set of
// defaults and one data layer lookup (src/core). These tests run the built script in a frame of
// this origin and hold what it pushes against what the core decides for the same values.
import { expect } from '@open-wc/testing';
import { DEFAULT_CONFIG, parseConfig } from '../../src/core/config.js';
import { consentModeState } from '../../src/core/consent-mode.js';
import { readConsent } from '../../src/core/read-consent.js';
import { checksum, type ConsentRecord, encodeRecord } from '../../src/core/record.js';
import { ConsentStore } from '../../src/core/store.js';
import { createBrowserStorage } from '../../src/dom/browser-storage.js';
import { clearBrowserStorage } from '../helpers/page-state.js';

interface Pushed {
  /** The gtag commands pushed, as arrays, each checked to be an `arguments` object. */
  readonly commands: unknown[][];
  /** Whether the window's `dataLayer` is a real array. */
  readonly isArray: boolean;
}

let runs = 0;

/** Runs dist/consent-defaults.js with `data-*` settings in a fresh same-origin frame, with `markup` in its body. */
async function runConsentDefaults(settings: Record<string, string>, markup = ''): Promise<Pushed> {
  const frame = document.createElement('iframe');
  frame.src = `/test/fixtures/frame.html?run=${++runs}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  const win = frame.contentWindow as Window & { dataLayer?: unknown };
  doc.body.insertAdjacentHTML('beforeend', markup);
  const script = doc.createElement('script');
  Object.assign(script.dataset, settings);
  script.src = '/dist/consent-defaults.js';
  const ran = new Promise((resolve, reject) => {
    script.addEventListener('load', resolve, { once: true });
    script.addEventListener('error', reject, { once: true });
  });
  doc.head.append(script);
  await ran;
  const layer = Object.hasOwn(win, 'dataLayer') ? win.dataLayer : undefined;
  const entries = Array.isArray(layer) ? layer : [];
  for (const entry of entries) expect(Object.prototype.toString.call(entry)).to.equal('[object Arguments]');
  frame.remove();
  return { commands: entries.map((entry) => Array.from(entry as ArrayLike<unknown>)), isArray: Array.isArray(layer) };
}

const NOW = (): number => Math.floor(Date.now() / 1000);

function record(fields: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    version: 1,
    id: 'AAECAwQFBgcICQoLDA0ODw',
    revision: 3,
    createdAt: NOW() - 1000,
    updatedAt: NOW() - 1000,
    granted: ['necessary', 'analytics'],
    denied: ['marketing'],
    method: 'banner',
    gpc: false,
    language: 'en',
    ...fields,
  };
}

/** A record body signed with the right checksum, for values `encodeRecord` would never write. */
function signed(body: string): string {
  return `${body}&s=${checksum(body)}`;
}

const CONFIG = {
  revision: 3,
  categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }],
  storage: { cookieName: 'defaults_agree' },
};
const SETTINGS = { cookieName: 'defaults_agree', revision: '3', categories: 'analytics marketing' };

describe('dist/consent-defaults.js and the core', () => {
  afterEach(clearBrowserStorage);

  const cases: [name: string, value: () => string][] = [
    ['a valid record', () => encodeRecord(record())],
    ['a valid record, percent-encoded', () => encodeURIComponent(encodeRecord(record()))],
    ['a record dated within the allowed clock skew', () => encodeRecord(record({ createdAt: NOW() + 300, updatedAt: NOW() + 300 }))],
    ['a record dated an hour ahead', () => encodeRecord(record({ createdAt: NOW() + 3600, updatedAt: NOW() + 3600 }))],
    ['an edited grant behind the old checksum', () => encodeRecord(record()).replace('g=necessary.analytics', 'g=necessary.analytics.marketing')],
    ['a re-signed record that grants and denies one category', () => signed(`v=1&id=AAECAwQFBgcICQoLDA0ODw&r=3&c=${NOW()}&u=${NOW()}&g=necessary.marketing&d=marketing&m=banner&gpc=0&l=en`)],
    ['a re-signed record with an uppercase category', () => signed(`v=1&id=AAECAwQFBgcICQoLDA0ODw&r=3&c=${NOW()}&u=${NOW()}&g=necessary.Marketing.analytics&d=marketing&m=banner&gpc=0&l=en`)],
    ['a re-signed record with a method the element never writes', () => signed(`v=1&id=AAECAwQFBgcICQoLDA0ODw&r=3&c=${NOW()}&u=${NOW()}&g=necessary.analytics.marketing&d=&m=forged&gpc=0&l=en`)],
    ['a re-signed record of a future version', () => signed(`v=2&id=AAECAwQFBgcICQoLDA0ODw&r=3&c=${NOW()}&u=${NOW()}&g=necessary.analytics.marketing&d=&m=banner&gpc=0&l=en`)],
    ['a record changed before it was created', () => signed(`v=1&id=AAECAwQFBgcICQoLDA0ODw&r=3&c=${NOW()}&u=${NOW() - 10}&g=necessary.analytics.marketing&d=&m=banner&gpc=0&l=en`)],
    ['a record of another revision', () => encodeRecord(record({ revision: 2 }))],
    ['a record that does not answer marketing', () => encodeRecord(record({ denied: [] }))],
    ['a record past expiry', () => encodeRecord(record({ createdAt: NOW() - 183 * 86_400, updatedAt: NOW() - 183 * 86_400 }))],
    ['a value that is no record', () => 'v=1&id=x&granted=everything'],
  ];

  for (const [name, value] of cases) {
    it(`agree on ${name}`, async () => {
      const stored = value();
      document.cookie = `defaults_agree=${stored}; Path=/`;
      const pushed = await runConsentDefaults(SETTINGS);
      const reading = readConsent(stored, CONFIG);
      const update = pushed.commands.find(([command, type]) => command === 'consent' && type === 'update');
      if (reading.categories) expect(update, 'consent-defaults.js applies what the core applies').to.deep.equal(['consent', 'update', consentModeState(reading.categories)]);
      else expect(update, `consent-defaults.js applies nothing when the core finds ${reading.reason}`).to.equal(undefined);
    });
  }

  it('agree when a copy in localStorage grants less than the cookie: only what both grant', async () => {
    const wider = encodeRecord(record({ granted: ['necessary', 'analytics', 'marketing'], denied: [] }));
    const narrower = encodeRecord(record({ granted: ['necessary'], denied: ['analytics', 'marketing'], updatedAt: NOW() - 2000, createdAt: NOW() - 2000 }));
    document.cookie = `defaults_agree=${wider}; Path=/`;
    localStorage.setItem('defaults_agree', narrower);
    const pushed = await runConsentDefaults(SETTINGS);
    const reading = readConsent([wider, narrower], CONFIG);
    expect(reading.categories).to.deep.include({ analytics: false, marketing: false });
    expect(pushed.commands.at(-1)).to.deep.equal(['consent', 'update', consentModeState(reading.categories!)]);
  });

  it("agree with the element on the cookie's localStorage copy: it takes away beside a cookie, and alone is no choice", async () => {
    const planted = encodeRecord(record({ granted: ['necessary', 'analytics', 'marketing'], denied: [] }));
    const own = encodeRecord(record({ granted: ['necessary'], denied: ['analytics', 'marketing'], updatedAt: NOW() - 2000, createdAt: NOW() - 2000 }));
    document.cookie = `defaults_agree=${planted}; Path=/`;
    localStorage.setItem('defaults_agree.copy', own);
    const store = new ConsentStore({ config: parseConfig(CONFIG).config, storage: createBrowserStorage(parseConfig(CONFIG).config.storage), gpc: false, language: 'en' });
    const { state } = store.load();
    expect(state.categories).to.deep.include({ analytics: false, marketing: false });
    expect((await runConsentDefaults(SETTINGS)).commands.at(-1)).to.deep.equal(['consent', 'update', consentModeState(state.categories)]);

    // The cookie deleted (by the site's server, say): the copy alone grants nothing, in either.
    document.cookie = 'defaults_agree=; Path=/; Max-Age=0';
    localStorage.setItem('defaults_agree.copy', planted);
    expect(store.load().state.decided).to.equal(false);
    expect((await runConsentDefaults(SETTINGS)).commands.map(([, type]) => type)).to.deep.equal(['default']);
  });

  it("without attributes, applies the element's default config: cookie, revision, categories and expiry", async () => {
    const defaults = { granted: ['necessary', 'preferences', 'analytics'], denied: ['marketing'], revision: 0 };
    const expiresSeconds = DEFAULT_CONFIG.storage.expiresDays * 86_400;
    document.cookie = `${DEFAULT_CONFIG.storage.cookieName}=${encodeRecord(record({ ...defaults, createdAt: NOW() - expiresSeconds + 3600, updatedAt: NOW() - expiresSeconds + 3600 }))}; Path=/`;
    const applied = await runConsentDefaults({});
    expect(applied.commands.at(-1)).to.deep.equal(['consent', 'update', consentModeState(readConsent(document.cookie, undefined).categories!)]);

    document.cookie = `${DEFAULT_CONFIG.storage.cookieName}=${encodeRecord(record({ ...defaults, createdAt: NOW() - expiresSeconds - 3600, updatedAt: NOW() - expiresSeconds - 3600 }))}; Path=/`;
    expect(readConsent(document.cookie, undefined).reason).to.equal('expired');
    expect((await runConsentDefaults({})).commands.map(([, type]) => type)).to.deep.equal(['default']);
  });
});

describe('dist/consent-defaults.js and markup that takes the data layer name', () => {
  afterEach(clearBrowserStorage);

  it('pushes the default into a real array when an element has id="dataLayer", as the element and the Google adapters do', async () => {
    const pushed = await runConsentDefaults({}, '<div id="dataLayer"></div><form name="dataLayer"></form>');
    expect(pushed.isArray).to.equal(true);
    expect(pushed.commands.map(([command, type]) => `${String(command)} ${String(type)}`)).to.deep.equal(['consent default']);
  });

  it('leaves the page as it was, with no error, for a data layer name the window cannot take', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent): void => void errors.push(event.error);
    // The frame's errors do not reach this window: listen there, before the script runs.
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/frame.html?proto';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow!;
    win.addEventListener('error', onError);
    const script = win.document.createElement('script');
    script.dataset.dataLayer = '__proto__';
    script.src = '/dist/consent-defaults.js';
    await new Promise((resolve) => {
      script.addEventListener('load', resolve, { once: true });
      win.document.head.append(script);
    });
    expect(errors).to.deep.equal([]);
    expect(Object.getPrototypeOf(win)).to.equal((win as unknown as { Window: typeof Window }).Window.prototype);
    frame.remove();
  });
});
