// Adapter options and the config are read in one vocabulary (src/core/field-reader.ts): the same
// bad value is described the same way, unknown fields are reported by name, and the adapters'
// messages keep their order: unknown fields first, then the options as the adapter lists them.
import { expect } from '@open-wc/testing';
import type { AdapterContext, AdapterOptionRule } from '../../src/core/adapter.js';
import { optionProblems } from '../../src/core/adapter-options.js';
import { parseConfig } from '../../src/core/config.js';

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
});
