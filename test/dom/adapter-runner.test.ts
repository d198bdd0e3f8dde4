// The adapter runner on its own, with a host that is no element: it keeps the adapters the config
// names and the changes announced while they load itself, and writes nothing onto the element.
import { expect } from '@open-wc/testing';
import type { AdapterConsent, ConsentAdapter } from '../../src/core/adapter.js';
import { type ConsentConfig, parseConfig } from '../../src/core/config.js';
import type { ConsentChange, ConsentState } from '../../src/core/store.js';
import { registerAdapter } from '../../src/dom/adapter-registry.js';
import { AdapterRunner } from '../../src/dom/adapter-runner.js';
import { CATEGORIES } from '../helpers/ui.js';

/** An adapter that records what it is told, as `start:<categories>` and `update:<changed>`. */
function probe(id: string): { adapter: ConsentAdapter; heard: string[] } {
  const heard: string[] = [];
  const allowed = (consent: AdapterConsent): string =>
    Object.entries(consent.categories)
      .filter(([, value]) => value)
      .map(([category]) => category)
      .join('+');
  return {
    heard,
    adapter: {
      id,
      cookies: [],
      start: (_context, consent) => void heard.push(`start:${allowed(consent)}`),
      update: (consent) => void heard.push(`update:${consent.changed.join('+')}:${allowed(consent)}`),
    },
  };
}

const state = (analytics: boolean, marketing: boolean): ConsentState => ({ categories: { necessary: true, analytics, marketing }, decided: true, record: null, gpc: false });
const change = (changed: string[], analytics: boolean, marketing: boolean): ConsentChange => ({ ...state(analytics, marketing), changed, source: 'api' });

describe('AdapterRunner', () => {
  let element: HTMLElement;
  beforeEach(() => {
    element = document.createElement('div');
    // Any property the runner set on the element would throw here (module code is strict).
    Object.preventExtensions(element);
  });

  it('buffers the changes announced while the adapters the config names load, then applies them in order', async () => {
    const named = probe('runner-named');
    let release!: () => void;
    const loading = new Promise<void>((resolve) => (release = resolve));
    registerAdapter('runner-named', () => loading.then(() => ({ default: () => named.adapter })));
    const given = probe('runner-given');
    const { config } = parseConfig({ categories: CATEGORIES, dataLayer: false, adapters: { 'runner-named': {} } });
    let changes = 0;
    const givenList = Object.freeze([given.adapter]);
    const runner = new AdapterRunner(element, state(false, false), () => config, () => givenList, () => void changes++);
    const started = runner.start();
    expect(runner.update(change(['analytics'], true, false))).to.equal(false, 'nothing ran yet: no reload');
    runner.update(change(['marketing'], true, true));
    expect(named.heard).to.deep.equal([]);
    expect(given.heard).to.deep.equal([], 'no adapter hears a change before the state on load');
    release();
    await started;
    const expected = ['start:necessary', 'update:analytics:necessary+analytics', 'update:marketing:necessary+analytics+marketing'];
    expect(given.heard).to.deep.equal(expected);
    expect(named.heard).to.deep.equal(expected);
    expect(runner.configured).to.deep.equal([named.adapter]);
    expect(changes).to.equal(1, 'the session heard once that the configured adapters changed');
    expect(givenList).to.deep.equal([given.adapter], 'the adapters given from code are left as they were');
    expect(Object.keys(element)).to.deep.equal([]);
  });

  it('retires an adapter a replaced config no longer names from its own list, not the element', async () => {
    const named = probe('runner-retired');
    registerAdapter('runner-retired', () => Promise.resolve({ default: () => named.adapter }));
    let config: ConsentConfig = parseConfig({ categories: CATEGORIES, dataLayer: false, adapters: { 'runner-retired': {} } }).config;
    let changes = 0;
    const runner = new AdapterRunner(element, state(true, true), () => config, () => [], () => void changes++);
    await runner.start();
    expect(runner.configured).to.deep.equal([named.adapter]);
    config = parseConfig({ categories: CATEGORIES, dataLayer: false }).config;
    await runner.start();
    expect(runner.configured).to.deep.equal([]);
    expect(changes).to.equal(2);
    expect(named.heard).to.deep.equal(['start:necessary+analytics+marketing', 'update:analytics+marketing:necessary'], 'told once that everything optional is withdrawn');
    runner.update(change(['analytics'], true, true));
    expect(named.heard).to.have.length(2, 'a retired adapter hears of no grant again');
  });
});
