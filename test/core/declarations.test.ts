import { expect } from '@open-wc/testing';
import { parseConfig } from '../../src/core/config.js';
import { categorizedDeclarations, declarationMatches, findDeclaration } from '../../src/core/declarations.js';

describe('declarationMatches', () => {
  it('matches an exact name and nothing longer or shorter', () => {
    expect(declarationMatches({ name: '_ga', party: 'third' }, '_ga')).to.equal(true);
    expect(declarationMatches({ name: '_ga', party: 'third' }, '_ga_X1')).to.equal(false);
    expect(declarationMatches({ name: '_ga', party: 'third' }, '_g')).to.equal(false);
  });

  it('matches names by pattern', () => {
    expect(declarationMatches({ pattern: '^_ga_', party: 'third' }, '_ga_ABC')).to.equal(true);
    expect(declarationMatches({ pattern: '^_ga_', party: 'third' }, 'x_ga_ABC')).to.equal(false);
  });

  it('matches nothing with an invalid pattern, instead of throwing', () => {
    expect(declarationMatches({ pattern: '(', party: 'first' }, '(')).to.equal(false);
  });
});

describe('categorizedDeclarations and findDeclaration', () => {
  const { config } = parseConfig({
    categories: [
      { id: 'necessary', required: true, cookies: [{ name: 'session', party: 'first' }] },
      { id: 'analytics', cookies: [{ pattern: '^_ga', party: 'third' }, { name: '_gat', party: 'third' }] },
    ],
  });

  it('files each declaration under its category, adapters last', () => {
    const all = categorizedDeclarations(config, [{ name: '_fbp', party: 'third', category: 'marketing' }]);
    expect(all.map(({ category, name, pattern }) => [category, name ?? pattern])).to.deep.equal([
      ['necessary', 'session'],
      ['analytics', '^_ga'],
      ['analytics', '_gat'],
      ['marketing', '_fbp'],
    ]);
  });

  it('prefers an exact name to an earlier pattern, and finds nothing for an undeclared name', () => {
    const all = categorizedDeclarations(config);
    expect(findDeclaration(all, '_gat')?.name).to.equal('_gat');
    expect(findDeclaration(all, '_ga_1')?.pattern).to.equal('^_ga');
    expect(findDeclaration(all, 'other')).to.equal(undefined);
  });
});
