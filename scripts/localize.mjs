// `npm run localize`: refreshes locales/*.xlf from the msg() calls in src/ (new messages appear
// without a <target>, for translators), then generates src/l10n/generated/ from the XLIFF.
// `node scripts/localize.mjs --check` (part of `npm run lint`) does the same in a scratch folder
// and fails when the committed XLIFF or generated modules are out of date, or a message has no
// translation. XLIFF is the source of truth; the generated modules are never edited by hand.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const check = process.argv.includes('--check');
const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
const cli = resolve('node_modules/@lit/localize-tools/bin/lit-localize.js');

function run(configPath, command) {
  const result = spawnSync(process.execPath, [cli, '--config', configPath, command], { encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) {
    console.error(output);
    process.exit(result.status ?? 1);
  }
  return output;
}

if (!check) {
  run('lit-localize.json', 'extract');
  const output = run('lit-localize.json', 'build');
  const missing = output.split('\n').filter((line) => line.includes('is missing'));
  if (missing.length > 0) console.warn(`localize: ${missing.length} messages have no translation yet:\n${missing.join('\n')}`);
  console.log('localize: locales/ and src/l10n/generated/ are up to date');
} else {
  const scratch = mkdtempSync(join(tmpdir(), 'consent-localize-'));
  try {
    cpSync('locales', join(scratch, 'locales'), { recursive: true });
    const scratchConfig = {
      ...config,
      tsConfig: resolve(config.tsConfig),
      interchange: { ...config.interchange, xliffDir: join(scratch, 'locales') },
      output: { ...config.output, outputDir: join(scratch, 'generated'), localeCodesModule: join(scratch, 'generated', 'locale-codes.ts') },
    };
    const configPath = join(scratch, 'lit-localize.json');
    writeFileSync(configPath, JSON.stringify(scratchConfig));
    run(configPath, 'extract');
    const output = run(configPath, 'build');
    const problems = output.split('\n').filter((line) => /is missing|does not exist/.test(line));
    const compare = (committed, fresh) => {
      for (const name of new Set([...readdirSync(committed), ...readdirSync(fresh)])) {
        const read = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null);
        if (read(join(committed, name)) !== read(join(fresh, name))) problems.push(`${join(committed, name)} is out of date: run \`npm run localize\``);
      }
    };
    compare('locales', join(scratch, 'locales'));
    compare(config.output.outputDir, join(scratch, 'generated'));
    if (problems.length > 0) {
      console.error(`localize: ${problems.length} problems\n  ${problems.join('\n  ')}`);
      process.exit(1);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
