import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../src/core/config.js';
import { categorizedDeclarations, declarationMatches, findDeclaration } from '../../src/core/declarations.js';

describe('declarationMatches', () => {
  it('matches an exact name and nothing longer or shorter', () => {
    assert.equal(declarationMatches({ name: '_ga', party: 'third' }, '_ga'), true);
    assert.equal(declarationMatches({ name: '_ga', party: 'third' }, '_ga_X1'), false);
    assert.equal(declarationMatches({ name: '_ga', party: 'third' }, '_g'), false);
  });

  it('matches names by pattern', () => {
    assert.equal(declarationMatches({ pattern: '^_ga_', party: 'third' }, '_ga_ABC'), true);
    assert.equal(declarationMatches({ pattern: '^_ga_', party: 'third' }, 'x_ga_ABC'), false);
  });

  it('matches nothing with an invalid pattern, instead of throwing', () => {
    assert.equal(declarationMatches({ pattern: '(', party: 'first' }, '('), false);
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
    assert.deepEqual(all.map(({ category, name, pattern }) => [category, name ?? pattern]), [
      ['necessary', 'session'],
      ['analytics', '^_ga'],
      ['analytics', '_gat'],
      ['marketing', '_fbp'],
    ]);
  });

  it('prefers an exact name to an earlier pattern, and finds nothing for an undeclared name', () => {
    const all = categorizedDeclarations(config);
    assert.equal(findDeclaration(all, '_gat')?.name, '_gat');
    assert.equal(findDeclaration(all, '_ga_1')?.pattern, '^_ga');
    assert.equal(findDeclaration(all, 'other'), undefined);
  });
});
