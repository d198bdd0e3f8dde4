// The README's PHP recipe (the first ```php block), run with php-cli, decides "valid choice or
// not" exactly as readConsent does for the same cookie values, hostile ones included. Skipped
// where php-cli is missing (.ci/run installs it).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { encodeRecord, readConsent } from 'consent-manager-element/core';

const php = spawnSync('php', ['--version'], { encoding: 'utf8' }).status === 0;
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const recipe = /```php\n([\s\S]*?)\n```/.exec(readme)?.[1] ?? '';
// The function alone: the lines after it serve a page.
const recipeFunction = recipe.slice(0, recipe.indexOf('\n$language'));

const config = { revision: 3, categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }], storage: { expiresDays: 30 } };
const NOW = 1_763_800_000;
const record = (fields = {}) =>
  encodeRecord({ version: 1, id: '3q2-7wE8Tn6J0c1YbXk1vA', revision: 3, createdAt: NOW - 100, updatedAt: NOW - 50, granted: ['necessary', 'analytics'], denied: ['marketing'], method: 'banner', gpc: false, language: 'de-AT', ...fields });

describe('the PHP recipe in the README', { skip: php ? false : 'php-cli is not installed' }, () => {
  it('is found in the README', () => {
    assert.match(recipeFunction, /function consent_choice_is_valid\(/);
  });

  it('agrees with readConsent on valid, stale, edited and hostile values', () => {
    const valid = record();
    const values = [
      valid,
      record({ granted: ['necessary', 'analytics', 'marketing'], denied: [], method: 'gpc', gpc: true }),
      record({ updatedAt: NOW - 31 * 86_400, createdAt: NOW - 40 * 86_400 }),
      record({ updatedAt: NOW - 29 * 86_400, createdAt: NOW - 40 * 86_400 }),
      record({ revision: 2 }),
      record({ granted: ['necessary'], denied: ['analytics'] }),
      record({ updatedAt: NOW + 3600 }),
      record({ updatedAt: NOW + 500 }),
      record({ createdAt: NOW, updatedAt: NOW - 10 }),
      record({ granted: ['necessary', 'analytics'], denied: ['marketing', 'analytics'] }),
      record({ granted: ['necessary', 'analytics', 'analytics'], denied: ['marketing'] }),
      record({ language: 'x' }),
      valid.replace('g=necessary.analytics&d=marketing', 'g=necessary.analytics.marketing&d='),
      valid.slice(0, -1),
      `${valid}x`,
      valid.replace('v=1', 'v=2'),
      valid.replace('&m=banner', '&m=admin'),
      `${valid}\n`,
      valid.replace('r=3', 'r=03'),
      '',
      'v=1',
      '&s=',
      'x'.repeat(5000),
      `${valid.slice(0, valid.lastIndexOf('&s='))}&s=${'0'.repeat(7)}`,
      valid.replace('id=3q2-7wE8Tn6J0c1YbXk1vA', 'id=é'.padEnd(25, 'a')),
    ];
    const folder = mkdtempSync(join(tmpdir(), 'consent-php-'));
    try {
      const script = join(folder, 'check.php');
      writeFileSync(
        script,
        `${recipeFunction}\n$cases = json_decode(file_get_contents('php://stdin'), true);\necho json_encode(array_map(fn ($value) => consent_choice_is_valid($value, 3, ['analytics', 'marketing'], 30, ${NOW}), $cases));\n`,
      );
      const result = spawnSync('php', [script], { input: JSON.stringify(values), encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr || result.stdout);
      const answers = JSON.parse(result.stdout);
      values.forEach((value, index) => {
        const expected = readConsent([value], config, { now: NOW * 1000 }).categories !== null;
        assert.equal(answers[index], expected, `${JSON.stringify(value).slice(0, 120)}: readConsent says ${expected}`);
      });
      assert.ok(answers.filter(Boolean).length >= 4 && answers.filter((answer) => !answer).length >= 15, 'both answers are exercised');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
