// Regenerates the audit's data files (run from the repository root, then commit the results):
//   node audit/scripts/build-data.mjs path/to/open-cookie-database.csv
// (the CSV from https://github.com/jkwakman/Open-Cookie-Database; data/SOURCE.md names the commit)
// - data/open-cookie-database.json: the Open Cookie Database (Apache-2.0), reduced to the columns
//   the audit reads; its LICENSE and SOURCE.md stay beside it.
// - data/button-texts.json: "Accept all" and "Reject all" in the element's 30 languages, read from
//   locales/*.xlf (the element's own translations), plus wordings other consent banners use.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const auditRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const repositoryRoot = join(auditRoot, '..');
const csvPath = process.argv[2];
if (!csvPath) {
  console.error('usage: node audit/scripts/build-data.mjs path/to/open-cookie-database.csv');
  process.exit(2);
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8'));
const column = (name) => {
  const index = header.indexOf(name);
  if (index < 0) throw new Error(`${csvPath}: no column "${name}"`);
  return index;
};
const columns = {
  platform: column('Platform'),
  category: column('Category'),
  name: column('Cookie / Data Key name'),
  domain: column('Domain'),
  description: column('Description'),
  retention: column('Retention period'),
  controller: column('Data Controller'),
  wildcard: column('Wildcard match'),
};
const entries = rows
  .filter((row) => row.length >= header.length && row[columns.name].trim())
  .map((row) => [
    row[columns.name].trim(),
    row[columns.wildcard].trim() === '1' ? 1 : 0,
    row[columns.platform].trim(),
    row[columns.category].trim(),
    row[columns.domain].trim(),
    row[columns.retention].trim(),
    row[columns.controller].trim(),
    row[columns.description].trim().replace(/\s+/g, ' '),
  ]);
writeFileSync(
  join(auditRoot, 'data', 'open-cookie-database.json'),
  `${JSON.stringify({
    source: 'Open Cookie Database, https://github.com/jkwakman/Open-Cookie-Database (Apache-2.0, see LICENSE and SOURCE.md beside this file)',
    columns: ['name', 'wildcard', 'platform', 'category', 'domain', 'retention', 'controller', 'description'],
    entries,
  })}\n`,
);
console.log(`data/open-cookie-database.json: ${entries.length} entries`);

/** The element's own translation of a message in one XLIFF file. */
function target(xlf, id) {
  const unit = xlf.match(new RegExp(`<trans-unit id="${id}">([\\s\\S]*?)</trans-unit>`));
  const text = unit?.[1].match(/<target>([\s\S]*?)<\/target>/)?.[1] ?? unit?.[1].match(/<source>([\s\S]*?)<\/source>/)?.[1];
  return text?.replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"').trim();
}

// Wordings other consent banners commonly use, so that sites with another consent manager are
// audited too. Kept to phrases that only mean "accept everything" or "refuse everything optional".
const COMMON_ACCEPT = [
  'Accept', 'Accept all', 'Accept all cookies', 'Accept cookies', 'Allow all', 'Allow all cookies', 'Allow cookies', 'I accept', 'I agree', 'Agree',
  'Agree and close', 'Got it', 'OK', 'Alle akzeptieren', 'Akzeptieren', 'Alle Cookies akzeptieren', 'Alle zulassen', 'Zustimmen', 'Tout accepter', 'Accepter',
  'Accepter tout', "J'accepte", 'Aceptar', 'Aceptar todo', 'Aceptar todas', 'Accetta', 'Accetta tutto', 'Accetta tutti', 'Alles accepteren', 'Accepteren',
  'Akceptuj wszystkie', 'Aceitar', 'Aceitar todos', 'Godkänn alla', 'Acceptera alla', 'Accepter alle', 'Hyväksy kaikki',
];
const COMMON_REJECT = [
  'Reject', 'Reject all', 'Reject all cookies', 'Reject cookies', 'Decline', 'Decline all', 'Deny', 'Deny all', 'Refuse', 'Refuse all',
  'Necessary only', 'Only necessary', 'Only necessary cookies', 'Use necessary cookies only', 'Continue without accepting', 'Ablehnen', 'Alle ablehnen',
  'Nur notwendige', 'Nur notwendige Cookies', 'Tout refuser', 'Refuser', 'Continuer sans accepter', 'Rechazar', 'Rechazar todo', 'Rifiuta', 'Rifiuta tutto',
  'Alles weigeren', 'Weigeren', 'Odrzuć wszystkie', 'Rejeitar', 'Rejeitar todos', 'Avvisa alla', 'Afvis alle', 'Hylkää kaikki',
];

const accept = new Map();
const reject = new Map();
const add = (map, text, language) => {
  if (!text) return;
  const key = text.toLowerCase();
  if (!map.has(key)) map.set(key, { text, language });
};
add(accept, 'Accept all', 'en');
add(reject, 'Reject all', 'en');
const localesDirectory = join(repositoryRoot, 'locales');
for (const file of readdirSync(localesDirectory).filter((name) => name.endsWith('.xlf')).sort()) {
  const xlf = readFileSync(join(localesDirectory, file), 'utf8');
  const language = basename(file, '.xlf');
  add(accept, target(xlf, 'cm.accept-all'), language);
  add(reject, target(xlf, 'cm.reject-all'), language);
}
for (const text of COMMON_ACCEPT) add(accept, text, 'common');
for (const text of COMMON_REJECT) add(reject, text, 'common');
writeFileSync(join(auditRoot, 'data', 'button-texts.json'), `${JSON.stringify({ accept: [...accept.values()], reject: [...reject.values()] }, null, 1)}\n`);
console.log(`data/button-texts.json: ${accept.size} accept and ${reject.size} reject wordings`);
