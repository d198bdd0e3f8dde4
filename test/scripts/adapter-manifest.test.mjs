// The adapter manifests (scripts/adapter-manifest.mjs): they list exactly the files in adapters/,
// say which adapters state Consent Mode and which need an optional peer, and a new adapter file
// the manifests do not list fails `npm run lint` with a message that says what to do.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { adapterManifest, MANIFEST_FILES, manifestProblems } from '../../scripts/adapter-manifest.mjs';

const root = process.cwd();
const scratches = [];
after(() => scratches.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of what the manifests are made from (adapters/, package.json and the committed manifests). */
function scratchCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'consent-adapters-'));
  scratches.push(dir);
  cpSync(join(root, 'adapters'), join(dir, 'adapters'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  for (const path of Object.values(MANIFEST_FILES)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    cpSync(join(root, path), join(dir, path));
  }
  return dir;
}

const ids = (text) => [...text.matchAll(/import\('\.\.\/\.\.\/adapters\/([^']+)\.js'\)/g)].map((match) => match[1]);
const committed = (path) => readFileSync(join(root, path), 'utf8');

describe('adapter manifests', () => {
  it('are current: what the committed files say is what adapters/ says', () => {
    assert.deepEqual(manifestProblems(root), []);
  });

  it('list exactly the files in adapters/, each once, those needing a peer apart', () => {
    const files = readdirSync(join(root, 'adapters'))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => name.slice(0, -3))
      .sort();
    const bundled = ids(committed(MANIFEST_FILES.loaders));
    const withPeers = ids(committed(MANIFEST_FILES.peerLoaders));
    assert.deepEqual([...bundled, ...withPeers].sort(), files);
    assert.deepEqual(withPeers, ['segment', 'stripe'], 'the adapters importing an optional peer are left to the script-tag bundle');
    assert.doesNotMatch(committed(MANIFEST_FILES.loaders), /segment|stripe/, 'the npm entry never reaches an adapter that needs a peer');
  });

  it('carry what each adapter says about itself: Consent Mode and its company', () => {
    assert.match(committed(MANIFEST_FILES.loaders), /CONSENT_MODE_ADAPTERS: ReadonlySet<string> = new Set\(\['google-ads', 'google-analytics', 'google-tag-manager'\]\)/);
    const companies = committed(MANIFEST_FILES.companies);
    assert.match(companies, /google: 'Google'/);
    assert.match(companies, /linkedin: 'LinkedIn'/);
    assert.doesNotMatch(companies, /matomo/, 'a self-hosted tool names no company');
  });

  it('fail the check when an adapter file has no entry, naming the file and the fix', () => {
    const dir = scratchCopy();
    const plausible = readFileSync(join(dir, 'adapters', 'hotjar.ts'), 'utf8').replace("company: 'Hotjar'", "company: 'Plausible'");
    writeFileSync(join(dir, 'adapters', 'plausible.ts'), plausible);
    assert.deepEqual(manifestProblems(dir), [
      `${MANIFEST_FILES.loaders} is out of date with adapters/ (no entry for adapters/plausible.ts): run \`npm run adapters\``,
      `${MANIFEST_FILES.companies} is out of date with adapters/: run \`npm run adapters\``,
    ]);
    for (const [path, content] of Object.entries(adapterManifest(dir))) writeFileSync(join(dir, path), content);
    assert.deepEqual(manifestProblems(dir), [], 'current once regenerated');
    assert.ok(ids(readFileSync(join(dir, MANIFEST_FILES.loaders), 'utf8')).includes('plausible'));
  });

  it('fail the check when an entry has no file any more', () => {
    const dir = scratchCopy();
    rmSync(join(dir, 'adapters', 'hotjar.ts'));
    assert.match(manifestProblems(dir)[0], /entries for missing files adapters\/hotjar\.ts/);
  });

  it('refuse an adapter that does not say what the element must know without loading it', () => {
    const dir = scratchCopy();
    writeFileSync(join(dir, 'adapters', 'acme.ts'), 'export default function acme() { return { id: "acme", cookies: [] }; }\n');
    assert.deepEqual(manifestProblems(dir), [
      'adapters/acme.ts does not say what the element needs to know without loading it: add `export const adapterInfo = { company: string | null, statesConsentMode?: boolean } satisfies AdapterInfo`',
    ]);
  });

  it('refuse an adapter importing a package that is no declared peer', () => {
    const dir = scratchCopy();
    const source = readFileSync(join(dir, 'adapters', 'hotjar.ts'), 'utf8');
    writeFileSync(join(dir, 'adapters', 'hotjar.ts'), `import 'left-pad';\n${source}`);
    assert.deepEqual(manifestProblems(dir), ['adapters/hotjar.ts imports left-pad, which package.json does not list as a peer dependency']);
  });

  it('refuse an adapterInfo that is not plain literals', () => {
    const dir = scratchCopy();
    const source = readFileSync(join(dir, 'adapters', 'hotjar.ts'), 'utf8').replace("company: 'Hotjar'", 'company: String("Hotjar")');
    writeFileSync(join(dir, 'adapters', 'hotjar.ts'), source);
    assert.match(manifestProblems(dir)[0], /adapters\/hotjar\.ts: adapterInfo\.company must be a literal/);
  });
});
