// Adapter options and the config are read in one vocabulary (src/core/field-reader.ts): the same
// bad value is described the same way, unknown fields are reported by name, and the adapters'
// messages keep their order: unknown fields first, then the options as the adapter lists them.
import { expect } from '@open-wc/testing';
import type { AdapterContext, AdapterOptionRule } from '../../src/core/adapter.js';
import { optionProblems } from '../../src/core/adapter-options.js';
import { parseConfig } from '../../src/core/config.js';
import { reported } from '../../src/diagnostics/report.js';
import { segment } from '../../adapters/segment.js';
import { stripe } from '../../adapters/stripe.js';
import { isolateAdapterTests, mountWithAdapters } from '../helpers/adapters.js';

const context = { categoryIds: ['necessary', 'analytics'] } as unknown as AdapterContext;
const isName = (value: unknown): boolean => typeof value === 'string' && /^[a-z]+$/.test(value);
const rules: Readonly<Record<string, AdapterOptionRule>> = {
  siteId: [(value) => typeof value === 'number', 'site-id', true],
  name: [isName, 'string'],
  category: [(value, given) => given.categoryIds.includes(value as string), 'category'],
};

describe('adapter options', () => {
  it('describe a bad value as the config does', () => {
    const long = `${'x'.repeat(50)}!`;
    const [fromConfig] = parseConfig({ language: long }).errors;
    const [fromAdapter] = optionProblems({ siteId: 1, name: long }, rules, context);
    expect(fromAdapter).to.deep.equal({ field: 'name', expected: 'string', got: fromConfig!.got });
    expect(fromAdapter!.got).to.equal(`"${'x'.repeat(40)}…"`);
    for (const value of [null, [1], { a: 1 }, 42, true]) {
      expect(optionProblems({ siteId: 1, name: value }, rules, context)[0]!.got).to.equal(parseConfig({ language: value }).errors[0]!.got);
    }
  });

  it('report unknown fields first, then each option in the order the adapter lists them, a missing required one too', () => {
    expect(optionProblems({ category: 'stats', colour: 'red', name: 'A', size: undefined }, rules, context)).to.deep.equal([
      { field: 'colour', expected: 'known-field' },
      { field: 'size', expected: 'known-field' },
      { field: 'siteId', expected: 'site-id', got: 'undefined' },
      { field: 'name', expected: 'string', got: '"A"' },
      { field: 'category', expected: 'category', got: '"stats"' },
    ]);
    expect(optionProblems({ siteId: 3, category: 'analytics' }, rules, context)).to.deep.equal([]);
  });

  it("report an adapter's default category the config does not have, unless the options name one", () => {
    expect(optionProblems({ siteId: 3 }, rules, context, 'marketing')).to.deep.equal([{ field: 'category', expected: 'default-category', got: '"marketing"' }]);
    expect(optionProblems({ siteId: 3 }, rules, context, 'analytics')).to.deep.equal([]);
    expect(optionProblems({ siteId: 3, category: 'analytics' }, rules, context, 'marketing')).to.deep.equal([]);
  });
});

// Every shipped adapter, each with valid required options and no `category`, on a site whose
// categories are named otherwise: each must say so rather than never load, silently. Segment and
// Stripe, whose JSON names only the script-tag bundle registers, are given from code.
const SHIPPED_WITHOUT_CATEGORY: Record<string, object> = {
  'google-ads': { conversionId: 'AW-123456789' },
  'google-analytics': { measurementId: 'G-TEST1234' },
  'google-tag-manager': { containerId: 'GTM-ABC1234' },
  hotjar: { siteId: 1234567 },
  'linkedin-insight': { partnerId: '123456' },
  matomo: { url: `${location.origin}/test/fixtures/matomo`, siteId: 3 },
  'meta-pixel': { pixelId: '1234567890' },
  'microsoft-clarity': { projectId: 'abcde12345' },
  'microsoft-uet': { tagId: '12345678' },
  paddle: { token: 'test_0123456789abcdef' },
  posthog: { apiKey: 'phc_TestProjectKey1234', apiHost: `${location.origin}/vendor/posthog` },
  'tiktok-pixel': { pixelId: 'ABCDEF1234567890ABCD' },
};

describe("an adapter whose default category the config does not have", () => {
  const output = isolateAdapterTests();

  it('reports it, once per adapter, naming the default, and loads nothing', async () => {
    const categories = [{ id: 'essential', required: true }, { id: 'statistics' }, { id: 'advertising' }];
    const externalScripts = (): string[] => [...document.scripts].filter(({ src }) => src !== '').map(({ src }) => src);
    const scriptsBefore = externalScripts();
    const { element, log } = await mountWithAdapters({ categories, adapters: SHIPPED_WITHOUT_CATEGORY }, [segment({ writeKey: 'abcDEF123' }), stripe({ publishableKey: 'pk_test_abc123' })]);
    const ids = [...Object.keys(SHIPPED_WITHOUT_CATEGORY), 'segment', 'stripe'];
    element.acceptAll();
    await reported();
    expect(log.errors.map(({ id }) => id).sort()).to.deep.equal(ids.sort());
    expect(log.errors.every(({ reason }) => reason === 'options')).to.equal(true);
    expect(log.loads).to.deep.equal([]);
    expect(externalScripts(), 'no vendor script inserted').to.deep.equal(scriptsBefore);
    const defaults = output.error.filter((line) => line.includes("this adapter's default"));
    expect(defaults).to.have.length(ids.length);
    expect(defaults.find((line) => line.includes('meta-pixel'))).to.contain('"marketing"');
    expect(defaults.find((line) => line.includes('stripe'))).to.contain('"necessary"');
  });
});
