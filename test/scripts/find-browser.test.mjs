// scripts/find-browser.mjs, on made-up machines: folders of fake executables stand in for the
// browsers installed, so that no lookup depends on this machine and nothing is ever installed.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { locateBrowser } from '../../scripts/find-browser.mjs';

const SCRIPT = resolve('scripts/find-browser.mjs');
let machine;

/** Writes an executable shell script that prints `version` when asked for it, as browsers do. */
async function fakeBrowser(path, version = `Fake Chromium ${Math.random()}`) {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, `#!/bin/sh\necho "${version}"\n`);
  await chmod(path, 0o755);
  return { path, version };
}

/** Ubuntu's chromium-browser stub: it runs the snap when there is one and asks for it otherwise. */
async function snapStub(path) {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(
    path,
    '#!/bin/sh\nif [ -x /snap/bin/chromium ]; then\n  exec /snap/bin/chromium "$@"\nfi\necho "Command \'$0\' requires the chromium snap to be installed." >&2\nexit 1\n',
  );
  await chmod(path, 0o755);
  return path;
}

/** A folder of its own for each test, in the temporary machine. */
async function folder(name) {
  const path = join(machine, `${name}-${Math.random().toString(36).slice(2)}`);
  await mkdir(path, { recursive: true });
  return path;
}

/** A machine where nothing is found and nothing may be installed, unless a test says otherwise. */
function lookUp({ env = {}, fixedPaths = [], snapBrowser = join(machine, 'no-snap', 'chromium'), mayInstall = () => false, install = () => assert.fail('nothing may be installed') } = {}) {
  return locateBrowser({ env, fixedPaths, snapBrowser, mayInstall, install });
}

const execFileAsync = promisify(execFile);

/** Runs the script as a command, in `env` (with this PATH, for /bin/sh): its exit code and output. */
function runScript(env) {
  return execFileAsync(process.execPath, [SCRIPT], { env: { PATH: process.env.PATH, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

before(async () => {
  machine = await mkdtemp(join(tmpdir(), 'consent-find-browser-'));
});

after(async () => {
  await rm(machine, { recursive: true, force: true });
});

describe('find-browser', () => {
  it('takes CHROME_PATH first when it is an executable, over installed browsers', async () => {
    const chosen = await fakeBrowser(join(await folder('chosen'), 'my-chrome'));
    const installed = await fakeBrowser(join(await folder('usr-bin'), 'chromium'));
    const onPath = await folder('path');
    await fakeBrowser(join(onPath, 'google-chrome'));
    assert.deepEqual(lookUp({ env: { CHROME_PATH: chosen.path, PATH: onPath }, fixedPaths: [installed.path] }), { path: chosen.path });
  });

  it('prints the CHROME_PATH browser and its version when run as a command', async () => {
    const chosen = await fakeBrowser(join(await folder('chosen'), 'my-chrome'));
    const result = await runScript({ CHROME_PATH: chosen.path });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim(), `${chosen.path} (${chosen.version})`);
  });

  it('exits with one sentence naming CHROME_PATH when it is not an executable', async () => {
    const notExecutable = join(await folder('chosen'), 'chrome.txt');
    await writeFile(notExecutable, 'not a browser');
    const result = await runScript({ CHROME_PATH: notExecutable });
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.ok(result.stderr.startsWith(`CHROME_PATH is set to ${notExecutable}, which is not an executable file`), result.stderr);
  });

  it('finds a browser at a fixed path before one on PATH, and skips files that are not executable', async () => {
    const directory = await folder('fixed');
    const notExecutable = join(directory, 'chromium');
    await writeFile(notExecutable, 'not a browser');
    const fixed = await fakeBrowser(join(directory, 'chrome'));
    const onPath = await folder('path');
    await fakeBrowser(join(onPath, 'chromium'));
    assert.deepEqual(lookUp({ env: { PATH: onPath }, fixedPaths: [notExecutable, fixed.path] }), { path: fixed.path });
  });

  it('finds a browser by name in the PATH folders, in order', async () => {
    const empty = await folder('empty');
    const first = await folder('first');
    const second = await folder('second');
    const expected = await fakeBrowser(join(first, 'google-chrome'));
    await fakeBrowser(join(second, 'chromium'));
    assert.deepEqual(lookUp({ env: { PATH: [empty, first, second].join(delimiter) } }), { path: expected.path });
  });

  it("skips Ubuntu's chromium-browser snap stub while the snap is not installed", async () => {
    const stubFolder = await folder('stub');
    const stub = await snapStub(join(stubFolder, 'chromium-browser'));
    const later = await folder('later');
    const real = await fakeBrowser(join(later, 'chromium'));
    assert.deepEqual(lookUp({ env: { PATH: [stubFolder, later].join(delimiter) }, fixedPaths: [stub] }), { path: real.path });
  });

  it("takes Ubuntu's chromium-browser stub once the snap it runs is installed", async () => {
    const stubFolder = await folder('stub');
    const stub = await snapStub(join(stubFolder, 'chromium-browser'));
    const snap = await fakeBrowser(join(await folder('snap-bin'), 'chromium'));
    assert.deepEqual(lookUp({ env: { PATH: stubFolder }, snapBrowser: snap.path }), { path: stub });
  });

  it("takes a launcher script that runs a browser of its own, as Debian's chromium is", async () => {
    const launcher = join(await folder('usr-bin'), 'chromium');
    await writeFile(launcher, '#!/bin/sh\n# Chromium launcher\nexec /usr/lib/chromium/chromium "$@"\n');
    await chmod(launcher, 0o755);
    assert.deepEqual(lookUp({ fixedPaths: [launcher] }), { path: launcher });
  });

  it('says how to get a browser when none is found and it may not install one', async () => {
    const empty = await folder('empty');
    const stub = await snapStub(join(empty, 'chromium-browser'));
    const result = lookUp({ env: { PATH: empty }, fixedPaths: [join(empty, 'chromium'), stub] });
    assert.equal(result.path, undefined);
    assert.match(result.problem, /^No Chrome or Chromium was found: /);
    assert.match(result.problem, /sudo apt-get install chromium/);
    assert.match(result.problem, /set CHROME_PATH to its executable/);
  });

  it('installs a browser when nothing is found and it may, then finds the one installed', async () => {
    const target = join(await folder('usr-bin'), 'chromium');
    let installs = 0;
    const result = lookUp({
      fixedPaths: [target],
      mayInstall: () => true,
      // Synchronous, as the script runs apt-get.
      install: () => {
        installs += 1;
        writeFileSync(target, '#!/bin/sh\necho "Installed Chromium"\n', { mode: 0o755 });
        return true;
      },
    });
    assert.equal(installs, 1);
    assert.deepEqual(result, { path: target });
  });

  for (const [outcome, install] of [
    ['fails', () => false],
    ['leaves no browser behind', () => true],
  ]) {
    it(`says how to get a browser when the install ${outcome}`, async () => {
      const empty = await folder('empty');
      const result = lookUp({ env: { PATH: empty }, fixedPaths: [join(empty, 'chromium')], mayInstall: () => true, install });
      assert.equal(result.path, undefined);
      assert.match(result.problem, /^No Chrome or Chromium was found: /);
    });
  }
});
