// `npm run size`: gzip and brotli sizes of what a visitor downloads, checked against the budgets in
// package.json ("sizeBudgets", in gzip bytes). The script-tag entry with its static imports is
// what a new visitor's banner waits for (the first layer, src/first-layer.ts). The budgeted first
// load is all that a new visitor downloads in English: that, the element's chunk the entry imports
// once the banner is painted, and the banner and message chunks it fetches alongside
// (src/ui/banner-part.ts). A returning visitor downloads the entry and the element's chunk.
// Each file is compressed on its own, as a server sends it.
// Other lazily imported chunks (adapters, locales, the preferences dialog) are listed on their
// own, adapters also with the shared chunks they import. Exits 1 when a budget is exceeded.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = 'dist';
const ENTRY = join(DIST, 'consent-manager.js');
const budgets = JSON.parse(readFileSync('package.json', 'utf8')).sizeBudgets ?? {};

if (!existsSync(ENTRY)) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

/** Each file compressed on its own, as a server sends it, and summed. */
function sizes(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const content = readFileSync(file);
    total.raw += content.length;
    total.gzip += gzipSync(content, { level: 9 }).length;
    total.brotli += brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return total;
}

/** The files a module imports statically (`import … from "./x.js"`, `import "./x.js"`), transitively. */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    staticClosure(join(dirname(file), match[1]), seen);
  }
  return seen;
}

function allFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFiles(join(folder, entry.name)) : entry.name.endsWith('.js') ? [join(folder, entry.name)] : [],
  );
}

const rows = [];
const firstPaint = [...staticClosure(ENTRY)];
const chunks = allFiles(join(DIST, 'chunks'));
const elementChunks = chunks.filter((file) => /\/script-tag-element-[^/]+\.js$/.test(file));
// Chunk names end in an 8-character hash; `banner-messages-<language>` is the first layer's texts in one language.
const bannerChunks = chunks.filter((file) => /\/(banner|install)-[\w-]{8}\.js$/.test(file));
const germanTexts = chunks.filter((file) => /\/banner-messages-de-[\w-]{8}\.js$/.test(file));
if (bannerChunks.length !== 2 || elementChunks.length !== 1 || germanTexts.length !== 1) {
  console.error(`size: expected the element's chunk, the banner and message chunks and the German texts' chunk in dist/chunks, found ${elementChunks.length}, ${bannerChunks.length} and ${germanTexts.length}; update scripts/size.mjs`);
  process.exit(1);
}
const closure = (files) => [...new Set(files.flatMap((file) => [...staticClosure(file)]))];
const returning = closure([ENTRY, ...elementChunks]);
const firstLoad = closure([ENTRY, ...elementChunks, ...bannerChunks]);
rows.push({ name: 'first paint: new visitor (entry)', files: firstPaint, budget: budgets.firstPaint });
rows.push({ name: 'first paint: new visitor, German', files: closure([ENTRY, ...germanTexts]) });
rows.push({ name: 'first load: new visitor, English, banner', files: firstLoad, budget: budgets.firstLoad });
rows.push({ name: 'first load: returning visitor', files: returning });
const rest = allFiles(DIST).filter((file) => !firstLoad.includes(file));
for (const file of rest.sort()) {
  const name = relative(DIST, file);
  if (name.startsWith('adapters/')) {
    // The budget is the adapter's own chunk; `with shared` adds the chunks it imports that the
    // first load lacks (shared so that, say, both Google adapters pay for Consent Mode once).
    const shared = [...staticClosure(file)].filter((dependency) => dependency !== file && !firstLoad.includes(dependency));
    rows.push({ name, files: [file], budget: budgets.adapter, withShared: shared.length > 0 ? [file, ...shared] : undefined });
  } else {
    rows.push({ name, files: [file], budget: name === 'consent-defaults.js' ? budgets.consentDefaults : undefined });
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
let failed = false;
// As wide as the longest name: chunk names carry a hash and can be long.
const nameWidth = Math.max(44, ...rows.map(({ name }) => name.length));
console.log(`${'file'.padEnd(nameWidth)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}  ${'budget (gzip)'.padEnd(24)} with shared chunks (gzip)`);
for (const row of rows) {
  const size = sizes(row.files);
  const over = row.budget !== undefined && size.gzip > row.budget;
  failed ||= over;
  // Past the budget, by how many bytes: the kilobytes shown round them away.
  const budget = row.budget === undefined ? '' : `${kb(row.budget)} ${over ? `OVER by ${size.gzip - row.budget} B` : 'ok'}`;
  const withShared = row.withShared ? kb(sizes(row.withShared).gzip) : '';
  console.log(`${row.name.padEnd(nameWidth)} ${kb(size.raw).padStart(10)} ${kb(size.gzip).padStart(10)} ${kb(size.brotli).padStart(10)}  ${budget.padEnd(24)} ${withShared}`);
}
if (failed) {
  console.error('\nsize: over budget (budgets are "sizeBudgets" in package.json, in gzip bytes)');
  process.exit(1);
}
